#!/usr/bin/with-contenv bash
set -e
port=$(bashio::config 'port')
echo "listening on ${port}" > /etc/app.conf
