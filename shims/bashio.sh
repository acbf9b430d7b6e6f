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

# Calls one function of the binary. Arguments travel in the environment of
# that one process (never in its argv, which every user can read); very long
# ones through a pipe instead, as the environment limits each string's size.
# Status 240+N from the binary means the function exited the script with N.
__bashio_call() {
    local __bashio_name=${1} __bashio_arg __bashio_count=0 __bashio_status=0 __bashio_long=0
    shift
    for __bashio_arg in "$@"; do
        __bashio_count=$((__bashio_count + 1))
        if ((${#__bashio_arg} > 30000)); then
            __bashio_long=1
            break
        fi
        local -x "__BASHIO_ARG${__bashio_count}=${__bashio_arg}"
    done
    if ((__bashio_long)); then
        printf '%s\0' "$@" | __BASHIO_ARGC=stdin \
            __BASHIO_LOG_LEVEL=${__BASHIO_LOG_LEVEL} \
            __BASHIO_LOG_FORMAT=${__BASHIO_LOG_FORMAT} \
            __BASHIO_LOG_TIMESTAMP=${__BASHIO_LOG_TIMESTAMP} \
            __BASHIO_SUPERVISOR_API=${__BASHIO_SUPERVISOR_API} \
            __BASHIO_SUPERVISOR_TOKEN=${__BASHIO_SUPERVISOR_TOKEN} \
            __BASHIO_CACHE_DIR=${__BASHIO_CACHE_DIR} \
            __BASHIO_HIBP_ENDPOINT=${__BASHIO_HIBP_ENDPOINT} \
            "${__BASHIO_BIN}" "${__bashio_name}" || __bashio_status=$?
    else
        __BASHIO_ARGC=${__bashio_count} \
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

# Functions, one per row of the binary's table.
bashio::log() { __bashio_call log "$@"; }
bashio::log.red() { __bashio_call log.red "$@"; }
bashio::log.green() { __bashio_call log.green "$@"; }
bashio::log.yellow() { __bashio_call log.yellow "$@"; }
bashio::log.blue() { __bashio_call log.blue "$@"; }
bashio::log.magenta() { __bashio_call log.magenta "$@"; }
bashio::log.cyan() { __bashio_call log.cyan "$@"; }
bashio::log.log() { __bashio_call log.log "$@"; }
bashio::log.trace() { __bashio_call log.trace "$@"; }
bashio::log.debug() { __bashio_call log.debug "$@"; }
bashio::log.info() { __bashio_call log.info "$@"; }
bashio::log.notice() { __bashio_call log.notice "$@"; }
bashio::log.warning() { __bashio_call log.warning "$@"; }
bashio::log.error() { __bashio_call log.error "$@"; }
bashio::log.fatal() { __bashio_call log.fatal "$@"; }
bashio::log.level() {
    local __bashio_level
    __bashio_level=$(__bashio_call bashio::log.__level_number "$@") || exit "$?"
    export __BASHIO_LOG_LEVEL="${__bashio_level}"
}
bashio::log.__level_number() { __bashio_call log.__level_number "$@"; }
bashio::log.reinitialize_output() {
    if [[ "${LOG_FD:-}" =~ ^[0-9]+$ ]] && (
        exec 2>/dev/null
        : >&"${LOG_FD}"
    ); then
        eval "exec ${LOG_FD}>&1"
    fi
}
bashio::color.reset() { __bashio_call color.reset "$@"; }
bashio::color.default() { __bashio_call color.default "$@"; }
bashio::color.black() { __bashio_call color.black "$@"; }
bashio::color.red() { __bashio_call color.red "$@"; }
bashio::color.green() { __bashio_call color.green "$@"; }
bashio::color.yellow() { __bashio_call color.yellow "$@"; }
bashio::color.blue() { __bashio_call color.blue "$@"; }
bashio::color.magenta() { __bashio_call color.magenta "$@"; }
bashio::color.cyan() { __bashio_call color.cyan "$@"; }
bashio::color.bg.default() { __bashio_call color.bg.default "$@"; }
bashio::color.bg.black() { __bashio_call color.bg.black "$@"; }
bashio::color.bg.red() { __bashio_call color.bg.red "$@"; }
bashio::color.bg.green() { __bashio_call color.bg.green "$@"; }
bashio::color.bg.yellow() { __bashio_call color.bg.yellow "$@"; }
bashio::color.bg.blue() { __bashio_call color.bg.blue "$@"; }
bashio::color.bg.magenta() { __bashio_call color.bg.magenta "$@"; }
bashio::color.bg.cyan() { __bashio_call color.bg.cyan "$@"; }
bashio::color.bg.white() { __bashio_call color.bg.white "$@"; }
bashio::fs.directory_exists() { __bashio_call fs.directory_exists "$@"; }
bashio::fs.file_exists() { __bashio_call fs.file_exists "$@"; }
bashio::fs.file_non_empty() { __bashio_call fs.file_non_empty "$@"; }
bashio::fs.device_exists() { __bashio_call fs.device_exists "$@"; }
bashio::fs.socket_exists() { __bashio_call fs.socket_exists "$@"; }
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
bashio::cache.__valid_key() { __bashio_call cache.__valid_key "$@"; }
bashio::cache.exists() { __bashio_call cache.exists "$@"; }
bashio::cache.get() { __bashio_call cache.get "$@"; }
bashio::cache.set() { __bashio_call cache.set "$@"; }
bashio::cache.flush() { __bashio_call cache.flush "$@"; }
bashio::cache.flush_all() { __bashio_call cache.flush_all "$@"; }
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
bashio::debug() {
    [[ "${__BASHIO_LOG_LEVEL}" -ge 6 ]]
}
bashio::pwned.is_safe_password() { __bashio_call pwned.is_safe_password "$@"; }
bashio::pwned.occurrences() { __bashio_call pwned.occurrences "$@"; }
bashio::pwned.occurances() { __bashio_call pwned.occurances "$@"; }
bashio::pwned() { __bashio_call pwned "$@"; }
bashio::exit.nok() { __bashio_call exit.nok "$@"; }
bashio::exit.ok() { __bashio_call exit.ok "$@"; }
bashio::exit.die_if_false() { __bashio_call exit.die_if_false "$@"; }
bashio::exit.die_if_true() { __bashio_call exit.die_if_true "$@"; }
bashio::exit.die_if_empty() { __bashio_call exit.die_if_empty "$@"; }
hass.die_if_true() { __bashio_call hass.die_if_true "$@"; }
hass.die_if_empty() { __bashio_call hass.die_if_empty "$@"; }
bashio::jq() { __bashio_call jq "$@"; }
bashio::jq.exists() { __bashio_call jq.exists "$@"; }
bashio::jq.has_value() { __bashio_call jq.has_value "$@"; }
bashio::jq.is() { __bashio_call jq.is "$@"; }
bashio::jq.is_boolean() { __bashio_call jq.is_boolean "$@"; }
bashio::jq.is_string() { __bashio_call jq.is_string "$@"; }
bashio::jq.is_object() { __bashio_call jq.is_object "$@"; }
bashio::jq.is_number() { __bashio_call jq.is_number "$@"; }
bashio::jq.is_array() { __bashio_call jq.is_array "$@"; }
bashio::services() { __bashio_call services "$@"; }
bashio::services.available() { __bashio_call services.available "$@"; }
bashio::services.publish() { __bashio_call services.publish "$@"; }
bashio::services.delete() { __bashio_call services.delete "$@"; }
bashio::string.lower() { __bashio_call string.lower "$@"; }
bashio::string.upper() { __bashio_call string.upper "$@"; }
bashio::string.replace() { __bashio_call string.replace "$@"; }
bashio::string.length() { __bashio_call string.length "$@"; }
bashio::string.substring() { __bashio_call string.substring "$@"; }
bashio::supervisor.ping() { __bashio_call supervisor.ping "$@"; }
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
bashio::var.true() { __bashio_call var.true "$@"; }
bashio::var.false() { __bashio_call var.false "$@"; }
bashio::var.defined() {
    local variable=${1}
    if [[ "${__BASHIO_LOG_LEVEL}" -ge 7 ]] 2>/dev/null; then
        __bashio_call bashio::log.trace "${FUNCNAME[0]}" "$@"
    fi
    [[ "${!variable-X}" = "${!variable-Y}" ]]
}
bashio::var.has_value() { __bashio_call var.has_value "$@"; }
bashio::var.is_empty() { __bashio_call var.is_empty "$@"; }
bashio::var.equals() { __bashio_call var.equals "$@"; }
bashio::var.json() { __bashio_call var.json "$@"; }
bashio::var.json_string() { __bashio_call var.json_string "$@"; }
bashio::var.json_array() { __bashio_call var.json_array "$@"; }

# Deprecated add-on names: each warns once, then calls its app function.
bashio::addons.reload() {
    bashio::apps.__deprecated 'bashio::addons.reload' 'bashio::apps.reload'
    bashio::apps.reload "$@"
}
bashio::addon.start() {
    bashio::apps.__deprecated 'bashio::addon.start' 'bashio::app.start'
    bashio::app.start "$@"
}
bashio::addon.restart() {
    bashio::apps.__deprecated 'bashio::addon.restart' 'bashio::app.restart'
    bashio::app.restart "$@"
}
bashio::addon.stop() {
    bashio::apps.__deprecated 'bashio::addon.stop' 'bashio::app.stop'
    bashio::app.stop "$@"
}
bashio::addon.install() {
    bashio::apps.__deprecated 'bashio::addon.install' 'bashio::app.install'
    bashio::app.install "$@"
}
bashio::addon.rebuild() {
    bashio::apps.__deprecated 'bashio::addon.rebuild' 'bashio::app.rebuild'
    bashio::app.rebuild "$@"
}
bashio::addon.uninstall() {
    bashio::apps.__deprecated 'bashio::addon.uninstall' 'bashio::app.uninstall'
    bashio::app.uninstall "$@"
}
bashio::addon.update() {
    bashio::apps.__deprecated 'bashio::addon.update' 'bashio::app.update'
    bashio::app.update "$@"
}
bashio::addon.logs() {
    bashio::apps.__deprecated 'bashio::addon.logs' 'bashio::app.logs'
    bashio::app.logs "$@"
}
bashio::addon.documentation() {
    bashio::apps.__deprecated 'bashio::addon.documentation' 'bashio::app.documentation'
    bashio::app.documentation "$@"
}
bashio::addon.changelog() {
    bashio::apps.__deprecated 'bashio::addon.changelog' 'bashio::app.changelog'
    bashio::app.changelog "$@"
}
bashio::addons() {
    bashio::apps.__deprecated 'bashio::addons' 'bashio::apps'
    bashio::apps "$@"
}
bashio::addons.installed() {
    bashio::apps.__deprecated 'bashio::addons.installed' 'bashio::apps.installed'
    bashio::apps.installed "$@"
}
bashio::addon.installed() {
    bashio::apps.__deprecated 'bashio::addon.installed' 'bashio::app.installed'
    bashio::app.installed "$@"
}
bashio::addon.slug() {
    bashio::apps.__deprecated 'bashio::addon.slug' 'bashio::app.slug'
    bashio::app.slug "$@"
}
bashio::addon.name() {
    bashio::apps.__deprecated 'bashio::addon.name' 'bashio::app.name'
    bashio::app.name "$@"
}
bashio::addon.hostname() {
    bashio::apps.__deprecated 'bashio::addon.hostname' 'bashio::app.hostname'
    bashio::app.hostname "$@"
}
bashio::addon.dns() {
    bashio::apps.__deprecated 'bashio::addon.dns' 'bashio::app.dns'
    bashio::app.dns "$@"
}
bashio::addon.description() {
    bashio::apps.__deprecated 'bashio::addon.description' 'bashio::app.description'
    bashio::app.description "$@"
}
bashio::addon.long_description() {
    bashio::apps.__deprecated 'bashio::addon.long_description' 'bashio::app.long_description'
    bashio::app.long_description "$@"
}
bashio::addon.auto_update() {
    bashio::apps.__deprecated 'bashio::addon.auto_update' 'bashio::app.auto_update'
    bashio::app.auto_update "$@"
}
bashio::addon.url() {
    bashio::apps.__deprecated 'bashio::addon.url' 'bashio::app.url'
    bashio::app.url "$@"
}
bashio::addon.detached() {
    bashio::apps.__deprecated 'bashio::addon.detached' 'bashio::app.detached'
    bashio::app.detached "$@"
}
bashio::addon.available() {
    bashio::apps.__deprecated 'bashio::addon.available' 'bashio::app.available'
    bashio::app.available "$@"
}
bashio::addon.advanced() {
    bashio::apps.__deprecated 'bashio::addon.advanced' 'bashio::app.advanced'
    bashio::app.advanced "$@"
}
bashio::addon.stage() {
    bashio::apps.__deprecated 'bashio::addon.stage' 'bashio::app.stage'
    bashio::app.stage "$@"
}
bashio::addon.startup() {
    bashio::apps.__deprecated 'bashio::addon.startup' 'bashio::app.startup'
    bashio::app.startup "$@"
}
bashio::addon.arch() {
    bashio::apps.__deprecated 'bashio::addon.arch' 'bashio::app.arch'
    bashio::app.arch "$@"
}
bashio::addon.machine() {
    bashio::apps.__deprecated 'bashio::addon.machine' 'bashio::app.machine'
    bashio::app.machine "$@"
}
bashio::addon.repository() {
    bashio::apps.__deprecated 'bashio::addon.repository' 'bashio::app.repository'
    bashio::app.repository "$@"
}
bashio::addon.version() {
    bashio::apps.__deprecated 'bashio::addon.version' 'bashio::app.version'
    bashio::app.version "$@"
}
bashio::addon.version_latest() {
    bashio::apps.__deprecated 'bashio::addon.version_latest' 'bashio::app.version_latest'
    bashio::app.version_latest "$@"
}
bashio::addon.update_available() {
    bashio::apps.__deprecated 'bashio::addon.update_available' 'bashio::app.update_available'
    bashio::app.update_available "$@"
}
bashio::addon.state() {
    bashio::apps.__deprecated 'bashio::addon.state' 'bashio::app.state'
    bashio::app.state "$@"
}
bashio::addon.boot() {
    bashio::apps.__deprecated 'bashio::addon.boot' 'bashio::app.boot'
    bashio::app.boot "$@"
}
bashio::addon.build() {
    bashio::apps.__deprecated 'bashio::addon.build' 'bashio::app.build'
    bashio::app.build "$@"
}
bashio::addon.options() {
    bashio::apps.__deprecated 'bashio::addon.options' 'bashio::app.options'
    bashio::app.options "$@"
}
bashio::addon.option() {
    bashio::apps.__deprecated 'bashio::addon.option' 'bashio::app.option'
    bashio::app.option "$@"
}
bashio::addon.config() {
    bashio::apps.__deprecated 'bashio::addon.config' 'bashio::app.config'
    bashio::app.config "$@"
}
bashio::addon.network() {
    bashio::apps.__deprecated 'bashio::addon.network' 'bashio::app.network'
    bashio::app.network "$@"
}
bashio::addon.network_description() {
    bashio::apps.__deprecated 'bashio::addon.network_description' 'bashio::app.network_description'
    bashio::app.network_description "$@"
}
bashio::addon.port() {
    bashio::apps.__deprecated 'bashio::addon.port' 'bashio::app.port'
    bashio::app.port "$@"
}
bashio::addon.port_description() {
    bashio::apps.__deprecated 'bashio::addon.port_description' 'bashio::app.port_description'
    bashio::app.port_description "$@"
}
bashio::addon.host_network() {
    bashio::apps.__deprecated 'bashio::addon.host_network' 'bashio::app.host_network'
    bashio::app.host_network "$@"
}
bashio::addon.host_pid() {
    bashio::apps.__deprecated 'bashio::addon.host_pid' 'bashio::app.host_pid'
    bashio::app.host_pid "$@"
}
bashio::addon.host_ipc() {
    bashio::apps.__deprecated 'bashio::addon.host_ipc' 'bashio::app.host_ipc'
    bashio::app.host_ipc "$@"
}
bashio::addon.host_dbus() {
    bashio::apps.__deprecated 'bashio::addon.host_dbus' 'bashio::app.host_dbus'
    bashio::app.host_dbus "$@"
}
bashio::addon.privileged() {
    bashio::apps.__deprecated 'bashio::addon.privileged' 'bashio::app.privileged'
    bashio::app.privileged "$@"
}
bashio::addon.apparmor() {
    bashio::apps.__deprecated 'bashio::addon.apparmor' 'bashio::app.apparmor'
    bashio::app.apparmor "$@"
}
bashio::addon.devices() {
    bashio::apps.__deprecated 'bashio::addon.devices' 'bashio::app.devices'
    bashio::app.devices "$@"
}
bashio::addon.udev() {
    bashio::apps.__deprecated 'bashio::addon.udev' 'bashio::app.udev'
    bashio::app.udev "$@"
}
bashio::addon.uart() {
    bashio::apps.__deprecated 'bashio::addon.uart' 'bashio::app.uart'
    bashio::app.uart "$@"
}
bashio::addon.usb() {
    bashio::apps.__deprecated 'bashio::addon.usb' 'bashio::app.usb'
    bashio::app.usb "$@"
}
bashio::addon.icon() {
    bashio::apps.__deprecated 'bashio::addon.icon' 'bashio::app.icon'
    bashio::app.icon "$@"
}
bashio::addon.logo() {
    bashio::apps.__deprecated 'bashio::addon.logo' 'bashio::app.logo'
    bashio::app.logo "$@"
}
bashio::addon.has_documentation() {
    bashio::apps.__deprecated 'bashio::addon.has_documentation' 'bashio::app.has_documentation'
    bashio::app.has_documentation "$@"
}
bashio::addon.has_changelog() {
    bashio::apps.__deprecated 'bashio::addon.has_changelog' 'bashio::app.has_changelog'
    bashio::app.has_changelog "$@"
}
bashio::addon.hassio_api() {
    bashio::apps.__deprecated 'bashio::addon.hassio_api' 'bashio::app.hassio_api'
    bashio::app.hassio_api "$@"
}
bashio::addon.hassio_role() {
    bashio::apps.__deprecated 'bashio::addon.hassio_role' 'bashio::app.hassio_role'
    bashio::app.hassio_role "$@"
}
bashio::addon.homeassistant() {
    bashio::apps.__deprecated 'bashio::addon.homeassistant' 'bashio::app.homeassistant'
    bashio::app.homeassistant "$@"
}
bashio::addon.homeassistant_api() {
    bashio::apps.__deprecated 'bashio::addon.homeassistant_api' 'bashio::app.homeassistant_api'
    bashio::app.homeassistant_api "$@"
}
bashio::addon.auth_api() {
    bashio::apps.__deprecated 'bashio::addon.auth_api' 'bashio::app.auth_api'
    bashio::app.auth_api "$@"
}
bashio::addon.protected() {
    bashio::apps.__deprecated 'bashio::addon.protected' 'bashio::app.protected'
    bashio::app.protected "$@"
}
bashio::addon.rating() {
    bashio::apps.__deprecated 'bashio::addon.rating' 'bashio::app.rating'
    bashio::app.rating "$@"
}
bashio::addon.stdin() {
    bashio::apps.__deprecated 'bashio::addon.stdin' 'bashio::app.stdin'
    bashio::app.stdin "$@"
}
bashio::addon.full_access() {
    bashio::apps.__deprecated 'bashio::addon.full_access' 'bashio::app.full_access'
    bashio::app.full_access "$@"
}
bashio::addon.webui() {
    bashio::apps.__deprecated 'bashio::addon.webui' 'bashio::app.webui'
    bashio::app.webui "$@"
}
bashio::addon.gpio() {
    bashio::apps.__deprecated 'bashio::addon.gpio' 'bashio::app.gpio'
    bashio::app.gpio "$@"
}
bashio::addon.kernel_modules() {
    bashio::apps.__deprecated 'bashio::addon.kernel_modules' 'bashio::app.kernel_modules'
    bashio::app.kernel_modules "$@"
}
bashio::addon.devicetree() {
    bashio::apps.__deprecated 'bashio::addon.devicetree' 'bashio::app.devicetree'
    bashio::app.devicetree "$@"
}
bashio::addon.docker_api() {
    bashio::apps.__deprecated 'bashio::addon.docker_api' 'bashio::app.docker_api'
    bashio::app.docker_api "$@"
}
bashio::addon.video() {
    bashio::apps.__deprecated 'bashio::addon.video' 'bashio::app.video'
    bashio::app.video "$@"
}
bashio::addon.audio() {
    bashio::apps.__deprecated 'bashio::addon.audio' 'bashio::app.audio'
    bashio::app.audio "$@"
}
bashio::addon.audio_input() {
    bashio::apps.__deprecated 'bashio::addon.audio_input' 'bashio::app.audio_input'
    bashio::app.audio_input "$@"
}
bashio::addon.audio_output() {
    bashio::apps.__deprecated 'bashio::addon.audio_output' 'bashio::app.audio_output'
    bashio::app.audio_output "$@"
}
bashio::addon.ip_address() {
    bashio::apps.__deprecated 'bashio::addon.ip_address' 'bashio::app.ip_address'
    bashio::app.ip_address "$@"
}
bashio::addon.ingress() {
    bashio::apps.__deprecated 'bashio::addon.ingress' 'bashio::app.ingress'
    bashio::app.ingress "$@"
}
bashio::addon.ingress_entry() {
    bashio::apps.__deprecated 'bashio::addon.ingress_entry' 'bashio::app.ingress_entry'
    bashio::app.ingress_entry "$@"
}
bashio::addon.ingress_url() {
    bashio::apps.__deprecated 'bashio::addon.ingress_url' 'bashio::app.ingress_url'
    bashio::app.ingress_url "$@"
}
bashio::addon.ingress_port() {
    bashio::apps.__deprecated 'bashio::addon.ingress_port' 'bashio::app.ingress_port'
    bashio::app.ingress_port "$@"
}
bashio::addon.ingress_panel() {
    bashio::apps.__deprecated 'bashio::addon.ingress_panel' 'bashio::app.ingress_panel'
    bashio::app.ingress_panel "$@"
}
bashio::addon.watchdog() {
    bashio::apps.__deprecated 'bashio::addon.watchdog' 'bashio::app.watchdog'
    bashio::app.watchdog "$@"
}
bashio::addon.stats() {
    bashio::apps.__deprecated 'bashio::addon.stats' 'bashio::app.stats'
    bashio::app.stats "$@"
}
bashio::addon.cpu_percent() {
    bashio::apps.__deprecated 'bashio::addon.cpu_percent' 'bashio::app.cpu_percent'
    bashio::app.cpu_percent "$@"
}
bashio::addon.memory_usage() {
    bashio::apps.__deprecated 'bashio::addon.memory_usage' 'bashio::app.memory_usage'
    bashio::app.memory_usage "$@"
}
bashio::addon.memory_limit() {
    bashio::apps.__deprecated 'bashio::addon.memory_limit' 'bashio::app.memory_limit'
    bashio::app.memory_limit "$@"
}
bashio::addon.memory_percent() {
    bashio::apps.__deprecated 'bashio::addon.memory_percent' 'bashio::app.memory_percent'
    bashio::app.memory_percent "$@"
}
bashio::addon.network_tx() {
    bashio::apps.__deprecated 'bashio::addon.network_tx' 'bashio::app.network_tx'
    bashio::app.network_tx "$@"
}
bashio::addon.network_rx() {
    bashio::apps.__deprecated 'bashio::addon.network_rx' 'bashio::app.network_rx'
    bashio::app.network_rx "$@"
}
bashio::addon.blk_read() {
    bashio::apps.__deprecated 'bashio::addon.blk_read' 'bashio::app.blk_read'
    bashio::app.blk_read "$@"
}
bashio::addon.blk_write() {
    bashio::apps.__deprecated 'bashio::addon.blk_write' 'bashio::app.blk_write'
    bashio::app.blk_write "$@"
}
