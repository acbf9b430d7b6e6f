#!/usr/bin/env bash
# The function library (BASHIO_BUILTINS=0) against another build of the
# binary, say the release before the builtins, in the same run: an empty
# script, the typical script (benches/typical.sh) and one cached call from
# another shell. Build the other binary as README's Install says, then:
#
#   benches/fallback.sh OTHER_BINARY [OUR_BINARY]
#
# OUR_BINARY defaults to what benches/run.sh builds. RUNS sets hyperfine's runs.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
other=$1
host=$(rustc -vV | sed -n 's/^host: //p')
ours=${2:-${here}/target/${host}/release/bashio}
# shellcheck source=benches/mock.sh
source "${here}/benches/mock.sh"
export BASHIO_BUILTINS=0

for who in other ours; do
    printf '#!%s\n' "${!who}" >"${work}/${who}-empty.sh"
    { printf '#!%s\n' "${!who}"; cat "${here}/benches/typical.sh"; } >"${work}/${who}-typical.sh"
    chmod +x "${work}/${who}-"*.sh
    "${work}/${who}-typical.sh" >/dev/null # warm the cache
done
hyperfine -N --warmup 5 --runs "${RUNS:-40}" \
    "${work}/other-empty.sh" "${work}/ours-empty.sh" \
    "${work}/other-typical.sh" "${work}/ours-typical.sh" \
    "${other} config database.host" "${ours} config database.host"
