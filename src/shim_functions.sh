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
