//! sprig's defaults and flow (`default`, `empty`, `coalesce`, `all`,
//! `any`, `ternary`, `fail`), JSON (`toJson`, `fromJson`, ...), type
//! inspection (`typeOf`, `kindIs`, ...), the environment (`env`,
//! `expandenv`), paths (`base`, `dir`, `clean`, `ext`, `isAbs`) and
//! regular expressions.

#![forbid(unsafe_code)]

use super::funcs::{empty, f, v, Func, Param::*};
use super::json;
use super::value::Value;

type R = Result<Value, String>;

fn s(a: &Value) -> &str {
    a.as_str().unwrap_or_default()
}

fn dfault(a: &[Value]) -> R {
    match a.get(1) {
        Some(given) if !empty(given) => Ok(given.clone()),
        _ => Ok(a[0].clone()),
    }
}

fn to_json(a: &[Value], html: bool, indent: Option<&str>, must: bool) -> R {
    match json::marshal(&a[0], html, indent) {
        Ok(text) => Ok(Value::string(text)),
        Err(e) if must || !html => Err(e),
        Err(_) => Ok(Value::str("")),
    }
}

fn from_json(a: &[Value], must: bool) -> R {
    match json::unmarshal(s(&a[0]).as_bytes()) {
        Ok(value) => Ok(value),
        Err(e) if must => Err(e),
        Err(_) => Ok(Value::Nil),
    }
}

fn type_of(v: &Value) -> String {
    match v {
        Value::Nil => "<nil>".into(),
        other => other.type_name(),
    }
}

/// Go's os.ExpandEnv: `$NAME`, `${NAME}`, and the shell's special names.
fn expand_env(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    let mut start = 0;
    while i < bytes.len() {
        if bytes[i] == b'$' && i + 1 < bytes.len() {
            out.push_str(&text[start..i]);
            let rest = &text[i + 1..];
            let (name, width) = shell_name(rest);
            if name.is_empty() && width > 0 {
                // A bad ${...}: Go drops it.
            } else if name.is_empty() {
                out.push('$');
            } else {
                out.push_str(&std::env::var(name).unwrap_or_default());
            }
            i += 1 + width;
            start = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&text[start..]);
    out
}

fn shell_name(s: &str) -> (&str, usize) {
    let b = s.as_bytes();
    if b[0] == b'{' {
        if b.len() > 2 && is_special(b[1]) && b[2] == b'}' {
            return (&s[1..2], 3);
        }
        for i in 1..b.len() {
            if b[i] == b'}' {
                if i == 1 {
                    return ("", 2);
                }
                return (&s[1..i], i + 1);
            }
        }
        return ("", 1);
    }
    if is_special(b[0]) {
        return (&s[..1], 1);
    }
    let width = b
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
        .count();
    (&s[..width], width)
}

fn is_special(c: u8) -> bool {
    matches!(c, b'*' | b'#' | b'$' | b'@' | b'!' | b'?' | b'-') || c.is_ascii_digit()
}

/// Go's path.Clean.
pub fn clean(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let rooted = p.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in p.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|l| *l != "..") {
                    parts.pop();
                } else if !rooted {
                    parts.push("..");
                }
            }
            other => parts.push(other),
        }
    }
    let joined = parts.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".into(),
        (false, false) => joined,
    }
}

fn base(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let trimmed = p.trim_end_matches('/');
    if trimmed.is_empty() {
        return "/".into();
    }
    trimmed.rsplit('/').next().unwrap_or(trimmed).to_string()
}

fn dir(p: &str) -> String {
    let cut = p.rfind('/').map_or(0, |i| i + 1);
    clean(&p[..cut])
}

fn ext(p: &str) -> String {
    for (i, c) in p.char_indices().rev() {
        if c == '/' {
            break;
        }
        if c == '.' {
            return p[i..].to_string();
        }
    }
    String::new()
}

/// Compiles a pattern; the error reads as Go's where the kinds match
/// (`missing closing ]`, `missing closing )`, `unexpected )`, ...).
fn regex(pattern: &str) -> Result<regex::Regex, String> {
    regex::Regex::new(pattern).map_err(|e| {
        let text = e.to_string();
        let kind = text.lines().last().unwrap_or_default().trim();
        let kind = kind.strip_prefix("error: ").unwrap_or(kind);
        // Where the message points: the first caret under the pattern.
        let at = text
            .lines()
            .find(|l| l.trim_start().starts_with('^'))
            .and_then(|l| l.find('^'))
            .map_or(0, |c| c.saturating_sub(4));
        let from = pattern.get(at..).unwrap_or(pattern);
        let go = match kind {
            "unclosed character class" => format!("missing closing ]: `{from}`"),
            "unclosed group" => format!("missing closing ): `{pattern}`"),
            "unopened group" => format!("unexpected ): `{pattern}`"),
            "repetition operator missing expression" => {
                let op = from.get(..1).unwrap_or(from);
                format!("missing argument to repetition operator: `{op}`")
            }
            other => format!("{other}: `{pattern}`"),
        };
        format!("error parsing regexp: {go}")
    })
}

/// Matches as Go's FindAll reports them: an empty match right after the
/// previous match is not one; at most `n` (n < 0: all).
fn go_matches(re: &regex::Regex, text: &str, n: i64) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut previous_end = None;
    for m in re.find_iter(text) {
        if n >= 0 && out.len() as i64 >= n {
            break;
        }
        if m.start() == m.end() && previous_end == Some(m.start()) {
            continue;
        }
        previous_end = Some(m.end());
        out.push((m.start(), m.end()));
    }
    out
}

fn regex_find_all(a: &[Value]) -> R {
    let re = regex(s(&a[0]))?;
    let n = match a[2] {
        Value::Int(i, _) => i,
        _ => -1,
    };
    let text = s(&a[1]);
    let found = go_matches(&re, text, n)
        .into_iter()
        .map(|(b, e)| text[b..e].to_string())
        .collect();
    Ok(Value::strings(found))
}

/// Go's Expand syntax ($1, ${name}) is the regex crate's too.
fn regex_replace(a: &[Value], literal: bool) -> R {
    let re = regex(s(&a[0]))?;
    let text = s(&a[1]);
    let replaced = if literal {
        re.replace_all(text, regex::NoExpand(s(&a[2])))
    } else {
        re.replace_all(text, s(&a[2]))
    };
    Ok(Value::string(replaced.into_owned()))
}

fn regex_split(a: &[Value]) -> R {
    let re = regex(s(&a[0]))?;
    let n = match a[2] {
        Value::Int(i, _) => i,
        _ => -1,
    };
    if n == 0 {
        return Ok(Value::strings(Vec::new()));
    }
    let text = s(&a[1]);
    // Go's Regexp.Split over its FindAll matches.
    let mut parts = Vec::new();
    let (mut begin, mut end) = (0, 0);
    for (start, stop) in go_matches(&re, text, n) {
        if n > 0 && parts.len() as i64 == n - 1 {
            break;
        }
        end = start;
        if stop != 0 {
            parts.push(text[begin..end].to_string());
        }
        begin = stop;
    }
    if end != text.len() {
        parts.push(text[begin..].to_string());
    }
    Ok(Value::strings(parts))
}

fn lenient(result: R, fallback: Value) -> R {
    result.or(Ok(fallback))
}

pub static TABLE: &[(&str, Func)] = &[
    ("default", v(&[Any, Any], dfault)),
    ("empty", f(&[Any], |a| Ok(Value::Bool(empty(&a[0]))))),
    (
        "coalesce",
        v(&[Any], |a| {
            Ok(a.iter().find(|x| !empty(x)).cloned().unwrap_or(Value::Nil))
        }),
    ),
    (
        "all",
        v(&[Any], |a| Ok(Value::Bool(a.iter().all(|x| !empty(x))))),
    ),
    (
        "any",
        v(&[Any], |a| Ok(Value::Bool(a.iter().any(|x| !empty(x))))),
    ),
    (
        "ternary",
        f(&[Any, Any, Bool], |a| {
            Ok(if a[2].truth() {
                a[0].clone()
            } else {
                a[1].clone()
            })
        }),
    ),
    ("fail", f(&[Str], |a| Err(s(&a[0]).to_string()))),
    ("toJson", f(&[Any], |a| to_json(a, true, None, false))),
    ("mustToJson", f(&[Any], |a| to_json(a, true, None, true))),
    (
        "toPrettyJson",
        f(&[Any], |a| to_json(a, true, Some("  "), false)),
    ),
    (
        "mustToPrettyJson",
        f(&[Any], |a| to_json(a, true, Some("  "), true)),
    ),
    ("toRawJson", f(&[Any], |a| to_json(a, false, None, false))),
    (
        "mustToRawJson",
        f(&[Any], |a| to_json(a, false, None, true)),
    ),
    ("fromJson", f(&[Str], |a| from_json(a, false))),
    ("mustFromJson", f(&[Str], |a| from_json(a, true))),
    ("typeOf", f(&[Any], |a| Ok(Value::string(type_of(&a[0]))))),
    (
        "typeIs",
        f(&[Str, Any], |a| Ok(Value::Bool(s(&a[0]) == type_of(&a[1])))),
    ),
    (
        "typeIsLike",
        f(&[Str, Any], |a| {
            let t = type_of(&a[1]);
            Ok(Value::Bool(s(&a[0]) == t || s(&a[0]) == format!("*{t}")))
        }),
    ),
    ("kindOf", f(&[Any], |a| Ok(Value::str(a[0].kind_name())))),
    (
        "kindIs",
        f(&[Str, Any], |a| {
            Ok(Value::Bool(s(&a[0]) == a[1].kind_name()))
        }),
    ),
    (
        "deepEqual",
        f(&[Any, Any], |a| {
            Ok(Value::Bool(super::sprig_lists::deep_equal(&a[0], &a[1])))
        }),
    ),
    (
        "env",
        f(&[Str], |a| {
            Ok(Value::string(std::env::var(s(&a[0])).unwrap_or_default()))
        }),
    ),
    (
        "expandenv",
        f(&[Str], |a| Ok(Value::string(expand_env(s(&a[0]))))),
    ),
    ("base", f(&[Str], |a| Ok(Value::string(base(s(&a[0])))))),
    ("dir", f(&[Str], |a| Ok(Value::string(dir(s(&a[0])))))),
    ("clean", f(&[Str], |a| Ok(Value::string(clean(s(&a[0])))))),
    ("ext", f(&[Str], |a| Ok(Value::string(ext(s(&a[0])))))),
    (
        "isAbs",
        f(&[Str], |a| Ok(Value::Bool(s(&a[0]).starts_with('/')))),
    ),
    ("osBase", f(&[Str], |a| Ok(Value::string(base(s(&a[0])))))),
    ("osDir", f(&[Str], |a| Ok(Value::string(dir(s(&a[0])))))),
    ("osClean", f(&[Str], |a| Ok(Value::string(clean(s(&a[0])))))),
    ("osExt", f(&[Str], |a| Ok(Value::string(ext(s(&a[0])))))),
    (
        "osIsAbs",
        f(&[Str], |a| Ok(Value::Bool(s(&a[0]).starts_with('/')))),
    ),
    (
        "regexMatch",
        f(&[Str, Str], |a| {
            lenient(
                regex(s(&a[0])).map(|re| Value::Bool(re.is_match(s(&a[1])))),
                Value::Bool(false),
            )
        }),
    ),
    (
        "mustRegexMatch",
        f(&[Str, Str], |a| {
            regex(s(&a[0])).map(|re| Value::Bool(re.is_match(s(&a[1]))))
        }),
    ),
    ("regexFindAll", f(&[Str, Str, Int], regex_find_all)),
    ("mustRegexFindAll", f(&[Str, Str, Int], regex_find_all)),
    (
        "regexFind",
        f(&[Str, Str], |a| {
            regex(s(&a[0])).map(|re| {
                Value::string(
                    re.find(s(&a[1]))
                        .map_or(String::new(), |m| m.as_str().to_string()),
                )
            })
        }),
    ),
    (
        "mustRegexFind",
        f(&[Str, Str], |a| {
            regex(s(&a[0])).map(|re| {
                Value::string(
                    re.find(s(&a[1]))
                        .map_or(String::new(), |m| m.as_str().to_string()),
                )
            })
        }),
    ),
    (
        "regexReplaceAll",
        f(&[Str, Str, Str], |a| regex_replace(a, false)),
    ),
    (
        "mustRegexReplaceAll",
        f(&[Str, Str, Str], |a| regex_replace(a, false)),
    ),
    (
        "regexReplaceAllLiteral",
        f(&[Str, Str, Str], |a| regex_replace(a, true)),
    ),
    (
        "mustRegexReplaceAllLiteral",
        f(&[Str, Str, Str], |a| regex_replace(a, true)),
    ),
    ("regexSplit", f(&[Str, Str, Int], regex_split)),
    ("mustRegexSplit", f(&[Str, Str, Int], regex_split)),
    (
        "regexQuoteMeta",
        f(&[Str], |a| Ok(Value::string(regex::escape(s(&a[0]))))),
    ),
];
