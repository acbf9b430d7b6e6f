# shellcheck shell=bash disable=SC2034
# ==============================================================================
# bashio: the bash side of the bashio binary.
#
# Sourcing this file (or running a script with `bashio SCRIPT`) gives a script
# every bashio:: function. Each one hands its arguments to the bashio binary;
# only what must change the calling shell (exit, the log level, try) is bash.
# This file is generated from the binary's function table: `bashio shim`.
# ==============================================================================
set -o errexit
set -o errtrace
set -o nounset
set -o pipefail
shopt -s inherit_errexit 2>/dev/null || true

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

# Constants scripts read (values as bashio defines them).
# @defaults (src/defaults.rs)
readonly __BASHIO_EXIT_OK=0
readonly __BASHIO_EXIT_NOK=1
# @levels (src/defaults.rs)
readonly __BASHIO_COLORS_ESCAPE="\033["
readonly __BASHIO_COLORS_RESET="\033[0m"
readonly __BASHIO_COLORS_DEFAULT="\033[39m"
readonly __BASHIO_COLORS_BLACK="\033[30m"
readonly __BASHIO_COLORS_RED="\033[31m"
readonly __BASHIO_COLORS_GREEN="\033[32m"
readonly __BASHIO_COLORS_YELLOW="\033[33m"
readonly __BASHIO_COLORS_BLUE="\033[34m"
readonly __BASHIO_COLORS_MAGENTA="\033[35m"
readonly __BASHIO_COLORS_CYAN="\033[36m"
readonly __BASHIO_COLORS_LIGHT_GRAY="\033[37m"
readonly __BASHIO_COLORS_BG_DEFAULT="\033[49m"
readonly __BASHIO_COLORS_BG_BLACK="\033[40m"
readonly __BASHIO_COLORS_BG_RED="\033[41m"
readonly __BASHIO_COLORS_BG_GREEN="\033[42m"
readonly __BASHIO_COLORS_BG_YELLOW="\033[43m"
readonly __BASHIO_COLORS_BG_BLUE="\033[44m"
readonly __BASHIO_COLORS_BG_MAGENTA="\033[45m"
readonly __BASHIO_COLORS_BG_CYAN="\033[46m"
readonly __BASHIO_COLORS_BG_WHITE="\033[47m"

# Settings, read once as bashio reads them. A level given by name (info,
# debug...) is taken as the level it names, any other word as the default.
declare __BASHIO_SUPERVISOR_API=${SUPERVISOR_API:-${__BASHIO_DEFAULT_SUPERVISOR_API}}
declare __BASHIO_SUPERVISOR_TOKEN=${SUPERVISOR_TOKEN:-${__BASHIO_DEFAULT_SUPERVISOR_TOKEN}}
declare __BASHIO_LOG_LEVEL=${LOG_LEVEL:-${__BASHIO_DEFAULT_LOG_LEVEL}}
declare __BASHIO_LOG_FORMAT=${LOG_FORMAT:-${__BASHIO_DEFAULT_LOG_FORMAT}}
declare __BASHIO_LOG_TIMESTAMP=${LOG_TIMESTAMP:-${__BASHIO_DEFAULT_LOG_TIMESTAMP}}
declare __BASHIO_HIBP_ENDPOINT=${HIBP_ENDPOINT:-${__BASHIO_DEFAULT_HIBP_ENDPOINT}}
declare __BASHIO_CACHE_DIR=${CACHE_DIR:-${__BASHIO_DEFAULT_CACHE_DIR}}
if ! [[ "${__BASHIO_LOG_LEVEL}" =~ ^[0-9]+$ ]]; then
    case "${__BASHIO_LOG_LEVEL,,}" in
        # @level-names (src/defaults.rs)
        *)
            # Anything else bashio compares arithmetically (`-1` logs
            # nothing, `+6` is 6), and so do the binary and the checks here.
            if [[ "${__BASHIO_LOG_LEVEL}" =~ ^[[:space:]]*[[:alpha:]_][[:alnum:]_]*[[:space:]]*$ ]]; then
                __BASHIO_LOG_LEVEL=${__BASHIO_DEFAULT_LOG_LEVEL}
            fi
            ;;
    esac
fi

declare __BASHIO_TRY_EXIT_STATUS=0
# @deprecation-state (src/table/deprecated.rs)

# Log lines go to the stdout the script started with, kept open as LOG_FD, so
# `value=$(bashio::config key)` captures the value and not the log lines.
if ! [[ "${LOG_FD:-}" =~ ^[0-9]+$ ]] || ! (
    exec 2>/dev/null
    : >&"${LOG_FD:-}"
); then
    exec {LOG_FD}>&1
fi
export LOG_FD

# Calls one function of the binary, telling it whether errexit is in force
# here: bash ignores it inside conditions (if, while, ||, &&, !), inside
# `eval` or `source` run as one, and under `set +e`; bashio's functions then
# go on past a failing command. A subshell that fails with errexit's own
# rules answers exactly (its ERR trap is off so that the script's does not
# run); `local` keeps the probe's own status from counting.
__bashio_call() {
    local __bashio_errexit=0
    if [[ $- == *e* ]]; then
        # shellcheck disable=SC2155
        local __bashio_probe=$(builtin trap '' ERR; false; echo 0)
        __bashio_errexit=${__bashio_probe:-1}
    fi
    __bashio_exec "${__bashio_errexit}" "$@"
}

# Runs the binary: ERREXIT NAME ARGS... Functions whose result cannot depend
# on errexit come here directly and skip the probe's fork.
# Arguments travel in the environment of that one process (never in its
# argv, which every user can read); very long ones through a pipe instead,
# as the environment limits each string's size.
# Status 240+N from the binary means the function exited the script with N.
__bashio_exec() {
    local __bashio_errexit=${1} __bashio_name=${2} __bashio_arg __bashio_count=0 __bashio_status=0 __bashio_long=0
    shift 2
    for __bashio_arg in "$@"; do
        __bashio_count=$((__bashio_count + 1))
        if ((${#__bashio_arg} > 30000)); then
            __bashio_long=1
            break
        fi
        local -x "__BASHIO_ARG${__bashio_count}=${__bashio_arg}"
    done
    if ((__bashio_long)); then
        printf '%s\0' "$@" | __BASHIO_ARGC=stdin __BASHIO_ERREXIT=${__bashio_errexit} \
            __BASHIO_LOG_LEVEL=${__BASHIO_LOG_LEVEL} \
            __BASHIO_LOG_FORMAT=${__BASHIO_LOG_FORMAT} \
            __BASHIO_LOG_TIMESTAMP=${__BASHIO_LOG_TIMESTAMP} \
            __BASHIO_SUPERVISOR_API=${__BASHIO_SUPERVISOR_API} \
            __BASHIO_SUPERVISOR_TOKEN=${__BASHIO_SUPERVISOR_TOKEN} \
            __BASHIO_CACHE_DIR=${__BASHIO_CACHE_DIR} \
            __BASHIO_HIBP_ENDPOINT=${__BASHIO_HIBP_ENDPOINT} \
            "${__BASHIO_BIN}" "${__bashio_name}" || __bashio_status=$?
    else
        __BASHIO_ARGC=${__bashio_count} __BASHIO_ERREXIT=${__bashio_errexit} \
            __BASHIO_LOG_LEVEL=${__BASHIO_LOG_LEVEL} \
            __BASHIO_LOG_FORMAT=${__BASHIO_LOG_FORMAT} \
            __BASHIO_LOG_TIMESTAMP=${__BASHIO_LOG_TIMESTAMP} \
            __BASHIO_SUPERVISOR_API=${__BASHIO_SUPERVISOR_API} \
            __BASHIO_SUPERVISOR_TOKEN=${__BASHIO_SUPERVISOR_TOKEN} \
            __BASHIO_CACHE_DIR=${__BASHIO_CACHE_DIR} \
            __BASHIO_HIBP_ENDPOINT=${__BASHIO_HIBP_ENDPOINT} \
            "${__BASHIO_BIN}" "${__bashio_name}" || __bashio_status=$?
    fi
    if ((__bashio_status >= 240 && __bashio_status < 250)); then
        exit $((__bashio_status - 240))
    fi
    return "${__bashio_status}"
}

# The bodies of the generated functions: the function's own name says which
# function of the binary to run.
__bashio_fn() {
    __bashio_call "${FUNCNAME[1]#bashio::}" "$@"
}
__bashio_fn_noprobe() {
    __bashio_exec 1 "${FUNCNAME[1]#bashio::}" "$@"
}

# @deprecation-helper (src/table/deprecated.rs)
