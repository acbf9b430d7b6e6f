#!/usr/bin/env bash
# Records the default values of the optional positional parameters of every
# public function of a bashio checkout into tests/data/bashio_defaults.tsv
# (function, position, default; tab-separated, sorted), which the table's
# usage texts are tested against (`bashio help NAME` must tell each default).
#   tests/data/record_defaults.sh /path/to/bashio-checkout
#
# It reads each function as bash itself prints it (`declare -f` after sourcing
# the library), so only function bodies count, and takes every `${N:-WORD}`
# (or `${N-WORD}`) with a non-empty WORD; quotes around WORD are dropped, and a
# WORD naming another parameter (`"addons.${slug}.stats"`) is kept as written.
# Defaults a body assigns later, when the parameter came empty (`if [[ -z
# "${x}" ]]; then x=...`, `if bashio::var.is_empty "${x}"; then x=...`), are
# not recorded: they are listed on stderr for a person to judge.
set -euo pipefail
checkout=${1:?usage: $0 BASHIO_CHECKOUT}
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck disable=SC2016 # the script is for the inner bash
bash -c '
    source "$1/lib/bashio.sh"
    for name in $(declare -F | awk "{ print \$3 }" | grep -v "__"); do
        declare -f "${name}"
    done' _ "${checkout}" |
    awk -v notes=/dev/stderr '
        function unquote(word) {
            if (word ~ /^'\''.*'\''$/ || word ~ /^".*"$/) {
                return substr(word, 2, length(word) - 2)
            }
            return word
        }
        # A function starts with its name and "()" alone on a line.
        /^[^ ]+ \(\) *$/ { function_name = $1; watched = ""; next }
        {
            # Parameters bound to a local: `local x=${2:-...}`.
            if (match($0, /^ *local [A-Za-z_][A-Za-z0-9_]*="?\$\{[0-9]+/)) {
                binding = substr($0, RSTART, RLENGTH)
                sub(/^ *local /, "", binding)
                split(binding, parts, "=")
                position_of[function_name, parts[1]] = substr(parts[2], index(parts[2], "{") + 1)
            }
            # Every ${N:-WORD}, WORD up to the brace that closes the expansion.
            rest = $0
            while (match(rest, /\$\{[0-9]+:?-/)) {
                position = substr(rest, RSTART + 2, RLENGTH - 2)
                sub(/:?-$/, "", position)
                rest = substr(rest, RSTART + RLENGTH)
                depth = 1
                for (i = 1; i <= length(rest); i++) {
                    c = substr(rest, i, 1)
                    if (c == "{") depth++
                    if (c == "}" && --depth == 0) break
                }
                word = unquote(substr(rest, 1, i - 1))
                rest = substr(rest, i + 1)
                if (word != "") {
                    printf "%s\t%s\t%s\n", function_name, position, word
                }
            }
            # Conditional defaults: a test for emptiness, then an assignment.
            if (watched != "") {
                if ($0 ~ /^ *if /) nesting++
                if ($0 ~ /^ *fi;? *$/ && --nesting == 0) watched = ""
                position = position_of[function_name, watched]
                if (watched != "" && position != "" && $0 ~ ("^ *" watched "=")) {
                    sub(/^ */, "", $0)
                    printf "note: %s sets parameter %s (%s) when it came empty: %s\n",
                        function_name, position, watched, $0 >notes
                }
            } else if (match($0, /^ *if (\[\[ -z "?\$\{|bashio::var\.is_empty "\$\{|! bashio::var\.has_value "\$\{)[A-Za-z_][A-Za-z0-9_]*\}/)) {
                watched = substr($0, RSTART, RLENGTH - 1)
                sub(/.*\{/, "", watched)
                nesting = 1
            }
        }' |
    LC_ALL=C sort -u -t "$(printf '\t')" -k1,1 -k2,2n >"${here}/bashio_defaults.tsv"
wc -l <"${here}/bashio_defaults.tsv"
