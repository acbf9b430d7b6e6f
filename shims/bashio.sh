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
set -o errexit -o errtrace -o nounset -o pipefail
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

# Functions that must be bash: they change the calling shell.
bashio::log.level() {
    local __bashio_level
    __bashio_level=$(__bashio_call bashio::log.__level_number "$@") || exit "$?"
    export __BASHIO_LOG_LEVEL="${__bashio_level}"
}
bashio::log.reinitialize_output() {
    if [[ "${LOG_FD:-}" =~ ^[0-9]+$ ]] && (
        exec 2>/dev/null
        : >&"${LOG_FD}"
    ); then
        eval "exec ${LOG_FD}>&1"
    fi
}
bashio::apps.__deprecated() {
    local old=${1} new=${2}
    if [[ -z "${__BASHIO_APP_DEPRECATION_WARNED[${old}]:-}" ]]; then
        __BASHIO_APP_DEPRECATION_WARNED[${old}]=1
        bashio::log.warning "${old} is deprecated, use ${new} instead."
    fi
}
bashio::debug() {
    ! [[ "${__BASHIO_LOG_LEVEL}" -lt 6 ]]
}
bashio::trace() {
    ! [[ "${__BASHIO_LOG_LEVEL}" -lt 7 ]]
}
bashio::try() {
    set +e
    (
        set -e
        "$@"
    )
    __BASHIO_TRY_EXIT_STATUS=$?
    set -e
}
bashio::try.succeeded() {
    ((__BASHIO_TRY_EXIT_STATUS == 0))
}
bashio::try.failed() {
    ((__BASHIO_TRY_EXIT_STATUS != 0))
}
bashio::var.defined() {
    local variable=${1}
    if ! [[ "${__BASHIO_LOG_LEVEL}" -lt 7 ]] 2>/dev/null; then
        __bashio_call bashio::log.trace "${FUNCNAME[0]}" "$@"
    fi
    [[ "${!variable-X}" = "${!variable-Y}" ]]
}
bashio::contenv.set() {
    __bashio_call bashio::contenv.__write "$@" || return "$?"
    export "${1}=${2}"
}
bashio::contenv.unset() {
    __bashio_call bashio::contenv.__remove "$@" || return "$?"
    unset "${1}"
}

# Builtins: every other function runs inside bash, from the library
# beside the binary, when bash can load it. It sets the constants,
# settings and arrays itself, or leaves their code to bash in __bashio_settings.
if [[ "${BASHIO_BUILTINS:-1}" != 0 && -f "${__BASHIO_BIN%/*}/libbashio_builtins.so" ]] &&
    enable -f "${__BASHIO_BIN%/*}/libbashio_builtins.so" __bashio_builtins_ready 2>/dev/null &&
    __bashio_builtins_ready c9adf48ac166e13d; then
    if [[ -n "${__bashio_settings:-}" ]]; then
        eval "${__bashio_settings}"
        unset __bashio_settings
    fi
    __bashio_call() { "$@"; }
    return 0 2>/dev/null
fi
__BASHIO_MODE=functions

# Otherwise each function runs the binary.
# Constants scripts read (values as bashio defines them).
readonly __BASHIO_DEFAULT_CACHE_DIR="/tmp/.bashio"
readonly __BASHIO_DEFAULT_HIBP_ENDPOINT="https://api.pwnedpasswords.com/range"
readonly __BASHIO_DEFAULT_LOG_FORMAT="[{TIMESTAMP}] {LEVEL}: {MESSAGE}"
readonly __BASHIO_DEFAULT_LOG_LEVEL=5
readonly __BASHIO_DEFAULT_LOG_TIMESTAMP="%T"
readonly __BASHIO_DEFAULT_SUPERVISOR_API="http://supervisor"
readonly __BASHIO_DEFAULT_SUPERVISOR_TOKEN=""
readonly __BASHIO_EXIT_OK=0
readonly __BASHIO_EXIT_NOK=1
readonly __BASHIO_LOG_LEVEL_ALL=8
readonly __BASHIO_LOG_LEVEL_DEBUG=6
readonly __BASHIO_LOG_LEVEL_ERROR=2
readonly __BASHIO_LOG_LEVEL_FATAL=1
readonly __BASHIO_LOG_LEVEL_INFO=5
readonly __BASHIO_LOG_LEVEL_NOTICE=4
readonly __BASHIO_LOG_LEVEL_OFF=0
readonly __BASHIO_LOG_LEVEL_TRACE=7
readonly __BASHIO_LOG_LEVEL_WARNING=3
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
        all) __BASHIO_LOG_LEVEL=8 ;;
        trace) __BASHIO_LOG_LEVEL=7 ;;
        debug) __BASHIO_LOG_LEVEL=6 ;;
        info) __BASHIO_LOG_LEVEL=5 ;;
        notice) __BASHIO_LOG_LEVEL=4 ;;
        warning) __BASHIO_LOG_LEVEL=3 ;;
        error) __BASHIO_LOG_LEVEL=2 ;;
        fatal | critical) __BASHIO_LOG_LEVEL=1 ;;
        off) __BASHIO_LOG_LEVEL=0 ;;
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
readonly -A __BASHIO_LOG_LEVELS=(
    [0]="OFF" [1]="FATAL" [2]="ERROR" [3]="WARNING" [4]="NOTICE"
    [5]="INFO" [6]="DEBUG" [7]="TRACE" [8]="ALL"
)
declare -gA __BASHIO_APP_DEPRECATION_WARNED=()

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

# A deprecated name: NEW ARGS... The first call in a shell has the binary
# warn, then run NEW, in one process; later calls run NEW alone.
__bashio_deprecated() {
    local __bashio_old=${FUNCNAME[1]}
    if [[ -n "${__BASHIO_APP_DEPRECATION_WARNED[${__bashio_old}]:-}" ]]; then
        "${1}" "${@:2}"
        return
    fi
    __BASHIO_APP_DEPRECATION_WARNED[${__bashio_old}]=1
    __bashio_call "${__bashio_old#bashio::}" "${@:2}"
}

bashio::log() { __bashio_fn_noprobe "$@"; }
bashio::log.red() { __bashio_fn_noprobe "$@"; }
bashio::log.green() { __bashio_fn_noprobe "$@"; }
bashio::log.yellow() { __bashio_fn_noprobe "$@"; }
bashio::log.blue() { __bashio_fn_noprobe "$@"; }
bashio::log.magenta() { __bashio_fn_noprobe "$@"; }
bashio::log.cyan() { __bashio_fn_noprobe "$@"; }
bashio::log.log() { __bashio_fn_noprobe "$@"; }
bashio::log.trace() { __bashio_fn_noprobe "$@"; }
bashio::log.debug() { __bashio_fn_noprobe "$@"; }
bashio::log.info() { __bashio_fn_noprobe "$@"; }
bashio::log.notice() { __bashio_fn_noprobe "$@"; }
bashio::log.warning() { __bashio_fn_noprobe "$@"; }
bashio::log.error() { __bashio_fn_noprobe "$@"; }
bashio::log.fatal() { __bashio_fn_noprobe "$@"; }
bashio::log.__level_number() { __bashio_fn_noprobe "$@"; }
bashio::color.reset() { __bashio_fn_noprobe "$@"; }
bashio::color.default() { __bashio_fn_noprobe "$@"; }
bashio::color.black() { __bashio_fn_noprobe "$@"; }
bashio::color.red() { __bashio_fn_noprobe "$@"; }
bashio::color.green() { __bashio_fn_noprobe "$@"; }
bashio::color.yellow() { __bashio_fn_noprobe "$@"; }
bashio::color.blue() { __bashio_fn_noprobe "$@"; }
bashio::color.magenta() { __bashio_fn_noprobe "$@"; }
bashio::color.cyan() { __bashio_fn_noprobe "$@"; }
bashio::color.bg.default() { __bashio_fn_noprobe "$@"; }
bashio::color.bg.black() { __bashio_fn_noprobe "$@"; }
bashio::color.bg.red() { __bashio_fn_noprobe "$@"; }
bashio::color.bg.green() { __bashio_fn_noprobe "$@"; }
bashio::color.bg.yellow() { __bashio_fn_noprobe "$@"; }
bashio::color.bg.blue() { __bashio_fn_noprobe "$@"; }
bashio::color.bg.magenta() { __bashio_fn_noprobe "$@"; }
bashio::color.bg.cyan() { __bashio_fn_noprobe "$@"; }
bashio::color.bg.white() { __bashio_fn_noprobe "$@"; }
bashio::fs.directory_exists() { __bashio_fn_noprobe "$@"; }
bashio::fs.file_exists() { __bashio_fn_noprobe "$@"; }
bashio::fs.file_non_empty() { __bashio_fn_noprobe "$@"; }
bashio::fs.device_exists() { __bashio_fn_noprobe "$@"; }
bashio::fs.socket_exists() { __bashio_fn_noprobe "$@"; }
bashio::info() { __bashio_fn "$@"; }
bashio::info.supervisor() { __bashio_fn "$@"; }
bashio::info.homeassistant() { __bashio_fn "$@"; }
bashio::info.hassos() { __bashio_fn "$@"; }
bashio::info.hostname() { __bashio_fn "$@"; }
bashio::info.machine() { __bashio_fn "$@"; }
bashio::info.arch() { __bashio_fn "$@"; }
bashio::info.channel() { __bashio_fn "$@"; }
bashio::info.supported_arch() { __bashio_fn "$@"; }
bashio::info.logging() { __bashio_fn "$@"; }
bashio::info.timezone() { __bashio_fn "$@"; }
bashio::info.supported() { __bashio_fn "$@"; }
bashio::info.docker() { __bashio_fn "$@"; }
bashio::info.operating_system() { __bashio_fn "$@"; }
bashio::info.state() { __bashio_fn "$@"; }
bashio::cache.__valid_key() { __bashio_fn_noprobe "$@"; }
bashio::cache.exists() { __bashio_fn_noprobe "$@"; }
bashio::cache.get() { __bashio_fn_noprobe "$@"; }
bashio::cache.set() { __bashio_fn_noprobe "$@"; }
bashio::cache.flush() { __bashio_fn_noprobe "$@"; }
bashio::cache.flush_all() { __bashio_fn_noprobe "$@"; }
bashio::apps.reload() { __bashio_fn "$@"; }
bashio::app.start() { __bashio_fn "$@"; }
bashio::app.restart() { __bashio_fn "$@"; }
bashio::app.stop() { __bashio_fn "$@"; }
bashio::app.install() { __bashio_fn "$@"; }
bashio::app.rebuild() { __bashio_fn "$@"; }
bashio::app.uninstall() { __bashio_fn "$@"; }
bashio::app.update() { __bashio_fn "$@"; }
bashio::app.logs() { __bashio_fn "$@"; }
bashio::app.documentation() { __bashio_fn "$@"; }
bashio::app.changelog() { __bashio_fn "$@"; }
bashio::apps() { __bashio_fn "$@"; }
bashio::apps.installed() { __bashio_fn "$@"; }
bashio::app.installed() { __bashio_fn "$@"; }
bashio::app.slug() { __bashio_fn "$@"; }
bashio::app.name() { __bashio_fn "$@"; }
bashio::app.hostname() { __bashio_fn "$@"; }
bashio::app.dns() { __bashio_fn "$@"; }
bashio::app.description() { __bashio_fn "$@"; }
bashio::app.long_description() { __bashio_fn "$@"; }
bashio::app.auto_update() { __bashio_fn "$@"; }
bashio::app.url() { __bashio_fn "$@"; }
bashio::app.detached() { __bashio_fn "$@"; }
bashio::app.available() { __bashio_fn "$@"; }
bashio::app.advanced() { __bashio_fn "$@"; }
bashio::app.stage() { __bashio_fn "$@"; }
bashio::app.startup() { __bashio_fn "$@"; }
bashio::app.arch() { __bashio_fn "$@"; }
bashio::app.machine() { __bashio_fn "$@"; }
bashio::app.repository() { __bashio_fn "$@"; }
bashio::app.version() { __bashio_fn "$@"; }
bashio::app.version_latest() { __bashio_fn "$@"; }
bashio::app.update_available() { __bashio_fn "$@"; }
bashio::app.state() { __bashio_fn "$@"; }
bashio::app.boot() { __bashio_fn "$@"; }
bashio::app.build() { __bashio_fn "$@"; }
bashio::app.options() { __bashio_fn "$@"; }
bashio::app.option() { __bashio_fn "$@"; }
bashio::app.config() { __bashio_fn "$@"; }
bashio::app.network() { __bashio_fn "$@"; }
bashio::app.network_description() { __bashio_fn "$@"; }
bashio::app.port() { __bashio_fn "$@"; }
bashio::app.port_description() { __bashio_fn "$@"; }
bashio::app.host_network() { __bashio_fn "$@"; }
bashio::app.host_pid() { __bashio_fn "$@"; }
bashio::app.host_ipc() { __bashio_fn "$@"; }
bashio::app.host_dbus() { __bashio_fn "$@"; }
bashio::app.privileged() { __bashio_fn "$@"; }
bashio::app.apparmor() { __bashio_fn "$@"; }
bashio::app.devices() { __bashio_fn "$@"; }
bashio::app.udev() { __bashio_fn "$@"; }
bashio::app.uart() { __bashio_fn "$@"; }
bashio::app.usb() { __bashio_fn "$@"; }
bashio::app.icon() { __bashio_fn "$@"; }
bashio::app.logo() { __bashio_fn "$@"; }
bashio::app.has_documentation() { __bashio_fn "$@"; }
bashio::app.has_changelog() { __bashio_fn "$@"; }
bashio::app.hassio_api() { __bashio_fn "$@"; }
bashio::app.hassio_role() { __bashio_fn "$@"; }
bashio::app.homeassistant() { __bashio_fn "$@"; }
bashio::app.homeassistant_api() { __bashio_fn "$@"; }
bashio::app.auth_api() { __bashio_fn "$@"; }
bashio::app.protected() { __bashio_fn "$@"; }
bashio::app.rating() { __bashio_fn "$@"; }
bashio::app.stdin() { __bashio_fn "$@"; }
bashio::app.full_access() { __bashio_fn "$@"; }
bashio::app.webui() { __bashio_fn "$@"; }
bashio::app.gpio() { __bashio_fn "$@"; }
bashio::app.kernel_modules() { __bashio_fn "$@"; }
bashio::app.devicetree() { __bashio_fn "$@"; }
bashio::app.docker_api() { __bashio_fn "$@"; }
bashio::app.video() { __bashio_fn "$@"; }
bashio::app.audio() { __bashio_fn "$@"; }
bashio::app.audio_input() { __bashio_fn "$@"; }
bashio::app.audio_output() { __bashio_fn "$@"; }
bashio::app.ip_address() { __bashio_fn "$@"; }
bashio::app.ingress() { __bashio_fn "$@"; }
bashio::app.ingress_entry() { __bashio_fn "$@"; }
bashio::app.ingress_url() { __bashio_fn "$@"; }
bashio::app.ingress_port() { __bashio_fn "$@"; }
bashio::app.ingress_panel() { __bashio_fn "$@"; }
bashio::app.watchdog() { __bashio_fn "$@"; }
bashio::app.stats() { __bashio_fn "$@"; }
bashio::app.cpu_percent() { __bashio_fn "$@"; }
bashio::app.memory_usage() { __bashio_fn "$@"; }
bashio::app.memory_limit() { __bashio_fn "$@"; }
bashio::app.memory_percent() { __bashio_fn "$@"; }
bashio::app.network_tx() { __bashio_fn "$@"; }
bashio::app.network_rx() { __bashio_fn "$@"; }
bashio::app.blk_read() { __bashio_fn "$@"; }
bashio::app.blk_write() { __bashio_fn "$@"; }
bashio::require.protected() { __bashio_fn "$@"; }
bashio::require.unprotected() { __bashio_fn "$@"; }
bashio::api.supervisor() { __bashio_fn "$@"; }
bashio::audio.update() { __bashio_fn "$@"; }
bashio::audio.reload() { __bashio_fn "$@"; }
bashio::audio.restart() { __bashio_fn "$@"; }
bashio::audio.logs() { __bashio_fn "$@"; }
bashio::audio.volume() { __bashio_fn "$@"; }
bashio::audio.mute() { __bashio_fn "$@"; }
bashio::audio.default() { __bashio_fn "$@"; }
bashio::audio.profile() { __bashio_fn "$@"; }
bashio::audio() { __bashio_fn "$@"; }
bashio::audio.version() { __bashio_fn "$@"; }
bashio::audio.version_latest() { __bashio_fn "$@"; }
bashio::audio.update_available() { __bashio_fn "$@"; }
bashio::audio.host() { __bashio_fn "$@"; }
bashio::audio.stats() { __bashio_fn "$@"; }
bashio::audio.cpu_percent() { __bashio_fn "$@"; }
bashio::audio.memory_usage() { __bashio_fn "$@"; }
bashio::audio.memory_limit() { __bashio_fn "$@"; }
bashio::audio.memory_percent() { __bashio_fn "$@"; }
bashio::audio.network_tx() { __bashio_fn "$@"; }
bashio::audio.network_rx() { __bashio_fn "$@"; }
bashio::audio.blk_read() { __bashio_fn "$@"; }
bashio::audio.blk_write() { __bashio_fn "$@"; }
bashio::auth() { __bashio_fn "$@"; }
bashio::auth.list() { __bashio_fn "$@"; }
bashio::auth.reset() { __bashio_fn "$@"; }
bashio::auth.cache.reset() { __bashio_fn "$@"; }
bashio::backups.reload() { __bashio_fn "$@"; }
bashio::backups.freeze() { __bashio_fn "$@"; }
bashio::backups.thaw() { __bashio_fn "$@"; }
bashio::backups.days_until_stale() { __bashio_fn "$@"; }
bashio::backups() { __bashio_fn "$@"; }
bashio::backup.type() { __bashio_fn "$@"; }
bashio::backup.name() { __bashio_fn "$@"; }
bashio::backup.date() { __bashio_fn "$@"; }
bashio::backup.size() { __bashio_fn "$@"; }
bashio::backup.size_bytes() { __bashio_fn "$@"; }
bashio::backup.protected() { __bashio_fn "$@"; }
bashio::backup.location() { __bashio_fn "$@"; }
bashio::backup.homeassistant_version() { __bashio_fn "$@"; }
bashio::backup.supervisor_version() { __bashio_fn "$@"; }
bashio::backup.addons() { __bashio_fn "$@"; }
bashio::backup.repositories() { __bashio_fn "$@"; }
bashio::backup.folders() { __bashio_fn "$@"; }
bashio::backup.homeassistant_exclude_database() { __bashio_fn "$@"; }
bashio::backup.compressed() { __bashio_fn "$@"; }
bashio::backup.homeassistant() { __bashio_fn "$@"; }
bashio::backup.new_full() { __bashio_fn "$@"; }
bashio::backup.new_partial() { __bashio_fn "$@"; }
bashio::backup.delete() { __bashio_fn "$@"; }
bashio::backup.restore_full() { __bashio_fn "$@"; }
bashio::backup.restore_partial() { __bashio_fn "$@"; }
bashio::cli.update() { __bashio_fn "$@"; }
bashio::cli() { __bashio_fn "$@"; }
bashio::cli.version() { __bashio_fn "$@"; }
bashio::cli.version_latest() { __bashio_fn "$@"; }
bashio::cli.update_available() { __bashio_fn "$@"; }
bashio::cli.stats() { __bashio_fn "$@"; }
bashio::cli.cpu_percent() { __bashio_fn "$@"; }
bashio::cli.memory_usage() { __bashio_fn "$@"; }
bashio::cli.memory_limit() { __bashio_fn "$@"; }
bashio::cli.memory_percent() { __bashio_fn "$@"; }
bashio::cli.network_tx() { __bashio_fn "$@"; }
bashio::cli.network_rx() { __bashio_fn "$@"; }
bashio::cli.blk_read() { __bashio_fn "$@"; }
bashio::cli.blk_write() { __bashio_fn "$@"; }
bashio::config() { __bashio_fn "$@"; }
bashio::config.exists() { __bashio_fn "$@"; }
bashio::config.has_value() { __bashio_fn "$@"; }
bashio::config.is_empty() { __bashio_fn "$@"; }
bashio::config.equals() { __bashio_fn "$@"; }
bashio::config.true() { __bashio_fn "$@"; }
bashio::config.false() { __bashio_fn "$@"; }
bashio::config.is_safe_password() { __bashio_fn "$@"; }
bashio::config.require() { __bashio_fn "$@"; }
bashio::config.suggest() { __bashio_fn "$@"; }
bashio::config.suggest.true() { __bashio_fn "$@"; }
bashio::config.suggest.false() { __bashio_fn "$@"; }
bashio::config.require.username() { __bashio_fn "$@"; }
bashio::config.suggest.username() { __bashio_fn "$@"; }
bashio::config.require.password() { __bashio_fn "$@"; }
bashio::config.suggest.password() { __bashio_fn "$@"; }
bashio::config.require.safe_password() { __bashio_fn "$@"; }
bashio::config.suggest.safe_password() { __bashio_fn "$@"; }
bashio::config.require.ssl() { __bashio_fn "$@"; }
bashio::core.start() { __bashio_fn "$@"; }
bashio::core.stop() { __bashio_fn "$@"; }
bashio::core.restart() { __bashio_fn "$@"; }
bashio::core.rebuild() { __bashio_fn "$@"; }
bashio::core.update() { __bashio_fn "$@"; }
bashio::core.check() { __bashio_fn "$@"; }
bashio::core.logs() { __bashio_fn "$@"; }
bashio::core() { __bashio_fn "$@"; }
bashio::core.version() { __bashio_fn "$@"; }
bashio::core.version_latest() { __bashio_fn "$@"; }
bashio::core.update_available() { __bashio_fn "$@"; }
bashio::core.arch() { __bashio_fn "$@"; }
bashio::core.machine() { __bashio_fn "$@"; }
bashio::core.image() { __bashio_fn "$@"; }
bashio::core.custom() { __bashio_fn "$@"; }
bashio::core.boot() { __bashio_fn "$@"; }
bashio::core.port() { __bashio_fn "$@"; }
bashio::core.ssl() { __bashio_fn "$@"; }
bashio::core.watchdog() { __bashio_fn "$@"; }
bashio::core.stats() { __bashio_fn "$@"; }
bashio::core.cpu_percent() { __bashio_fn "$@"; }
bashio::core.memory_usage() { __bashio_fn "$@"; }
bashio::core.memory_limit() { __bashio_fn "$@"; }
bashio::core.memory_percent() { __bashio_fn "$@"; }
bashio::core.network_tx() { __bashio_fn "$@"; }
bashio::core.network_rx() { __bashio_fn "$@"; }
bashio::core.blk_read() { __bashio_fn "$@"; }
bashio::core.blk_write() { __bashio_fn "$@"; }
bashio::pwned.is_safe_password() { __bashio_fn "$@"; }
bashio::pwned.occurrences() { __bashio_fn "$@"; }
bashio::pwned.occurances() { __bashio_fn "$@"; }
bashio::pwned() { __bashio_fn "$@"; }
bashio::exit.nok() { __bashio_fn_noprobe "$@"; }
bashio::exit.ok() { __bashio_fn_noprobe "$@"; }
bashio::exit.die_if_false() { __bashio_fn_noprobe "$@"; }
bashio::exit.die_if_true() { __bashio_fn_noprobe "$@"; }
bashio::exit.die_if_empty() { __bashio_fn_noprobe "$@"; }
hass.die_if_true() { __bashio_fn_noprobe "$@"; }
hass.die_if_empty() { __bashio_fn_noprobe "$@"; }
bashio::discovery() { __bashio_fn "$@"; }
bashio::discovery.delete() { __bashio_fn "$@"; }
bashio::docker() { __bashio_fn "$@"; }
bashio::docker.version() { __bashio_fn "$@"; }
bashio::docker.storage() { __bashio_fn "$@"; }
bashio::docker.logging() { __bashio_fn "$@"; }
bashio::docker.enable_ipv6() { __bashio_fn "$@"; }
bashio::docker.mtu() { __bashio_fn "$@"; }
bashio::docker.options() { __bashio_fn "$@"; }
bashio::docker.registries() { __bashio_fn "$@"; }
bashio::docker.registries.add() { __bashio_fn "$@"; }
bashio::docker.registries.delete() { __bashio_fn "$@"; }
bashio::dns.update() { __bashio_fn "$@"; }
bashio::dns.reset() { __bashio_fn "$@"; }
bashio::dns.restart() { __bashio_fn "$@"; }
bashio::dns.options() { __bashio_fn "$@"; }
bashio::dns.logs() { __bashio_fn "$@"; }
bashio::dns() { __bashio_fn "$@"; }
bashio::dns.host() { __bashio_fn "$@"; }
bashio::dns.version() { __bashio_fn "$@"; }
bashio::dns.version_latest() { __bashio_fn "$@"; }
bashio::dns.update_available() { __bashio_fn "$@"; }
bashio::dns.locals() { __bashio_fn "$@"; }
bashio::dns.servers() { __bashio_fn "$@"; }
bashio::dns.stats() { __bashio_fn "$@"; }
bashio::dns.cpu_percent() { __bashio_fn "$@"; }
bashio::dns.memory_usage() { __bashio_fn "$@"; }
bashio::dns.memory_limit() { __bashio_fn "$@"; }
bashio::dns.memory_percent() { __bashio_fn "$@"; }
bashio::dns.network_tx() { __bashio_fn "$@"; }
bashio::dns.network_rx() { __bashio_fn "$@"; }
bashio::dns.blk_read() { __bashio_fn "$@"; }
bashio::dns.blk_write() { __bashio_fn "$@"; }
bashio::hardware() { __bashio_fn "$@"; }
bashio::hardware.audio() { __bashio_fn "$@"; }
bashio::hardware.serial() { __bashio_fn "$@"; }
bashio::hardware.input() { __bashio_fn "$@"; }
bashio::hardware.disk() { __bashio_fn "$@"; }
bashio::hardware.gpio() { __bashio_fn "$@"; }
bashio::hardware.usb() { __bashio_fn "$@"; }
bashio::host.reload() { __bashio_fn "$@"; }
bashio::host.shutdown() { __bashio_fn "$@"; }
bashio::host.reboot() { __bashio_fn "$@"; }
bashio::host.logs() { __bashio_fn "$@"; }
bashio::host() { __bashio_fn "$@"; }
bashio::host.services() { __bashio_fn "$@"; }
bashio::host.disk_usage() { __bashio_fn "$@"; }
bashio::host.hostname() { __bashio_fn "$@"; }
bashio::host.features() { __bashio_fn "$@"; }
bashio::host.operating_system() { __bashio_fn "$@"; }
bashio::host.kernel() { __bashio_fn "$@"; }
bashio::host.chassis() { __bashio_fn "$@"; }
bashio::host.deployment() { __bashio_fn "$@"; }
bashio::host.cpe() { __bashio_fn "$@"; }
bashio::host.disk_free() { __bashio_fn "$@"; }
bashio::host.disk_total() { __bashio_fn "$@"; }
bashio::host.disk_used() { __bashio_fn "$@"; }
bashio::ingress.panels() { __bashio_fn "$@"; }
bashio::ingress.session() { __bashio_fn "$@"; }
bashio::ingress.validate_session() { __bashio_fn "$@"; }
bashio::jobs.reset() { __bashio_fn "$@"; }
bashio::jobs.options() { __bashio_fn "$@"; }
bashio::jobs() { __bashio_fn "$@"; }
bashio::job.name() { __bashio_fn "$@"; }
bashio::job.reference() { __bashio_fn "$@"; }
bashio::job.progress() { __bashio_fn "$@"; }
bashio::job.stage() { __bashio_fn "$@"; }
bashio::job.done() { __bashio_fn "$@"; }
bashio::job.created() { __bashio_fn "$@"; }
bashio::job.child_jobs() { __bashio_fn "$@"; }
bashio::job.errors() { __bashio_fn "$@"; }
bashio::job.extra() { __bashio_fn "$@"; }
bashio::job.delete() { __bashio_fn "$@"; }
bashio::jq() { __bashio_fn_noprobe "$@"; }
bashio::jq.exists() { __bashio_fn_noprobe "$@"; }
bashio::jq.has_value() { __bashio_fn_noprobe "$@"; }
bashio::jq.is() { __bashio_fn_noprobe "$@"; }
bashio::jq.is_boolean() { __bashio_fn_noprobe "$@"; }
bashio::jq.is_string() { __bashio_fn_noprobe "$@"; }
bashio::jq.is_object() { __bashio_fn_noprobe "$@"; }
bashio::jq.is_number() { __bashio_fn_noprobe "$@"; }
bashio::jq.is_array() { __bashio_fn_noprobe "$@"; }
bashio::mounts() { __bashio_fn "$@"; }
bashio::mounts.list() { __bashio_fn "$@"; }
bashio::mounts.default_backup_mount() { __bashio_fn "$@"; }
bashio::mounts.create() { __bashio_fn "$@"; }
bashio::mounts.options() { __bashio_fn "$@"; }
bashio::mount.reload() { __bashio_fn "$@"; }
bashio::mount.delete() { __bashio_fn "$@"; }
bashio::multicast.update() { __bashio_fn "$@"; }
bashio::multicast.restart() { __bashio_fn "$@"; }
bashio::multicast.logs() { __bashio_fn "$@"; }
bashio::multicast() { __bashio_fn "$@"; }
bashio::multicast.version() { __bashio_fn "$@"; }
bashio::multicast.version_latest() { __bashio_fn "$@"; }
bashio::multicast.update_available() { __bashio_fn "$@"; }
bashio::multicast.stats() { __bashio_fn "$@"; }
bashio::multicast.cpu_percent() { __bashio_fn "$@"; }
bashio::multicast.memory_usage() { __bashio_fn "$@"; }
bashio::multicast.memory_limit() { __bashio_fn "$@"; }
bashio::multicast.memory_percent() { __bashio_fn "$@"; }
bashio::multicast.network_tx() { __bashio_fn "$@"; }
bashio::multicast.network_rx() { __bashio_fn "$@"; }
bashio::multicast.blk_read() { __bashio_fn "$@"; }
bashio::multicast.blk_write() { __bashio_fn "$@"; }
bashio::net.wait_for() { __bashio_fn "$@"; }
bashio::network.reload() { __bashio_fn "$@"; }
bashio::network() { __bashio_fn "$@"; }
bashio::network.host_internet() { __bashio_fn "$@"; }
bashio::network.supervisor_internet() { __bashio_fn "$@"; }
bashio::network.interfaces() { __bashio_fn "$@"; }
bashio::network.interface() { __bashio_fn "$@"; }
bashio::network.name() { __bashio_fn "$@"; }
bashio::network.type() { __bashio_fn "$@"; }
bashio::network.enabled() { __bashio_fn "$@"; }
bashio::network.connected() { __bashio_fn "$@"; }
bashio::network.ipv4_method() { __bashio_fn "$@"; }
bashio::network.ipv6_method() { __bashio_fn "$@"; }
bashio::network.ipv4_address() { __bashio_fn "$@"; }
bashio::network.ipv6_address() { __bashio_fn "$@"; }
bashio::network.ipv4_nameservers() { __bashio_fn "$@"; }
bashio::network.ipv6_nameservers() { __bashio_fn "$@"; }
bashio::network.ipv4_gateway() { __bashio_fn "$@"; }
bashio::network.ipv6_gateway() { __bashio_fn "$@"; }
bashio::network.ipv4() { __bashio_fn "$@"; }
bashio::network.ipv6() { __bashio_fn "$@"; }
bashio::observer.update() { __bashio_fn "$@"; }
bashio::observer() { __bashio_fn "$@"; }
bashio::observer.version() { __bashio_fn "$@"; }
bashio::observer.version_latest() { __bashio_fn "$@"; }
bashio::observer.update_available() { __bashio_fn "$@"; }
bashio::observer.host() { __bashio_fn "$@"; }
bashio::observer.stats() { __bashio_fn "$@"; }
bashio::observer.cpu_percent() { __bashio_fn "$@"; }
bashio::observer.memory_usage() { __bashio_fn "$@"; }
bashio::observer.memory_limit() { __bashio_fn "$@"; }
bashio::observer.memory_percent() { __bashio_fn "$@"; }
bashio::observer.network_tx() { __bashio_fn "$@"; }
bashio::observer.network_rx() { __bashio_fn "$@"; }
bashio::observer.blk_read() { __bashio_fn "$@"; }
bashio::observer.blk_write() { __bashio_fn "$@"; }
bashio::os.update() { __bashio_fn "$@"; }
bashio::os.config_sync() { __bashio_fn "$@"; }
bashio::os() { __bashio_fn "$@"; }
bashio::os.version() { __bashio_fn "$@"; }
bashio::os.version_latest() { __bashio_fn "$@"; }
bashio::os.update_available() { __bashio_fn "$@"; }
bashio::os.board() { __bashio_fn "$@"; }
bashio::os.boot() { __bashio_fn "$@"; }
bashio::os.swap() { __bashio_fn "$@"; }
bashio::os.swap.options() { __bashio_fn "$@"; }
bashio::os.datadisk.list() { __bashio_fn "$@"; }
bashio::os.datadisk.move() { __bashio_fn "$@"; }
bashio::os.datadisk.wipe() { __bashio_fn "$@"; }
bashio::os.boot_slot() { __bashio_fn "$@"; }
bashio::os.boards.green() { __bashio_fn "$@"; }
bashio::os.boards.green.options() { __bashio_fn "$@"; }
bashio::os.boards.yellow() { __bashio_fn "$@"; }
bashio::os.boards.yellow.options() { __bashio_fn "$@"; }
bashio::repositories() { __bashio_fn "$@"; }
bashio::repository.name() { __bashio_fn "$@"; }
bashio::repository.source() { __bashio_fn "$@"; }
bashio::repository.url() { __bashio_fn "$@"; }
bashio::repository.maintainer() { __bashio_fn "$@"; }
bashio::repository.add() { __bashio_fn "$@"; }
bashio::repository.delete() { __bashio_fn "$@"; }
bashio::repository.repair() { __bashio_fn "$@"; }
bashio::resolution() { __bashio_fn "$@"; }
bashio::resolution.unsupported() { __bashio_fn "$@"; }
bashio::resolution.unhealthy() { __bashio_fn "$@"; }
bashio::resolution.issues() { __bashio_fn "$@"; }
bashio::resolution.suggestions() { __bashio_fn "$@"; }
bashio::resolution.checks() { __bashio_fn "$@"; }
bashio::resolution.suggestion.apply() { __bashio_fn "$@"; }
bashio::resolution.suggestion.dismiss() { __bashio_fn "$@"; }
bashio::resolution.issue.dismiss() { __bashio_fn "$@"; }
bashio::resolution.check() { __bashio_fn "$@"; }
bashio::resolution.healthcheck() { __bashio_fn "$@"; }
bashio::security() { __bashio_fn "$@"; }
bashio::security.options() { __bashio_fn "$@"; }
bashio::security.pwned() { __bashio_fn "$@"; }
bashio::security.force_security() { __bashio_fn "$@"; }
bashio::services() { __bashio_fn "$@"; }
bashio::services.available() { __bashio_fn "$@"; }
bashio::services.publish() { __bashio_fn "$@"; }
bashio::services.delete() { __bashio_fn "$@"; }
bashio::string.lower() { __bashio_fn_noprobe "$@"; }
bashio::string.upper() { __bashio_fn_noprobe "$@"; }
bashio::string.replace() { __bashio_fn_noprobe "$@"; }
bashio::string.length() { __bashio_fn_noprobe "$@"; }
bashio::string.substring() { __bashio_fn_noprobe "$@"; }
bashio::supervisor.ping() { __bashio_fn "$@"; }
bashio::supervisor.update() { __bashio_fn "$@"; }
bashio::supervisor.reload() { __bashio_fn "$@"; }
bashio::supervisor.restart() { __bashio_fn "$@"; }
bashio::supervisor.repair() { __bashio_fn "$@"; }
bashio::supervisor.logs() { __bashio_fn "$@"; }
bashio::supervisor.logs_latest() { __bashio_fn "$@"; }
bashio::supervisor() { __bashio_fn "$@"; }
bashio::supervisor.version() { __bashio_fn "$@"; }
bashio::supervisor.version_latest() { __bashio_fn "$@"; }
bashio::supervisor.update_available() { __bashio_fn "$@"; }
bashio::supervisor.arch() { __bashio_fn "$@"; }
bashio::supervisor.supported() { __bashio_fn "$@"; }
bashio::supervisor.healthy() { __bashio_fn "$@"; }
bashio::supervisor.channel() { __bashio_fn "$@"; }
bashio::supervisor.timezone() { __bashio_fn "$@"; }
bashio::supervisor.country() { __bashio_fn "$@"; }
bashio::supervisor.logging() { __bashio_fn "$@"; }
bashio::supervisor.ip_address() { __bashio_fn "$@"; }
bashio::supervisor.debug() { __bashio_fn "$@"; }
bashio::supervisor.debug_block() { __bashio_fn "$@"; }
bashio::supervisor.diagnostics() { __bashio_fn "$@"; }
bashio::supervisor.auto_update() { __bashio_fn "$@"; }
bashio::supervisor.detect_blocking_io() { __bashio_fn "$@"; }
bashio::supervisor.addons() { __bashio_fn "$@"; }
bashio::supervisor.addons_repositories() { __bashio_fn "$@"; }
bashio::supervisor.stats() { __bashio_fn "$@"; }
bashio::supervisor.cpu_percent() { __bashio_fn "$@"; }
bashio::supervisor.memory_usage() { __bashio_fn "$@"; }
bashio::supervisor.memory_limit() { __bashio_fn "$@"; }
bashio::supervisor.memory_percent() { __bashio_fn "$@"; }
bashio::supervisor.network_tx() { __bashio_fn "$@"; }
bashio::supervisor.network_rx() { __bashio_fn "$@"; }
bashio::supervisor.blk_read() { __bashio_fn "$@"; }
bashio::supervisor.blk_write() { __bashio_fn "$@"; }
bashio::updates() { __bashio_fn "$@"; }
bashio::updates.refresh() { __bashio_fn "$@"; }
bashio::updates.reload() { __bashio_fn "$@"; }
bashio::var.true() { __bashio_fn_noprobe "$@"; }
bashio::var.false() { __bashio_fn_noprobe "$@"; }
bashio::var.has_value() { __bashio_fn_noprobe "$@"; }
bashio::var.is_empty() { __bashio_fn_noprobe "$@"; }
bashio::var.equals() { __bashio_fn_noprobe "$@"; }
bashio::var.json() { __bashio_fn_noprobe "$@"; }
bashio::var.json_string() { __bashio_fn_noprobe "$@"; }
bashio::var.json_array() { __bashio_fn_noprobe "$@"; }
bashio::contenv.__write() { __bashio_fn_noprobe "$@"; }
bashio::contenv.get() { __bashio_fn_noprobe "$@"; }
bashio::contenv.__remove() { __bashio_fn_noprobe "$@"; }
bashio::contenv.list() { __bashio_fn_noprobe "$@"; }

# Deprecated add-on names: each warns once, then calls its app function.
bashio::addons.reload() { __bashio_deprecated bashio::apps.reload "$@"; }
bashio::addon.start() { __bashio_deprecated bashio::app.start "$@"; }
bashio::addon.restart() { __bashio_deprecated bashio::app.restart "$@"; }
bashio::addon.stop() { __bashio_deprecated bashio::app.stop "$@"; }
bashio::addon.install() { __bashio_deprecated bashio::app.install "$@"; }
bashio::addon.rebuild() { __bashio_deprecated bashio::app.rebuild "$@"; }
bashio::addon.uninstall() { __bashio_deprecated bashio::app.uninstall "$@"; }
bashio::addon.update() { __bashio_deprecated bashio::app.update "$@"; }
bashio::addon.logs() { __bashio_deprecated bashio::app.logs "$@"; }
bashio::addon.documentation() { __bashio_deprecated bashio::app.documentation "$@"; }
bashio::addon.changelog() { __bashio_deprecated bashio::app.changelog "$@"; }
bashio::addons() { __bashio_deprecated bashio::apps "$@"; }
bashio::addons.installed() { __bashio_deprecated bashio::apps.installed "$@"; }
bashio::addon.installed() { __bashio_deprecated bashio::app.installed "$@"; }
bashio::addon.slug() { __bashio_deprecated bashio::app.slug "$@"; }
bashio::addon.name() { __bashio_deprecated bashio::app.name "$@"; }
bashio::addon.hostname() { __bashio_deprecated bashio::app.hostname "$@"; }
bashio::addon.dns() { __bashio_deprecated bashio::app.dns "$@"; }
bashio::addon.description() { __bashio_deprecated bashio::app.description "$@"; }
bashio::addon.long_description() { __bashio_deprecated bashio::app.long_description "$@"; }
bashio::addon.auto_update() { __bashio_deprecated bashio::app.auto_update "$@"; }
bashio::addon.url() { __bashio_deprecated bashio::app.url "$@"; }
bashio::addon.detached() { __bashio_deprecated bashio::app.detached "$@"; }
bashio::addon.available() { __bashio_deprecated bashio::app.available "$@"; }
bashio::addon.advanced() { __bashio_deprecated bashio::app.advanced "$@"; }
bashio::addon.stage() { __bashio_deprecated bashio::app.stage "$@"; }
bashio::addon.startup() { __bashio_deprecated bashio::app.startup "$@"; }
bashio::addon.arch() { __bashio_deprecated bashio::app.arch "$@"; }
bashio::addon.machine() { __bashio_deprecated bashio::app.machine "$@"; }
bashio::addon.repository() { __bashio_deprecated bashio::app.repository "$@"; }
bashio::addon.version() { __bashio_deprecated bashio::app.version "$@"; }
bashio::addon.version_latest() { __bashio_deprecated bashio::app.version_latest "$@"; }
bashio::addon.update_available() { __bashio_deprecated bashio::app.update_available "$@"; }
bashio::addon.state() { __bashio_deprecated bashio::app.state "$@"; }
bashio::addon.boot() { __bashio_deprecated bashio::app.boot "$@"; }
bashio::addon.build() { __bashio_deprecated bashio::app.build "$@"; }
bashio::addon.options() { __bashio_deprecated bashio::app.options "$@"; }
bashio::addon.option() { __bashio_deprecated bashio::app.option "$@"; }
bashio::addon.config() { __bashio_deprecated bashio::app.config "$@"; }
bashio::addon.network() { __bashio_deprecated bashio::app.network "$@"; }
bashio::addon.network_description() { __bashio_deprecated bashio::app.network_description "$@"; }
bashio::addon.port() { __bashio_deprecated bashio::app.port "$@"; }
bashio::addon.port_description() { __bashio_deprecated bashio::app.port_description "$@"; }
bashio::addon.host_network() { __bashio_deprecated bashio::app.host_network "$@"; }
bashio::addon.host_pid() { __bashio_deprecated bashio::app.host_pid "$@"; }
bashio::addon.host_ipc() { __bashio_deprecated bashio::app.host_ipc "$@"; }
bashio::addon.host_dbus() { __bashio_deprecated bashio::app.host_dbus "$@"; }
bashio::addon.privileged() { __bashio_deprecated bashio::app.privileged "$@"; }
bashio::addon.apparmor() { __bashio_deprecated bashio::app.apparmor "$@"; }
bashio::addon.devices() { __bashio_deprecated bashio::app.devices "$@"; }
bashio::addon.udev() { __bashio_deprecated bashio::app.udev "$@"; }
bashio::addon.uart() { __bashio_deprecated bashio::app.uart "$@"; }
bashio::addon.usb() { __bashio_deprecated bashio::app.usb "$@"; }
bashio::addon.icon() { __bashio_deprecated bashio::app.icon "$@"; }
bashio::addon.logo() { __bashio_deprecated bashio::app.logo "$@"; }
bashio::addon.has_documentation() { __bashio_deprecated bashio::app.has_documentation "$@"; }
bashio::addon.has_changelog() { __bashio_deprecated bashio::app.has_changelog "$@"; }
bashio::addon.hassio_api() { __bashio_deprecated bashio::app.hassio_api "$@"; }
bashio::addon.hassio_role() { __bashio_deprecated bashio::app.hassio_role "$@"; }
bashio::addon.homeassistant() { __bashio_deprecated bashio::app.homeassistant "$@"; }
bashio::addon.homeassistant_api() { __bashio_deprecated bashio::app.homeassistant_api "$@"; }
bashio::addon.auth_api() { __bashio_deprecated bashio::app.auth_api "$@"; }
bashio::addon.protected() { __bashio_deprecated bashio::app.protected "$@"; }
bashio::addon.rating() { __bashio_deprecated bashio::app.rating "$@"; }
bashio::addon.stdin() { __bashio_deprecated bashio::app.stdin "$@"; }
bashio::addon.full_access() { __bashio_deprecated bashio::app.full_access "$@"; }
bashio::addon.webui() { __bashio_deprecated bashio::app.webui "$@"; }
bashio::addon.gpio() { __bashio_deprecated bashio::app.gpio "$@"; }
bashio::addon.kernel_modules() { __bashio_deprecated bashio::app.kernel_modules "$@"; }
bashio::addon.devicetree() { __bashio_deprecated bashio::app.devicetree "$@"; }
bashio::addon.docker_api() { __bashio_deprecated bashio::app.docker_api "$@"; }
bashio::addon.video() { __bashio_deprecated bashio::app.video "$@"; }
bashio::addon.audio() { __bashio_deprecated bashio::app.audio "$@"; }
bashio::addon.audio_input() { __bashio_deprecated bashio::app.audio_input "$@"; }
bashio::addon.audio_output() { __bashio_deprecated bashio::app.audio_output "$@"; }
bashio::addon.ip_address() { __bashio_deprecated bashio::app.ip_address "$@"; }
bashio::addon.ingress() { __bashio_deprecated bashio::app.ingress "$@"; }
bashio::addon.ingress_entry() { __bashio_deprecated bashio::app.ingress_entry "$@"; }
bashio::addon.ingress_url() { __bashio_deprecated bashio::app.ingress_url "$@"; }
bashio::addon.ingress_port() { __bashio_deprecated bashio::app.ingress_port "$@"; }
bashio::addon.ingress_panel() { __bashio_deprecated bashio::app.ingress_panel "$@"; }
bashio::addon.watchdog() { __bashio_deprecated bashio::app.watchdog "$@"; }
bashio::addon.stats() { __bashio_deprecated bashio::app.stats "$@"; }
bashio::addon.cpu_percent() { __bashio_deprecated bashio::app.cpu_percent "$@"; }
bashio::addon.memory_usage() { __bashio_deprecated bashio::app.memory_usage "$@"; }
bashio::addon.memory_limit() { __bashio_deprecated bashio::app.memory_limit "$@"; }
bashio::addon.memory_percent() { __bashio_deprecated bashio::app.memory_percent "$@"; }
bashio::addon.network_tx() { __bashio_deprecated bashio::app.network_tx "$@"; }
bashio::addon.network_rx() { __bashio_deprecated bashio::app.network_rx "$@"; }
bashio::addon.blk_read() { __bashio_deprecated bashio::app.blk_read "$@"; }
bashio::addon.blk_write() { __bashio_deprecated bashio::app.blk_write "$@"; }
