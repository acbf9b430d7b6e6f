//! bashio's try.sh: running a command in a subshell where errexit really
//! applies, and asking afterwards how it went. It is all shell state.

#![forbid(unsafe_code)]

use crate::table::row::{Body::*, Function};

pub const FUNCTIONS: &[Function] = &[
    Function::new(
        "bashio::try",
        Shell(
            r#"    set +e
    (
        set -e
        "$@"
    )
    __BASHIO_TRY_EXIT_STATUS=$?
    set -e"#,
        ),
        "COMMAND [ARGS...]: run COMMAND with errexit in force, keeping its status",
    ),
    Function::new(
        "bashio::try.succeeded",
        Shell(r#"    ((__BASHIO_TRY_EXIT_STATUS == 0))"#),
        ": succeed when the last bashio::try succeeded",
    ),
    Function::new(
        "bashio::try.failed",
        Shell(r#"    ((__BASHIO_TRY_EXIT_STATUS != 0))"#),
        ": succeed when the last bashio::try failed",
    ),
];
