#!/usr/bin/env bash
# The bash floor of benches/typical.sh: the same script, under the options
# bashio sets, with every bashio call a shell function that prints a
# constant. What remains is bash's own cost for the script: its start, its
# `$(...)` forks, its conditions. No implementation of the calls can go below it.
set -o errexit -o errtrace -o nounset -o pipefail
shopt -s inherit_errexit
bashio::log.info() { echo "[T] INFO: $*"; }
bashio::log.debug() { :; }
bashio::config.require() { :; }
bashio::config.has_value() { return 0; }
bashio::config.true() { return 0; }
bashio::config.false() { return 0; }
bashio::var.has_value() { return 0; }
bashio::exit.nok() { exit 1; }
bashio::config() { echo value; }
bashio::addon.port() { echo 8080; }
bashio::addon.ingress_port() { echo 8099; }
bashio::addon.ingress_entry() { echo /api; }
bashio::addon.ip_address() { echo 172.30.33.1; }
bashio::addon.name() { echo Example; }
bashio::addon.version() { echo 1.0.0; }
source "$(dirname "${BASH_SOURCE[0]}")/typical.sh"
