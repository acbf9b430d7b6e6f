//! sprig's dictionary functions: `dict`, `get`, `set`, `unset`, `hasKey`,
//! `pluck`, `keys`, `values`, `pick`, `omit`, `merge`, `dig`, `deepCopy`.
//! Maps are shared references, as in Go: `set`, `unset`, `merge` and
//! `mergeOverwrite` change the map they are given, for every holder.

#![forbid(unsafe_code)]

use super::funcs::{f, strval, v, Func, Param::*};
use super::value::{Map, Value};

type R = Result<Value, String>;

/// A copy of a map argument's entries (an empty map for nil).
fn map(v: &Value) -> Map {
    match v {
        Value::Map(m, _) => m.borrow().clone(),
        _ => Map::new(),
    }
}

const BUSY: &str = "concurrent map writes";

/// Changes a map argument in place and returns it. Writing to a nil map
/// fails as in Go, unless `nil_ok` (mergo makes one).
fn change(v: &Value, nil_ok: bool, edit: impl FnOnce(&mut Map)) -> R {
    match v {
        Value::Map(m, _) => {
            edit(&mut *m.try_borrow_mut().map_err(|_| BUSY)?);
            Ok(v.clone())
        }
        _ if !nil_ok => Err("assignment to entry in nil map".into()),
        _ => {
            let mut fresh = Map::new();
            edit(&mut fresh);
            Ok(Value::map(fresh))
        }
    }
}

/// A copy that shares nothing with the original (sprig's `deepCopy`).
pub fn deep_copy(v: &Value) -> Value {
    match v {
        Value::Map(m, elem) => Value::Map(
            std::rc::Rc::new(std::cell::RefCell::new(
                m.borrow()
                    .iter()
                    .map(|(k, x)| (k.clone(), deep_copy(x)))
                    .collect(),
            )),
            *elem,
        ),
        Value::List(items, elem) => Value::List(
            std::rc::Rc::new(items.iter().map(deep_copy).collect()),
            *elem,
        ),
        other => other.clone(),
    }
}

fn key(v: &Value) -> &str {
    v.as_str().unwrap_or_default()
}

fn dict(a: &[Value]) -> R {
    let mut out = Map::new();
    for pair in a.chunks(2) {
        let value = pair.get(1).cloned().unwrap_or_else(|| Value::str(""));
        out.insert(strval(&pair[0]), value);
    }
    Ok(Value::map(out))
}

fn merge(a: &[Value], overwrite: bool) -> R {
    let sources: Vec<Map> = a[1..].iter().map(map).collect();
    change(&a[0], true, |dst| {
        for src in &sources {
            merge_into(dst, src, overwrite);
        }
    })
}

/// mergo's Merge: keys missing (or empty, unless overwriting) in `dst`
/// take `src`'s value; maps on both sides merge deeply.
fn merge_into(dst: &mut Map, src: &Map, overwrite: bool) {
    for (k, value) in src {
        match (dst.get_mut(k), value) {
            (Some(Value::Map(d, _)), Value::Map(s, _)) => {
                let source = s.borrow().clone();
                if let Ok(mut inner) = d.try_borrow_mut() {
                    merge_into(&mut inner, &source, overwrite);
                }
            }
            (Some(existing), _) => {
                if overwrite && value.truth() || !existing.truth() && !overwrite {
                    *existing = value.clone();
                }
            }
            (None, _) => {
                dst.insert(k.clone(), value.clone());
            }
        }
    }
}

/// Go's failed type assertion to a map, as sprig's `dig` panics with it.
fn not_a_map(v: &Value) -> String {
    let shown = match v {
        Value::Nil => "nil".to_string(),
        other => other.type_name(),
    };
    format!("interface conversion: interface {{}} is {shown}, not map[string]interface {{}}")
}

fn dig(a: &[Value]) -> R {
    if a.len() < 3 {
        return Err("dig needs at least three arguments".into());
    }
    let default = &a[a.len() - 2];
    let mut current = match &a[a.len() - 1] {
        Value::Map(m, super::value::Elem::Any) => m.borrow().clone(),
        other => return Err(not_a_map(other)),
    };
    let keys = &a[..a.len() - 2];
    for (n, k) in keys.iter().enumerate() {
        let Value::Str(k) = k else {
            return Err(format!(
                "interface conversion: interface {{}} is {}, not string",
                k.type_name()
            ));
        };
        let Some(step) = current.get(&**k) else {
            return Ok(default.clone());
        };
        if n == keys.len() - 1 {
            return Ok(step.clone());
        }
        current = match step {
            Value::Map(m, super::value::Elem::Any) => m.borrow().clone(),
            other => return Err(not_a_map(other)),
        };
    }
    Ok(default.clone())
}

pub static TABLE: &[(&str, Func)] = &[
    ("dict", v(&[Any], dict)),
    (
        "get",
        f(&[MapAny, Str], |a| {
            Ok(map(&a[0])
                .get(key(&a[1]))
                .cloned()
                .unwrap_or_else(|| Value::str("")))
        }),
    ),
    (
        "set",
        f(&[MapAny, Str, Any], |a| {
            change(&a[0], false, |m| {
                m.insert(key(&a[1]).to_string(), a[2].clone());
            })
        }),
    ),
    (
        "unset",
        f(&[MapAny, Str], |a| {
            change(&a[0], false, |m| {
                m.remove(key(&a[1]));
            })
        }),
    ),
    (
        "hasKey",
        f(&[MapAny, Str], |a| {
            Ok(Value::Bool(map(&a[0]).contains_key(key(&a[1]))))
        }),
    ),
    (
        "pluck",
        v(&[Str, MapAny], |a| {
            let k = key(&a[0]);
            Ok(Value::list(
                a[1..]
                    .iter()
                    .filter_map(|d| map(d).get(k).cloned())
                    .collect(),
            ))
        }),
    ),
    (
        "keys",
        v(&[MapAny], |a| {
            let mut all: Vec<String> = a.iter().flat_map(|d| map(d).into_keys()).collect();
            all.sort();
            Ok(Value::strings(all))
        }),
    ),
    (
        "values",
        f(&[MapAny], |a| {
            Ok(Value::list(map(&a[0]).into_values().collect()))
        }),
    ),
    (
        "pick",
        v(&[MapAny, Str], |a| {
            let m = map(&a[0]);
            let picked = a[1..]
                .iter()
                .filter_map(|k| m.get(key(k)).map(|v| (key(k).to_string(), v.clone())))
                .collect();
            Ok(Value::map(picked))
        }),
    ),
    (
        "omit",
        v(&[MapAny, Str], |a| {
            let mut m = map(&a[0]);
            for k in &a[1..] {
                m.remove(key(k));
            }
            Ok(Value::map(m))
        }),
    ),
    ("merge", v(&[MapAny, MapAny], |a| merge(a, false))),
    ("mustMerge", v(&[MapAny, MapAny], |a| merge(a, false))),
    ("mergeOverwrite", v(&[MapAny, MapAny], |a| merge(a, true))),
    (
        "mustMergeOverwrite",
        v(&[MapAny, MapAny], |a| merge(a, true)),
    ),
    ("dig", v(&[Any], dig)),
    ("deepCopy", f(&[Any], |a| Ok(deep_copy(&a[0])))),
    ("mustDeepCopy", f(&[Any], |a| Ok(deep_copy(&a[0])))),
];
