#!/usr/bin/with-contenv bashio
# Saved with Windows line endings: "bashio\r: not found".
bashio::log.info "ready"
