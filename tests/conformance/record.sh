#!/usr/bin/env bash
# Records what the reference bashio does with every conformance case, writing
# tests/conformance/expected/<case>.json, so `cargo test --test conformance`
# can hold our bashio to it.
#
# Usage: tests/conformance/record.sh /path/to/bashio-checkout [JQ]
#   The checkout is bashio v0.19.0 (its lib/bashio is run as the interpreter).
#   JQ is a jq 1.8 binary: the second argument, else $JQ, else `jq18` on PATH.
#   Set BASHIO_CONFORMANCE_FILTER=text to record only the cases whose names
#   contain it (expected files of removed cases are then left alone).
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
    sed -n '6,10p' "$0" >&2
    exit 2
fi

checkout=$(cd "$1" && pwd)
if [[ ! -f "${checkout}/lib/bashio" ]]; then
    echo "record.sh: ${checkout} has no lib/bashio; is it a bashio checkout?" >&2
    exit 1
fi

if ! command -v curl >/dev/null; then
    echo "record.sh: bashio needs curl, which is not on PATH" >&2
    exit 1
fi

jq=${2:-${JQ:-jq18}}
if ! jq=$(command -v "${jq}"); then
    echo "record.sh: no jq 1.8 found (give its path as the second argument or in \$JQ)" >&2
    exit 1
fi
version=$("${jq}" --version)
if [[ "${version}" != jq-1.8* ]]; then
    echo "record.sh: ${jq} is ${version}; bashio's output is recorded with jq 1.8" >&2
    exit 1
fi

cd "$(dirname "$0")/../.."
BASHIO_REFERENCE="${checkout}" BASHIO_REFERENCE_JQ="${jq}" \
    cargo test --test conformance -- --nocapture
