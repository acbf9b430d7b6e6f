//! Python's semantics where the Supervisor's rules lean on them: truth,
//! `int()` and `float()` of JSON values, comparisons of integers with float
//! bounds, and `repr()` for the options quoted in its messages.

use serde_json::{Number, Value};

/// Python's truth of a non-null JSON value.
pub(super) fn py_truth(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(flag) => *flag,
        Value::Number(number) => match py_number(number) {
            PyNumber::Int(digits) => digits != "0",
            PyNumber::Float(float) => float != 0.0,
        },
        Value::String(text) => !text.is_empty(),
        Value::Array(items) => !items.is_empty(),
        Value::Object(fields) => !fields.is_empty(),
    }
}

/// JSON as orjson reads it, which is how the Supervisor's API reads options:
/// an integer within 64 bits (signed, or unsigned up to 2^64 - 1) stays an
/// integer, a larger one becomes a float, and a number no double can hold
/// (`1e400`) refuses the whole document.
pub fn as_orjson_reads(value: Value) -> Result<Value, String> {
    Ok(match value {
        Value::Number(number) => {
            let text = number.to_string();
            let integer = text.strip_prefix('-').unwrap_or(&text);
            let fits = integer.bytes().all(|b| b.is_ascii_digit())
                && (text.parse::<i64>().is_ok() || text.parse::<u64>().is_ok());
            if fits {
                Value::Number(number)
            } else {
                let float: f64 = text.parse().unwrap_or(f64::INFINITY);
                match Number::from_f64(float) {
                    Some(number) if float.is_finite() => Value::Number(number),
                    _ => {
                        return Err(
                            "not valid JSON: number is infinity when parsed as double".into()
                        )
                    }
                }
            }
        }
        Value::Array(items) => Value::Array(
            items
                .into_iter()
                .map(as_orjson_reads)
                .collect::<Result<_, _>>()?,
        ),
        Value::Object(fields) => Value::Object(
            fields
                .into_iter()
                .map(|(k, v)| as_orjson_reads(v).map(|v| (k, v)))
                .collect::<Result<_, _>>()?,
        ),
        other => other,
    })
}

/// A JSON number as Python's `json` module reads it.
pub(super) enum PyNumber {
    /// Canonical decimal digits, with `-` when negative.
    Int(String),
    Float(f64),
}

pub(super) fn py_number(number: &Number) -> PyNumber {
    let text = number.to_string();
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        PyNumber::Int(canonical_int(negative, digits))
    } else {
        PyNumber::Float(text.parse().unwrap_or(f64::NAN))
    }
}

pub(super) fn canonical_int(negative: bool, digits: &str) -> String {
    let digits = digits.trim_start_matches('0');
    match (digits.is_empty(), negative) {
        (true, _) => "0".to_string(),
        (false, true) => format!("-{digits}"),
        (false, false) => digits.to_string(),
    }
}

/// Python's `str.isspace`, which `int()` and `float()` strip.
pub(super) fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// Digits with single underscores between them, as Python's numeric
/// constructors take them (`1_000`).
pub(super) fn digit_part(text: &str) -> bool {
    let bytes = text.as_bytes();
    !bytes.is_empty()
        && bytes.iter().enumerate().all(|(i, b)| match b {
            b'0'..=b'9' => true,
            b'_' => {
                i > 0
                    && i + 1 < bytes.len()
                    && bytes[i - 1].is_ascii_digit()
                    && bytes[i + 1].is_ascii_digit()
            }
            _ => false,
        })
}

/// Python's `int(value)` for JSON values, as canonical digits; `None` where
/// it raises. Floats truncate toward zero; booleans are 1 and 0.
pub(super) fn coerce_int(value: &Value) -> Option<String> {
    match value {
        Value::Bool(flag) => Some(if *flag { "1" } else { "0" }.to_string()),
        Value::Number(number) => match py_number(number) {
            PyNumber::Int(digits) => Some(digits),
            PyNumber::Float(float) if float.is_finite() => {
                let whole = format!("{:.0}", float.trunc());
                let (negative, digits) = match whole.strip_prefix('-') {
                    Some(rest) => (true, rest),
                    None => (false, whole.as_str()),
                };
                Some(canonical_int(negative, digits))
            }
            PyNumber::Float(_) => None,
        },
        Value::String(text) => {
            let text = ascii_digits(text.trim_matches(py_space));
            let (negative, digits) = match text.as_bytes().first() {
                Some(b'-') => (true, &text[1..]),
                Some(b'+') => (false, &text[1..]),
                _ => (false, text.as_str()),
            };
            let digits = digits.replace('_', "");
            // Python refuses to read more digits than this from a string.
            if digits.len() > MAX_INT_DIGITS {
                return None;
            }
            digit_part(text.trim_start_matches(['-', '+']))
                .then(|| canonical_int(negative, &digits))
        }
        _ => None,
    }
}

/// Python's `float(value)` for JSON values; `None` where it raises.
pub(super) fn coerce_float(value: &Value) -> Option<f64> {
    match value {
        Value::Bool(flag) => Some(if *flag { 1.0 } else { 0.0 }),
        Value::Number(number) => Some(match py_number(number) {
            PyNumber::Int(digits) => digits.parse().unwrap_or(f64::NAN),
            PyNumber::Float(float) => float,
        }),
        Value::String(text) => py_float_text(&ascii_digits(text.trim_matches(py_space))),
        _ => None,
    }
}

/// Python's `sys.get_int_max_str_digits()` default: `int()` of a longer
/// string raises.
const MAX_INT_DIGITS: usize = 4300;

/// The code points of the digit zero of each Unicode block of decimal digits
/// (general category Nd, as of Unicode 15), each followed by 1 to 9: Python's
/// `int()` and `float()` read them as ASCII digits (`int("١٢")` is 12).
const DIGIT_ZEROS: &[u32] = &[
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x11F50, 0x16A60, 0x16AC0,
    0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0, 0x1E950,
    0x1FBF0,
];

/// Text with every Unicode decimal digit made its ASCII digit.
pub(super) fn ascii_digits(text: &str) -> String {
    text.chars()
        .map(|c| {
            let code = c as u32;
            if code < 0x80 {
                return c;
            }
            match DIGIT_ZEROS.binary_search(&code) {
                Ok(_) => '0',
                Err(0) => c,
                Err(at) => {
                    let offset = code - DIGIT_ZEROS[at - 1];
                    if offset < 10 {
                        char::from_digit(offset, 10).unwrap_or(c)
                    } else {
                        c
                    }
                }
            }
        })
        .collect()
}

/// The strings Python's `float()` accepts: `1.5`, `.5`, `1.`, `1_000e-3`,
/// `inf`, `-Infinity`, `nan`.
pub(super) fn py_float_text(text: &str) -> Option<f64> {
    let (sign, body) = match text.as_bytes().first() {
        Some(b'-') => (-1.0, &text[1..]),
        Some(b'+') => (1.0, &text[1..]),
        _ => (1.0, text),
    };
    match body.to_ascii_lowercase().as_str() {
        "inf" | "infinity" => return Some(sign * f64::INFINITY),
        "nan" => return Some(f64::NAN),
        _ => {}
    }
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(at) => (&body[..at], Some(&body[at + 1..])),
        None => (body, None),
    };
    let mantissa_fits = match mantissa.split_once('.') {
        None => digit_part(mantissa),
        Some((whole, fraction)) => {
            (whole.is_empty() || digit_part(whole))
                && (fraction.is_empty() || digit_part(fraction))
                && !(whole.is_empty() && fraction.is_empty())
        }
    };
    let exponent_fits = exponent.is_none_or(|exponent| {
        let digits = exponent.strip_prefix(['-', '+']).unwrap_or(exponent);
        digit_part(digits)
    });
    if !(mantissa_fits && exponent_fits) {
        return None;
    }
    body.replace('_', "")
        .parse::<f64>()
        .ok()
        .map(|value| sign * value)
}

/// Python's `x >= bound` for an integer `x` (canonical digits) and a float.
pub(super) fn int_at_least(x: &str, bound: f64) -> bool {
    if bound.is_nan() {
        return false;
    }
    let edge = bound.ceil();
    match x.parse::<i128>() {
        Ok(x) if edge.abs() < 1e38 => x >= edge as i128,
        _ => x.parse::<f64>().is_ok_and(|x| x >= bound),
    }
}

/// Python's `x <= bound` for an integer `x` (canonical digits) and a float.
pub(super) fn int_at_most(x: &str, bound: f64) -> bool {
    if bound.is_nan() {
        return false;
    }
    let edge = bound.floor();
    match x.parse::<i128>() {
        Ok(x) if edge.abs() < 1e38 => x <= edge as i128,
        _ => x.parse::<f64>().is_ok_and(|x| x <= bound),
    }
}

/// A coerced integer as JSON.
pub(super) fn int_value(digits: &str) -> Value {
    digits.parse::<Number>().map_or(Value::Null, Value::Number)
}

/// The same language as the email validator the Supervisor uses: a local
/// part of dot-separated atoms or one quoted string, an `@`, then a domain
/// of labels and a top-level part of two or more characters, or a bracketed
/// IPv4 address. Letters match without regard to case, which in Python also
/// lets in four non-ASCII letters (see [`case_folded_letter`]).
pub(super) fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.rsplit_once('@') else {
        return false;
    };
    (dot_atom(local) || quoted_local(local)) && (domain_name(domain) || ipv4_literal(domain))
}

/// `İ ı ſ K`: the letters outside ASCII that a case-insensitive Python
/// pattern `[A-Z]` matches.
pub(super) fn case_folded_letter(c: char) -> bool {
    matches!(c, '\u{130}' | '\u{131}' | '\u{17f}' | '\u{212a}')
}

pub(super) fn letter_or_digit(c: char) -> bool {
    c.is_ascii_alphanumeric() || case_folded_letter(c)
}

pub(super) fn dot_atom(local: &str) -> bool {
    local.split('.').all(|atom| {
        !atom.is_empty()
            && atom
                .chars()
                .all(|c| letter_or_digit(c) || "-!#$%&'*+/=?^_`{}|~".contains(c))
    })
}

pub(super) fn quoted_local(local: &str) -> bool {
    let Some(inner) = local
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
    else {
        return false;
    };
    let plain = |c: char| {
        matches!(c, '\x01'..='\x08' | '\x0b' | '\x0c' | '\x0e'..='\x1f' | '!' | '#'..='[' | ']'..='\x7f')
            || case_folded_letter(c)
    };
    let escaped = |c: char| {
        matches!(c, '\x01'..='\x09' | '\x0b' | '\x0c' | '\x0e'..='\x7f') || case_folded_letter(c)
    };
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        let fits = if c == '\\' {
            chars.next().is_some_and(escaped)
        } else {
            plain(c)
        };
        if !fits {
            return false;
        }
    }
    true
}

pub(super) fn domain_name(domain: &str) -> bool {
    let domain = domain.strip_suffix('.').unwrap_or(domain);
    let Some((labels, top)) = domain.rsplit_once('.') else {
        return false;
    };
    let label = |label: &str| {
        let chars: Vec<char> = label.chars().collect();
        (1..=63).contains(&chars.len())
            && letter_or_digit(chars[0])
            && letter_or_digit(chars[chars.len() - 1])
            && chars.iter().all(|&c| letter_or_digit(c) || c == '-')
    };
    labels.split('.').all(label)
        && top.chars().count() >= 2
        && top.chars().all(|c| letter_or_digit(c) || c == '-')
}

pub(super) fn ipv4_literal(domain: &str) -> bool {
    let Some(inner) = domain
        .strip_prefix('[')
        .and_then(|rest| rest.strip_suffix(']'))
    else {
        return false;
    };
    let octets: Vec<&str> = inner.split('.').collect();
    octets.len() == 4
        && octets.iter().all(|octet| {
            (1..=3).contains(&octet.len())
                && octet.bytes().all(|b| b.is_ascii_digit())
                && octet.parse::<u16>().is_ok_and(|n| n <= 255)
        })
}

/// The characters whose NFKC form holds one of `/?#@:` (`＃`, `℀`, `﹕`...):
/// Python's `urlsplit` refuses a network location holding one, since it
/// would mean something else once normalised. (Taken from Python's Unicode
/// tables: every code point whose NFKC form has one of the five.)
const NFKC_URL_DELIMITERS: [u32; 19] = [
    0x2047, 0x2048, 0x2049, 0x2100, 0x2101, 0x2105, 0x2106, 0x2A74, 0xFE13, 0xFE16, 0xFE55, 0xFE56,
    0xFE5F, 0xFE6B, 0xFF03, 0xFF0F, 0xFF1A, 0xFF1F, 0xFF20,
];

/// What the URL validator the Supervisor uses accepts: text that Python's
/// `urlparse` splits into a non-empty scheme and a non-empty network
/// location (`http://host...`), with a well-formed bracketed host if any,
/// and none of [`NFKC_URL_DELIMITERS`] in it.
pub(super) fn is_url(text: &str) -> bool {
    let url: String = text
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\r' | '\n'))
        .collect();
    let Some(colon) = url.find(':') else {
        return false;
    };
    let scheme = &url[..colon];
    let scheme_fits = url.as_bytes()[0].is_ascii_alphabetic()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if colon == 0 || !scheme_fits {
        return false;
    }
    let Some(after) = url[colon + 1..].strip_prefix("//") else {
        return false;
    };
    let netloc = &after[..after.find(['/', '?', '#']).unwrap_or(after.len())];
    if netloc.is_empty()
        || netloc
            .chars()
            .any(|c| NFKC_URL_DELIMITERS.contains(&(c as u32)))
    {
        return false;
    }
    match (netloc.find('['), netloc.contains(']')) {
        (None, false) => true,
        (Some(open), true) => {
            let host = &netloc[open + 1..];
            bracketed_host(&host[..host.find(']').unwrap_or(host.len())])
        }
        _ => false,
    }
}

/// A bracketed URL host: `v1.anything` (IPvFuture) or an IPv6 address,
/// optionally with a `%zone`.
pub(super) fn bracketed_host(host: &str) -> bool {
    if let Some(rest) = host.strip_prefix('v') {
        let hex = rest
            .find(|c: char| !c.is_ascii_hexdigit())
            .unwrap_or(rest.len());
        return hex > 0
            && rest[hex..]
                .strip_prefix('.')
                .is_some_and(|tail| !tail.is_empty());
    }
    let address = match host.split_once('%') {
        Some((address, zone)) if !zone.is_empty() && !zone.contains('%') => address,
        Some(_) => return false,
        None => host,
    };
    address.parse::<std::net::Ipv6Addr>().is_ok()
}

/// A path under /dev (or a device's /sys/devices path), read as Python's
/// `Path` reads it: repeated slashes and `.` ignored; `..` refused.
pub(super) fn is_device_path(path: &str) -> bool {
    let Some(rest) = path.strip_prefix('/') else {
        return false;
    };
    let parts: Vec<&str> = rest
        .split('/')
        .filter(|part| !part.is_empty() && *part != ".")
        .collect();
    if parts.contains(&"..") {
        return false;
    }
    matches!(parts.as_slice(), ["dev", _, ..] | ["sys", "devices", _, ..])
}

/// Python's `str()` of a JSON value: strings as they are, the rest as `repr`.
pub fn py_str(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => py_repr(other),
    }
}

/// Python's `repr()` of a JSON value as Python's `json` module loads it:
/// `{'a': [1, 2.0, None, True]}`.
pub fn py_repr(value: &Value) -> String {
    let mut out = String::new();
    write_repr(&mut out, value);
    out
}

pub(super) fn write_repr(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("None"),
        Value::Bool(true) => out.push_str("True"),
        Value::Bool(false) => out.push_str("False"),
        Value::Number(number) => match py_number(number) {
            PyNumber::Int(digits) => out.push_str(&digits),
            PyNumber::Float(float) => out.push_str(&py_float(float)),
        },
        Value::String(text) => write_str_repr(out, text),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(out, item);
            }
            out.push(']');
        }
        Value::Object(fields) => {
            out.push('{');
            for (i, (name, item)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_str_repr(out, name);
                out.push_str(": ");
                write_repr(out, item);
            }
            out.push('}');
        }
    }
}

/// Python's string `repr`: single quotes unless the text holds `'` and no
/// `"`; backslash escapes for the quote, backslash, `\t \n \r` and
/// characters Python does not print.
pub(super) fn write_str_repr(out: &mut String, text: &str) {
    let quote = if text.contains('\'') && !text.contains('"') {
        '"'
    } else {
        '\''
    };
    out.push(quote);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if py_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
}

/// Python's `str.isprintable` for one character: not a control, format,
/// separator (other than the space), surrogate, private-use or
/// non-character, nor a code point Unicode has not assigned.
pub(super) fn py_printable(c: char) -> bool {
    let code = c as u32;
    if code < 0x7f {
        return code >= 0x20;
    }
    if super::unassigned::is_unassigned(code) {
        return false;
    }
    let unprintable = matches!(code,
        0x7f..=0xa0
        | 0xad
        | 0x600..=0x605
        | 0x61c
        | 0x6dd
        | 0x70f
        | 0x890..=0x891
        | 0x8e2
        | 0x1680
        | 0x180e
        | 0x2000..=0x200f
        | 0x2028..=0x202f
        | 0x205f..=0x2064
        | 0x2066..=0x206f
        | 0x3000
        | 0xe000..=0xf8ff
        | 0xfdd0..=0xfdef
        | 0xfeff
        | 0xfff9..=0xfffb
        | 0x110bd
        | 0x110cd
        | 0x13430..=0x1343f
        | 0x1bca0..=0x1bca3
        | 0x1d173..=0x1d17a
        | 0xe0001
        | 0xe0020..=0xe007f
        | 0xf0000..
    );
    !unprintable && code & 0xfffe != 0xfffe
}

/// Python's `repr()` of a float: the shortest digits that read back the
/// same, positional from 1e-4 up to 1e16, scientific (`1e+16`, `1.5e-07`)
/// outside; always with a `.0` when whole.
pub fn py_float(value: f64) -> String {
    if value.is_nan() {
        return "nan".into();
    }
    if value.is_infinite() {
        return if value > 0.0 { "inf" } else { "-inf" }.into();
    }
    let sign = if value.is_sign_negative() { "-" } else { "" };
    if value == 0.0 {
        return format!("{sign}0.0");
    }
    let scientific = format!("{:e}", value.abs());
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let body = if (-4..16).contains(&exponent) {
        let point = exponent + 1;
        if point <= 0 {
            format!("0.{}{digits}", "0".repeat(point.unsigned_abs() as usize))
        } else if point as usize >= digits.len() {
            format!("{digits}{}.0", "0".repeat(point as usize - digits.len()))
        } else {
            format!(
                "{}.{}",
                &digits[..point as usize],
                &digits[point as usize..]
            )
        }
    } else {
        let mantissa = if digits.len() > 1 {
            format!("{}.{}", &digits[..1], &digits[1..])
        } else {
            digits
        };
        let exponent_sign = if exponent < 0 { '-' } else { '+' };
        format!("{mantissa}e{exponent_sign}{:02}", exponent.unsigned_abs())
    };
    format!("{sign}{body}")
}
