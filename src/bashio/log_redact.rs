//! Secrets kept out of debug and trace lines. bashio logs every Supervisor
//! answer at debug level and every function's arguments at trace level, so
//! a log pasted into a bug report would show the add-on's passwords. Every
//! line written at debug level or above (6, 7, 8) passes through `message`
//! before it is rendered; lines at info level and below are never touched.
//!
//! 1. Secret keys: each JSON object in the message (an API answer, a traced
//!    jq input, a cache entry being traced) is parsed where it stands; the
//!    string or number value of every key that names a secret (`is_secret_key`),
//!    or anywhere inside an object or array that is such a key's value,
//!    becomes `"<REDACTED>"` in place, every other byte as it was (keys,
//!    spacing, escapes, booleans, null and empty strings stay). Text that
//!    does not parse as JSON is left to rule 2.
//! 2. Known values: values found by rule 1 in this process and, when trace
//!    lines are written, the secret-keyed values of the add-on's options (the
//!    cached `bashio::app.config` answer, or the options file without a
//!    Supervisor) are replaced by `<REDACTED>` wherever they appear in a
//!    later line, when at least `MIN_KNOWN` bytes long.

#![forbid(unsafe_code)]

use super::redact::{redact_json, redact_known, secret_spans, MIN_KNOWN};
use crate::ctx::{Ctx, Known};
use std::io::Read;
use std::os::unix::fs::OpenOptionsExt;

/// The cache entry `bashio::app.config` keeps the add-on's options in.
const OPTIONS_CACHE_KEY: &str = "addons.self.options.config";

/// Options files and cache entries larger than this are not read for rule 2.
const MAX_OPTIONS_BYTES: u64 = 4 << 20;

/// Remembers a secret value for the rest of the call, if it is long enough
/// to be told apart from ordinary text.
fn remember(known: &mut Known, value: Vec<u8>) {
    if value.len() >= MIN_KNOWN && !known.values.contains(&value) {
        known.values.push(value);
    }
}

/// The add-on's options as this process would read them: the cached
/// `bashio::app.config` answer (never through a link planted in the cache),
/// or the options file without a Supervisor. Nothing is logged.
fn options_text(ctx: &Ctx) -> Option<Vec<u8>> {
    let path = if super::local::active(ctx) {
        std::path::PathBuf::from(super::local::options_file())
    } else {
        super::cache::entry_path(ctx, OPTIONS_CACHE_KEY)?
    };
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW)
        .open(path)
        .ok()?;
    let size = file.metadata().ok()?.len();
    if size > MAX_OPTIONS_BYTES {
        return None;
    }
    let mut text = Vec::with_capacity(size as usize + 1);
    file.take(MAX_OPTIONS_BYTES).read_to_end(&mut text).ok()?;
    Some(text)
}

/// A log message at `level` as it may be written: unchanged below debug
/// level, otherwise with rules 1 and 2 applied.
pub fn message(ctx: &mut Ctx, level: i32, message: &[u8]) -> Vec<u8> {
    let (mut text, found) = redact_json(message);
    for value in found {
        remember(&mut ctx.secrets, value);
    }
    if ctx.settings.log_level >= super::log::TRACE
        && level >= super::log::DEBUG
        && !ctx.secrets.options_read
    {
        ctx.secrets.options_read = true;
        if let Some(options) = options_text(ctx) {
            for value in secret_spans(&options).1 {
                remember(&mut ctx.secrets, value);
            }
        }
    }
    if !ctx.secrets.values.is_empty() {
        text = redact_known(&text, &ctx.secrets.values);
    }
    text
}
