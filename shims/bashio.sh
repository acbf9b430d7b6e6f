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
readonly -A __BASHIO_LOG_LEVELS=(
    [0]="OFF" [1]="FATAL" [2]="ERROR" [3]="WARNING" [4]="NOTICE"
    [5]="INFO" [6]="DEBUG" [7]="TRACE" [8]="ALL"
)
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
# debug...) is taken as the level it names.
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
        notice) __BASHIO_LOG_LEVEL=4 ;;
        warning) __BASHIO_LOG_LEVEL=3 ;;
        error) __BASHIO_LOG_LEVEL=2 ;;
        fatal | critical) __BASHIO_LOG_LEVEL=1 ;;
        off) __BASHIO_LOG_LEVEL=0 ;;
        *) __BASHIO_LOG_LEVEL=5 ;;
    esac
fi

declare __BASHIO_TRY_EXIT_STATUS=0
declare -gA __BASHIO_APP_DEPRECATION_WARNED=()

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
# here: bash ignores errexit inside conditions (if, while, ||, &&, !) and
# under `set +e`, and bashio's functions then go on past a failing command.
# Bash runs an ERR trap exactly where errexit applies, so a failing command
# with one set answers; the trap's `return` leaves the probe before errexit
# can end the shell. The probe borrows the ERR trap, so once the script has
# an ERR trap of its own (or in POSIX mode, where `trap` below is bypassed)
# a subshell answers instead, leaving the script's trap alone.
__bashio_call() {
    local __bashio_errexit=0
    if [[ $- == *e* ]]; then
        if ((__BASHIO_ERR_TRAP == 0)) && ! [[ -o posix ]]; then
            __bashio_errexit_probe
        else
            # shellcheck disable=SC2155
            local __bashio_probe=$(builtin trap 'echo 1' ERR; false)
            __bashio_errexit=${__bashio_probe:-0}
        fi
    fi
    __bashio_exec "${__bashio_errexit}" "$@"
}

__bashio_errexit_probe() {
    builtin trap '__bashio_errexit=1; builtin trap - ERR; return 0' ERR
    false
    builtin trap - ERR
    return 0
}

# Notes when the script sets or clears an ERR trap, then sets it.
declare -g __BASHIO_ERR_TRAP=0
trap() {
    local __bashio_word
    for __bashio_word in "$@"; do
        case "${__bashio_word^^}" in
            ERR | SIGERR) __BASHIO_ERR_TRAP=1 ;;
        esac
    done
    builtin trap "$@"
}
# A script that sources this file may have set one already; a script run
# by `bashio SCRIPT` starts in a fresh shell without.
if [[ -z "${__bashio_fresh_shell:-}" && -n "$(builtin trap -p ERR)" ]]; then
    __BASHIO_ERR_TRAP=1
fi
unset __bashio_fresh_shell

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

# A deprecated name: OLD NEW ARGS... warns once, then calls NEW.
__bashio_deprecated() {
    bashio::apps.__deprecated "${1}" "${2}"
    "${2}" "${@:3}"
}

# Functions, one per row of the binary's table.
bashio::log() { __bashio_exec 1 log "$@"; }
bashio::log.red() { __bashio_exec 1 log.red "$@"; }
bashio::log.green() { __bashio_exec 1 log.green "$@"; }
bashio::log.yellow() { __bashio_exec 1 log.yellow "$@"; }
bashio::log.blue() { __bashio_exec 1 log.blue "$@"; }
bashio::log.magenta() { __bashio_exec 1 log.magenta "$@"; }
bashio::log.cyan() { __bashio_exec 1 log.cyan "$@"; }
bashio::log.log() { __bashio_exec 1 log.log "$@"; }
bashio::log.trace() { __bashio_exec 1 log.trace "$@"; }
bashio::log.debug() { __bashio_exec 1 log.debug "$@"; }
bashio::log.info() { __bashio_exec 1 log.info "$@"; }
bashio::log.notice() { __bashio_exec 1 log.notice "$@"; }
bashio::log.warning() { __bashio_exec 1 log.warning "$@"; }
bashio::log.error() { __bashio_exec 1 log.error "$@"; }
bashio::log.fatal() { __bashio_exec 1 log.fatal "$@"; }
bashio::log.level() {
    local __bashio_level
    __bashio_level=$(__bashio_call bashio::log.__level_number "$@") || exit "$?"
    export __BASHIO_LOG_LEVEL="${__bashio_level}"
}
bashio::log.__level_number() { __bashio_exec 1 log.__level_number "$@"; }
bashio::log.reinitialize_output() {
    if [[ "${LOG_FD:-}" =~ ^[0-9]+$ ]] && (
        exec 2>/dev/null
        : >&"${LOG_FD}"
    ); then
        eval "exec ${LOG_FD}>&1"
    fi
}
bashio::color.reset() { __bashio_exec 1 color.reset "$@"; }
bashio::color.default() { __bashio_exec 1 color.default "$@"; }
bashio::color.black() { __bashio_exec 1 color.black "$@"; }
bashio::color.red() { __bashio_exec 1 color.red "$@"; }
bashio::color.green() { __bashio_exec 1 color.green "$@"; }
bashio::color.yellow() { __bashio_exec 1 color.yellow "$@"; }
bashio::color.blue() { __bashio_exec 1 color.blue "$@"; }
bashio::color.magenta() { __bashio_exec 1 color.magenta "$@"; }
bashio::color.cyan() { __bashio_exec 1 color.cyan "$@"; }
bashio::color.bg.default() { __bashio_exec 1 color.bg.default "$@"; }
bashio::color.bg.black() { __bashio_exec 1 color.bg.black "$@"; }
bashio::color.bg.red() { __bashio_exec 1 color.bg.red "$@"; }
bashio::color.bg.green() { __bashio_exec 1 color.bg.green "$@"; }
bashio::color.bg.yellow() { __bashio_exec 1 color.bg.yellow "$@"; }
bashio::color.bg.blue() { __bashio_exec 1 color.bg.blue "$@"; }
bashio::color.bg.magenta() { __bashio_exec 1 color.bg.magenta "$@"; }
bashio::color.bg.cyan() { __bashio_exec 1 color.bg.cyan "$@"; }
bashio::color.bg.white() { __bashio_exec 1 color.bg.white "$@"; }
bashio::fs.directory_exists() { __bashio_exec 1 fs.directory_exists "$@"; }
bashio::fs.file_exists() { __bashio_exec 1 fs.file_exists "$@"; }
bashio::fs.file_non_empty() { __bashio_exec 1 fs.file_non_empty "$@"; }
bashio::fs.device_exists() { __bashio_exec 1 fs.device_exists "$@"; }
bashio::fs.socket_exists() { __bashio_exec 1 fs.socket_exists "$@"; }
bashio::info() { __bashio_call info "$@"; }
bashio::info.supervisor() { __bashio_call info.supervisor "$@"; }
bashio::info.homeassistant() { __bashio_call info.homeassistant "$@"; }
bashio::info.hassos() { __bashio_call info.hassos "$@"; }
bashio::info.hostname() { __bashio_call info.hostname "$@"; }
bashio::info.machine() { __bashio_call info.machine "$@"; }
bashio::info.arch() { __bashio_call info.arch "$@"; }
bashio::info.channel() { __bashio_call info.channel "$@"; }
bashio::info.supported_arch() { __bashio_call info.supported_arch "$@"; }
bashio::info.logging() { __bashio_call info.logging "$@"; }
bashio::info.timezone() { __bashio_call info.timezone "$@"; }
bashio::info.supported() { __bashio_call info.supported "$@"; }
bashio::info.docker() { __bashio_call info.docker "$@"; }
bashio::info.operating_system() { __bashio_call info.operating_system "$@"; }
bashio::info.state() { __bashio_call info.state "$@"; }
bashio::cache.__valid_key() { __bashio_exec 1 cache.__valid_key "$@"; }
bashio::cache.exists() { __bashio_exec 1 cache.exists "$@"; }
bashio::cache.get() { __bashio_exec 1 cache.get "$@"; }
bashio::cache.set() { __bashio_exec 1 cache.set "$@"; }
bashio::cache.flush() { __bashio_exec 1 cache.flush "$@"; }
bashio::cache.flush_all() { __bashio_exec 1 cache.flush_all "$@"; }
bashio::apps.reload() { __bashio_call apps.reload "$@"; }
bashio::app.start() { __bashio_call app.start "$@"; }
bashio::app.restart() { __bashio_call app.restart "$@"; }
bashio::app.stop() { __bashio_call app.stop "$@"; }
bashio::app.install() { __bashio_call app.install "$@"; }
bashio::app.rebuild() { __bashio_call app.rebuild "$@"; }
bashio::app.uninstall() { __bashio_call app.uninstall "$@"; }
bashio::app.update() { __bashio_call app.update "$@"; }
bashio::app.logs() { __bashio_call app.logs "$@"; }
bashio::app.documentation() { __bashio_call app.documentation "$@"; }
bashio::app.changelog() { __bashio_call app.changelog "$@"; }
bashio::apps() { __bashio_call apps "$@"; }
bashio::apps.installed() { __bashio_call apps.installed "$@"; }
bashio::app.installed() { __bashio_call app.installed "$@"; }
bashio::app.slug() { __bashio_call app.slug "$@"; }
bashio::app.name() { __bashio_call app.name "$@"; }
bashio::app.hostname() { __bashio_call app.hostname "$@"; }
bashio::app.dns() { __bashio_call app.dns "$@"; }
bashio::app.description() { __bashio_call app.description "$@"; }
bashio::app.long_description() { __bashio_call app.long_description "$@"; }
bashio::app.auto_update() { __bashio_call app.auto_update "$@"; }
bashio::app.url() { __bashio_call app.url "$@"; }
bashio::app.detached() { __bashio_call app.detached "$@"; }
bashio::app.available() { __bashio_call app.available "$@"; }
bashio::app.advanced() { __bashio_call app.advanced "$@"; }
bashio::app.stage() { __bashio_call app.stage "$@"; }
bashio::app.startup() { __bashio_call app.startup "$@"; }
bashio::app.arch() { __bashio_call app.arch "$@"; }
bashio::app.machine() { __bashio_call app.machine "$@"; }
bashio::app.repository() { __bashio_call app.repository "$@"; }
bashio::app.version() { __bashio_call app.version "$@"; }
bashio::app.version_latest() { __bashio_call app.version_latest "$@"; }
bashio::app.update_available() { __bashio_call app.update_available "$@"; }
bashio::app.state() { __bashio_call app.state "$@"; }
bashio::app.boot() { __bashio_call app.boot "$@"; }
bashio::app.build() { __bashio_call app.build "$@"; }
bashio::app.options() { __bashio_call app.options "$@"; }
bashio::app.option() { __bashio_call app.option "$@"; }
bashio::app.config() { __bashio_call app.config "$@"; }
bashio::app.network() { __bashio_call app.network "$@"; }
bashio::app.network_description() { __bashio_call app.network_description "$@"; }
bashio::app.port() { __bashio_call app.port "$@"; }
bashio::app.port_description() { __bashio_call app.port_description "$@"; }
bashio::app.host_network() { __bashio_call app.host_network "$@"; }
bashio::app.host_pid() { __bashio_call app.host_pid "$@"; }
bashio::app.host_ipc() { __bashio_call app.host_ipc "$@"; }
bashio::app.host_dbus() { __bashio_call app.host_dbus "$@"; }
bashio::app.privileged() { __bashio_call app.privileged "$@"; }
bashio::app.apparmor() { __bashio_call app.apparmor "$@"; }
bashio::app.devices() { __bashio_call app.devices "$@"; }
bashio::app.udev() { __bashio_call app.udev "$@"; }
bashio::app.uart() { __bashio_call app.uart "$@"; }
bashio::app.usb() { __bashio_call app.usb "$@"; }
bashio::app.icon() { __bashio_call app.icon "$@"; }
bashio::app.logo() { __bashio_call app.logo "$@"; }
bashio::app.has_documentation() { __bashio_call app.has_documentation "$@"; }
bashio::app.has_changelog() { __bashio_call app.has_changelog "$@"; }
bashio::app.hassio_api() { __bashio_call app.hassio_api "$@"; }
bashio::app.hassio_role() { __bashio_call app.hassio_role "$@"; }
bashio::app.homeassistant() { __bashio_call app.homeassistant "$@"; }
bashio::app.homeassistant_api() { __bashio_call app.homeassistant_api "$@"; }
bashio::app.auth_api() { __bashio_call app.auth_api "$@"; }
bashio::app.protected() { __bashio_call app.protected "$@"; }
bashio::app.rating() { __bashio_call app.rating "$@"; }
bashio::app.stdin() { __bashio_call app.stdin "$@"; }
bashio::app.full_access() { __bashio_call app.full_access "$@"; }
bashio::app.webui() { __bashio_call app.webui "$@"; }
bashio::app.gpio() { __bashio_call app.gpio "$@"; }
bashio::app.kernel_modules() { __bashio_call app.kernel_modules "$@"; }
bashio::app.devicetree() { __bashio_call app.devicetree "$@"; }
bashio::app.docker_api() { __bashio_call app.docker_api "$@"; }
bashio::app.video() { __bashio_call app.video "$@"; }
bashio::app.audio() { __bashio_call app.audio "$@"; }
bashio::app.audio_input() { __bashio_call app.audio_input "$@"; }
bashio::app.audio_output() { __bashio_call app.audio_output "$@"; }
bashio::app.ip_address() { __bashio_call app.ip_address "$@"; }
bashio::app.ingress() { __bashio_call app.ingress "$@"; }
bashio::app.ingress_entry() { __bashio_call app.ingress_entry "$@"; }
bashio::app.ingress_url() { __bashio_call app.ingress_url "$@"; }
bashio::app.ingress_port() { __bashio_call app.ingress_port "$@"; }
bashio::app.ingress_panel() { __bashio_call app.ingress_panel "$@"; }
bashio::app.watchdog() { __bashio_call app.watchdog "$@"; }
bashio::app.stats() { __bashio_call app.stats "$@"; }
bashio::app.cpu_percent() { __bashio_call app.cpu_percent "$@"; }
bashio::app.memory_usage() { __bashio_call app.memory_usage "$@"; }
bashio::app.memory_limit() { __bashio_call app.memory_limit "$@"; }
bashio::app.memory_percent() { __bashio_call app.memory_percent "$@"; }
bashio::app.network_tx() { __bashio_call app.network_tx "$@"; }
bashio::app.network_rx() { __bashio_call app.network_rx "$@"; }
bashio::app.blk_read() { __bashio_call app.blk_read "$@"; }
bashio::app.blk_write() { __bashio_call app.blk_write "$@"; }
bashio::require.protected() { __bashio_call require.protected "$@"; }
bashio::require.unprotected() { __bashio_call require.unprotected "$@"; }
bashio::apps.__deprecated() {
    local old=${1} new=${2}
    if [[ -z "${__BASHIO_APP_DEPRECATION_WARNED[${old}]:-}" ]]; then
        __BASHIO_APP_DEPRECATION_WARNED[${old}]=1
        bashio::log.warning "${old} is deprecated, use ${new} instead."
    fi
}
bashio::api.supervisor() { __bashio_call api.supervisor "$@"; }
bashio::audio.update() { __bashio_call audio.update "$@"; }
bashio::audio.reload() { __bashio_call audio.reload "$@"; }
bashio::audio.restart() { __bashio_call audio.restart "$@"; }
bashio::audio.logs() { __bashio_call audio.logs "$@"; }
bashio::audio.volume() { __bashio_call audio.volume "$@"; }
bashio::audio.mute() { __bashio_call audio.mute "$@"; }
bashio::audio.default() { __bashio_call audio.default "$@"; }
bashio::audio.profile() { __bashio_call audio.profile "$@"; }
bashio::audio() { __bashio_call audio "$@"; }
bashio::audio.version() { __bashio_call audio.version "$@"; }
bashio::audio.version_latest() { __bashio_call audio.version_latest "$@"; }
bashio::audio.update_available() { __bashio_call audio.update_available "$@"; }
bashio::audio.host() { __bashio_call audio.host "$@"; }
bashio::audio.stats() { __bashio_call audio.stats "$@"; }
bashio::audio.cpu_percent() { __bashio_call audio.cpu_percent "$@"; }
bashio::audio.memory_usage() { __bashio_call audio.memory_usage "$@"; }
bashio::audio.memory_limit() { __bashio_call audio.memory_limit "$@"; }
bashio::audio.memory_percent() { __bashio_call audio.memory_percent "$@"; }
bashio::audio.network_tx() { __bashio_call audio.network_tx "$@"; }
bashio::audio.network_rx() { __bashio_call audio.network_rx "$@"; }
bashio::audio.blk_read() { __bashio_call audio.blk_read "$@"; }
bashio::audio.blk_write() { __bashio_call audio.blk_write "$@"; }
bashio::auth() { __bashio_call auth "$@"; }
bashio::auth.list() { __bashio_call auth.list "$@"; }
bashio::auth.reset() { __bashio_call auth.reset "$@"; }
bashio::auth.cache.reset() { __bashio_call auth.cache.reset "$@"; }
bashio::backups.reload() { __bashio_call backups.reload "$@"; }
bashio::backups.freeze() { __bashio_call backups.freeze "$@"; }
bashio::backups.thaw() { __bashio_call backups.thaw "$@"; }
bashio::backups.days_until_stale() { __bashio_call backups.days_until_stale "$@"; }
bashio::backups() { __bashio_call backups "$@"; }
bashio::backup.type() { __bashio_call backup.type "$@"; }
bashio::backup.name() { __bashio_call backup.name "$@"; }
bashio::backup.date() { __bashio_call backup.date "$@"; }
bashio::backup.size() { __bashio_call backup.size "$@"; }
bashio::backup.size_bytes() { __bashio_call backup.size_bytes "$@"; }
bashio::backup.protected() { __bashio_call backup.protected "$@"; }
bashio::backup.location() { __bashio_call backup.location "$@"; }
bashio::backup.homeassistant_version() { __bashio_call backup.homeassistant_version "$@"; }
bashio::backup.supervisor_version() { __bashio_call backup.supervisor_version "$@"; }
bashio::backup.addons() { __bashio_call backup.addons "$@"; }
bashio::backup.repositories() { __bashio_call backup.repositories "$@"; }
bashio::backup.folders() { __bashio_call backup.folders "$@"; }
bashio::backup.homeassistant_exclude_database() { __bashio_call backup.homeassistant_exclude_database "$@"; }
bashio::backup.compressed() { __bashio_call backup.compressed "$@"; }
bashio::backup.homeassistant() { __bashio_call backup.homeassistant "$@"; }
bashio::backup.new_full() { __bashio_call backup.new_full "$@"; }
bashio::backup.new_partial() { __bashio_call backup.new_partial "$@"; }
bashio::backup.delete() { __bashio_call backup.delete "$@"; }
bashio::backup.restore_full() { __bashio_call backup.restore_full "$@"; }
bashio::backup.restore_partial() { __bashio_call backup.restore_partial "$@"; }
bashio::cli.update() { __bashio_call cli.update "$@"; }
bashio::cli() { __bashio_call cli "$@"; }
bashio::cli.version() { __bashio_call cli.version "$@"; }
bashio::cli.version_latest() { __bashio_call cli.version_latest "$@"; }
bashio::cli.update_available() { __bashio_call cli.update_available "$@"; }
bashio::cli.stats() { __bashio_call cli.stats "$@"; }
bashio::cli.cpu_percent() { __bashio_call cli.cpu_percent "$@"; }
bashio::cli.memory_usage() { __bashio_call cli.memory_usage "$@"; }
bashio::cli.memory_limit() { __bashio_call cli.memory_limit "$@"; }
bashio::cli.memory_percent() { __bashio_call cli.memory_percent "$@"; }
bashio::cli.network_tx() { __bashio_call cli.network_tx "$@"; }
bashio::cli.network_rx() { __bashio_call cli.network_rx "$@"; }
bashio::cli.blk_read() { __bashio_call cli.blk_read "$@"; }
bashio::cli.blk_write() { __bashio_call cli.blk_write "$@"; }
bashio::config() { __bashio_call config "$@"; }
bashio::config.exists() { __bashio_call config.exists "$@"; }
bashio::config.has_value() { __bashio_call config.has_value "$@"; }
bashio::config.is_empty() { __bashio_call config.is_empty "$@"; }
bashio::config.equals() { __bashio_call config.equals "$@"; }
bashio::config.true() { __bashio_call config.true "$@"; }
bashio::config.false() { __bashio_call config.false "$@"; }
bashio::config.is_safe_password() { __bashio_call config.is_safe_password "$@"; }
bashio::config.require() { __bashio_call config.require "$@"; }
bashio::config.suggest() { __bashio_call config.suggest "$@"; }
bashio::config.suggest.true() { __bashio_call config.suggest.true "$@"; }
bashio::config.suggest.false() { __bashio_call config.suggest.false "$@"; }
bashio::config.require.username() { __bashio_call config.require.username "$@"; }
bashio::config.suggest.username() { __bashio_call config.suggest.username "$@"; }
bashio::config.require.password() { __bashio_call config.require.password "$@"; }
bashio::config.suggest.password() { __bashio_call config.suggest.password "$@"; }
bashio::config.require.safe_password() { __bashio_call config.require.safe_password "$@"; }
bashio::config.suggest.safe_password() { __bashio_call config.suggest.safe_password "$@"; }
bashio::config.require.ssl() { __bashio_call config.require.ssl "$@"; }
bashio::core.start() { __bashio_call core.start "$@"; }
bashio::core.stop() { __bashio_call core.stop "$@"; }
bashio::core.restart() { __bashio_call core.restart "$@"; }
bashio::core.rebuild() { __bashio_call core.rebuild "$@"; }
bashio::core.update() { __bashio_call core.update "$@"; }
bashio::core.check() { __bashio_call core.check "$@"; }
bashio::core.logs() { __bashio_call core.logs "$@"; }
bashio::core() { __bashio_call core "$@"; }
bashio::core.version() { __bashio_call core.version "$@"; }
bashio::core.version_latest() { __bashio_call core.version_latest "$@"; }
bashio::core.update_available() { __bashio_call core.update_available "$@"; }
bashio::core.arch() { __bashio_call core.arch "$@"; }
bashio::core.machine() { __bashio_call core.machine "$@"; }
bashio::core.image() { __bashio_call core.image "$@"; }
bashio::core.custom() { __bashio_call core.custom "$@"; }
bashio::core.boot() { __bashio_call core.boot "$@"; }
bashio::core.port() { __bashio_call core.port "$@"; }
bashio::core.ssl() { __bashio_call core.ssl "$@"; }
bashio::core.watchdog() { __bashio_call core.watchdog "$@"; }
bashio::core.stats() { __bashio_call core.stats "$@"; }
bashio::core.cpu_percent() { __bashio_call core.cpu_percent "$@"; }
bashio::core.memory_usage() { __bashio_call core.memory_usage "$@"; }
bashio::core.memory_limit() { __bashio_call core.memory_limit "$@"; }
bashio::core.memory_percent() { __bashio_call core.memory_percent "$@"; }
bashio::core.network_tx() { __bashio_call core.network_tx "$@"; }
bashio::core.network_rx() { __bashio_call core.network_rx "$@"; }
bashio::core.blk_read() { __bashio_call core.blk_read "$@"; }
bashio::core.blk_write() { __bashio_call core.blk_write "$@"; }
bashio::debug() {
    [[ "${__BASHIO_LOG_LEVEL}" -ge 6 ]]
}
bashio::pwned.is_safe_password() { __bashio_call pwned.is_safe_password "$@"; }
bashio::pwned.occurrences() { __bashio_call pwned.occurrences "$@"; }
bashio::pwned.occurances() { __bashio_call pwned.occurances "$@"; }
bashio::pwned() { __bashio_call pwned "$@"; }
bashio::exit.nok() { __bashio_exec 1 exit.nok "$@"; }
bashio::exit.ok() { __bashio_exec 1 exit.ok "$@"; }
bashio::exit.die_if_false() { __bashio_exec 1 exit.die_if_false "$@"; }
bashio::exit.die_if_true() { __bashio_exec 1 exit.die_if_true "$@"; }
bashio::exit.die_if_empty() { __bashio_exec 1 exit.die_if_empty "$@"; }
hass.die_if_true() { __bashio_exec 1 hass.die_if_true "$@"; }
hass.die_if_empty() { __bashio_exec 1 hass.die_if_empty "$@"; }
bashio::discovery() { __bashio_call discovery "$@"; }
bashio::discovery.delete() { __bashio_call discovery.delete "$@"; }
bashio::docker() { __bashio_call docker "$@"; }
bashio::docker.version() { __bashio_call docker.version "$@"; }
bashio::docker.storage() { __bashio_call docker.storage "$@"; }
bashio::docker.logging() { __bashio_call docker.logging "$@"; }
bashio::docker.enable_ipv6() { __bashio_call docker.enable_ipv6 "$@"; }
bashio::docker.mtu() { __bashio_call docker.mtu "$@"; }
bashio::docker.options() { __bashio_call docker.options "$@"; }
bashio::docker.registries() { __bashio_call docker.registries "$@"; }
bashio::docker.registries.add() { __bashio_call docker.registries.add "$@"; }
bashio::docker.registries.delete() { __bashio_call docker.registries.delete "$@"; }
bashio::dns.update() { __bashio_call dns.update "$@"; }
bashio::dns.reset() { __bashio_call dns.reset "$@"; }
bashio::dns.restart() { __bashio_call dns.restart "$@"; }
bashio::dns.options() { __bashio_call dns.options "$@"; }
bashio::dns.logs() { __bashio_call dns.logs "$@"; }
bashio::dns() { __bashio_call dns "$@"; }
bashio::dns.host() { __bashio_call dns.host "$@"; }
bashio::dns.version() { __bashio_call dns.version "$@"; }
bashio::dns.version_latest() { __bashio_call dns.version_latest "$@"; }
bashio::dns.update_available() { __bashio_call dns.update_available "$@"; }
bashio::dns.locals() { __bashio_call dns.locals "$@"; }
bashio::dns.servers() { __bashio_call dns.servers "$@"; }
bashio::dns.stats() { __bashio_call dns.stats "$@"; }
bashio::dns.cpu_percent() { __bashio_call dns.cpu_percent "$@"; }
bashio::dns.memory_usage() { __bashio_call dns.memory_usage "$@"; }
bashio::dns.memory_limit() { __bashio_call dns.memory_limit "$@"; }
bashio::dns.memory_percent() { __bashio_call dns.memory_percent "$@"; }
bashio::dns.network_tx() { __bashio_call dns.network_tx "$@"; }
bashio::dns.network_rx() { __bashio_call dns.network_rx "$@"; }
bashio::dns.blk_read() { __bashio_call dns.blk_read "$@"; }
bashio::dns.blk_write() { __bashio_call dns.blk_write "$@"; }
bashio::hardware() { __bashio_call hardware "$@"; }
bashio::hardware.audio() { __bashio_call hardware.audio "$@"; }
bashio::hardware.serial() { __bashio_call hardware.serial "$@"; }
bashio::hardware.input() { __bashio_call hardware.input "$@"; }
bashio::hardware.disk() { __bashio_call hardware.disk "$@"; }
bashio::hardware.gpio() { __bashio_call hardware.gpio "$@"; }
bashio::hardware.usb() { __bashio_call hardware.usb "$@"; }
bashio::host.reload() { __bashio_call host.reload "$@"; }
bashio::host.shutdown() { __bashio_call host.shutdown "$@"; }
bashio::host.reboot() { __bashio_call host.reboot "$@"; }
bashio::host.logs() { __bashio_call host.logs "$@"; }
bashio::host() { __bashio_call host "$@"; }
bashio::host.services() { __bashio_call host.services "$@"; }
bashio::host.disk_usage() { __bashio_call host.disk_usage "$@"; }
bashio::host.hostname() { __bashio_call host.hostname "$@"; }
bashio::host.features() { __bashio_call host.features "$@"; }
bashio::host.operating_system() { __bashio_call host.operating_system "$@"; }
bashio::host.kernel() { __bashio_call host.kernel "$@"; }
bashio::host.chassis() { __bashio_call host.chassis "$@"; }
bashio::host.deployment() { __bashio_call host.deployment "$@"; }
bashio::host.cpe() { __bashio_call host.cpe "$@"; }
bashio::host.disk_free() { __bashio_call host.disk_free "$@"; }
bashio::host.disk_total() { __bashio_call host.disk_total "$@"; }
bashio::host.disk_used() { __bashio_call host.disk_used "$@"; }
bashio::ingress.panels() { __bashio_call ingress.panels "$@"; }
bashio::ingress.session() { __bashio_call ingress.session "$@"; }
bashio::ingress.validate_session() { __bashio_call ingress.validate_session "$@"; }
bashio::jobs.reset() { __bashio_call jobs.reset "$@"; }
bashio::jobs.options() { __bashio_call jobs.options "$@"; }
bashio::jobs() { __bashio_call jobs "$@"; }
bashio::job.name() { __bashio_call job.name "$@"; }
bashio::job.reference() { __bashio_call job.reference "$@"; }
bashio::job.progress() { __bashio_call job.progress "$@"; }
bashio::job.stage() { __bashio_call job.stage "$@"; }
bashio::job.done() { __bashio_call job.done "$@"; }
bashio::job.created() { __bashio_call job.created "$@"; }
bashio::job.child_jobs() { __bashio_call job.child_jobs "$@"; }
bashio::job.errors() { __bashio_call job.errors "$@"; }
bashio::job.extra() { __bashio_call job.extra "$@"; }
bashio::job.delete() { __bashio_call job.delete "$@"; }
bashio::jq() { __bashio_exec 1 jq "$@"; }
bashio::jq.exists() { __bashio_exec 1 jq.exists "$@"; }
bashio::jq.has_value() { __bashio_exec 1 jq.has_value "$@"; }
bashio::jq.is() { __bashio_exec 1 jq.is "$@"; }
bashio::jq.is_boolean() { __bashio_exec 1 jq.is_boolean "$@"; }
bashio::jq.is_string() { __bashio_exec 1 jq.is_string "$@"; }
bashio::jq.is_object() { __bashio_exec 1 jq.is_object "$@"; }
bashio::jq.is_number() { __bashio_exec 1 jq.is_number "$@"; }
bashio::jq.is_array() { __bashio_exec 1 jq.is_array "$@"; }
bashio::mounts() { __bashio_call mounts "$@"; }
bashio::mounts.list() { __bashio_call mounts.list "$@"; }
bashio::mounts.default_backup_mount() { __bashio_call mounts.default_backup_mount "$@"; }
bashio::mounts.create() { __bashio_call mounts.create "$@"; }
bashio::mounts.options() { __bashio_call mounts.options "$@"; }
bashio::mount.reload() { __bashio_call mount.reload "$@"; }
bashio::mount.delete() { __bashio_call mount.delete "$@"; }
bashio::multicast.update() { __bashio_call multicast.update "$@"; }
bashio::multicast.restart() { __bashio_call multicast.restart "$@"; }
bashio::multicast.logs() { __bashio_call multicast.logs "$@"; }
bashio::multicast() { __bashio_call multicast "$@"; }
bashio::multicast.version() { __bashio_call multicast.version "$@"; }
bashio::multicast.version_latest() { __bashio_call multicast.version_latest "$@"; }
bashio::multicast.update_available() { __bashio_call multicast.update_available "$@"; }
bashio::multicast.stats() { __bashio_call multicast.stats "$@"; }
bashio::multicast.cpu_percent() { __bashio_call multicast.cpu_percent "$@"; }
bashio::multicast.memory_usage() { __bashio_call multicast.memory_usage "$@"; }
bashio::multicast.memory_limit() { __bashio_call multicast.memory_limit "$@"; }
bashio::multicast.memory_percent() { __bashio_call multicast.memory_percent "$@"; }
bashio::multicast.network_tx() { __bashio_call multicast.network_tx "$@"; }
bashio::multicast.network_rx() { __bashio_call multicast.network_rx "$@"; }
bashio::multicast.blk_read() { __bashio_call multicast.blk_read "$@"; }
bashio::multicast.blk_write() { __bashio_call multicast.blk_write "$@"; }
bashio::net.wait_for() { __bashio_call net.wait_for "$@"; }
bashio::network.reload() { __bashio_call network.reload "$@"; }
bashio::network() { __bashio_call network "$@"; }
bashio::network.host_internet() { __bashio_call network.host_internet "$@"; }
bashio::network.supervisor_internet() { __bashio_call network.supervisor_internet "$@"; }
bashio::network.interfaces() { __bashio_call network.interfaces "$@"; }
bashio::network.interface() { __bashio_call network.interface "$@"; }
bashio::network.name() { __bashio_call network.name "$@"; }
bashio::network.type() { __bashio_call network.type "$@"; }
bashio::network.enabled() { __bashio_call network.enabled "$@"; }
bashio::network.connected() { __bashio_call network.connected "$@"; }
bashio::network.ipv4_method() { __bashio_call network.ipv4_method "$@"; }
bashio::network.ipv6_method() { __bashio_call network.ipv6_method "$@"; }
bashio::network.ipv4_address() { __bashio_call network.ipv4_address "$@"; }
bashio::network.ipv6_address() { __bashio_call network.ipv6_address "$@"; }
bashio::network.ipv4_nameservers() { __bashio_call network.ipv4_nameservers "$@"; }
bashio::network.ipv6_nameservers() { __bashio_call network.ipv6_nameservers "$@"; }
bashio::network.ipv4_gateway() { __bashio_call network.ipv4_gateway "$@"; }
bashio::network.ipv6_gateway() { __bashio_call network.ipv6_gateway "$@"; }
bashio::network.ipv4() { __bashio_call network.ipv4 "$@"; }
bashio::network.ipv6() { __bashio_call network.ipv6 "$@"; }
bashio::observer.update() { __bashio_call observer.update "$@"; }
bashio::observer() { __bashio_call observer "$@"; }
bashio::observer.version() { __bashio_call observer.version "$@"; }
bashio::observer.version_latest() { __bashio_call observer.version_latest "$@"; }
bashio::observer.update_available() { __bashio_call observer.update_available "$@"; }
bashio::observer.host() { __bashio_call observer.host "$@"; }
bashio::observer.stats() { __bashio_call observer.stats "$@"; }
bashio::observer.cpu_percent() { __bashio_call observer.cpu_percent "$@"; }
bashio::observer.memory_usage() { __bashio_call observer.memory_usage "$@"; }
bashio::observer.memory_limit() { __bashio_call observer.memory_limit "$@"; }
bashio::observer.memory_percent() { __bashio_call observer.memory_percent "$@"; }
bashio::observer.network_tx() { __bashio_call observer.network_tx "$@"; }
bashio::observer.network_rx() { __bashio_call observer.network_rx "$@"; }
bashio::observer.blk_read() { __bashio_call observer.blk_read "$@"; }
bashio::observer.blk_write() { __bashio_call observer.blk_write "$@"; }
bashio::os.update() { __bashio_call os.update "$@"; }
bashio::os.config_sync() { __bashio_call os.config_sync "$@"; }
bashio::os() { __bashio_call os "$@"; }
bashio::os.version() { __bashio_call os.version "$@"; }
bashio::os.version_latest() { __bashio_call os.version_latest "$@"; }
bashio::os.update_available() { __bashio_call os.update_available "$@"; }
bashio::os.board() { __bashio_call os.board "$@"; }
bashio::os.boot() { __bashio_call os.boot "$@"; }
bashio::os.swap() { __bashio_call os.swap "$@"; }
bashio::os.swap.options() { __bashio_call os.swap.options "$@"; }
bashio::os.datadisk.list() { __bashio_call os.datadisk.list "$@"; }
bashio::os.datadisk.move() { __bashio_call os.datadisk.move "$@"; }
bashio::os.datadisk.wipe() { __bashio_call os.datadisk.wipe "$@"; }
bashio::os.boot_slot() { __bashio_call os.boot_slot "$@"; }
bashio::os.boards.green() { __bashio_call os.boards.green "$@"; }
bashio::os.boards.green.options() { __bashio_call os.boards.green.options "$@"; }
bashio::os.boards.yellow() { __bashio_call os.boards.yellow "$@"; }
bashio::os.boards.yellow.options() { __bashio_call os.boards.yellow.options "$@"; }
bashio::repositories() { __bashio_call repositories "$@"; }
bashio::repository.name() { __bashio_call repository.name "$@"; }
bashio::repository.source() { __bashio_call repository.source "$@"; }
bashio::repository.url() { __bashio_call repository.url "$@"; }
bashio::repository.maintainer() { __bashio_call repository.maintainer "$@"; }
bashio::repository.add() { __bashio_call repository.add "$@"; }
bashio::repository.delete() { __bashio_call repository.delete "$@"; }
bashio::repository.repair() { __bashio_call repository.repair "$@"; }
bashio::resolution() { __bashio_call resolution "$@"; }
bashio::resolution.unsupported() { __bashio_call resolution.unsupported "$@"; }
bashio::resolution.unhealthy() { __bashio_call resolution.unhealthy "$@"; }
bashio::resolution.issues() { __bashio_call resolution.issues "$@"; }
bashio::resolution.suggestions() { __bashio_call resolution.suggestions "$@"; }
bashio::resolution.checks() { __bashio_call resolution.checks "$@"; }
bashio::resolution.suggestion.apply() { __bashio_call resolution.suggestion.apply "$@"; }
bashio::resolution.suggestion.dismiss() { __bashio_call resolution.suggestion.dismiss "$@"; }
bashio::resolution.issue.dismiss() { __bashio_call resolution.issue.dismiss "$@"; }
bashio::resolution.check() { __bashio_call resolution.check "$@"; }
bashio::resolution.healthcheck() { __bashio_call resolution.healthcheck "$@"; }
bashio::security() { __bashio_call security "$@"; }
bashio::security.options() { __bashio_call security.options "$@"; }
bashio::security.pwned() { __bashio_call security.pwned "$@"; }
bashio::security.force_security() { __bashio_call security.force_security "$@"; }
bashio::services() { __bashio_call services "$@"; }
bashio::services.available() { __bashio_call services.available "$@"; }
bashio::services.publish() { __bashio_call services.publish "$@"; }
bashio::services.delete() { __bashio_call services.delete "$@"; }
bashio::string.lower() { __bashio_exec 1 string.lower "$@"; }
bashio::string.upper() { __bashio_exec 1 string.upper "$@"; }
bashio::string.replace() { __bashio_exec 1 string.replace "$@"; }
bashio::string.length() { __bashio_exec 1 string.length "$@"; }
bashio::string.substring() { __bashio_exec 1 string.substring "$@"; }
bashio::supervisor.ping() { __bashio_call supervisor.ping "$@"; }
bashio::supervisor.update() { __bashio_call supervisor.update "$@"; }
bashio::supervisor.reload() { __bashio_call supervisor.reload "$@"; }
bashio::supervisor.restart() { __bashio_call supervisor.restart "$@"; }
bashio::supervisor.repair() { __bashio_call supervisor.repair "$@"; }
bashio::supervisor.logs() { __bashio_call supervisor.logs "$@"; }
bashio::supervisor.logs_latest() { __bashio_call supervisor.logs_latest "$@"; }
bashio::supervisor() { __bashio_call supervisor "$@"; }
bashio::supervisor.version() { __bashio_call supervisor.version "$@"; }
bashio::supervisor.version_latest() { __bashio_call supervisor.version_latest "$@"; }
bashio::supervisor.update_available() { __bashio_call supervisor.update_available "$@"; }
bashio::supervisor.arch() { __bashio_call supervisor.arch "$@"; }
bashio::supervisor.supported() { __bashio_call supervisor.supported "$@"; }
bashio::supervisor.healthy() { __bashio_call supervisor.healthy "$@"; }
bashio::supervisor.channel() { __bashio_call supervisor.channel "$@"; }
bashio::supervisor.timezone() { __bashio_call supervisor.timezone "$@"; }
bashio::supervisor.country() { __bashio_call supervisor.country "$@"; }
bashio::supervisor.logging() { __bashio_call supervisor.logging "$@"; }
bashio::supervisor.ip_address() { __bashio_call supervisor.ip_address "$@"; }
bashio::supervisor.debug() { __bashio_call supervisor.debug "$@"; }
bashio::supervisor.debug_block() { __bashio_call supervisor.debug_block "$@"; }
bashio::supervisor.diagnostics() { __bashio_call supervisor.diagnostics "$@"; }
bashio::supervisor.auto_update() { __bashio_call supervisor.auto_update "$@"; }
bashio::supervisor.detect_blocking_io() { __bashio_call supervisor.detect_blocking_io "$@"; }
bashio::supervisor.addons() { __bashio_call supervisor.addons "$@"; }
bashio::supervisor.addons_repositories() { __bashio_call supervisor.addons_repositories "$@"; }
bashio::supervisor.stats() { __bashio_call supervisor.stats "$@"; }
bashio::supervisor.cpu_percent() { __bashio_call supervisor.cpu_percent "$@"; }
bashio::supervisor.memory_usage() { __bashio_call supervisor.memory_usage "$@"; }
bashio::supervisor.memory_limit() { __bashio_call supervisor.memory_limit "$@"; }
bashio::supervisor.memory_percent() { __bashio_call supervisor.memory_percent "$@"; }
bashio::supervisor.network_tx() { __bashio_call supervisor.network_tx "$@"; }
bashio::supervisor.network_rx() { __bashio_call supervisor.network_rx "$@"; }
bashio::supervisor.blk_read() { __bashio_call supervisor.blk_read "$@"; }
bashio::supervisor.blk_write() { __bashio_call supervisor.blk_write "$@"; }
bashio::trace() {
    [[ "${__BASHIO_LOG_LEVEL}" -ge 7 ]]
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
bashio::updates() { __bashio_call updates "$@"; }
bashio::updates.refresh() { __bashio_call updates.refresh "$@"; }
bashio::updates.reload() { __bashio_call updates.reload "$@"; }
bashio::var.true() { __bashio_exec 1 var.true "$@"; }
bashio::var.false() { __bashio_exec 1 var.false "$@"; }
bashio::var.defined() {
    local variable=${1}
    if [[ "${__BASHIO_LOG_LEVEL}" -ge 7 ]] 2>/dev/null; then
        __bashio_call bashio::log.trace "${FUNCNAME[0]}" "$@"
    fi
    [[ "${!variable-X}" = "${!variable-Y}" ]]
}
bashio::var.has_value() { __bashio_exec 1 var.has_value "$@"; }
bashio::var.is_empty() { __bashio_exec 1 var.is_empty "$@"; }
bashio::var.equals() { __bashio_exec 1 var.equals "$@"; }
bashio::var.json() { __bashio_exec 1 var.json "$@"; }
bashio::var.json_string() { __bashio_exec 1 var.json_string "$@"; }
bashio::var.json_array() { __bashio_exec 1 var.json_array "$@"; }
bashio::contenv.set() {
    __bashio_call bashio::contenv.__write "$@" || return "$?"
    export "${1}=${2}"
}
bashio::contenv.__write() { __bashio_exec 1 contenv.__write "$@"; }
bashio::contenv.get() { __bashio_exec 1 contenv.get "$@"; }
bashio::contenv.unset() {
    __bashio_call bashio::contenv.__remove "$@" || return "$?"
    unset "${1}"
}
bashio::contenv.__remove() { __bashio_exec 1 contenv.__remove "$@"; }
bashio::contenv.list() { __bashio_exec 1 contenv.list "$@"; }

# Deprecated add-on names: each warns once, then calls its app function.
bashio::addons.reload() { __bashio_deprecated bashio::addons.reload bashio::apps.reload "$@"; }
bashio::addon.start() { __bashio_deprecated bashio::addon.start bashio::app.start "$@"; }
bashio::addon.restart() { __bashio_deprecated bashio::addon.restart bashio::app.restart "$@"; }
bashio::addon.stop() { __bashio_deprecated bashio::addon.stop bashio::app.stop "$@"; }
bashio::addon.install() { __bashio_deprecated bashio::addon.install bashio::app.install "$@"; }
bashio::addon.rebuild() { __bashio_deprecated bashio::addon.rebuild bashio::app.rebuild "$@"; }
bashio::addon.uninstall() { __bashio_deprecated bashio::addon.uninstall bashio::app.uninstall "$@"; }
bashio::addon.update() { __bashio_deprecated bashio::addon.update bashio::app.update "$@"; }
bashio::addon.logs() { __bashio_deprecated bashio::addon.logs bashio::app.logs "$@"; }
bashio::addon.documentation() { __bashio_deprecated bashio::addon.documentation bashio::app.documentation "$@"; }
bashio::addon.changelog() { __bashio_deprecated bashio::addon.changelog bashio::app.changelog "$@"; }
bashio::addons() { __bashio_deprecated bashio::addons bashio::apps "$@"; }
bashio::addons.installed() { __bashio_deprecated bashio::addons.installed bashio::apps.installed "$@"; }
bashio::addon.installed() { __bashio_deprecated bashio::addon.installed bashio::app.installed "$@"; }
bashio::addon.slug() { __bashio_deprecated bashio::addon.slug bashio::app.slug "$@"; }
bashio::addon.name() { __bashio_deprecated bashio::addon.name bashio::app.name "$@"; }
bashio::addon.hostname() { __bashio_deprecated bashio::addon.hostname bashio::app.hostname "$@"; }
bashio::addon.dns() { __bashio_deprecated bashio::addon.dns bashio::app.dns "$@"; }
bashio::addon.description() { __bashio_deprecated bashio::addon.description bashio::app.description "$@"; }
bashio::addon.long_description() { __bashio_deprecated bashio::addon.long_description bashio::app.long_description "$@"; }
bashio::addon.auto_update() { __bashio_deprecated bashio::addon.auto_update bashio::app.auto_update "$@"; }
bashio::addon.url() { __bashio_deprecated bashio::addon.url bashio::app.url "$@"; }
bashio::addon.detached() { __bashio_deprecated bashio::addon.detached bashio::app.detached "$@"; }
bashio::addon.available() { __bashio_deprecated bashio::addon.available bashio::app.available "$@"; }
bashio::addon.advanced() { __bashio_deprecated bashio::addon.advanced bashio::app.advanced "$@"; }
bashio::addon.stage() { __bashio_deprecated bashio::addon.stage bashio::app.stage "$@"; }
bashio::addon.startup() { __bashio_deprecated bashio::addon.startup bashio::app.startup "$@"; }
bashio::addon.arch() { __bashio_deprecated bashio::addon.arch bashio::app.arch "$@"; }
bashio::addon.machine() { __bashio_deprecated bashio::addon.machine bashio::app.machine "$@"; }
bashio::addon.repository() { __bashio_deprecated bashio::addon.repository bashio::app.repository "$@"; }
bashio::addon.version() { __bashio_deprecated bashio::addon.version bashio::app.version "$@"; }
bashio::addon.version_latest() { __bashio_deprecated bashio::addon.version_latest bashio::app.version_latest "$@"; }
bashio::addon.update_available() { __bashio_deprecated bashio::addon.update_available bashio::app.update_available "$@"; }
bashio::addon.state() { __bashio_deprecated bashio::addon.state bashio::app.state "$@"; }
bashio::addon.boot() { __bashio_deprecated bashio::addon.boot bashio::app.boot "$@"; }
bashio::addon.build() { __bashio_deprecated bashio::addon.build bashio::app.build "$@"; }
bashio::addon.options() { __bashio_deprecated bashio::addon.options bashio::app.options "$@"; }
bashio::addon.option() { __bashio_deprecated bashio::addon.option bashio::app.option "$@"; }
bashio::addon.config() { __bashio_deprecated bashio::addon.config bashio::app.config "$@"; }
bashio::addon.network() { __bashio_deprecated bashio::addon.network bashio::app.network "$@"; }
bashio::addon.network_description() { __bashio_deprecated bashio::addon.network_description bashio::app.network_description "$@"; }
bashio::addon.port() { __bashio_deprecated bashio::addon.port bashio::app.port "$@"; }
bashio::addon.port_description() { __bashio_deprecated bashio::addon.port_description bashio::app.port_description "$@"; }
bashio::addon.host_network() { __bashio_deprecated bashio::addon.host_network bashio::app.host_network "$@"; }
bashio::addon.host_pid() { __bashio_deprecated bashio::addon.host_pid bashio::app.host_pid "$@"; }
bashio::addon.host_ipc() { __bashio_deprecated bashio::addon.host_ipc bashio::app.host_ipc "$@"; }
bashio::addon.host_dbus() { __bashio_deprecated bashio::addon.host_dbus bashio::app.host_dbus "$@"; }
bashio::addon.privileged() { __bashio_deprecated bashio::addon.privileged bashio::app.privileged "$@"; }
bashio::addon.apparmor() { __bashio_deprecated bashio::addon.apparmor bashio::app.apparmor "$@"; }
bashio::addon.devices() { __bashio_deprecated bashio::addon.devices bashio::app.devices "$@"; }
bashio::addon.udev() { __bashio_deprecated bashio::addon.udev bashio::app.udev "$@"; }
bashio::addon.uart() { __bashio_deprecated bashio::addon.uart bashio::app.uart "$@"; }
bashio::addon.usb() { __bashio_deprecated bashio::addon.usb bashio::app.usb "$@"; }
bashio::addon.icon() { __bashio_deprecated bashio::addon.icon bashio::app.icon "$@"; }
bashio::addon.logo() { __bashio_deprecated bashio::addon.logo bashio::app.logo "$@"; }
bashio::addon.has_documentation() { __bashio_deprecated bashio::addon.has_documentation bashio::app.has_documentation "$@"; }
bashio::addon.has_changelog() { __bashio_deprecated bashio::addon.has_changelog bashio::app.has_changelog "$@"; }
bashio::addon.hassio_api() { __bashio_deprecated bashio::addon.hassio_api bashio::app.hassio_api "$@"; }
bashio::addon.hassio_role() { __bashio_deprecated bashio::addon.hassio_role bashio::app.hassio_role "$@"; }
bashio::addon.homeassistant() { __bashio_deprecated bashio::addon.homeassistant bashio::app.homeassistant "$@"; }
bashio::addon.homeassistant_api() { __bashio_deprecated bashio::addon.homeassistant_api bashio::app.homeassistant_api "$@"; }
bashio::addon.auth_api() { __bashio_deprecated bashio::addon.auth_api bashio::app.auth_api "$@"; }
bashio::addon.protected() { __bashio_deprecated bashio::addon.protected bashio::app.protected "$@"; }
bashio::addon.rating() { __bashio_deprecated bashio::addon.rating bashio::app.rating "$@"; }
bashio::addon.stdin() { __bashio_deprecated bashio::addon.stdin bashio::app.stdin "$@"; }
bashio::addon.full_access() { __bashio_deprecated bashio::addon.full_access bashio::app.full_access "$@"; }
bashio::addon.webui() { __bashio_deprecated bashio::addon.webui bashio::app.webui "$@"; }
bashio::addon.gpio() { __bashio_deprecated bashio::addon.gpio bashio::app.gpio "$@"; }
bashio::addon.kernel_modules() { __bashio_deprecated bashio::addon.kernel_modules bashio::app.kernel_modules "$@"; }
bashio::addon.devicetree() { __bashio_deprecated bashio::addon.devicetree bashio::app.devicetree "$@"; }
bashio::addon.docker_api() { __bashio_deprecated bashio::addon.docker_api bashio::app.docker_api "$@"; }
bashio::addon.video() { __bashio_deprecated bashio::addon.video bashio::app.video "$@"; }
bashio::addon.audio() { __bashio_deprecated bashio::addon.audio bashio::app.audio "$@"; }
bashio::addon.audio_input() { __bashio_deprecated bashio::addon.audio_input bashio::app.audio_input "$@"; }
bashio::addon.audio_output() { __bashio_deprecated bashio::addon.audio_output bashio::app.audio_output "$@"; }
bashio::addon.ip_address() { __bashio_deprecated bashio::addon.ip_address bashio::app.ip_address "$@"; }
bashio::addon.ingress() { __bashio_deprecated bashio::addon.ingress bashio::app.ingress "$@"; }
bashio::addon.ingress_entry() { __bashio_deprecated bashio::addon.ingress_entry bashio::app.ingress_entry "$@"; }
bashio::addon.ingress_url() { __bashio_deprecated bashio::addon.ingress_url bashio::app.ingress_url "$@"; }
bashio::addon.ingress_port() { __bashio_deprecated bashio::addon.ingress_port bashio::app.ingress_port "$@"; }
bashio::addon.ingress_panel() { __bashio_deprecated bashio::addon.ingress_panel bashio::app.ingress_panel "$@"; }
bashio::addon.watchdog() { __bashio_deprecated bashio::addon.watchdog bashio::app.watchdog "$@"; }
bashio::addon.stats() { __bashio_deprecated bashio::addon.stats bashio::app.stats "$@"; }
bashio::addon.cpu_percent() { __bashio_deprecated bashio::addon.cpu_percent bashio::app.cpu_percent "$@"; }
bashio::addon.memory_usage() { __bashio_deprecated bashio::addon.memory_usage bashio::app.memory_usage "$@"; }
bashio::addon.memory_limit() { __bashio_deprecated bashio::addon.memory_limit bashio::app.memory_limit "$@"; }
bashio::addon.memory_percent() { __bashio_deprecated bashio::addon.memory_percent bashio::app.memory_percent "$@"; }
bashio::addon.network_tx() { __bashio_deprecated bashio::addon.network_tx bashio::app.network_tx "$@"; }
bashio::addon.network_rx() { __bashio_deprecated bashio::addon.network_rx bashio::app.network_rx "$@"; }
bashio::addon.blk_read() { __bashio_deprecated bashio::addon.blk_read bashio::app.blk_read "$@"; }
bashio::addon.blk_write() { __bashio_deprecated bashio::addon.blk_write bashio::app.blk_write "$@"; }
