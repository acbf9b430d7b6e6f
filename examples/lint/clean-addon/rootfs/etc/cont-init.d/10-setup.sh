#!/usr/bin/with-contenv bashio
# shellcheck shell=bash
# ==============================================================================
# Checks the options and writes the application's configuration.
# ==============================================================================
bashio::config.require 'database.host' "the application needs its database"
bashio::config.require.ssl

declare -a logins=()
for index in $(bashio::config 'logins|keys[]'); do
    user=$(bashio::config "logins[${index}].username")
    logins+=("${user}")
done

case "$(bashio::config 'database.port')" in
    5432) bashio::log.info "PostgreSQL on its usual port" ;;
    *) bashio::log.notice "PostgreSQL on port $(bashio::config 'database.port')" ;;
esac

# The heredoc is text: bashio::not.a_call in it is not a call.
cat > /etc/app.conf <<CONF
host = $(bashio::config 'database.host')
users = ${logins[*]:-}
# bashio::not.a_call
CONF
