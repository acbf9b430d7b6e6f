//! Go's fmt as templates reach it: `print`, `println`, `printf` and the
//! verbs (`%v %s %d %q %x %X %o %b %c %U %e %E %f %F %g %G %t %T %%`) with
//! flags, width and precision, and Go's `%!verb(type=value)` markers for
//! mismatched, missing and extra arguments. Also `strconv.Quote`.

#![forbid(unsafe_code)]

use super::value::{format_float_e, format_float_f, format_float_g, to_string, Value};

/// `fmt.Sprint`: a space between operands when neither is a string.
pub fn sprint(args: &[Value]) -> String {
    let mut out = String::new();
    for (n, arg) in args.iter().enumerate() {
        let is_string = matches!(arg, Value::Str(_));
        if n > 0 && !is_string && !matches!(args[n - 1], Value::Str(_)) {
            out.push(' ');
        }
        out.push_str(&to_string(arg));
    }
    out
}

/// `fmt.Sprintln`: spaces between all operands and a final newline.
pub fn sprintln(args: &[Value]) -> String {
    let parts: Vec<String> = args.iter().map(to_string).collect();
    let mut out = parts.join(" ");
    out.push('\n');
    out
}

/// `strconv.Quote`.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    quote_into(s, '"', &mut out);
    out.push('"');
    out
}

fn quote_into(s: &str, delimiter: char, out: &mut String) {
    for c in s.chars() {
        match c {
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            '\\' => out.push_str("\\\\"),
            c if c == delimiter => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if is_print(c) => out.push(c),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
}

fn is_print(c: char) -> bool {
    let format = matches!(c as u32, 0xad | 0x2028 | 0x2029 | 0xfeff | 0xfff9..=0xfffb);
    !(c.is_control() || format || c.is_whitespace() && c != ' ')
}

#[derive(Default, Clone, Copy)]
struct Spec {
    minus: bool,
    plus: bool,
    sharp: bool,
    space: bool,
    zero: bool,
    width: Option<usize>,
    prec: Option<usize>,
}

fn pad(s: String, spec: &Spec, numeric: bool) -> String {
    let len = s.chars().count();
    let Some(width) = spec.width else { return s };
    if len >= width {
        return s;
    }
    let fill = width - len;
    if spec.minus {
        return format!("{s}{}", " ".repeat(fill));
    }
    if spec.zero {
        if numeric {
            let (sign, digits) = match s.chars().next() {
                Some(c @ ('-' | '+' | ' ')) => (c.to_string(), &s[1..]),
                _ => (String::new(), &s[..]),
            };
            return format!("{sign}{}{digits}", "0".repeat(fill));
        }
        return format!("{}{s}", "0".repeat(fill));
    }
    format!("{}{s}", " ".repeat(fill))
}

/// Go's marker for a verb that does not suit the value: the value is
/// shown with `%v` under the same flags, width and precision.
fn bad(verb: char, v: &Value, spec: &Spec) -> String {
    match v {
        Value::Nil => format!("%!{verb}(<nil>)"),
        _ => format!("%!{verb}({}={})", v.type_name(), format_one('v', v, spec)),
    }
}

fn signed(s: String, negative: bool, spec: &Spec) -> String {
    if negative {
        format!("-{s}")
    } else if spec.plus {
        format!("+{s}")
    } else if spec.space {
        format!(" {s}")
    } else {
        s
    }
}

fn int_verb(i: i64, verb: char, spec: &Spec) -> String {
    let negative = i < 0;
    let magnitude = i.unsigned_abs();
    let mut digits = match verb {
        'd' | 'v' => magnitude.to_string(),
        'x' => format!("{magnitude:x}"),
        'X' => format!("{magnitude:X}"),
        'o' | 'O' => format!("{magnitude:o}"),
        'b' => format!("{magnitude:b}"),
        _ => magnitude.to_string(),
    };
    if let Some(p) = spec.prec {
        if p == 0 && magnitude == 0 {
            digits.clear();
        }
        while digits.len() < p {
            digits.insert(0, '0');
        }
    }
    let prefix = match (verb, spec.sharp) {
        ('x', true) => "0x",
        ('X', true) => "0X",
        ('o', true) if !digits.starts_with('0') => "0",
        ('O', _) => "0o",
        ('b', true) => "0b",
        _ => "",
    };
    signed(format!("{prefix}{digits}"), negative, spec)
}

fn float_verb(f: f64, verb: char, spec: &Spec) -> String {
    let text = match verb {
        'e' | 'E' => format_float_e(f, Some(spec.prec.unwrap_or(6)), verb == 'E'),
        'f' | 'F' => format_float_f(f, Some(spec.prec.unwrap_or(6))),
        'g' | 'G' => format_float_g(f, spec.prec, verb == 'G'),
        _ => format_float_g(f, spec.prec, false),
    };
    if text.starts_with('-') || text.starts_with('+') {
        if text.starts_with('+') && !spec.plus {
            return text[..].to_string();
        }
        return text;
    }
    signed(text, false, spec)
}

fn hex_string(s: &str, upper: bool, spec: &Spec) -> String {
    let mut out = String::new();
    for (n, b) in s.bytes().enumerate() {
        if spec.space && n > 0 {
            out.push(' ');
        }
        if spec.sharp && (spec.space || n == 0) {
            out.push_str(if upper { "0X" } else { "0x" });
        }
        out.push_str(&if upper {
            format!("{b:02X}")
        } else {
            format!("{b:02x}")
        });
    }
    out
}

/// `%x` of a float: hexadecimal mantissa and binary exponent, `0x1.4p+02`.
fn hex_float(f: f64, upper: bool) -> String {
    if !f.is_finite() {
        return super::value::format_float_g(f, None, false);
    }
    let bits = f.to_bits();
    let sign = if f.is_sign_negative() { "-" } else { "" };
    let (lead, mantissa, exp) = if f == 0.0 {
        (0, 0, 0)
    } else {
        let raw = ((bits >> 52) & 0x7ff) as i64;
        (1, bits & ((1 << 52) - 1), raw - 1023)
    };
    let digits = format!("{mantissa:013x}");
    let digits = digits.trim_end_matches('0');
    let point = if digits.is_empty() {
        String::new()
    } else {
        format!(".{digits}")
    };
    let exp_sign = if exp < 0 { '-' } else { '+' };
    let text = format!("{sign}0x{lead}{point}p{exp_sign}{:02}", exp.abs());
    if upper {
        text.to_uppercase()
    } else {
        text
    }
}

/// A container's element: a nil one prints as `<nil>` whatever the verb.
fn nested(verb: char, v: &Value, spec: &Spec) -> String {
    match v {
        Value::Nil => pad("<nil>".into(), spec, false),
        other => format_one(verb, other, spec),
    }
}

/// One verb applied to one value, padded.
fn format_one(verb: char, v: &Value, spec: &Spec) -> String {
    match (verb, v) {
        ('T', _) => pad(
            match v {
                Value::Nil => "<nil>".into(),
                _ => v.type_name(),
            },
            spec,
            false,
        ),
        (_, Value::List(items, _)) => {
            let parts: Vec<String> = items.iter().map(|i| nested(verb, i, spec)).collect();
            format!("[{}]", parts.join(" "))
        }
        (_, Value::Map(map, _)) => {
            let parts: Vec<String> = map
                .borrow()
                .iter()
                .map(|(k, i)| {
                    format!(
                        "{}:{}",
                        format_one(verb, &Value::str(k), spec),
                        nested(verb, i, spec)
                    )
                })
                .collect();
            format!("map[{}]", parts.join(" "))
        }
        ('v', Value::Nil) => pad("<nil>".into(), spec, false),
        (_, Value::Nil) => bad(verb, v, spec),
        ('v' | 't', Value::Bool(b)) => pad(b.to_string(), spec, false),
        (_, Value::Bool(_)) => bad(verb, v, spec),
        ('v' | 'd' | 'x' | 'X' | 'o' | 'O' | 'b', Value::Int(i, _)) => {
            pad(int_verb(*i, verb, spec), spec, true)
        }
        ('c', Value::Int(i, _)) => pad(
            char::from_u32(*i as u32).unwrap_or('\u{fffd}').to_string(),
            spec,
            false,
        ),
        ('q', Value::Int(i, _)) => {
            let c = char::from_u32(*i as u32).unwrap_or('\u{fffd}');
            let mut out = String::from("'");
            quote_into(&c.to_string(), '\'', &mut out);
            out.push('\'');
            pad(out, spec, false)
        }
        ('U', Value::Int(i, _)) => pad(format!("U+{:04X}", i), spec, false),
        (_, Value::Int(..)) => bad(verb, v, spec),
        ('x' | 'X', Value::Float(f)) => pad(hex_float(*f, verb == 'X'), spec, true),
        ('v' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G', Value::Float(f)) => {
            pad(float_verb(*f, verb, spec), spec, true)
        }
        (_, Value::Float(_)) => bad(verb, v, spec),
        ('v', Value::Str(s)) if spec.sharp => pad(quote(s), spec, false),
        ('v' | 's', Value::Str(s)) => {
            let s = match spec.prec {
                Some(p) => s.chars().take(p).collect(),
                None => s.to_string(),
            };
            pad(s, spec, false)
        }
        ('q', Value::Str(s)) => {
            if spec.sharp && !s.contains('`') && s.chars().all(|c| c == '\t' || !c.is_control()) {
                pad(format!("`{s}`"), spec, false)
            } else {
                pad(quote(s), spec, false)
            }
        }
        ('x' | 'X', Value::Str(s)) => pad(hex_string(s, verb == 'X', spec), spec, false),
        (_, Value::Str(_)) => bad(verb, v, spec),
    }
}

/// `fmt.Sprintf(format, args...)`.
pub fn sprintf(format: &str, args: &[Value]) -> String {
    let mut out = String::new();
    let mut next = 0;
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut spec = Spec::default();
        while let Some(&f) = chars.peek() {
            match f {
                '-' => spec.minus = true,
                '+' => spec.plus = true,
                '#' => spec.sharp = true,
                ' ' => spec.space = true,
                '0' => spec.zero = !spec.minus,
                _ => break,
            }
            chars.next();
        }
        spec.width = number_or_star(&mut chars, args, &mut next, &mut out, &mut spec.minus);
        if chars.peek() == Some(&'.') {
            chars.next();
            let mut ignore = false;
            spec.prec = Some(
                number_or_star(&mut chars, args, &mut next, &mut out, &mut ignore).unwrap_or(0),
            );
        }
        if spec.minus {
            spec.zero = false;
        }
        let Some(verb) = chars.next() else {
            out.push_str("%!(NOVERB)");
            break;
        };
        if verb == '%' {
            out.push('%');
            continue;
        }
        let Some(arg) = args.get(next) else {
            out.push_str(&format!("%!{verb}(MISSING)"));
            continue;
        };
        next += 1;
        let known = "vTtdcqUxXobOeEfFgGs";
        if known.contains(verb) {
            out.push_str(&format_one(verb, arg, &spec));
        } else {
            out.push_str(&bad(verb, arg, &spec));
        }
    }
    if next < args.len() {
        out.push_str("%!(EXTRA ");
        let extra: Vec<String> = args[next..]
            .iter()
            .map(|a| match a {
                Value::Nil => "<nil>".to_string(),
                _ => format!("{}={}", a.type_name(), to_string(a)),
            })
            .collect();
        out.push_str(&extra.join(", "));
        out.push(')');
    }
    out
}

fn number_or_star(
    chars: &mut std::iter::Peekable<std::str::Chars>,
    args: &[Value],
    next: &mut usize,
    out: &mut String,
    minus: &mut bool,
) -> Option<usize> {
    if chars.peek() == Some(&'*') {
        chars.next();
        let arg = args.get(*next);
        *next += 1;
        return match arg {
            Some(Value::Int(i, _)) => {
                if *i < 0 {
                    *minus = true;
                }
                Some(i.unsigned_abs() as usize)
            }
            _ => {
                out.push_str("%!(BADWIDTH)");
                None
            }
        };
    }
    let mut digits = String::new();
    while let Some(&d) = chars.peek() {
        if !d.is_ascii_digit() {
            break;
        }
        digits.push(d);
        chars.next();
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_as_go_prints_them() {
        let args = [Value::Float(1e6), Value::Float(1.23456), Value::str("ab")];
        assert_eq!(sprintf("%v %.2f %-4s|", &args), "1e+06 1.23 ab  |");
        assert_eq!(
            sprintf("%08.3f %x %d", &[Value::Float(1.23456), Value::int(255)]),
            "0001.235 ff %!d(MISSING)"
        );
        assert_eq!(sprintf("%d", &[Value::str("x")]), "%!d(string=x)");
        assert_eq!(
            sprintf("%s", &[Value::int(1), Value::int(2)]),
            "%!s(int=1)%!(EXTRA int=2)"
        );
        assert_eq!(
            sprint(&[Value::int(1), Value::int(2), Value::str("a"), Value::int(3)]),
            "1 2a3"
        );
        assert_eq!(quote("a\"\n\u{1}é"), "\"a\\\"\\n\\x01é\"");
    }
}
