#!/usr/bin/env bash
# Records the public function names of a bashio checkout (what `declare -F`
# shows after sourcing it, without its __internal helpers), sorted, into
# tests/data/bashio_functions.txt, which `bashio --list` is tested against.
#   tests/data/record_function_names.sh /path/to/bashio-checkout
set -euo pipefail
checkout=${1:?usage: $0 BASHIO_CHECKOUT}
here=$(cd "$(dirname "$0")" && pwd)
bash -c 'source "$1/lib/bashio.sh"; declare -F' _ "${checkout}" |
    awk '{ print $3 }' | grep -v '__' | LC_ALL=C sort >"${here}/bashio_functions.txt"
wc -l <"${here}/bashio_functions.txt"
