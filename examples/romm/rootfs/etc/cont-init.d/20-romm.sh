#!/usr/bin/with-contenv bashio
# shellcheck shell=bash
# ==============================================================================
# RomM example: checks the options, prepares directories, and hands the
# settings to the service through the container environment.
# ROOT is empty in a real container; the example runner points it elsewhere.
# ==============================================================================
ROOT="${ROOT:-}"
CONTENV="${BASHIO_CONTENV_DIR:-/run/s6/container_environment}"

bashio::log.info "Setting up RomM..."

if ! bashio::config.has_value 'database.host'; then
    bashio::exit.nok "Database host is required!"
fi
if ! bashio::config.has_value 'database.password'; then
    bashio::exit.nok "Database password is required!"
fi
bashio::config.require 'auth_secret_key' "RomM signs its sessions with it"

library=$(bashio::config 'library_path')
bashio::log.info "Library: ${library}"
mkdir -p "${ROOT}${library}" "${ROOT}/data/resources" "${ROOT}/data/assets" "${ROOT}/romm"
for part in resources assets; do
    ln -sfn "${ROOT}/data/${part}" "${ROOT}/romm/${part}"
done
ln -sfn "${ROOT}${library}" "${ROOT}/romm/library"

# Settings for the service: one file per variable.
export_env() {
    printf '%s' "${2}" >"${CONTENV}/${1}"
}
export_env DB_HOST "$(bashio::config 'database.host')"
export_env DB_PORT "$(bashio::config 'database.port')"
export_env DB_NAME "$(bashio::config 'database.name')"
export_env DB_USER "$(bashio::config 'database.user')"
export_env DB_PASSWD "$(bashio::config 'database.password')"
export_env ROMM_AUTH_SECRET_KEY "$(bashio::config 'auth_secret_key')"
export_env ROMM_PORT "$(bashio::addon.ingress_port)"

bashio::log.info "RomM is configured for database $(bashio::config 'database.name') on $(bashio::config 'database.host')."
