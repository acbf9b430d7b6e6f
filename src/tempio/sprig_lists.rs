//! sprig's list functions: building (`list`, `append`, `prepend`,
//! `concat`, `until`, `seq`), taking apart (`first`, `rest`, `last`,
//! `initial`, `slice`, `chunk`), filtering (`uniq`, `without`, `compact`,
//! `has`) and ordering (`reverse`, `sortAlpha`), with the `must` forms and
//! sprig's panics as errors.

#![forbid(unsafe_code)]

use super::funcs::{f, strslice, strval, to_int64, v, Func, Param::*};
use super::value::Value;
use std::rc::Rc;

type R = Result<Value, String>;

/// The items of a slice argument, or sprig's "Cannot ... on type KIND".
fn items<'a>(v: &'a Value, what: &str) -> Result<&'a [Value], String> {
    match v {
        Value::List(items, _) => Ok(items),
        Value::Nil => Err(NIL_DEREF.into()),
        other => Err(format!("Cannot {what} on type {}", other.kind_name())),
    }
}

/// Go's panic calling a method on a nil reflect.Type (sprig's lists given nil).
pub const NIL_DEREF: &str = "runtime error: invalid memory address or nil pointer dereference";

fn list(v: Vec<Value>) -> R {
    Ok(Value::list(v))
}

/// Go's reflect.DeepEqual on template values.
pub fn deep_equal(a: &Value, b: &Value) -> bool {
    if a.type_name() != b.type_name() {
        return false;
    }
    match (a, b) {
        (Value::Nil, Value::Nil) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x, _), Value::Int(y, _)) => x == y,
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::List(x, _), Value::List(y, _)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| deep_equal(p, q))
        }
        (Value::Map(x, _), Value::Map(y, _)) => {
            let (x, y) = (x.borrow(), y.borrow());
            x.len() == y.len()
                && x.iter()
                    .all(|(k, p)| y.get(k).is_some_and(|q| deep_equal(p, q)))
        }
        _ => false,
    }
}

fn push(a: &[Value]) -> R {
    let mut out = items(&a[0], "push")?.to_vec();
    out.push(a[1].clone());
    list(out)
}

fn prepend(a: &[Value]) -> R {
    let mut out = vec![a[1].clone()];
    out.extend_from_slice(items(&a[0], "prepend")?);
    list(out)
}

fn first(a: &[Value]) -> R {
    Ok(items(&a[0], "find first")?
        .first()
        .cloned()
        .unwrap_or(Value::Nil))
}

fn last(a: &[Value]) -> R {
    Ok(items(&a[0], "find last")?
        .last()
        .cloned()
        .unwrap_or(Value::Nil))
}

fn rest(a: &[Value]) -> R {
    let all = items(&a[0], "find rest")?;
    if all.is_empty() {
        return list(Vec::new());
    }
    list(all[1..].to_vec())
}

fn initial(a: &[Value]) -> R {
    let all = items(&a[0], "find initial")?;
    if all.is_empty() {
        return list(Vec::new());
    }
    list(all[..all.len() - 1].to_vec())
}

fn reverse(a: &[Value]) -> R {
    let mut out = items(&a[0], "find reverse")?.to_vec();
    out.reverse();
    list(out)
}

fn compact(a: &[Value]) -> R {
    let all = items(&a[0], "compact")?;
    list(all.iter().filter(|v| v.truth()).cloned().collect())
}

fn uniq(a: &[Value]) -> R {
    let mut out: Vec<Value> = Vec::new();
    for item in items(&a[0], "find uniq")? {
        if !out.iter().any(|o| deep_equal(o, item)) {
            out.push(item.clone());
        }
    }
    list(out)
}

fn without(a: &[Value]) -> R {
    let omit = &a[1..];
    let all = items(&a[0], "find without")?;
    list(
        all.iter()
            .filter(|i| !omit.iter().any(|o| deep_equal(o, i)))
            .cloned()
            .collect(),
    )
}

fn has(a: &[Value]) -> R {
    if matches!(a[1], Value::Nil) {
        return Ok(Value::Bool(false));
    }
    let all = items(&a[1], "find has")?;
    Ok(Value::Bool(all.iter().any(|i| deep_equal(&a[0], i))))
}

fn slice(a: &[Value]) -> R {
    let all = match &a[0] {
        Value::List(items, elem) => (items, *elem),
        Value::Nil => return Err(NIL_DEREF.into()),
        other => {
            return Err(format!(
                "list should be type of slice or array but {}",
                other.kind_name()
            ))
        }
    };
    let (all, elem) = all;
    if all.is_empty() {
        return Ok(Value::Nil);
    }
    let start = a.get(1).map_or(0, to_int64);
    let end = a.get(2).map_or(all.len() as i64, to_int64);
    if start < 0 || end < start || end > all.len() as i64 {
        return Err("reflect: slice index out of range".to_string());
    }
    Ok(Value::List(
        Rc::new(all[start as usize..end as usize].to_vec()),
        elem,
    ))
}

fn concat(a: &[Value]) -> R {
    let mut out = Vec::new();
    for l in a {
        match l {
            Value::List(items, _) => out.extend_from_slice(items),
            Value::Nil => return Err(NIL_DEREF.into()),
            other => return Err(format!("Cannot concat type {} as list", other.kind_name())),
        }
    }
    if out.is_empty() && a.is_empty() {
        return Ok(Value::List(Rc::new(Vec::new()), super::value::Elem::Any));
    }
    list(out)
}

fn chunk(a: &[Value]) -> R {
    let size = match a[0] {
        Value::Int(i, _) => i,
        _ => 0,
    };
    let all = match &a[1] {
        Value::List(items, _) => items,
        Value::Nil => return Err(NIL_DEREF.into()),
        other => return Err(format!("Cannot chunk type {}", other.kind_name())),
    };
    if size <= 0 {
        return Err("runtime error: integer divide by zero".into());
    }
    list(
        all.chunks(size as usize)
            .map(|c| Value::list(c.to_vec()))
            .collect(),
    )
}

fn ints(v: Vec<i64>) -> R {
    let items = v.into_iter().map(Value::int).collect();
    Ok(Value::List(Rc::new(items), super::value::Elem::Int))
}

fn until_step(start: i64, stop: i64, step: i64) -> Vec<i64> {
    let mut out = Vec::new();
    if stop < start {
        if step >= 0 {
            return out;
        }
        let mut i = start;
        while i > stop && out.len() < 1 << 24 {
            out.push(i);
            i += step;
        }
        return out;
    }
    if step <= 0 {
        return out;
    }
    let mut i = start;
    while i < stop && out.len() < 1 << 24 {
        out.push(i);
        i += step;
    }
    out
}

fn int_arg(v: &Value) -> i64 {
    match v {
        Value::Int(i, _) => *i,
        _ => 0,
    }
}

fn seq(a: &[Value]) -> R {
    let p: Vec<i64> = a.iter().map(int_arg).collect();
    let values = match p.as_slice() {
        [end] => {
            let increment = if *end < 1 { -1 } else { 1 };
            until_step(1, end + increment, increment)
        }
        [start, end] => {
            let step = if end < start { -1 } else { 1 };
            until_step(*start, end + step, step)
        }
        [start, step, end] => {
            let mut increment = 1;
            if end < start {
                increment = -1;
                if *step > 0 {
                    return Ok(Value::str(""));
                }
            }
            until_step(*start, end + increment, *step)
        }
        _ => Vec::new(),
    };
    let parts: Vec<String> = values.iter().map(i64::to_string).collect();
    Ok(Value::string(parts.join(" ")))
}

fn sort_alpha(a: &[Value]) -> R {
    match &a[0] {
        Value::List(..) => {
            let mut out = strslice(&a[0]);
            out.sort();
            Ok(Value::strings(out))
        }
        other => Ok(Value::strings(vec![strval(other)])),
    }
}

pub static TABLE: &[(&str, Func)] = &[
    ("list", v(&[Any], |a| list(a.to_vec()))),
    ("tuple", v(&[Any], |a| list(a.to_vec()))),
    ("append", f(&[Any, Any], push)),
    ("push", f(&[Any, Any], push)),
    ("mustAppend", f(&[Any, Any], push)),
    ("mustPush", f(&[Any, Any], push)),
    ("prepend", f(&[Any, Any], prepend)),
    ("mustPrepend", f(&[Any, Any], prepend)),
    ("first", f(&[Any], first)),
    ("mustFirst", f(&[Any], first)),
    ("rest", f(&[Any], rest)),
    ("mustRest", f(&[Any], rest)),
    ("last", f(&[Any], last)),
    ("mustLast", f(&[Any], last)),
    ("initial", f(&[Any], initial)),
    ("mustInitial", f(&[Any], initial)),
    ("reverse", f(&[Any], reverse)),
    ("mustReverse", f(&[Any], reverse)),
    ("compact", f(&[Any], compact)),
    ("mustCompact", f(&[Any], compact)),
    ("uniq", f(&[Any], uniq)),
    ("mustUniq", f(&[Any], uniq)),
    ("without", v(&[Any, Any], without)),
    ("mustWithout", v(&[Any, Any], without)),
    ("has", f(&[Any, Any], has)),
    ("mustHas", f(&[Any, Any], has)),
    ("slice", v(&[Any, Any], slice)),
    ("mustSlice", v(&[Any, Any], slice)),
    ("concat", v(&[Any], concat)),
    ("chunk", f(&[Int, Any], chunk)),
    ("mustChunk", f(&[Int, Any], chunk)),
    ("sortAlpha", f(&[Any], sort_alpha)),
    (
        "until",
        f(&[Int], |a| {
            let count = int_arg(&a[0]);
            ints(until_step(0, count, if count < 0 { -1 } else { 1 }))
        }),
    ),
    (
        "untilStep",
        f(&[Int, Int, Int], |a| {
            ints(until_step(int_arg(&a[0]), int_arg(&a[1]), int_arg(&a[2])))
        }),
    ),
    ("seq", v(&[Int], seq)),
];
