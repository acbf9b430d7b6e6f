//! Printing values as `jq -r -c -M` prints them: compact JSON with jq's
//! escapes and number spelling, raw strings, and the abbreviated dumps inside
//! error messages. The compact writer is generic, so the native walk of plain
//! keys (`super::super::path`) prints serde_json values the same way.

#![forbid(unsafe_code)]

use super::num::{fmt_f64, Lit};
use super::value::V;

/// Write a JSON string literal with jq's escapes.
pub(crate) fn write_json_str(s: &str, out: &mut Vec<u8>) {
    out.push(b'"');
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let esc: Option<&[u8]> = match c {
            '"' => Some(b"\\\""),
            '\\' => Some(b"\\\\"),
            '\n' => Some(b"\\n"),
            '\t' => Some(b"\\t"),
            '\r' => Some(b"\\r"),
            '\u{8}' => Some(b"\\b"),
            '\u{c}' => Some(b"\\f"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => Some(b""),
            _ => None,
        };
        if let Some(esc) = esc {
            out.extend_from_slice(&s.as_bytes()[start..i]);
            if esc.is_empty() {
                out.extend_from_slice(format!("\\u{:04x}", c as u32).as_bytes());
            } else {
                out.extend_from_slice(esc);
            }
            start = i + c.len_utf8();
        }
    }
    out.extend_from_slice(&s.as_bytes()[start..]);
    out.push(b'"');
}

fn write_num(f: f64, lit: &Lit, out: &mut Vec<u8>) {
    match lit {
        Lit::Text(t) => out.extend_from_slice(t.as_bytes()),
        _ => fmt_f64(f, out),
    }
}

/// What [`write_compact`] needs of a JSON value: jq's own values and the
/// documents the plain-key path walks (`super::path`) print alike.
pub(crate) trait CompactJson: Sized {
    /// The elements, when the value is an array.
    fn elements(&self) -> Option<&[Self]>;
    /// The members in order, when the value is an object.
    fn members(&self)
        -> Option<impl DoubleEndedIterator<Item = (&str, &Self)> + ExactSizeIterator>;
    /// Writes a value that is neither an array nor an object.
    fn write_scalar(&self, out: &mut Vec<u8>);
}

/// Write a value as compact JSON, as `jq -c -M` does. Iterative, so that
/// deeply nested values cannot exhaust the stack.
pub(crate) fn write_compact<T: CompactJson>(v: &T, out: &mut Vec<u8>) {
    enum Item<'a, T> {
        Val(&'a T),
        Key(&'a str),
        Raw(&'static [u8]),
    }
    let mut stack = vec![Item::Val(v)];
    while let Some(item) = stack.pop() {
        let v = match item {
            Item::Raw(s) => {
                out.extend_from_slice(s);
                continue;
            }
            Item::Key(k) => {
                write_json_str(k, out);
                continue;
            }
            Item::Val(v) => v,
        };
        if let Some(a) = v.elements() {
            out.push(b'[');
            stack.push(Item::Raw(b"]"));
            for (i, x) in a.iter().enumerate().rev() {
                stack.push(Item::Val(x));
                if i > 0 {
                    stack.push(Item::Raw(b","));
                }
            }
        } else if let Some(o) = v.members() {
            out.push(b'{');
            stack.push(Item::Raw(b"}"));
            for (i, (k, x)) in o.enumerate().rev() {
                stack.push(Item::Val(x));
                stack.push(Item::Raw(b":"));
                stack.push(Item::Key(k));
                if i > 0 {
                    stack.push(Item::Raw(b","));
                }
            }
        } else {
            v.write_scalar(out);
        }
    }
}

impl CompactJson for V {
    fn elements(&self) -> Option<&[V]> {
        match self {
            V::Arr(a) => Some(a),
            _ => None,
        }
    }

    fn members(&self) -> Option<impl DoubleEndedIterator<Item = (&str, &V)> + ExactSizeIterator> {
        match self {
            V::Obj(o) => Some(o.iter().map(|(k, x)| (&**k, x))),
            _ => None,
        }
    }

    fn write_scalar(&self, out: &mut Vec<u8>) {
        match self {
            V::Null => out.extend_from_slice(b"null"),
            V::Bool(true) => out.extend_from_slice(b"true"),
            V::Bool(false) => out.extend_from_slice(b"false"),
            V::Num(f, lit) => write_num(*f, lit, out),
            V::Str(s) => write_json_str(s, out),
            V::Arr(_) | V::Obj(_) => write_compact(self, out),
        }
    }
}

pub(super) fn to_json(v: &V) -> String {
    let mut out = Vec::new();
    write_compact(v, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// jq's `tostring`: strings as they are, anything else as compact JSON.
pub(super) fn to_text(v: &V) -> String {
    match v {
        V::Str(s) => s.to_string(),
        v => to_json(v),
    }
}

/// Print one output the way `jq -r -c -M` does (without the newline).
pub(super) fn write_output(v: &V, out: &mut Vec<u8>) {
    match v {
        V::Str(s) => out.extend_from_slice(s.as_bytes()),
        v => write_compact(v, out),
    }
}

/// jq's abbreviated dump of a value inside error messages.
pub(super) fn dump_trunc(v: &V) -> String {
    const BUF: usize = 30;
    let s = match v {
        V::Str(s) if s.len() > BUF => to_json(&V::from(s.chars().take(BUF).collect::<String>())),
        v => to_json(v),
    };
    if s.len() < BUF {
        return s;
    }
    let delim = match s.as_bytes()[0] {
        b'"' => Some('"'),
        b'[' => Some(']'),
        b'{' => Some('}'),
        _ => None,
    };
    let mut l = BUF - if delim.is_some() { 5 } else { 4 };
    while l > 0 && !s.is_char_boundary(l) {
        l -= 1;
    }
    let mut out = s[..l].to_string();
    out.push_str("...");
    if let Some(d) = delim {
        out.push(d);
    }
    out
}

/// A string as jq quotes (and abbreviates) it inside error messages.
pub(crate) fn quote_trunc(s: &str) -> String {
    dump_trunc(&V::str(s))
}

/// `kind (dump)`, the way jq names a value in type errors.
pub(super) fn describe(v: &V) -> String {
    format!("{} ({})", v.kind(), dump_trunc(v))
}
