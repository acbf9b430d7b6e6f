//! sprig's arithmetic and conversions: the int64 family (`add`, `sub`,
//! `mul`, `div`, `mod`, `max`, `min`), the decimal float family (`addf`,
//! `subf`, `mulf`, `divf`, which sprig computes in decimal, so 0.1 + 0.2
//! is 0.3), rounding, and `int`, `int64`, `float64`, `atoi`, `toDecimal`.

#![forbid(unsafe_code)]

use super::funcs::{f, to_float64, to_int64, v, Func, Param::*};
use super::value::{to_string, Value};

type R = Result<Value, String>;

const DIVIDE_BY_ZERO: &str = "runtime error: integer divide by zero";

fn i64v(i: i64) -> R {
    Ok(Value::int64(i))
}

/// A float as shopspring/decimal's NewFromFloat reads it: its shortest
/// decimal digits, as mantissa and power of ten.
fn decimal(f: f64) -> (i128, i32) {
    let text = format!("{:e}", f);
    let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let frac = digits.len() as i32 - 1;
    let m: i128 = digits.parse().unwrap_or(0);
    (if negative { -m } else { m }, exp - frac)
}

fn to_f64(m: i128, e: i32) -> f64 {
    format!("{m}e{e}").parse().unwrap_or(0.0)
}

fn align(a: (i128, i32), b: (i128, i32)) -> Option<(i128, i128, i32)> {
    let e = a.1.min(b.1);
    let scale = |x: (i128, i32)| -> Option<i128> {
        let d = (x.1 - e) as u32;
        10i128.checked_pow(d).and_then(|p| x.0.checked_mul(p))
    };
    Some((scale(a)?, scale(b)?, e))
}

fn decimal_op(first: &Value, rest: &[Value], op: char) -> f64 {
    let mut acc = decimal(to_float64(first));
    let mut fallback = to_float64(first);
    for value in rest {
        let x = to_float64(value);
        let d = decimal(x);
        fallback = match op {
            '+' => fallback + x,
            '-' => fallback - x,
            '*' => fallback * x,
            _ => fallback / x,
        };
        let exact = match op {
            '+' | '-' => align(acc, d).and_then(|(p, q, e)| {
                if op == '+' {
                    p.checked_add(q)
                } else {
                    p.checked_sub(q)
                }
                .map(|m| (m, e))
            }),
            '*' => acc.0.checked_mul(d.0).map(|m| (m, acc.1 + d.1)),
            _ => {
                let quotient = to_f64(acc.0, acc.1) / to_f64(d.0, d.1);
                let rounded: f64 = format!("{quotient:.16}").parse().unwrap_or(quotient);
                Some(decimal(rounded))
            }
        };
        match exact {
            Some(v) => acc = v,
            None => return fallback,
        }
    }
    to_f64(acc.0, acc.1)
}

fn round(a: &[Value]) -> R {
    let round_on = a.get(2).map_or(0.5, to_float64);
    let value = to_float64(&a[0]);
    let places = match a[1] {
        Value::Int(i, _) => i as f64,
        _ => 0.0,
    };
    let pow = 10f64.powf(places);
    let digit = pow * value;
    let fraction = digit.fract();
    let rounded = if fraction >= round_on {
        digit.ceil()
    } else {
        digit.floor()
    };
    Ok(Value::Float(rounded / pow))
}

pub static TABLE: &[(&str, Func)] = &[
    ("add1", f(&[Any], |a| i64v(to_int64(&a[0]).wrapping_add(1)))),
    (
        "add",
        v(&[Any], |a| {
            i64v(a.iter().map(to_int64).fold(0i64, i64::wrapping_add))
        }),
    ),
    (
        "sub",
        f(&[Any, Any], |a| {
            i64v(to_int64(&a[0]).wrapping_sub(to_int64(&a[1])))
        }),
    ),
    (
        "div",
        f(&[Any, Any], |a| {
            let d = to_int64(&a[1]);
            if d == 0 {
                return Err(DIVIDE_BY_ZERO.into());
            }
            i64v(to_int64(&a[0]).wrapping_div(d))
        }),
    ),
    (
        "mod",
        f(&[Any, Any], |a| {
            let d = to_int64(&a[1]);
            if d == 0 {
                return Err(DIVIDE_BY_ZERO.into());
            }
            i64v(to_int64(&a[0]).wrapping_rem(d))
        }),
    ),
    (
        "mul",
        v(&[Any, Any], |a| {
            i64v(
                a[1..]
                    .iter()
                    .map(to_int64)
                    .fold(to_int64(&a[0]), i64::wrapping_mul),
            )
        }),
    ),
    (
        "max",
        v(&[Any, Any], |a| {
            i64v(a[1..].iter().map(to_int64).fold(to_int64(&a[0]), i64::max))
        }),
    ),
    (
        "biggest",
        v(&[Any, Any], |a| {
            i64v(a[1..].iter().map(to_int64).fold(to_int64(&a[0]), i64::max))
        }),
    ),
    (
        "min",
        v(&[Any, Any], |a| {
            i64v(a[1..].iter().map(to_int64).fold(to_int64(&a[0]), i64::min))
        }),
    ),
    (
        "maxf",
        v(&[Any, Any], |a| {
            Ok(Value::Float(
                a[1..]
                    .iter()
                    .map(to_float64)
                    .fold(to_float64(&a[0]), go_max),
            ))
        }),
    ),
    (
        "minf",
        v(&[Any, Any], |a| {
            Ok(Value::Float(
                a[1..]
                    .iter()
                    .map(to_float64)
                    .fold(to_float64(&a[0]), go_min),
            ))
        }),
    ),
    (
        "add1f",
        f(&[Any], |a| {
            Ok(Value::Float(decimal_op(&a[0], &[Value::int(1)], '+')))
        }),
    ),
    (
        "addf",
        v(&[Any], |a| {
            Ok(Value::Float(decimal_op(&Value::Float(0.0), a, '+')))
        }),
    ),
    (
        "subf",
        v(&[Any, Any], |a| {
            Ok(Value::Float(decimal_op(&a[0], &a[1..], '-')))
        }),
    ),
    (
        "mulf",
        v(&[Any, Any], |a| {
            Ok(Value::Float(decimal_op(&a[0], &a[1..], '*')))
        }),
    ),
    (
        "divf",
        v(&[Any, Any], |a| {
            if a[1..].iter().any(|x| to_float64(x) == 0.0) {
                return Err("decimal division by 0".into());
            }
            Ok(Value::Float(decimal_op(&a[0], &a[1..], '/')))
        }),
    ),
    (
        "floor",
        f(&[Any], |a| Ok(Value::Float(to_float64(&a[0]).floor()))),
    ),
    (
        "ceil",
        f(&[Any], |a| Ok(Value::Float(to_float64(&a[0]).ceil()))),
    ),
    ("round", v(&[Any, Int, Float], round)),
    ("int", f(&[Any], |a| Ok(Value::int(to_int64(&a[0]))))),
    ("int64", f(&[Any], |a| i64v(to_int64(&a[0])))),
    (
        "float64",
        f(&[Any], |a| Ok(Value::Float(to_float64(&a[0])))),
    ),
    (
        "atoi",
        f(&[Str], |a| {
            let text = a[0].as_str().unwrap_or_default();
            let parsed = if text.starts_with(['+', '-']) || text.bytes().all(|b| b.is_ascii_digit())
            {
                text.parse::<i64>().ok()
            } else {
                None
            };
            Ok(Value::int(parsed.unwrap_or(0)))
        }),
    ),
    (
        "toDecimal",
        f(&[Any], |a| {
            let text = to_string(&a[0]);
            let digits = text.strip_prefix('+').unwrap_or(&text);
            let parsed =
                if digits.bytes().all(|b| (b'0'..=b'7').contains(&b)) || digits.starts_with('-') {
                    i64::from_str_radix(&text, 8).ok()
                } else {
                    None
                };
            i64v(parsed.unwrap_or(0))
        }),
    ),
];

fn go_max(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        return f64::NAN;
    }
    a.max(b)
}

fn go_min(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        return f64::NAN;
    }
    a.min(b)
}

#[cfg(test)]
mod tests {
    use super::super::funcs::parse_go_int;
    use super::*;

    #[test]
    fn decimal_sums() {
        let sum = decimal_op(&Value::Float(0.1), &[Value::Float(0.2)], '+');
        assert_eq!(sum, 0.3);
        assert_eq!(parse_go_int("0x10"), Some(16));
    }
}
