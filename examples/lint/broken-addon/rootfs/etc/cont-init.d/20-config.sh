#!/usr/bin/with-contenv bashio
# shellcheck shell=bash
# Option names the schema does not have, and a function bashio does not have.
bashio::config.require 'database.host'
port=$(bashio::config 'databse.port')
if bashio::config.true 'ssl'; then
    bashio::log.info "TLS on port ${port}"
fi
if bashio::config.hasvalue 'log_level'; then
    bashio::log.level "$(bashio::config 'log_level')"
fi
