# A typical cont-init script: the body every row of the "typical script"
# benchmark runs (by bashio, by ours in each mode, and by floor.sh).
bashio::log.info "Setting up..."
bashio::config.require "database.host"
if ! bashio::config.has_value "database.password"; then bashio::exit.nok "no password"; fi
host=$(bashio::config "database.host")
port=$(bashio::config "database.port")
user=$(bashio::config "database.username")
domains=$(bashio::config "domains | join(\",\")")
count=$(bashio::config "logins|length")
bashio::config.true "ssl" && bashio::log.info "SSL on"
bashio::config.false "debug" && bashio::log.debug "no debug"
web=$(bashio::addon.port 80)
ingress=$(bashio::addon.ingress_port)
entry=$(bashio::addon.ingress_entry)
ip=$(bashio::addon.ip_address)
name=$(bashio::addon.name)
version=$(bashio::addon.version)
level=$(bashio::config "log_level")
bashio::var.has_value "${host}" && bashio::log.info "Database ${user}@${host}:${port}"
bashio::log.info "Done: ${name} ${version} on ${ip}:${web} (${ingress}${entry}) ${domains} ${count} ${level}"
