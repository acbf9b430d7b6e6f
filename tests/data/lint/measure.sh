#!/usr/bin/env bash
# Lints every add-on under CORPUS_DIR (each directory holding a config.yaml,
# config.yml or config.json) and counts findings per level and check.
#   tests/data/lint/measure.sh CORPUS_DIR [BASHIO]
# BASHIO defaults to target/debug/bashio. Prints the add-on count, the
# finding counts per level:check, and the totals; with MEASURE_LIST=error it
# also lists every error-level finding.
set -euo pipefail
corpus=${1:?usage: measure.sh CORPUS_DIR [BASHIO]}
bashio=${2:-$(dirname "$0")/../../../target/debug/bashio}
[ -d "$corpus" ] || { echo "measure.sh: $corpus is not a directory" >&2; exit 100; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
count=0
while IFS= read -r -d '' config; do
    addon=$(dirname "$config")
    case "$addon" in */.*) continue ;; esac
    count=$((count + 1))
    "$bashio" lint "$addon" --format json 2>/dev/null |
        jq -r '.[] | [.level, .check, .file, (.line|tostring), .message] | @tsv' >>"$out" || true
done < <(find "$corpus" -maxdepth 3 \( -name config.yaml -o -name config.yml -o -name config.json \) \
    -not -path '*/rootfs/*' -not -path '*/.*' -print0 | sort -z)
echo "add-ons: $count"
cut -f1,2 "$out" | sort | uniq -c | sort -k2,2 -k1,1rn | awk '{printf "%6d %s:%s\n", $1, $2, $3}'
printf 'errors: %d\nwarnings: %d\n' "$(grep -c '^error' "$out" || true)" "$(grep -c '^warning' "$out" || true)"
if [ "${MEASURE_LIST:-}" = error ]; then
    grep '^error' "$out" | cut -f2- || true
fi
