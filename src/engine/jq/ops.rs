//! jq's arithmetic on values: `+ - * / %` and negation, with jq's rules for
//! each pair of types and its error messages.

#![forbid(unsafe_code)]

use super::num::{parse_literal, Lit, Literal};
use super::value::{fail, num_from_literal, rc_take, ObjMap, E, V};
use super::write::describe;
use jaq_core::ValR;
use std::rc::Rc;

fn type_error2(a: &V, b: &V, what: &str) -> E {
    fail(format!("{} and {} {what}", describe(a), describe(b)))
}

fn obj_merge_deep(mut a: ObjMap, b: ObjMap) -> ObjMap {
    for (k, y) in b {
        match (a.get_mut(&k), y) {
            (Some(V::Obj(x)), V::Obj(y)) => {
                let merged = obj_merge_deep(rc_take(x.clone()), rc_take(y));
                *x = Rc::new(merged);
            }
            (Some(slot), y) => *slot = y,
            (None, y) => {
                a.insert(k, y);
            }
        }
    }
    a
}

impl core::ops::Add for V {
    type Output = ValR<V>;
    fn add(self, rhs: Self) -> ValR<V> {
        match (self, rhs) {
            (V::Null, x) | (x, V::Null) => Ok(x),
            (V::Num(a, _), V::Num(b, _)) => Ok(V::num(a + b)),
            (V::Str(a), V::Str(b)) => Ok(V::from(format!("{a}{b}"))),
            (V::Arr(a), V::Arr(b)) => {
                let mut a = rc_take(a);
                a.extend(b.iter().cloned());
                Ok(V::arr(a))
            }
            (V::Obj(a), V::Obj(b)) => {
                let mut a = rc_take(a);
                for (k, v) in b.iter() {
                    match a.get_mut(k) {
                        Some(slot) => *slot = v.clone(),
                        None => {
                            a.insert(k.clone(), v.clone());
                        }
                    }
                }
                Ok(V::Obj(Rc::new(a)))
            }
            (a, b) => Err(type_error2(&a, &b, "cannot be added")),
        }
    }
}

impl core::ops::Sub for V {
    type Output = ValR<V>;
    fn sub(self, rhs: Self) -> ValR<V> {
        match (self, rhs) {
            (V::Num(a, _), V::Num(b, _)) => Ok(V::num(a - b)),
            (V::Arr(a), V::Arr(b)) => Ok(V::arr(
                a.iter().filter(|x| !b.contains(x)).cloned().collect(),
            )),
            (a, b) => Err(type_error2(&a, &b, "cannot be subtracted")),
        }
    }
}

impl core::ops::Mul for V {
    type Output = ValR<V>;
    fn mul(self, rhs: Self) -> ValR<V> {
        match (self, rhs) {
            (V::Num(a, _), V::Num(b, _)) => Ok(V::num(a * b)),
            (V::Str(s), V::Num(n, _)) | (V::Num(n, _), V::Str(s)) => {
                if n < 0.0 || n.is_nan() {
                    Ok(V::Null)
                } else {
                    let n = n.min(i32::MAX as f64) as usize;
                    if s.len().saturating_mul(n) >= i32::MAX as usize {
                        return Err(fail("Repeat string result too long"));
                    }
                    Ok(V::from(s.repeat(n)))
                }
            }
            (V::Obj(a), V::Obj(b)) => Ok(V::Obj(Rc::new(obj_merge_deep(rc_take(a), rc_take(b))))),
            (a, b) => Err(type_error2(&a, &b, "cannot be multiplied")),
        }
    }
}

impl core::ops::Div for V {
    type Output = ValR<V>;
    fn div(self, rhs: Self) -> ValR<V> {
        match (self, rhs) {
            (a @ V::Num(..), b @ V::Num(..)) => {
                let (x, y) = (a.as_f64().unwrap_or(0.0), b.as_f64().unwrap_or(0.0));
                if y == 0.0 {
                    Err(type_error2(
                        &a,
                        &b,
                        "cannot be divided because the divisor is zero",
                    ))
                } else {
                    Ok(V::num(x / y))
                }
            }
            (V::Str(a), V::Str(b)) => Ok(split_str(&a, &b)),
            (a, b) => Err(type_error2(&a, &b, "cannot be divided")),
        }
    }
}

/// `intmax_t` conversion as jq's `%` does it.
fn dtoi(f: f64) -> i64 {
    if f < i64::MIN as f64 {
        i64::MIN
    } else if -f <= i64::MIN as f64 {
        i64::MAX
    } else {
        f as i64
    }
}

impl core::ops::Rem for V {
    type Output = ValR<V>;
    fn rem(self, rhs: Self) -> ValR<V> {
        match (self, rhs) {
            (a @ V::Num(..), b @ V::Num(..)) => {
                let (x, y) = (a.as_f64().unwrap_or(0.0), b.as_f64().unwrap_or(0.0));
                if x.is_nan() || y.is_nan() {
                    return Ok(V::num(f64::NAN));
                }
                let bi = dtoi(y);
                if bi == 0 {
                    return Err(type_error2(
                        &a,
                        &b,
                        "cannot be divided (remainder) because the divisor is zero",
                    ));
                }
                Ok(V::num(if bi == -1 { 0.0 } else { (dtoi(x) % bi) as f64 }))
            }
            (a, b) => Err(type_error2(&a, &b, "cannot be divided (remainder)")),
        }
    }
}

/// Negate a literal's text as jq's decimal negation does (zero stays unsigned).
fn negate_text(t: &str) -> String {
    if let Some(pos) = t.strip_prefix('-') {
        return pos.to_string();
    }
    let mant = t.split('E').next().unwrap_or(t);
    if mant.bytes().all(|c| c == b'0' || c == b'.') {
        return t.to_string();
    }
    format!("-{t}")
}

impl core::ops::Neg for V {
    type Output = ValR<V>;
    fn neg(self) -> ValR<V> {
        match self {
            V::Num(f, Lit::No) => Ok(V::num(-f)),
            v @ V::Num(..) => {
                let text = v.literal_text().unwrap_or_default();
                let f = v.as_f64().unwrap_or(0.0);
                let neg = negate_text(&text);
                let f = if f == 0.0 { 0.0 } else { -f };
                match parse_literal(&neg) {
                    Some(lit @ Literal::Finite(..)) => Ok(num_from_literal(lit)),
                    _ => Ok(V::num(f)),
                }
            }
            v => Err(fail(format!("{} cannot be negated", describe(&v)))),
        }
    }
}

fn split_str(s: &str, sep: &str) -> V {
    if s.is_empty() {
        return V::arr(Vec::new());
    }
    if sep.is_empty() {
        return s.chars().map(|c| V::from(c.to_string())).collect();
    }
    s.split(sep).map(|p| V::from(p.to_string())).collect()
}
