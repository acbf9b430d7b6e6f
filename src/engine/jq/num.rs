//! Numbers as jq 1.8 reads and prints them: number literals kept as
//! written (decNumber's grammar and limits), computed doubles printed with
//! jq's shortest round-trip digits, and decimal comparison of literals.

#![forbid(unsafe_code)]

use core::cmp::Ordering;
use std::rc::Rc;

/// A number literal as jq 1.8 reads it (decNumber's grammar and limits).
pub(crate) enum Literal {
    /// the text jq prints for the literal, and its value as a double
    Finite(String, f64),
    /// literals that jq cannot keep: NaN, infinities, exponent overflow
    Float(f64),
}

/// Read a number literal the way jq's decimal number parser does, returning
/// the text jq prints for it when it passes through unchanged.
pub(crate) fn parse_literal(s: &str) -> Option<Literal> {
    let b = s.as_bytes();
    let (neg, rest) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    let inf = if neg {
        f64::NEG_INFINITY
    } else {
        f64::INFINITY
    };
    let lower = rest.to_ascii_lowercase();
    if lower == b"inf" || lower == b"infinity" {
        return Some(Literal::Float(inf));
    }
    for nan in [&b"nan"[..], b"snan"] {
        if lower.starts_with(nan) && lower[nan.len()..].iter().all(u8::is_ascii_digit) {
            return Some(Literal::Float(f64::NAN));
        }
    }
    let mut i = 0;
    let mut coef = String::new();
    while i < rest.len() && rest[i].is_ascii_digit() {
        coef.push(rest[i] as char);
        i += 1;
    }
    let mut frac_len: i64 = 0;
    if i < rest.len() && rest[i] == b'.' {
        i += 1;
        while i < rest.len() && rest[i].is_ascii_digit() {
            coef.push(rest[i] as char);
            frac_len += 1;
            i += 1;
        }
    }
    if coef.is_empty() {
        return None;
    }
    let mut exp: i64 = 0;
    if i < rest.len() && (rest[i] == b'e' || rest[i] == b'E') {
        i += 1;
        let eneg = match rest.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        while i < rest.len() && rest[i].is_ascii_digit() {
            exp = (exp * 10 + i64::from(rest[i] - b'0')).min(1 << 40);
            i += 1;
        }
        if i == start {
            return None;
        }
        if eneg {
            exp = -exp;
        }
    }
    if i != rest.len() {
        return None;
    }
    let digits = coef.trim_start_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    let exp = exp - frac_len;
    let adjusted = exp + digits.len() as i64 - 1;
    if digits != "0" && adjusted > 999_999_999 {
        return Some(Literal::Float(inf));
    }
    let mut out = String::with_capacity(digits.len() + 8);
    if neg {
        out.push('-');
    }
    if exp <= 0 && adjusted >= -6 {
        let point = digits.len() as i64 + exp;
        if exp == 0 {
            out.push_str(digits);
        } else if point > 0 {
            out.push_str(&digits[..point as usize]);
            out.push('.');
            out.push_str(&digits[point as usize..]);
        } else {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-point) as usize));
            out.push_str(digits);
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('E');
        if adjusted >= 0 {
            out.push('+');
        }
        out.push_str(&adjusted.to_string());
    }
    let f = out.parse::<f64>().unwrap_or(f64::NAN);
    Some(Literal::Finite(out, f))
}

/// Print a double the way jq 1.8 prints computed numbers: the shortest
/// digits that read back as the same double (at most 17), in plain notation
/// unless the decimal exponent is below -5 or beyond the digits by 15.
pub(crate) fn fmt_f64(x: f64, out: &mut Vec<u8>) {
    if x.is_nan() {
        out.extend_from_slice(b"null");
        return;
    }
    let x = x.clamp(-f64::MAX, f64::MAX);
    if x == 0.0 {
        out.extend_from_slice(if x.is_sign_negative() { b"-0" } else { b"0" });
        return;
    }
    if x < 0.0 {
        out.push(b'-');
    }
    // Shortest digits that read back as x; among equally short ones jq takes
    // the one nearest to x (ties to even), which is x correctly rounded.
    let shortest = format!("{:e}", x.abs());
    let len = shortest
        .split('e')
        .next()
        .map_or(1, |m| m.replace('.', "").len());
    let rounded = format!("{:.*e}", len.saturating_sub(1), x.abs());
    let sci = if rounded.parse::<f64>() == Ok(x.abs()) {
        rounded
    } else {
        shortest
    };
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let digits: Vec<u8> = mant.bytes().filter(|c| *c != b'.').collect();
    let decpt = exp.parse::<i32>().unwrap_or(0) + 1;
    let nd = digits.len() as i32;
    if decpt <= -4 || decpt > nd + 15 {
        out.push(digits[0]);
        if nd > 1 {
            out.push(b'.');
            out.extend_from_slice(&digits[1..]);
        }
        out.push(b'e');
        let e = decpt - 1;
        out.push(if e < 0 { b'-' } else { b'+' });
        out.extend_from_slice(format!("{:02}", e.abs()).as_bytes());
    } else if decpt <= 0 {
        out.extend_from_slice(b"0.");
        out.extend(std::iter::repeat_n(b'0', (-decpt) as usize));
        out.extend_from_slice(&digits);
    } else if decpt >= nd {
        out.extend_from_slice(&digits);
        out.extend(std::iter::repeat_n(b'0', (decpt - nd) as usize));
    } else {
        out.extend_from_slice(&digits[..decpt as usize]);
        out.push(b'.');
        out.extend_from_slice(&digits[decpt as usize..]);
    }
}

/// How a number remembers the literal it was read from.
#[derive(Clone, Debug)]
pub(crate) enum Lit {
    /// computed: printed from its double
    No,
    /// a literal whose text is what its double prints as anyway
    Same,
    /// a literal printed as this text while it passes through unchanged
    Text(Rc<str>),
}

/// Decimal comparison of two literal texts, as jq compares two literals.
pub(super) fn dec_cmp(a: &str, b: &str) -> Ordering {
    fn parts(s: &str) -> (bool, String, i64) {
        let (neg, s) = s.strip_prefix('-').map_or((false, s), |r| (true, r));
        let (mant, exp) = s.split_once('E').unwrap_or((s, "0"));
        let exp: i64 = exp.parse().unwrap_or(0);
        let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
        let digits = format!("{int}{frac}");
        let digits = digits.trim_start_matches('0').to_string();
        let exp = exp - frac.len() as i64;
        (neg, digits, exp)
    }
    let (na, da, ea) = parts(a);
    let (nb, db, eb) = parts(b);
    let zero_a = da.is_empty();
    let zero_b = db.is_empty();
    let magnitude = match (zero_a, zero_b) {
        (true, true) => return Ordering::Equal,
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        (false, false) => {
            let adj_a = ea + da.len() as i64;
            let adj_b = eb + db.len() as i64;
            adj_a.cmp(&adj_b).then_with(|| {
                let n = da.len().max(db.len());
                let pa = format!("{da:0<n$}");
                let pb = format!("{db:0<n$}");
                pa.cmp(&pb)
            })
        }
    };
    let sign_a = if zero_a {
        0
    } else if na {
        -1
    } else {
        1
    };
    let sign_b = if zero_b {
        0
    } else if nb {
        -1
    } else {
        1
    };
    if sign_a != sign_b {
        return sign_a.cmp(&sign_b);
    }
    if sign_a < 0 {
        magnitude.reverse()
    } else {
        magnitude
    }
}
