//! The request shapes bashio's plugin and store modules repeat: a call whose
//! failure returns 1 (`bashio::api.supervisor ... || return 1`), optionally
//! followed by emptying the cache, JSON bodies from shell words, and bash's
//! rule that a missing required argument ends the script.

#![forbid(unsafe_code)]

use super::{api, apps, cache, log, var};
use crate::ctx::{Args, Ctx, Ret, Stop, NOK, OK};
use crate::table::row::{Action, Payload, Then};

/// Runs an action row: the resource (a slug of `self` resolved first), `NAME`'s
/// trace line, the request, then what follows.
pub fn run(ctx: &mut Ctx, name: &str, action: &Action, args: &Args) -> Ret {
    require(name, args, action.required())?;
    let resource = if action.resource.contains("{1}") {
        action.resource.replace("{1}", &args.str(0))
    } else if action.resource.contains("{slug}") {
        action.resource.replace("{slug}", &args.or(0, "self"))
    } else if action.resource.contains("{store_slug}") {
        let slug = apps::store_slug(ctx, args)?;
        action.resource.replace("{store_slug}", &slug)
    } else {
        action.resource.to_string()
    };
    if action.trace_args {
        log::trace(ctx, name, args);
    } else {
        log::trace_name(ctx, name);
    }
    let body = match action.body {
        Payload::Word(word) => word.as_bytes().to_vec(),
        Payload::Argument => args.bytes(0).to_vec(),
        Payload::Field(key) => json(ctx, &[key.as_bytes(), args.bytes(0)])?.into_bytes(),
        Payload::Version => {
            let version = args.bytes(0);
            if var::has_value(ctx, version) {
                json(ctx, &[b"version", version])?.into_bytes()
            } else {
                Vec::new()
            }
        }
    };
    match action.then {
        Then::Status => api::supervisor(ctx, action.method, &resource, &body, ""),
        Then::Ok => then_ok(ctx, action.method, &resource, &body),
        Then::Flush => then_flush(ctx, action.method, &resource, &body),
        Then::CheckedFlush => {
            if api::supervisor(ctx, action.method, &resource, &body, "")? != 0 {
                return NOK;
            }
            cache::flush_all(ctx)
        }
    }
}

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
