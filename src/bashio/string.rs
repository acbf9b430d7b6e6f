//! bashio's string.sh: case, replacement, length and substrings with bash's
//! own semantics (`${s,,}`, `${s//"x"/y}`, `${#s}`, `${s:p:l}`), characters
//! cut and mapped by the script's locale (see `ctype`).

#![forbid(unsafe_code)]

use super::{ctype, log};
use crate::arith;
use crate::ctx::{Args, Ctx, Ret, NOK, OK};
use crate::table::row::{Body::*, Function};

pub const FUNCTIONS: &[Function] = &[
    Function::new(
        "bashio::string.lower",
        Native(lower),
        "STRING: STRING in lower case",
    ),
    Function::new(
        "bashio::string.upper",
        Native(upper),
        "STRING: STRING in upper case",
    ),
    Function::new(
        "bashio::string.replace",
        Native(replace),
        "STRING NEEDLE REPLACEMENT: every NEEDLE in STRING replaced",
    ),
    Function::new(
        "bashio::string.length",
        Native(length),
        "STRING: the number of characters in STRING",
    ),
    Function::new(
        "bashio::string.substring",
        Native(substring),
        "STRING POSITION [LENGTH]: part of STRING",
    ),
];

/// The trace line of `bashio::string.lower`, for callers that lower-case in place.
pub fn trace_lower(ctx: &mut Ctx, value: &str) {
    log::trace(ctx, "bashio::string.lower", &Args::of(&[value]));
}

fn lower(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::string.lower", args);
    ctx.print(&ctype::map_case(args.bytes(0), false));
    OK
}

fn upper(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::string.upper", args);
    ctx.print(&ctype::map_case(args.bytes(0), true));
    OK
}

/// The replacement as bash 5.2 reads an unquoted one: `&` stands for the
/// match, `\&` and `\\` are escapes, any other backslash is kept.
fn expand_replacement(replacement: &[u8], matched: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < replacement.len() {
        match replacement[i] {
            b'\\' if matches!(replacement.get(i + 1), Some(b'&' | b'\\')) => {
                out.push(replacement[i + 1]);
                i += 2;
            }
            b'&' => {
                out.extend_from_slice(matched);
                i += 1;
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    out
}

fn replace(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::string.replace", args);
    let (text, needle) = (args.bytes(0), args.bytes(1));
    if needle.is_empty() {
        ctx.print(text);
        return OK;
    }
    let replacement = expand_replacement(args.bytes(2), needle);
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if text[i..].starts_with(needle) {
            out.extend_from_slice(&replacement);
            i += needle.len();
        } else {
            out.push(text[i]);
            i += 1;
        }
    }
    ctx.print(&out);
    OK
}

/// The string as bash counts it: characters in a UTF-8 locale, else bytes.
fn units(bytes: &[u8]) -> Vec<&[u8]> {
    match std::str::from_utf8(bytes) {
        Ok(text) if ctype::utf8() => text
            .char_indices()
            .map(|(i, c)| &bytes[i..i + c.len_utf8()])
            .collect(),
        _ => bytes.chunks(1).collect(),
    }
}

fn length(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::string.length", args);
    ctx.print(units(args.bytes(0)).len().to_string().as_bytes());
    OK
}

fn substring(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::string.substring", args);
    let length = args.str(2);
    let with_length = super::var::has_value(ctx, length.as_bytes());
    let parts = units(args.bytes(0));
    let count = parts.len() as i64;
    let Some(position) = arith::evaluate(&args.str(1)) else {
        eprintln!("bashio: {}: arithmetic syntax error", args.str(1));
        return NOK;
    };
    let start = if position < 0 {
        count + position
    } else {
        position
    };
    if start < 0 || start > count {
        return OK;
    }
    let end = if !with_length {
        count
    } else {
        let Some(length) = arith::evaluate(&length) else {
            eprintln!("bashio: {length}: arithmetic syntax error");
            return NOK;
        };
        if length < 0 {
            let end = count + length;
            if end < start {
                eprintln!("bashio: {length}: substring expression < 0");
                return NOK;
            }
            end
        } else {
            (start + length).min(count)
        }
    };
    ctx.print(&parts[start as usize..end as usize].concat());
    OK
}

#[cfg(test)]
mod tests {
    use super::expand_replacement;

    #[test]
    fn replacement_follows_bash_52() {
        assert_eq!(expand_replacement(b"[&]", b"-"), b"[-]");
        assert_eq!(expand_replacement(b"x\\&y", b"-"), b"x&y");
        assert_eq!(expand_replacement(b"x\\\\y\\n", b"-"), b"x\\y\\n");
    }
}
