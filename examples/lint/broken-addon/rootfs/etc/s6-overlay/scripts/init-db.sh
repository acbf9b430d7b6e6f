#!/usr/local/bin/bashio
# shellcheck shell=bash
# Not executable (0644), and bashio is /usr/bin/bashio in the base images.
bashio::log.info "Preparing the database..."
