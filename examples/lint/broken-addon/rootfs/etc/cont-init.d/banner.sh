#!/usr/bin/with-contenv bashio
# shellcheck shell=bash
# Not executable (0644) and without an NN- order prefix.
bashio::log.info "Starting $(bashio::addon.name)..."
