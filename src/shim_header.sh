# shellcheck shell=bash disable=SC2034
# ==============================================================================
# bashio: the bash side of the bashio binary.
#
# Sourcing this file (or running a script with `bashio SCRIPT`) gives a script
# every bashio:: function: a builtin from libbashio_builtins.so beside the binary, or,
# where bash cannot load it, a function that hands its arguments to the
# binary; only what must change the calling shell (the log level, try...) is
# bash. This file is generated from the binary's function table: `bashio shim`.
# ==============================================================================
# @options (src/shim.rs)

# The binary: named by the interpreter, beside this file once installed, or on PATH.
if [[ -z "${__BASHIO_BIN:-}" || ! -x "${__BASHIO_BIN}" ]]; then
    if [[ -x "${BASH_SOURCE[0]%/*}/bashio" && ! -d "${BASH_SOURCE[0]%/*}/bashio" ]]; then
        __BASHIO_BIN="${BASH_SOURCE[0]%/*}/bashio"
    else
        __BASHIO_BIN=$(command -v bashio) || {
            echo "bashio: cannot find the bashio binary" >&2
            return 127 2>/dev/null || exit 127
        }
    fi
fi
export __BASHIO_BIN
