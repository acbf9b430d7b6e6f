//! sprig's string functions: trimming, case, substrings, quoting,
//! indentation, joining and splitting, and the encodings and checksums
//! (base64, base32, sha1, adler32).

#![forbid(unsafe_code)]

use super::funcs::{f, strslice, strval, v, Func, Param::*};
use super::gofmt::quote as go_quote;
use super::value::{Map, Value};

fn s(a: &Value) -> &str {
    a.as_str().unwrap_or_default()
}

fn i(a: &Value) -> i64 {
    match a {
        Value::Int(i, _) => *i,
        _ => 0,
    }
}

fn ok(text: String) -> Result<Value, String> {
    Ok(Value::string(text))
}

pub static TABLE: &[(&str, Func)] = &[
    (
        "trim",
        f(&[Str], |a| ok(s(&a[0]).trim_matches(go_space).to_string())),
    ),
    ("upper", f(&[Str], |a| ok(s(&a[0]).to_uppercase()))),
    ("lower", f(&[Str], |a| ok(s(&a[0]).to_lowercase()))),
    ("title", f(&[Str], |a| ok(title(s(&a[0]))))),
    ("untitle", f(&[Str], |a| ok(untitle(s(&a[0]))))),
    ("substr", f(&[Int, Int, Str], substr)),
    ("repeat", f(&[Int, Str], repeat)),
    (
        "trimall",
        f(&[Str, Str], |a| ok(trim_set(s(&a[1]), s(&a[0])))),
    ),
    (
        "trimAll",
        f(&[Str, Str], |a| ok(trim_set(s(&a[1]), s(&a[0])))),
    ),
    (
        "trimSuffix",
        f(&[Str, Str], |a| {
            ok(s(&a[1])
                .strip_suffix(s(&a[0]))
                .unwrap_or(s(&a[1]))
                .to_string())
        }),
    ),
    (
        "trimPrefix",
        f(&[Str, Str], |a| {
            ok(s(&a[1])
                .strip_prefix(s(&a[0]))
                .unwrap_or(s(&a[1]))
                .to_string())
        }),
    ),
    (
        "nospace",
        f(&[Str], |a| {
            ok(s(&a[0]).chars().filter(|c| !c.is_whitespace()).collect())
        }),
    ),
    ("swapcase", f(&[Str], |a| ok(swapcase(s(&a[0]))))),
    ("snakecase", f(&[Str], |a| ok(delimited(s(&a[0]), '_')))),
    ("kebabcase", f(&[Str], |a| ok(delimited(s(&a[0]), '-')))),
    (
        "contains",
        f(&[Str, Str], |a| {
            Ok(Value::Bool(s(&a[1]).contains(s(&a[0]))))
        }),
    ),
    (
        "hasPrefix",
        f(&[Str, Str], |a| {
            Ok(Value::Bool(s(&a[1]).starts_with(s(&a[0]))))
        }),
    ),
    (
        "hasSuffix",
        f(&[Str, Str], |a| {
            Ok(Value::Bool(s(&a[1]).ends_with(s(&a[0]))))
        }),
    ),
    (
        "quote",
        v(&[Any], |a| ok(quoted(a, |x| go_quote(&strval(x))))),
    ),
    (
        "squote",
        v(&[Any], |a| {
            ok(quoted(a, |x| format!("'{}'", super::value::to_string(x))))
        }),
    ),
    ("cat", v(&[Any], cat)),
    ("indent", f(&[Int, Str], |a| ok(indent(i(&a[0]), s(&a[1]))))),
    (
        "nindent",
        f(&[Int, Str], |a| {
            ok(format!("\n{}", indent(i(&a[0]), s(&a[1]))))
        }),
    ),
    (
        "replace",
        f(&[Str, Str, Str], |a| {
            ok(s(&a[2]).replace(s(&a[0]), s(&a[1])))
        }),
    ),
    (
        "plural",
        f(&[Str, Str, Int], |a| {
            ok(s(if i(&a[2]) == 1 { &a[0] } else { &a[1] }).to_string())
        }),
    ),
    ("toString", f(&[Any], |a| ok(strval(&a[0])))),
    ("trunc", f(&[Int, Str], trunc)),
    ("abbrev", f(&[Int, Str], abbrev)),
    (
        "initials",
        f(&[Str], |a| {
            ok(s(&a[0])
                .split_whitespace()
                .filter_map(|w| w.chars().next())
                .collect())
        }),
    ),
    (
        "join",
        f(&[Str, Any], |a| ok(strslice(&a[1]).join(s(&a[0])))),
    ),
    (
        "split",
        f(&[Str, Str], |a| {
            Ok(numbered(go_split(s(&a[1]), s(&a[0]), -1)))
        }),
    ),
    (
        "splitn",
        f(&[Str, Int, Str], |a| {
            Ok(numbered(go_split(s(&a[2]), s(&a[0]), i(&a[1]))))
        }),
    ),
    (
        "splitList",
        f(&[Str, Str], |a| {
            Ok(Value::strings(go_split(s(&a[1]), s(&a[0]), -1)))
        }),
    ),
    (
        "toStrings",
        f(&[Any], |a| Ok(Value::strings(strslice(&a[0])))),
    ),
    (
        "b64enc",
        f(&[Str], |a| {
            ok(super::encoding::b64_encode(s(&a[0]).as_bytes()))
        }),
    ),
    (
        "b64dec",
        f(&[Str], |a| ok(super::encoding::b64_decode(s(&a[0])))),
    ),
    (
        "b32enc",
        f(&[Str], |a| {
            ok(super::encoding::b32_encode(s(&a[0]).as_bytes()))
        }),
    ),
    (
        "b32dec",
        f(&[Str], |a| ok(super::encoding::b32_decode(s(&a[0])))),
    ),
    (
        "sha1sum",
        f(&[Str], |a| {
            ok(sha1_smol::Sha1::from(s(&a[0])).digest().to_string())
        }),
    ),
    (
        "sha256sum",
        f(&[Str], |a| {
            ok(super::encoding::sha256_hex(s(&a[0]).as_bytes()))
        }),
    ),
    ("hello", f(&[], |_| ok("Hello!".into()))),
    (
        "adler32sum",
        f(&[Str], |a| {
            ok(super::encoding::adler32(s(&a[0]).as_bytes()).to_string())
        }),
    ),
];

/// Go's unicode.IsSpace, which strings.TrimSpace uses.
fn go_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{85}' | '\u{a0}'
    ) || (c as u32 > 0xff && c.is_whitespace())
}

fn trim_set(text: &str, set: &str) -> String {
    text.trim_matches(|c| set.contains(c)).to_string()
}

/// Go's strings.Title: the first letter of each word upper-cased.
fn title(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous = ' ';
    for c in text.chars() {
        let separator = if previous.is_ascii() {
            !(previous.is_ascii_alphanumeric() || previous == '_')
        } else {
            previous.is_whitespace()
        };
        if separator {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        previous = c;
    }
    out
}

/// goutils' Uncapitalize: the first letter of each whitespace-separated
/// word lower-cased.
fn untitle(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at_start = true;
    for c in text.chars() {
        if c.is_whitespace() {
            at_start = true;
            out.push(c);
        } else if at_start {
            out.extend(c.to_lowercase());
            at_start = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn swapcase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// xstrings' ToSnakeCase/ToKebabCase for ASCII words: lower case, words
/// split at case changes and non-alphanumerics.
fn delimited(text: &str, delimiter: char) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (n, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            continue;
        }
        let previous = n.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(n + 1);
        let boundary = c.is_uppercase()
            && !current.is_empty()
            && (previous.is_some_and(|p| p.is_lowercase() || p.is_numeric())
                || next.is_some_and(|x| x.is_lowercase()));
        if boundary {
            words.push(std::mem::take(&mut current));
        }
        current.extend(c.to_lowercase());
    }
    if !current.is_empty() {
        words.push(current);
    }
    words.join(&delimiter.to_string())
}

fn quoted(a: &[Value], each: impl Fn(&Value) -> String) -> String {
    a.iter()
        .filter(|x| !matches!(x, Value::Nil))
        .map(each)
        .collect::<Vec<_>>()
        .join(" ")
}

fn cat(a: &[Value]) -> Result<Value, String> {
    let parts: Vec<String> = a
        .iter()
        .filter(|x| !matches!(x, Value::Nil))
        .map(super::value::to_string)
        .collect();
    ok(parts.join(" "))
}

fn indent(spaces: i64, text: &str) -> String {
    let pad = " ".repeat(spaces.max(0) as usize);
    format!("{pad}{}", text.replace('\n', &format!("\n{pad}")))
}

fn substr(a: &[Value]) -> Result<Value, String> {
    let (start, end, text) = (i(&a[0]), i(&a[1]), s(&a[2]));
    let len = text.len() as i64;
    let slice = |from: i64, to: i64| -> Result<Value, String> {
        if from < 0 || to > len || from > to {
            return Err(format!(
                "runtime error: slice bounds out of range [{}:{}]",
                if from > to || from < 0 {
                    from.to_string()
                } else {
                    String::new()
                },
                to
            ));
        }
        Ok(Value::string(
            String::from_utf8_lossy(&text.as_bytes()[from as usize..to as usize]).into_owned(),
        ))
    };
    if start < 0 {
        return slice(0, end);
    }
    if end < 0 || end > len {
        return slice(start, len);
    }
    slice(start, end)
}

fn repeat(a: &[Value]) -> Result<Value, String> {
    let count = i(&a[0]);
    if count < 0 {
        return Err("strings: negative Repeat count".into());
    }
    let text = s(&a[1]);
    if text.len().saturating_mul(count as usize) > 1 << 28 {
        return Err("strings: Repeat output length overflow".into());
    }
    ok(text.repeat(count as usize))
}

fn trunc(a: &[Value]) -> Result<Value, String> {
    let (c, text) = (i(&a[0]), s(&a[1]));
    let len = text.len() as i64;
    let bytes = text.as_bytes();
    let cut = if c < 0 && len + c > 0 {
        &bytes[(len + c) as usize..]
    } else if c >= 0 && len > c {
        &bytes[..c as usize]
    } else {
        bytes
    };
    ok(String::from_utf8_lossy(cut).into_owned())
}

fn abbrev(a: &[Value]) -> Result<Value, String> {
    let (width, text) = (i(&a[0]), s(&a[1]));
    if width < 4 || text.len() as i64 <= width {
        return ok(text.to_string());
    }
    let keep = (width - 3) as usize;
    ok(format!(
        "{}...",
        String::from_utf8_lossy(&text.as_bytes()[..keep])
    ))
}

/// Go's strings.Split/SplitN (n < 0: all).
fn go_split(text: &str, sep: &str, n: i64) -> Vec<String> {
    if n == 0 {
        return Vec::new();
    }
    if sep.is_empty() {
        let mut parts: Vec<String> = text.chars().map(String::from).collect();
        if n > 0 && parts.len() as i64 > n {
            let rest: String = parts[n as usize - 1..].concat();
            parts.truncate(n as usize - 1);
            parts.push(rest);
        }
        return parts;
    }
    if n < 0 {
        return text.split(sep).map(String::from).collect();
    }
    text.splitn(n as usize, sep).map(String::from).collect()
}

fn numbered(parts: Vec<String>) -> Value {
    let map: Map = parts
        .into_iter()
        .enumerate()
        .map(|(n, p)| (format!("_{n}"), Value::string(p)))
        .collect();
    Value::Map(
        std::rc::Rc::new(std::cell::RefCell::new(map)),
        super::value::Elem::Str,
    )
}
