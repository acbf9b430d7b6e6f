#!/usr/bin/env bash
# Runs the RomM example add-on end to end without a Supervisor: its cont-init
# script, then its service, each executed as a file through the built
# with-contenv and bashio, in a temporary root, with local options.
#   examples/run-local.sh [path-to-bashio-binary]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
binary=$(realpath "${1:-${here}/../target/release/bashio}")
root=$(mktemp -d)
trap 'rm -rf "${root}"' EXIT

mkdir -p "${root}/bin" "${root}/contenv" "${root}/etc" "${root}/tmp"
ln -s "${binary}" "${root}/bin/bashio"
ln -s "${binary}" "${root}/bin/with-contenv"
cp "${here}/romm/rootfs/usr/bin/romm-server" "${root}/bin/"
cp -r "${here}/romm/rootfs/etc/." "${root}/etc/"
# The scripts' shebangs point at /usr/bin/with-contenv in an image; here at ours.
for script in "${root}"/etc/cont-init.d/* "${root}"/etc/services.d/*/run; do
    sed -i "1s|^#!/usr/bin/with-contenv|#!${root}/bin/with-contenv|" "${script}"
done

# The container environment s6 would have: what the scripts need to run.
printf '%s' "${root}/bin:/usr/bin:/bin" >"${root}/contenv/PATH"
printf '%s' "${root}" >"${root}/contenv/ROOT"
printf '%s' "${root}/contenv" >"${root}/contenv/BASHIO_CONTENV_DIR"
printf '%s' "${here}/romm/options.json" >"${root}/contenv/BASHIO_OPTIONS_FILE"
printf '%s' "${here}/romm/config.yaml" >"${root}/contenv/BASHIO_ADDON_CONFIG"
printf '%s' "${root}/tmp/.bashio" >"${root}/contenv/CACHE_DIR"

export BASHIO_CONTENV_DIR="${root}/contenv"
for script in "${root}"/etc/cont-init.d/*; do
    "${script}"
done
(cd "${root}/etc/services.d/romm" && ./run)
