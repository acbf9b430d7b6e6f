//! An add-on's config.yaml as the Supervisor reads it: PyYAML's SafeLoader,
//! which speaks YAML 1.1. A plain `yes`, `on` or `off` is a boolean there,
//! `0755` is the octal 493, `1:20` is the sexagesimal 80, `1e3` (no dot) is
//! text, `<<` merges mappings, and a key given twice keeps its last value.
//! A YAML 1.2 reader gets each of these wrong for `bashio validate`'s
//! defaults. The events come from yaml-rust2's parser; the values are
//! resolved here by PyYAML's implicit resolvers and constructors.
//!
//! Where Python's value has no JSON form, the nearest is kept: a date or
//! timestamp stays its text, `.inf` and `.nan` become the text PyYAML would
//! print, `!!binary` its base64 text, and `!!set` a mapping to nulls.

#![forbid(unsafe_code)]

use serde_json::{Map, Number, Value};
use std::collections::HashMap;
use yaml_rust2::parser::{Event, Parser, Tag};
use yaml_rust2::scanner::TScalarStyle;

/// The YAML core tags, however the parser spells their handle.
fn core(tag: &Tag) -> Option<&str> {
    match tag.handle.as_str() {
        "!!" | "tag:yaml.org,2002:" => Some(tag.suffix.as_str()),
        _ => None,
    }
}

/// How deep collections may nest: a bound, not a limit anyone meets.
const MAX_DEPTH: usize = 256;

enum Key {
    /// The `<<` merge key.
    Merge,
    Text(String),
}

enum Frame {
    Seq(Vec<Value>, usize),
    Map {
        map: Map<String, Value>,
        key: Option<Key>,
        anchor: usize,
        merges: Vec<Value>,
    },
}

/// The first document of `text`, as PyYAML's SafeLoader builds it, in JSON
/// terms; an empty document is null.
pub fn load(text: &str) -> Result<Value, String> {
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, Value> = HashMap::new();
    loop {
        let (event, mark) = parser.next_token().map_err(|e| e.to_string())?;
        let at = || format!("line {}, column {}", mark.line(), mark.col() + 1);
        let (value, anchor) = match event {
            Event::StreamEnd | Event::DocumentEnd => return Ok(Value::Null),
            Event::Scalar(text, style, anchor, tag) => {
                let merge = style == TScalarStyle::Plain && tag.is_none() && text == "<<";
                if merge {
                    if let Some(Frame::Map {
                        key: key @ None, ..
                    }) = stack.last_mut()
                    {
                        *key = Some(Key::Merge);
                        continue;
                    }
                }
                let value =
                    scalar(&text, style, tag.as_ref()).map_err(|e| format!("{e} ({})", at()))?;
                (value, anchor)
            }
            Event::Alias(id) => {
                let value = anchors
                    .get(&id)
                    .cloned()
                    .ok_or_else(|| format!("found undefined alias ({})", at()))?;
                (value, 0)
            }
            Event::SequenceStart(anchor, tag) => {
                check_collection_tag(tag.as_ref(), "seq").map_err(|e| format!("{e} ({})", at()))?;
                if stack.len() >= MAX_DEPTH {
                    return Err(format!("nested more than {MAX_DEPTH} deep ({})", at()));
                }
                stack.push(Frame::Seq(Vec::new(), anchor));
                continue;
            }
            Event::MappingStart(anchor, tag) => {
                let set = tag.as_ref().and_then(core) == Some("set");
                if !set {
                    check_collection_tag(tag.as_ref(), "map")
                        .map_err(|e| format!("{e} ({})", at()))?;
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(format!("nested more than {MAX_DEPTH} deep ({})", at()));
                }
                stack.push(Frame::Map {
                    map: Map::new(),
                    key: None,
                    anchor,
                    merges: Vec::new(),
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some(Frame::Seq(items, anchor)) => (Value::Array(items), anchor),
                Some(Frame::Map {
                    map,
                    anchor,
                    merges,
                    ..
                }) => (
                    merged(map, merges).map_err(|e| format!("{e} ({})", at()))?,
                    anchor,
                ),
                None => return Err(format!("unbalanced collection ({})", at())),
            },
            Event::StreamStart | Event::DocumentStart | Event::Nothing => continue,
        };
        if anchor != 0 {
            anchors.insert(anchor, value.clone());
        }
        match stack.last_mut() {
            None => return Ok(value),
            Some(Frame::Seq(items, _)) => items.push(value),
            Some(Frame::Map {
                map, key, merges, ..
            }) => match key.take() {
                None => *key = Some(Key::Text(key_text(&value))),
                Some(Key::Merge) => merges.push(value),
                Some(Key::Text(name)) => {
                    map.insert(name, value);
                }
            },
        }
    }
}

/// A mapping with its `<<` sources folded in as PyYAML does: the sources'
/// keys first (an earlier source winning over a later one), the mapping's
/// own keys over them.
fn merged(own: Map<String, Value>, merges: Vec<Value>) -> Result<Value, String> {
    if merges.is_empty() {
        return Ok(Value::Object(own));
    }
    let mut sources = Vec::new();
    for merge in merges {
        match merge {
            Value::Object(map) => sources.push(map),
            Value::Array(items) => {
                for item in items {
                    match item {
                        Value::Object(map) => sources.push(map),
                        _ => return Err("expected a mapping for merging".into()),
                    }
                }
            }
            _ => return Err("expected a mapping or list of mappings for merging".into()),
        }
    }
    let mut out = Map::new();
    for source in sources.into_iter().rev() {
        for (key, value) in source {
            out.insert(key, value);
        }
    }
    for (key, value) in own {
        out.insert(key, value);
    }
    Ok(Value::Object(out))
}

fn check_collection_tag(tag: Option<&Tag>, kind: &str) -> Result<(), String> {
    match tag {
        None => Ok(()),
        Some(tag) if core(tag).is_some_and(|s| s == kind || s == "omap" || s == "pairs") => Ok(()),
        Some(tag) => Err(format!(
            "could not determine a constructor for the tag '{}{}'",
            tag.handle, tag.suffix
        )),
    }
}

/// A mapping key as Python's `str()` of the key PyYAML built.
fn key_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Null => "None".into(),
        Value::Number(number) => number.to_string(),
        other => other.to_string(),
    }
}

fn scalar(text: &str, style: TScalarStyle, tag: Option<&Tag>) -> Result<Value, String> {
    let kind = match tag {
        Some(tag) if core(tag).is_some() => core(tag).unwrap_or_default(),
        Some(tag) => {
            return Err(format!(
                "could not determine a constructor for the tag '{}{}'",
                tag.handle, tag.suffix
            ))
        }
        None if style != TScalarStyle::Plain => "str",
        None => implicit(text),
    };
    let wrong = || format!("'{text}' is not a valid {kind}");
    match kind {
        "str" | "timestamp" | "binary" => Ok(Value::String(text.to_string())),
        "null" => Ok(Value::Null),
        "bool" => match bool_of(text) {
            Some(flag) => Ok(Value::Bool(flag)),
            None => Err(wrong()),
        },
        "int" => int_of(text).ok_or_else(wrong),
        "float" => float_of(text).ok_or_else(wrong),
        "value" | "merge" => Err(format!(
            "could not determine a constructor for the tag 'tag:yaml.org,2002:{kind}'"
        )),
        other => Err(format!(
            "could not determine a constructor for the tag '!!{other}'"
        )),
    }
}

/// PyYAML's implicit resolvers, in its order, for a plain scalar.
fn implicit(text: &str) -> &'static str {
    if bool_of(text).is_some() {
        "bool"
    } else if is_float(text) {
        "float"
    } else if is_int(text) {
        "int"
    } else if matches!(text, "" | "~" | "null" | "Null" | "NULL") {
        "null"
    } else if is_timestamp(text) {
        "timestamp"
    } else if text == "=" {
        "value"
    } else if text == "<<" {
        "merge"
    } else {
        "str"
    }
}

fn bool_of(text: &str) -> Option<bool> {
    match text {
        "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => Some(true),
        "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => Some(false),
        _ => None,
    }
}

fn all(text: &str, allowed: impl Fn(u8) -> bool) -> bool {
    text.bytes().all(allowed)
}

fn unsigned(text: &str) -> &str {
    text.strip_prefix(['-', '+']).unwrap_or(text)
}

/// `[-+]?0b[01_]+`, `[-+]?0[0-7_]+`, `[-+]?(0|[1-9][0-9_]*)`,
/// `[-+]?0x[0-9a-fA-F_]+`, `[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+`.
fn is_int(text: &str) -> bool {
    let body = unsigned(text);
    if let Some(bits) = body.strip_prefix("0b") {
        return !bits.is_empty() && all(bits, |b| matches!(b, b'0' | b'1' | b'_'));
    }
    if let Some(hex) = body.strip_prefix("0x") {
        return !hex.is_empty() && all(hex, |b| b.is_ascii_hexdigit() || b == b'_');
    }
    if body == "0" {
        return true;
    }
    if let Some(octal) = body.strip_prefix('0') {
        return !octal.is_empty() && all(octal, |b| matches!(b, b'0'..=b'7' | b'_'));
    }
    let mut parts = body.split(':');
    let first = parts.next().unwrap_or_default();
    let lead = first
        .as_bytes()
        .first()
        .is_some_and(|b| (b'1'..=b'9').contains(b))
        && all(first, |b| b.is_ascii_digit() || b == b'_');
    lead && parts.all(sexagesimal_part)
}

fn sexagesimal_part(part: &str) -> bool {
    match part.as_bytes() {
        [d] => d.is_ascii_digit(),
        [t, d] => (b'0'..=b'5').contains(t) && d.is_ascii_digit(),
        _ => false,
    }
}

/// `[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?` (a digit before the
/// dot, or none and a digit after it), `[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*`,
/// `[-+]?\.(inf|Inf|INF)`, `\.(nan|NaN|NAN)`.
fn is_float(text: &str) -> bool {
    if matches!(text, ".nan" | ".NaN" | ".NAN") {
        return true;
    }
    let body = unsigned(text);
    if matches!(body, ".inf" | ".Inf" | ".INF") {
        return true;
    }
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(at) => (&body[..at], Some(&body[at + 1..])),
        None => (body, None),
    };
    let exponent_fits = exponent.is_none_or(|e| {
        let digits = e.strip_prefix(['-', '+']);
        digits.is_some_and(|d| !d.is_empty() && all(d, |b| b.is_ascii_digit()))
    });
    let Some((whole, fraction)) = mantissa.split_once('.') else {
        return false;
    };
    if !all(fraction, |b| b.is_ascii_digit() || b == b'_') || !exponent_fits {
        return false;
    }
    if whole.is_empty() {
        // `.5`: no sign allowed by PyYAML's pattern, a digit first.
        return text == body && fraction.as_bytes().first().is_some_and(u8::is_ascii_digit);
    }
    let mut parts = whole.split(':');
    let first = parts.next().unwrap_or_default();
    let lead = first.as_bytes().first().is_some_and(u8::is_ascii_digit)
        && all(first, |b| b.is_ascii_digit() || b == b'_');
    let sexagesimal: Vec<&str> = parts.collect();
    lead && (sexagesimal.is_empty()
        || exponent.is_none() && sexagesimal.into_iter().all(sexagesimal_part))
}

/// `YYYY-MM-DD`, or a date and time.
fn is_timestamp(text: &str) -> bool {
    let b = text.as_bytes();
    let date = b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[7] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[8..10].iter().all(u8::is_ascii_digit);
    date && (b.len() == 10 || matches!(b[10], b'T' | b't' | b' ' | b'\t'))
}

/// PyYAML's `construct_yaml_int`.
fn int_of(text: &str) -> Option<Value> {
    let cleaned = text.replace('_', "");
    let (negative, body) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest.to_string()),
        None => (
            false,
            cleaned.strip_prefix('+').unwrap_or(&cleaned).to_string(),
        ),
    };
    let magnitude: u128 = if body == "0" {
        0
    } else if let Some(bits) = body.strip_prefix("0b") {
        u128::from_str_radix(bits, 2).ok()?
    } else if let Some(hex) = body.strip_prefix("0x") {
        u128::from_str_radix(hex, 16).ok()?
    } else if let Some(octal) = body.strip_prefix('0') {
        u128::from_str_radix(octal, 8).ok()?
    } else if body.contains(':') {
        let mut total: u128 = 0;
        for part in body.split(':') {
            total = total.checked_mul(60)?.checked_add(part.parse().ok()?)?;
        }
        total
    } else {
        // Decimal digits of any length, as Python's int.
        let digits = body.trim_start_matches('0');
        let digits = if digits.is_empty() { "0" } else { digits };
        let text = if negative && digits != "0" {
            format!("-{digits}")
        } else {
            digits.to_string()
        };
        return serde_json::from_str::<Number>(&text)
            .ok()
            .map(Value::Number);
    };
    let text = if negative && magnitude != 0 {
        format!("-{magnitude}")
    } else {
        magnitude.to_string()
    };
    serde_json::from_str::<Number>(&text)
        .ok()
        .map(Value::Number)
}

/// PyYAML's `construct_yaml_float`.
fn float_of(text: &str) -> Option<Value> {
    let cleaned = text.replace('_', "").to_ascii_lowercase();
    let (sign, body) = match cleaned.strip_prefix('-') {
        Some(rest) => (-1.0, rest.to_string()),
        None => (
            1.0,
            cleaned.strip_prefix('+').unwrap_or(&cleaned).to_string(),
        ),
    };
    let value = if body == ".inf" {
        return Some(Value::String(
            if sign < 0.0 { "-inf" } else { "inf" }.into(),
        ));
    } else if body == ".nan" {
        return Some(Value::String("nan".into()));
    } else if body.contains(':') {
        let mut total = 0.0;
        for part in body.split(':') {
            total = total * 60.0 + part.parse::<f64>().ok()?;
        }
        total
    } else {
        body.parse::<f64>().ok()?
    };
    Number::from_f64(sign * value).map(Value::Number)
}

#[cfg(test)]
mod tests;
