//! The request shapes bashio's plugin and store modules repeat: a call whose
//! failure returns 1 (`bashio::api.supervisor ... || return 1`), optionally
//! followed by emptying the cache, JSON bodies from shell words, and bash's
//! rule that a missing required argument ends the script.

use super::{api, cache, log, var};
use crate::ctx::{Args, Ctx, Ret, Stop, NOK, OK};

/// `local a=${1} b=${2} ...` under nounset: fewer than `count` arguments
/// end the script (the subshell, inside `$(...)`) with status 1.
pub fn require(name: &str, args: &Args, count: usize) -> Result<(), Stop> {
    if args.len() >= count {
        return Ok(());
    }
    eprintln!("{name}: ${}: unbound variable", args.len() + 1);
    Err(Stop::Exit(1))
}

/// `^VALUE`: VALUE as raw JSON in `bashio::var.json`.
pub fn raw(value: &[u8]) -> Vec<u8> {
    [b"^", value].concat()
}

/// `$(bashio::var.json KEY VALUE ...)`.
pub fn json(ctx: &mut Ctx, items: &[&[u8]]) -> Result<String, Stop> {
    let items: Vec<Vec<u8>> = items.iter().map(|item| item.to_vec()).collect();
    var::json_object(ctx, &items).ok_or(Stop::Abort(1))
}

/// `[[ VALUE =~ ^(0|[1-9][0-9]*)$ ]]`: a count without leading zeros.
pub fn is_count(value: &[u8]) -> bool {
    match value {
        [] => false,
        [b'0'] => true,
        [b'0', ..] => false,
        digits => digits.iter().all(u8::is_ascii_digit),
    }
}

/// A rejected value made safe to log: control characters and backslashes
/// become `?`, so it cannot add lines or escape sequences.
pub fn masked(value: &[u8]) -> Vec<u8> {
    value
        .iter()
        .map(|&b| match b {
            0..=0x1f | 0x7f | b'\\' => b'?',
            b => b,
        })
        .collect()
}

/// `NAME`: its trace line, then `bashio::api.supervisor METHOD RESOURCE THIRD`.
pub fn call(ctx: &mut Ctx, name: &str, method: &str, resource: &str, third: &[u8]) -> Ret {
    log::trace_name(ctx, name);
    api::supervisor(ctx, method, resource, third, "")
}

/// `bashio::api.supervisor METHOD RESOURCE BODY FILTER || return 1`: whether
/// the request succeeded. The request runs as the left side of `||` runs in
/// bash, with errexit off.
pub fn request_ok(
    ctx: &mut Ctx,
    method: &str,
    resource: &str,
    body: &[u8],
    filter: &str,
) -> Result<bool, Stop> {
    ctx.cond(|c| api::supervisor(c, method, resource, body, filter))
}

/// `bashio::api.supervisor METHOD RESOURCE BODY || return 1; return 0`.
pub fn then_ok(ctx: &mut Ctx, method: &str, resource: &str, body: &[u8]) -> Ret {
    if !request_ok(ctx, method, resource, body, "")? {
        return NOK;
    }
    OK
}

/// `bashio::api.supervisor METHOD RESOURCE BODY || return 1`, then
/// `bashio::cache.flush_all`.
pub fn then_flush(ctx: &mut Ctx, method: &str, resource: &str, body: &[u8]) -> Ret {
    if !request_ok(ctx, method, resource, body, "")? {
        return NOK;
    }
    cache::flush_all(ctx)
}

/// `NAME`: its trace line, then a POST without a body and a cache flush.
pub fn post_flush(ctx: &mut Ctx, name: &str, resource: &str) -> Ret {
    log::trace_name(ctx, name);
    then_flush(ctx, "POST", resource, b"")
}

/// `NAME [VERSION]`: POST RESOURCE, with `{"version": VERSION}` when given.
pub fn update(ctx: &mut Ctx, name: &str, args: &Args, resource: &str) -> Ret {
    log::trace(ctx, name, args);
    let version = args.bytes(0);
    if var::has_value(ctx, version) {
        let body = json(ctx, &[b"version", version])?;
        then_flush(ctx, "POST", resource, body.as_bytes())
    } else {
        then_flush(ctx, "POST", resource, b"")
    }
}

/// POSTs `{"KEY": VALUE}` to RESOURCE, then empties the cache.
pub fn set_option(ctx: &mut Ctx, resource: &str, key: &str, value: &[u8]) -> Ret {
    let body = json(ctx, &[key.as_bytes(), value])?;
    then_flush(ctx, "POST", resource, body.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::{is_count, masked};

    #[test]
    fn counts_have_no_leading_zeros() {
        assert!(is_count(b"0"));
        assert!(is_count(b"120"));
        assert!(!is_count(b"012"));
        assert!(!is_count(b""));
        assert!(!is_count(b"-1"));
        assert!(!is_count(b"1.5"));
    }

    #[test]
    fn masks_control_characters_and_backslashes() {
        assert_eq!(masked(b"a\nb\\c\x1b"), b"a?b?c?".to_vec());
    }
}
