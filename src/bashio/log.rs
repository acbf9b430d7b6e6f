//! bashio's log.sh: levelled log lines in LOG_FORMAT with LOG_TIMESTAMP, and
//! the plain colour loggers. Lines go to LOG_FD so `x=$(...)` captures only
//! values. Messages pass through `printf '%b'` exactly as bashio's do.

#![forbid(unsafe_code)]

use super::log_format::{expand_line, render, timestamp};
use crate::ctx::{Args, Ctx, Ret, OK};
use crate::table::row::{Body::*, Function};

pub const FUNCTIONS: &[Function] = &[
    Function::new("bashio::log", Native(plain), "MESSAGE...: print a message"),
    Function::new(
        "bashio::log.red",
        Native(red),
        "MESSAGE...: print a message in red",
    ),
    Function::new(
        "bashio::log.green",
        Native(green),
        "MESSAGE...: print a message in green",
    ),
    Function::new(
        "bashio::log.yellow",
        Native(yellow),
        "MESSAGE...: print a message in yellow",
    ),
    Function::new(
        "bashio::log.blue",
        Native(blue),
        "MESSAGE...: print a message in blue",
    ),
    Function::new(
        "bashio::log.magenta",
        Native(magenta),
        "MESSAGE...: print a message in magenta",
    ),
    Function::new(
        "bashio::log.cyan",
        Native(cyan),
        "MESSAGE...: print a message in cyan",
    ),
    Function::new(
        "bashio::log.log",
        Native(log_log),
        "LEVEL MESSAGE: log at a numeric level",
    ),
    Function::new(
        "bashio::log.trace",
        Native(log_trace),
        "MESSAGE...: log at trace level",
    ),
    Function::new(
        "bashio::log.debug",
        Native(log_debug),
        "MESSAGE...: log at debug level",
    ),
    Function::new(
        "bashio::log.info",
        Native(log_info),
        "MESSAGE...: log at info level, green",
    ),
    Function::new(
        "bashio::log.notice",
        Native(log_notice),
        "MESSAGE...: log at notice level, cyan",
    ),
    Function::new(
        "bashio::log.warning",
        Native(log_warning),
        "MESSAGE...: log at warning level, yellow",
    ),
    Function::new(
        "bashio::log.error",
        Native(log_error),
        "MESSAGE...: log at error level, magenta",
    ),
    Function::new(
        "bashio::log.fatal",
        Native(log_fatal),
        "MESSAGE...: log at fatal level, red",
    ),
    Function::new(
        "bashio::log.level",
        Shell(LEVEL_SHELL),
        "LEVEL: change the log level (all, trace, debug, info, notice, warning, error, fatal, off)",
    ),
    Function::new(
        "bashio::log.__level_number",
        Native(level_number),
        "LEVEL: the number of a log level name",
    ),
    Function::new(
        "bashio::log.reinitialize_output",
        Shell(REINITIALIZE_SHELL),
        ": point LOG_FD at the current stdout",
    ),
];

// The level lives in the calling shell, so the shell keeps it; the binary
// only validates the name (and exits the script on an unknown one).
const LEVEL_SHELL: &str = r#"    local __bashio_level
    __bashio_level=$(__bashio_call bashio::log.__level_number "$@") || exit "$?"
    export __BASHIO_LOG_LEVEL="${__bashio_level}""#;

const REINITIALIZE_SHELL: &str = r#"    if [[ "${LOG_FD:-}" =~ ^[0-9]+$ ]] && (
        exec 2>/dev/null
        : >&"${LOG_FD}"
    ); then
        eval "exec ${LOG_FD}>&1"
    fi"#;

pub use crate::defaults::{DEBUG, ERROR, FATAL, INFO, NOTICE, TRACE, WARNING};

const RED: &str = "\\033[31m";
const GREEN: &str = "\\033[32m";
const YELLOW: &str = "\\033[33m";
const BLUE: &str = "\\033[34m";
const MAGENTA: &str = "\\033[35m";
const CYAN: &str = "\\033[36m";
const RESET: &str = "\\033[0m";

use crate::defaults::level_by_name;

/// The level of a message given to `bashio::log.log LEVEL MESSAGE`.
fn message_level(value: &[u8]) -> i32 {
    let text = String::from_utf8_lossy(value);
    let text = text.trim();
    if let Ok(number) = text.parse::<i32>() {
        return number;
    }
    level_by_name(text).unwrap_or(INFO)
}

/// `printf '%b\n' LINE >&$LOG_FD`.
fn emit(ctx: &mut Ctx, line: &[u8]) {
    ctx.write_log(&expand_line(line));
}

/// `bashio::log.log LEVEL MESSAGE`.
pub fn at_level(ctx: &mut Ctx, level: i32, message: &[u8]) {
    if level > ctx.settings.log_level {
        return;
    }
    // Debug and trace lines carry Supervisor answers and arguments: their
    // secrets are hidden. Lines at info level and below are never changed.
    let hidden;
    let message = if level >= DEBUG {
        hidden = super::log_redact::message(ctx, level, message);
        &hidden[..]
    } else {
        message
    };
    let stamp = timestamp(&ctx.settings.log_timestamp);
    let line = render(&ctx.settings.log_format, &stamp, level, message);
    ctx.write_log(&line);
}

/// Whether colours are off: NO_COLOR set to anything but empty (no-color.org).
/// bashio always colours; the Supervisor's log view renders the codes.
pub fn colours_off() -> bool {
    crate::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

fn coloured(colour: &str, message: &[u8]) -> Vec<u8> {
    if colours_off() {
        return message.to_vec();
    }
    [colour.as_bytes(), message, RESET.as_bytes()].concat()
}

/// Whether trace lines are written: a caller whose trace arguments cost
/// something to build asks first.
pub fn tracing(ctx: &Ctx) -> bool {
    ctx.settings.log_level >= TRACE
}

/// The trace line every bashio function starts with: its name and arguments.
pub fn trace(ctx: &mut Ctx, function: &str, args: &Args) {
    if !tracing(ctx) {
        return;
    }
    let mut message = function.as_bytes().to_vec();
    for arg in &args.0 {
        message.push(b' ');
        message.extend_from_slice(arg);
    }
    at_level(ctx, TRACE, &message);
}

/// What a trace line shows instead of a value the script sends to the
/// Supervisor in a POST body (an option, a service's credentials).
pub const REDACTED: &[u8] = b"<REDACTED>";

/// The arguments with those at `positions` replaced by `<REDACTED>`.
pub fn redacted(args: &Args, positions: &[usize]) -> Args {
    Args(
        args.0
            .iter()
            .enumerate()
            .map(|(i, arg)| {
                if positions.contains(&i) {
                    REDACTED.to_vec()
                } else {
                    arg.clone()
                }
            })
            .collect(),
    )
}

/// A trace line for a function that logs only its own name.
pub fn trace_name(ctx: &mut Ctx, function: &str) {
    trace(ctx, function, &Args::default());
}

pub fn debug(ctx: &mut Ctx, message: impl AsRef<[u8]>) {
    at_level(ctx, DEBUG, message.as_ref());
}

pub fn info(ctx: &mut Ctx, message: impl AsRef<[u8]>) {
    at_level(ctx, INFO, &coloured(GREEN, message.as_ref()));
}

pub fn notice(ctx: &mut Ctx, message: impl AsRef<[u8]>) {
    at_level(ctx, NOTICE, &coloured(CYAN, message.as_ref()));
}

pub fn warning(ctx: &mut Ctx, message: impl AsRef<[u8]>) {
    at_level(ctx, WARNING, &coloured(YELLOW, message.as_ref()));
}

pub fn error(ctx: &mut Ctx, message: impl AsRef<[u8]>) {
    at_level(ctx, ERROR, &coloured(MAGENTA, message.as_ref()));
}

pub fn fatal(ctx: &mut Ctx, message: impl AsRef<[u8]>) {
    at_level(ctx, FATAL, &coloured(RED, message.as_ref()));
}

/// Several fatal lines in a row, as bashio's explanatory blocks are written.
pub fn fatal_lines(ctx: &mut Ctx, lines: &[&str]) {
    for line in lines {
        fatal(ctx, line);
    }
}

pub fn warning_lines(ctx: &mut Ctx, lines: &[&str]) {
    for line in lines {
        warning(ctx, line);
    }
}

fn plain(ctx: &mut Ctx, args: &Args) -> Ret {
    emit(ctx, &args.joined(0));
    OK
}

fn in_colour(ctx: &mut Ctx, args: &Args, colour: &str) -> Ret {
    emit(ctx, &coloured(colour, &args.joined(0)));
    OK
}

fn red(ctx: &mut Ctx, args: &Args) -> Ret {
    in_colour(ctx, args, RED)
}
fn green(ctx: &mut Ctx, args: &Args) -> Ret {
    in_colour(ctx, args, GREEN)
}
fn yellow(ctx: &mut Ctx, args: &Args) -> Ret {
    in_colour(ctx, args, YELLOW)
}
fn blue(ctx: &mut Ctx, args: &Args) -> Ret {
    in_colour(ctx, args, BLUE)
}
fn magenta(ctx: &mut Ctx, args: &Args) -> Ret {
    in_colour(ctx, args, MAGENTA)
}
fn cyan(ctx: &mut Ctx, args: &Args) -> Ret {
    in_colour(ctx, args, CYAN)
}

fn log_log(ctx: &mut Ctx, args: &Args) -> Ret {
    at_level(ctx, message_level(args.bytes(0)), args.bytes(1));
    OK
}

fn log_trace(ctx: &mut Ctx, args: &Args) -> Ret {
    at_level(ctx, TRACE, &args.joined(0));
    OK
}
fn log_debug(ctx: &mut Ctx, args: &Args) -> Ret {
    debug(ctx, args.joined(0));
    OK
}
fn log_info(ctx: &mut Ctx, args: &Args) -> Ret {
    info(ctx, args.joined(0));
    OK
}
fn log_notice(ctx: &mut Ctx, args: &Args) -> Ret {
    notice(ctx, args.joined(0));
    OK
}
fn log_warning(ctx: &mut Ctx, args: &Args) -> Ret {
    warning(ctx, args.joined(0));
    OK
}
fn log_error(ctx: &mut Ctx, args: &Args) -> Ret {
    error(ctx, args.joined(0));
    OK
}
fn log_fatal(ctx: &mut Ctx, args: &Args) -> Ret {
    fatal(ctx, args.joined(0));
    OK
}

/// The numeric level for `bashio::log.level NAME`; an unknown name exits.
fn level_number(ctx: &mut Ctx, args: &Args) -> Ret {
    let name = args.str(0);
    super::string::trace_lower(ctx, &name);
    match level_by_name(&name) {
        Some(level) => {
            ctx.print(level.to_string().as_bytes());
            OK
        }
        None => super::exit::nok(ctx, format!("Unknown log_level: {name}").as_bytes()),
    }
}
