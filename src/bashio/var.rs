//! bashio's var.sh: tests on values, and building JSON from shell words with
//! the escaping jq applies, so values can never break out of their strings.

#![forbid(unsafe_code)]

use super::log;
use crate::ctx::{status, Args, Ctx, Ret, NOK, OK};
use crate::table::row::{Body::*, Function};

pub const FUNCTIONS: &[Function] = &[
    Function::new(
        "bashio::var.true",
        Native(var_true),
        "[VALUE=null]: succeed when VALUE is 'true'",
    ),
    Function::new(
        "bashio::var.false",
        Native(var_false),
        "[VALUE=null]: succeed when VALUE is 'false'",
    ),
    Function::new(
        "bashio::var.defined",
        Shell(DEFINED_SHELL),
        "NAME: succeed when the shell variable NAME is set",
    ),
    Function::new(
        "bashio::var.has_value",
        Native(var_has_value),
        "VALUE: succeed when VALUE is not empty",
    ),
    Function::new(
        "bashio::var.is_empty",
        Native(var_is_empty),
        "VALUE: succeed when VALUE is empty",
    ),
    Function::new(
        "bashio::var.equals",
        Native(var_equals),
        "VALUE OTHER: succeed when both are the same string",
    ),
    Function::new(
        "bashio::var.json",
        Native(var_json),
        "KEY VALUE...: a JSON object; a value starting with ^ is raw JSON",
    ),
    Function::new(
        "bashio::var.json_string",
        Native(var_json_string),
        "STRING: STRING as a JSON string",
    ),
    Function::new(
        "bashio::var.json_array",
        Native(var_json_array),
        "ITEM...: the items as a JSON array of strings",
    ),
];

// Reads a variable of the calling shell, so it must run there.
const DEFINED_SHELL: &str = r#"    local variable=${1}
    if ! [[ "${__BASHIO_LOG_LEVEL}" -lt 7 ]] 2>/dev/null; then
        __bashio_call bashio::log.trace "${FUNCNAME[0]}" "$@"
    fi
    [[ "${!variable-X}" = "${!variable-Y}" ]]"#;

fn traced(ctx: &mut Ctx, name: &str, values: &[&[u8]]) {
    log::trace(
        ctx,
        name,
        &Args(values.iter().map(|v| v.to_vec()).collect()),
    );
}

/// `bashio::var.true VALUE`.
pub fn is_true(ctx: &mut Ctx, value: &[u8]) -> bool {
    traced(ctx, "bashio::var.true", &[value]);
    value == b"true"
}

/// `bashio::var.false VALUE`.
pub fn is_false(ctx: &mut Ctx, value: &[u8]) -> bool {
    traced(ctx, "bashio::var.false", &[value]);
    value == b"false"
}

/// `bashio::var.has_value VALUE`.
pub fn has_value(ctx: &mut Ctx, value: &[u8]) -> bool {
    traced(ctx, "bashio::var.has_value", &[value]);
    !value.is_empty()
}

/// `bashio::var.has_value VALUE` for a secret: the trace line hides it.
pub fn has_secret_value(ctx: &mut Ctx, value: &[u8]) -> bool {
    traced(ctx, "bashio::var.has_value", &[log::REDACTED]);
    !value.is_empty()
}

/// `bashio::var.equals VALUE OTHER` where VALUE is a secret.
pub fn secret_equals(ctx: &mut Ctx, value: &[u8], other: &[u8]) -> bool {
    traced(ctx, "bashio::var.equals", &[log::REDACTED, other]);
    value == other
}

/// `bashio::var.is_empty VALUE`.
pub fn is_empty(ctx: &mut Ctx, value: &[u8]) -> bool {
    traced(ctx, "bashio::var.is_empty", &[value]);
    value.is_empty()
}

/// `bashio::var.equals VALUE OTHER`.
pub fn equals(ctx: &mut Ctx, value: &[u8], other: &[u8]) -> bool {
    traced(ctx, "bashio::var.equals", &[value, other]);
    value == other
}

fn var_true(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::var.true", args);
    status(args.bytes(0) == b"true")
}

fn var_false(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::var.false", args);
    status(args.bytes(0) == b"false")
}

fn var_has_value(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::var.has_value", args);
    status(!args.bytes(0).is_empty())
}

fn var_is_empty(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::var.is_empty", args);
    status(args.bytes(0).is_empty())
}

fn var_equals(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::var.equals", args);
    status(args.bytes(0) == args.bytes(1))
}

/// A string as `jq -Rs .` writes it: invalid UTF-8 becomes U+FFFD, control
/// characters and DEL are escaped, everything else is kept.
pub fn json_string(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `bashio::var.json KEY VALUE ...` as text: None when the pairs are uneven.
pub fn json_object(ctx: &mut Ctx, items: &[Vec<u8>]) -> Option<String> {
    if items.is_empty() {
        log::error(ctx, "Length of input array needs to be at least 2");
        return None;
    }
    if items.len() % 2 == 1 {
        log::error(
            ctx,
            "Length of input array needs to be even (key/value pairs)",
        );
        return None;
    }
    let mut json = String::from("{");
    for (i, pair) in items.chunks(2).enumerate() {
        if i > 0 {
            json.push(',');
        }
        json.push_str(&json_string(&pair[0]));
        json.push(':');
        match pair[1].strip_prefix(b"^") {
            Some(raw) => json.push_str(&String::from_utf8_lossy(raw)),
            None => json.push_str(&json_string(&pair[1])),
        }
    }
    json.push('}');
    Some(json)
}

fn var_json(ctx: &mut Ctx, args: &Args) -> Ret {
    match json_object(ctx, &args.0) {
        Some(json) => {
            ctx.echo(json.as_bytes());
            OK
        }
        None => NOK,
    }
}

fn var_json_string(ctx: &mut Ctx, args: &Args) -> Ret {
    ctx.echo(json_string(args.bytes(0)).as_bytes());
    OK
}

fn var_json_array(ctx: &mut Ctx, args: &Args) -> Ret {
    let items: Vec<String> = args.0.iter().map(|item| json_string(item)).collect();
    ctx.echo(format!("[{}]", items.join(",")).as_bytes());
    OK
}

#[cfg(test)]
mod tests {
    use super::json_string;

    #[test]
    fn escapes_like_jq() {
        assert_eq!(
            json_string(b"a\"b\\c\n\t\x01\x7f"),
            r#""a\"b\\c\n\t\u0001\u007f""#
        );
        assert_eq!(json_string("é ☃".as_bytes()), "\"é ☃\"");
        assert_eq!(json_string(b"\xff"), "\"\u{fffd}\"");
    }
}
