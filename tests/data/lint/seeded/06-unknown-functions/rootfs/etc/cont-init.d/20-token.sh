#!/usr/bin/with-contenv bashio
if ! bashio::config.hasvalue 'token'; then
    bashio::warning "No token set"
fi
if bashio::command.exists curl; then
    bashio::log.info "curl is there"
fi
bashio::log.info "Version $(bashio::addon.version)"
