//! One call of a table function, whoever makes it: the binary run by the
//! library's functions (`bashio NAME`), or a bash builtin in the script's own
//! process. Both end the same way: a status, or the script's exit.

#![forbid(unsafe_code)]

use crate::ctx::{Args, Ctx, Stop};
use crate::functions;
use crate::table::{deprecated, Function};

/// The binary's status for "the function exited the script with N" when
/// the function library (or a builtin handing it a call) runs it: 240 + N.
pub const EXIT_SCRIPT_BASE: i32 = 240;

/// The warning a call by the old name `deprecated` starts with.
pub fn warn_deprecated(ctx: &mut Ctx, function: &Function, deprecated: Option<&str>) {
    if let Some(old) = deprecated {
        let warning = deprecated::warning(old, function.name);
        crate::bashio::log::warning(ctx, warning);
    }
}

/// How a call ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The function returned this status (bash's errexit decides the rest).
    Status(i32),
    /// The function exits the (sub)shell with this status (`bashio::exit.nok`).
    Exit(i32),
}

/// Runs `function` with `args`; `deprecated` is the old name it was called
/// by, which warns first.
pub fn run(ctx: &mut Ctx, function: &Function, deprecated: Option<&str>, args: &Args) -> Outcome {
    warn_deprecated(ctx, function, deprecated);
    #[cfg(debug_assertions)]
    if std::env::var_os("BASHIO_TEST_PANIC").is_some_and(|name| name == function.name) {
        // Debug builds only: the tests' way to reach what a panic does.
        panic!("test panic in {}", function.name);
    }
    let result = functions::call(ctx, function, args);
    ctx.flush();
    match result {
        Ok(code) | Err(Stop::Abort(code)) => Outcome::Status(code),
        Err(Stop::Exit(code)) => Outcome::Exit(code),
    }
}
