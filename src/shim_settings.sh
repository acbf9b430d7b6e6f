# Constants scripts read (values as bashio defines them).
# @constants (src/defaults.rs)

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

# Log lines go to the stdout the script started with, kept open as LOG_FD, so
# `value=$(bashio::config key)` captures the value and not the log lines.
if ! [[ "${LOG_FD:-}" =~ ^[0-9]+$ ]] || ! (
    exec 2>/dev/null
    : >&"${LOG_FD:-}"
); then
    exec {LOG_FD}>&1
fi
export LOG_FD
