//! bashio's trace.sh: whether the log level shows trace lines. It reads the
//! calling shell's level, so it runs there. As in bashio, a level bash cannot
//! evaluate counts as showing them.

#![forbid(unsafe_code)]

use crate::table::row::{Body::*, Function};

pub const FUNCTIONS: &[Function] = &[Function::new(
    "bashio::trace",
    Shell(r#"    ! [[ "${__BASHIO_LOG_LEVEL}" -lt 7 ]]"#),
    ": succeed when the log level is trace or more",
)];
