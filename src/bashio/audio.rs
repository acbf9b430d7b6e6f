//! bashio's audio.sh: the audio server (the PulseAudio plugin). Its info and
//! stats documents and their getters are rows; its actions and the stream
//! settings (volume, mute, default stream, card profile) are native, and
//! check the stream type, index and volume before anything is sent.

#![forbid(unsafe_code)]

use super::blob::{blob_get, blob_stat, with_stats, Blob};
use super::{actions, log, var};
use crate::ctx::{Args, Ctx, Ret, NOK};
use crate::table::row::{Action, Body::*, Function};

pub static INFO: Blob = Blob {
    function: "bashio::audio",
    resource: "/audio/info",
    base_key: "audio.info",
    what: "audio info",
};

pub static STATS: Blob = Blob {
    function: "bashio::audio.stats",
    resource: "/audio/stats",
    base_key: "audio.stats",
    what: "audio stats",
};

macro_rules! info {
    ($field:literal, $filter:literal, $what:literal) => {
        blob_get!("audio", INFO, "audio.info", $field, $filter, $what)
    };
}

pub const FUNCTIONS: &[Function] = &with_stats!(
    blob_stat("audio", STATS, "the audio server's"),
    Function::new(
        "bashio::audio.update",
        Action(Action::update("/audio/update")),
        "[VERSION]: update the audio server (to VERSION, or the latest)",
    ),
    Function::new(
        "bashio::audio.reload",
        Action(Action::post_flush("/audio/reload")),
        ": reload the audio server",
    ),
    Function::new(
        "bashio::audio.restart",
        Action(Action::post_flush("/audio/restart")),
        ": restart the audio server",
    ),
    Function::new(
        "bashio::audio.logs",
        Action(Action::raw("/audio/logs")),
        ": the audio server's log",
    ),
    Function::new(
        "bashio::audio.volume",
        Native(volume),
        "input|output INDEX VOLUME [APPLICATION=false]: set a stream's volume (1.0 is 100%)",
    ),
    Function::new(
        "bashio::audio.mute",
        Native(mute),
        "input|output INDEX true|false [APPLICATION=false]: mute or unmute a stream",
    ),
    Function::new(
        "bashio::audio.default",
        Native(default),
        "input|output NAME: make NAME the default stream",
    ),
    Function::new(
        "bashio::audio.profile",
        Native(profile),
        "CARD NAME: activate a profile on a sound card",
    ),
    Function::new(
        "bashio::audio",
        BlobFetch(&INFO),
        "[CACHE_KEY=audio.info] [FILTER]: the audio server's info, filtered",
    ),
    info!("version", ".version", "the audio server's version"),
    info!(
        "version_latest",
        ".version_latest", "the audio server's latest version"
    ),
    Function::new(
        "bashio::audio.update_available",
        BlobGet {
            blob: &INFO,
            key: "audio.info.update_available",
            filter: ".update_available // false",
            trace_args: true,
        },
        ": whether an update of the audio server is available",
    ),
    info!("host", ".host", "the audio server's host"),
    Function::new(
        "bashio::audio.stats",
        BlobFetch(&STATS),
        "[CACHE_KEY=audio.stats] [FILTER]: the audio server's resource usage, filtered",
    ),
);

/// The stream type, checked as bashio checks it; false after logging why.
fn stream_type(ctx: &mut Ctx, source: &[u8]) -> bool {
    let valid = source == b"input" || source == b"output";
    if !valid {
        log::error(ctx, "Invalid stream type, expected 'input' or 'output'");
    }
    valid
}

fn stream_index(ctx: &mut Ctx, index: &[u8]) -> bool {
    let valid = actions::is_count(index);
    if !valid {
        log::error(ctx, "Invalid index, expected a non-negative integer");
    }
    valid
}

/// bash's `[[ VALUE =~ ^(0|[1-9][0-9]*)(\.[0-9]+)?$ ]]`.
fn is_volume(value: &[u8]) -> bool {
    match value.iter().position(|&b| b == b'.') {
        Some(dot) => {
            let fraction = &value[dot + 1..];
            actions::is_count(&value[..dot])
                && !fraction.is_empty()
                && fraction.iter().all(u8::is_ascii_digit)
        }
        None => actions::is_count(value),
    }
}

/// `/audio/<what>/<source>`, or the application stream's resource.
fn stream_resource(ctx: &mut Ctx, what: &str, source: &[u8], application: &str) -> String {
    let mut resource = format!("/audio/{what}/{}", String::from_utf8_lossy(source));
    if var::is_true(ctx, application.as_bytes()) {
        resource.push_str("/application");
    }
    resource
}

fn volume(ctx: &mut Ctx, args: &Args) -> Ret {
    actions::require("bashio::audio.volume", args, 3)?;
    log::trace(ctx, "bashio::audio.volume", args);
    let (source, index, level) = (args.bytes(0), args.bytes(1), args.bytes(2));
    if !stream_type(ctx, source) || !stream_index(ctx, index) {
        return NOK;
    }
    if !is_volume(level) {
        log::error(ctx, "Invalid volume, expected a non-negative number");
        return NOK;
    }
    let resource = stream_resource(ctx, "volume", source, &args.or(3, "false"));
    let (index, level) = (actions::raw(index), actions::raw(level));
    let body = actions::json(ctx, &[b"index", &index, b"volume", &level])?;
    actions::then_flush(ctx, "POST", &resource, body.as_bytes())
}

fn mute(ctx: &mut Ctx, args: &Args) -> Ret {
    actions::require("bashio::audio.mute", args, 3)?;
    log::trace(ctx, "bashio::audio.mute", args);
    let (source, index) = (args.bytes(0), args.bytes(1));
    if !stream_type(ctx, source) || !stream_index(ctx, index) {
        return NOK;
    }
    let active: &[u8] = if var::is_true(ctx, args.bytes(2)) {
        b"^true"
    } else {
        b"^false"
    };
    let resource = stream_resource(ctx, "mute", source, &args.or(3, "false"));
    let index = actions::raw(index);
    let body = actions::json(ctx, &[b"index", &index, b"active", active])?;
    actions::then_flush(ctx, "POST", &resource, body.as_bytes())
}

fn default(ctx: &mut Ctx, args: &Args) -> Ret {
    actions::require("bashio::audio.default", args, 2)?;
    log::trace(ctx, "bashio::audio.default", args);
    let source = args.bytes(0);
    if !stream_type(ctx, source) {
        return NOK;
    }
    let body = actions::json(ctx, &[b"name", args.bytes(1)])?;
    let resource = format!("/audio/default/{}", String::from_utf8_lossy(source));
    actions::then_flush(ctx, "POST", &resource, body.as_bytes())
}

fn profile(ctx: &mut Ctx, args: &Args) -> Ret {
    actions::require("bashio::audio.profile", args, 2)?;
    log::trace(ctx, "bashio::audio.profile", args);
    let body = actions::json(ctx, &[b"card", args.bytes(0), b"name", args.bytes(1)])?;
    actions::then_flush(ctx, "POST", "/audio/profile", body.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::is_volume;

    #[test]
    fn volumes_are_non_negative_decimals() {
        for good in ["0", "1", "0.5", "1.25", "10.0"] {
            assert!(is_volume(good.as_bytes()), "{good}");
        }
        for bad in ["", ".5", "1.", "01", "-1", "1.2.3", "1e3", "0.5 "] {
            assert!(!is_volume(bad.as_bytes()), "{bad:?}");
        }
    }
}
