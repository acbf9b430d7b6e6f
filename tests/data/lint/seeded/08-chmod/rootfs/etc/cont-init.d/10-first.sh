#!/usr/bin/with-contenv bashio
bashio::log.info "first"
