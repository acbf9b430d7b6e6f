#!/usr/bin/with-contenv bashio
case "$(bashio::config 'DB_CONNECTION')" in
    mariadb)
        host=$(bashio::config 'DB_HOST')
        ;;
    *)
        host=localhost
        ;;
esac
if bashio::config.true 'ssl'; then
    bashio::config.require.ssl
    cert=$(bashio::config 'certfile')
    echo "${cert}" > /etc/cert
fi
echo "$(bashio::config 'database') ${host}" > /etc/db
if bashio::config.exists 'old_option'; then
    bashio::addon.option 'old_option'
fi
