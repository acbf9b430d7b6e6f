#!/usr/bin/with-contenv bashio
# shellcheck shell=bash
# ==============================================================================
# Prepares the data directory before the application starts.
# ==============================================================================
mkdir -p /data/app
if ! bashio::fs.directory_exists '/data/app/cache'; then
    mkdir -p /data/app/cache
fi
bashio::log.info "Data directory ready for $(bashio::app.name)"
