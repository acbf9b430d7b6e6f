//! Go text/template's builtin functions: `and`, `or`, `not`, `len`,
//! `index`, `call`, `print`, `printf`, `println`, `html`, `js`,
//! `urlquery` and the comparisons, with Go's rules for comparing across
//! kinds and its error texts. (`slice` is sprig's in tempio.)

#![forbid(unsafe_code)]

use super::funcs::{f, v, Func, Param::*};
use super::gofmt;
use super::value::{to_string, IntType, Value};

pub static TABLE: &[(&str, Func)] = &[
    (
        "and",
        Func {
            params: &[Val, Val],
            variadic: true,
            short_circuit: true,
            call: pass,
        },
    ),
    (
        "or",
        Func {
            params: &[Val, Val],
            variadic: true,
            short_circuit: true,
            call: pass,
        },
    ),
    ("not", f(&[Val], not)),
    ("len", f(&[Val], len)),
    ("index", v(&[Val, Val], index)),
    ("call", v(&[Val, Val], call)),
    ("print", v(&[Any], |a| Ok(Value::string(gofmt::sprint(a))))),
    ("printf", v(&[Str, Any], printf)),
    (
        "println",
        v(&[Any], |a| Ok(Value::string(gofmt::sprintln(a)))),
    ),
    (
        "html",
        v(&[Any], |a| Ok(Value::string(html_escape(&eval_args(a))))),
    ),
    (
        "js",
        v(&[Any], |a| Ok(Value::string(js_escape(&eval_args(a))))),
    ),
    (
        "urlquery",
        v(&[Any], |a| Ok(Value::string(query_escape(&eval_args(a))))),
    ),
    ("eq", v(&[Val, Val], eq)),
    (
        "ne",
        f(&[Val, Val], |a| eq(a).map(|v| Value::Bool(!v.truth()))),
    ),
    ("lt", f(&[Val, Val], |a| lt(&a[0], &a[1]).map(Value::Bool))),
    ("le", f(&[Val, Val], |a| le(&a[0], &a[1]).map(Value::Bool))),
    (
        "gt",
        f(&[Val, Val], |a| le(&a[0], &a[1]).map(|b| Value::Bool(!b))),
    ),
    (
        "ge",
        f(&[Val, Val], |a| lt(&a[0], &a[1]).map(|b| Value::Bool(!b))),
    ),
];

fn pass(_: &[Value]) -> Result<Value, String> {
    Ok(Value::Nil)
}

fn not(a: &[Value]) -> Result<Value, String> {
    Ok(Value::Bool(!a[0].truth()))
}

pub const ZERO_VALUE: &str = "reflect: call of reflect.Value.Type on zero Value";

fn len(a: &[Value]) -> Result<Value, String> {
    match &a[0] {
        Value::Str(s) => Ok(Value::int(s.len() as i64)),
        Value::List(l, _) => Ok(Value::int(l.len() as i64)),
        Value::Map(m, _) => Ok(Value::int(m.borrow().len() as i64)),
        Value::Nil => Err(ZERO_VALUE.into()),
        other => Err(format!("len of type {}", other.type_name())),
    }
}

fn index_arg(index: &Value, cap: usize) -> Result<usize, String> {
    let x = match index {
        Value::Int(i, _) => *i,
        Value::Nil => return Err("cannot index slice/array with nil".into()),
        other => {
            return Err(format!(
                "cannot index slice/array with type {}",
                other.type_name()
            ))
        }
    };
    if x < 0 || x as u64 > cap as u64 {
        return Err(format!("index out of range: {x}"));
    }
    Ok(x as usize)
}

fn index(a: &[Value]) -> Result<Value, String> {
    let mut item = a[0].clone();
    if matches!(item, Value::Nil) {
        return Err("index of untyped nil".into());
    }
    for index in &a[1..] {
        item = match &item {
            Value::Nil => return Err("index of nil pointer".into()),
            Value::List(items, _) => {
                let x = index_arg(index, items.len())?;
                items
                    .get(x)
                    .cloned()
                    .ok_or("reflect: slice index out of range")?
            }
            Value::Str(s) => {
                let x = index_arg(index, s.len())?;
                let b = s
                    .as_bytes()
                    .get(x)
                    .ok_or("reflect: string index out of range")?;
                Value::Int(*b as i64, IntType::Uint8)
            }
            Value::Map(map, elem) => {
                let key = match index {
                    Value::Str(k) => k,
                    Value::Nil => return Err("value is nil; should be of type string".into()),
                    other => {
                        return Err(format!(
                            "value has type {}; should be string",
                            other.type_name()
                        ))
                    }
                };
                let found = map.borrow().get(&**key).cloned();
                match found {
                    Some(v) => v,
                    None if *elem == super::value::Elem::Str => Value::str(""),
                    None => Value::Nil,
                }
            }
            other => return Err(format!("can't index item of type {}", other.type_name())),
        };
    }
    Ok(item)
}

fn call(a: &[Value]) -> Result<Value, String> {
    match &a[0] {
        Value::Nil => Err("call of nil".into()),
        other => Err(format!("non-function of type {}", other.type_name())),
    }
}

fn printf(a: &[Value]) -> Result<Value, String> {
    let format = a[0].as_str().unwrap_or_default();
    Ok(Value::string(gofmt::sprintf(format, &a[1..])))
}

/// The text `html`, `js` and `urlquery` escape: a lone string as it is,
/// otherwise `fmt.Sprint` with missing values as `<no value>`.
fn eval_args(a: &[Value]) -> String {
    if let [Value::Str(s)] = a {
        return s.to_string();
    }
    let printable: Vec<Value> = a
        .iter()
        .map(|v| match v {
            Value::Nil => Value::str("<no value>"),
            other => other.clone(),
        })
        .collect();
    gofmt::sprint(&printable)
}

pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\0' => out.push('\u{fffd}'),
            '"' => out.push_str("&#34;"),
            '\'' => out.push_str("&#39;"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

pub fn js_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '"' => out.push_str("\\\""),
            '<' => out.push_str("\\u003C"),
            '>' => out.push_str("\\u003E"),
            '&' => out.push_str("\\u0026"),
            '=' => out.push_str("\\u003D"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u00{:02X}", c as u32)),
            c if (c as u32) >= 0x80 && c.is_control() => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

/// Go's `url.QueryEscape`.
pub fn query_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[derive(PartialEq, Eq, Clone, Copy)]
enum Kind {
    Invalid,
    Bool,
    Int,
    Float,
    Str,
}

fn kind(v: &Value) -> Kind {
    match v {
        Value::Bool(_) => Kind::Bool,
        Value::Int(..) => Kind::Int,
        Value::Float(_) => Kind::Float,
        Value::Str(_) => Kind::Str,
        _ => Kind::Invalid,
    }
}

const BAD_TYPE: &str = "invalid type for comparison";
const INCOMPATIBLE: &str = "incompatible types for comparison";

fn eq(a: &[Value]) -> Result<Value, String> {
    let first = &a[0];
    if a.len() < 2 {
        return Err("missing argument for comparison".into());
    }
    let k1 = kind(first);
    for arg in &a[1..] {
        let k2 = kind(arg);
        let truth = if k1 != k2 {
            if !matches!(first, Value::Nil) && !matches!(arg, Value::Nil) {
                return Err(INCOMPATIBLE.into());
            }
            false
        } else {
            match (first, arg) {
                (Value::Bool(x), Value::Bool(y)) => x == y,
                (Value::Int(x, _), Value::Int(y, _)) => x == y,
                (Value::Float(x), Value::Float(y)) => x == y,
                (Value::Str(x), Value::Str(y)) => x == y,
                (Value::Nil, Value::Nil) => true,
                (x, y) => {
                    if x.type_name() != y.type_name() {
                        return Err(format!(
                            "non-comparable types {}: {}, {}: {}",
                            to_string(x),
                            x.type_name(),
                            y.type_name(),
                            to_string(y)
                        ));
                    }
                    return Err(format!(
                        "non-comparable type {}: {}",
                        to_string(y),
                        y.type_name()
                    ));
                }
            }
        };
        if truth {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn lt(x: &Value, y: &Value) -> Result<bool, String> {
    let (k1, k2) = (kind(x), kind(y));
    if k1 == Kind::Invalid || k2 == Kind::Invalid {
        return Err(BAD_TYPE.into());
    }
    if k1 != k2 {
        return Err(INCOMPATIBLE.into());
    }
    Ok(match (x, y) {
        (Value::Int(a, _), Value::Int(b, _)) => a < b,
        (Value::Float(a), Value::Float(b)) => a < b,
        (Value::Str(a), Value::Str(b)) => a < b,
        _ => return Err(BAD_TYPE.into()),
    })
}

fn le(x: &Value, y: &Value) -> Result<bool, String> {
    if lt(x, y)? {
        return Ok(true);
    }
    eq(&[x.clone(), y.clone()]).map(|v| v.truth())
}
