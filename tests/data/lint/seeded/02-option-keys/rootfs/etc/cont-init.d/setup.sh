#!/usr/bin/with-contenv bashio
host=$(bashio::config 'database.host')
port=$(bashio::config 'database.hots')
level=$(bashio::config 'loglevel')
for i in $(seq 0 2); do
    user=$(bashio::config "logins[${i}].username")
    echo "${user}"
done
first=$(bashio::config 'logins[0].username')
echo "${host}:${port} ${level} ${first}" > /etc/app.conf
