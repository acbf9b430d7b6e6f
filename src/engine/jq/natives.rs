//! The builtins written in Rust, and the data jaq runs them with: jq's
//! definitions of `length`, `tostring`, `@csv`, `getpath` and the rest, where
//! jaq's own differ from jq's, plus the few of jaq's natives kept as they are.

#![forbid(unsafe_code)]

use super::num::{parse_literal, Lit};
use super::read::{is_ws, parse_json_text};
use super::value::{
    array_index, fail, num_from_literal, rc_take, slice_bounds, subarray_indices, Str, V,
};
use super::write::{describe, to_json, to_text, write_compact};
use core::cell::{Cell, RefCell};
use jaq_core::box_iter::box_once;
use jaq_core::native::Fun;
use jaq_core::{DataT, Exn, RunPtr, ValXs};
use jaq_std::input::{HasInputs, Inputs};
use std::collections::HashSet;
use std::rc::Rc;

/// The data jaq runs a filter with: our values, and an [`Env`] per run.
pub(super) struct D;

/// What the natives see of a run: the compiled definitions, the input
/// stream (`input`, `inputs`), stderr (`debug`, `stderr`), and the input's
/// name and line (`input_filename`, `input_line_number`, error messages).
pub(super) struct Env<'a> {
    pub(super) lut: &'a jaq_core::Lut<D>,
    pub(super) inputs: Inputs<'a, V>,
    pub(super) stderr: &'a RefCell<Vec<u8>>,
    pub(super) filename: &'a str,
    pub(super) line: &'a Cell<usize>,
}

impl DataT for D {
    type V<'a> = V;
    type Data<'a> = &'a Env<'a>;
}

impl<'a> jaq_core::data::HasLut<'a, D> for &'a Env<'a> {
    fn lut(&self) -> &'a jaq_core::Lut<D> {
        self.lut
    }
}

impl<'a> HasInputs<'a, V> for &'a Env<'a> {
    fn inputs(&self) -> Inputs<'a, V> {
        self.inputs
    }
}

fn err_str<'a>(msg: impl Into<String>) -> ValXs<'a, V> {
    box_once(Err(Exn::from(fail(msg))))
}

pub(super) fn ok<'a>(v: V) -> ValXs<'a, V> {
    box_once(Ok(v))
}

fn done<'a>(r: Result<V, String>) -> ValXs<'a, V> {
    box_once(r.map_err(|e| Exn::from(fail(e))))
}

fn length(v: V) -> Result<V, String> {
    Ok(match v {
        V::Null => V::num(0.0),
        V::Bool(_) => return Err(format!("{} has no length", describe(&v))),
        V::Num(f, Lit::No) => V::num(f.abs()),
        n @ V::Num(..) if n.as_f64().is_some_and(|f| f.is_sign_negative()) => {
            (-n).map_err(|e| e.to_string())?
        }
        n @ V::Num(..) => n,
        V::Str(s) => V::from(s.chars().count()),
        V::Arr(a) => V::from(a.len()),
        V::Obj(o) => V::from(o.len()),
    })
}

fn csv_tsv(v: &V, csv: bool) -> Result<String, String> {
    let name = if csv { "csv" } else { "tsv" };
    let V::Arr(a) = v else {
        return Err(format!(
            "{} cannot be {name}-formatted, only array",
            describe(v)
        ));
    };
    let mut out = String::new();
    for (i, x) in a.iter().enumerate() {
        if i > 0 {
            out.push(if csv { ',' } else { '\t' });
        }
        match x {
            V::Null => {}
            V::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            V::Num(..) => out.push_str(&to_json(x)),
            V::Str(s) if csv => {
                out.push('"');
                out.push_str(&s.replace('"', "\"\""));
                out.push('"');
            }
            V::Str(s) => {
                for c in s.chars() {
                    match c {
                        '\\' => out.push_str("\\\\"),
                        '\t' => out.push_str("\\t"),
                        '\n' => out.push_str("\\n"),
                        '\r' => out.push_str("\\r"),
                        c => out.push(c),
                    }
                }
            }
            _ => return Err(format!("{} is not valid in a {name} row", describe(x))),
        }
    }
    Ok(out)
}

fn sh_quote(v: &V) -> Result<String, String> {
    let one = |x: &V| -> Result<String, String> {
        match x {
            V::Str(s) => Ok(format!("'{}'", s.replace('\'', "'\\''"))),
            V::Arr(_) | V::Obj(_) => Err(format!("{} can not be escaped for shell", describe(x))),
            x => Ok(to_json(x)),
        }
    };
    match v {
        V::Arr(a) => Ok(a.iter().map(one).collect::<Result<Vec<_>, _>>()?.join(" ")),
        v => one(v),
    }
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn base64_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(B64[((n >> shift) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Decode base64 like jq: padding optional, decoding stops at the first `=`.
pub(super) fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let (mut acc, mut bits, mut count) = (0u32, 0u32, 0usize);
    for c in s.bytes() {
        if c == b'=' {
            break;
        }
        let d = B64.iter().position(|a| *a == c)? as u32;
        count += 1;
        acc = (acc << 6) | d;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if count % 4 == 1 {
        return None;
    }
    Some(out)
}

fn uri_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn uri_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let h = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(h, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn html_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\'' => out.push_str("&apos;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// Delete paths like jq's `delpaths`: sorted, last first, so that earlier
/// deletions do not shift later ones; object key order is kept.
fn delpaths(mut v: V, paths: &V) -> Result<V, String> {
    let V::Arr(paths) = paths else {
        return Err("Paths must be specified as an array".into());
    };
    let mut paths: Vec<V> = paths.iter().cloned().collect();
    paths.sort();
    for p in paths.iter().rev() {
        let V::Arr(p) = p else {
            return Err("Path must be specified as an array".into());
        };
        v = delpath(v, p)?;
    }
    Ok(v)
}

fn delpath(v: V, path: &[V]) -> Result<V, String> {
    let Some((k, rest)) = path.split_first() else {
        return Ok(V::Null);
    };
    match (v, k) {
        (V::Null, _) => Ok(V::Null),
        (V::Obj(o), V::Str(key)) => {
            let mut m = rc_take(o);
            if rest.is_empty() {
                m.shift_remove(key);
            } else if let Some(x) = m.get_mut(key) {
                let child = std::mem::take(x);
                *x = delpath(child, rest)?;
            }
            Ok(V::Obj(Rc::new(m)))
        }
        (V::Arr(a), V::Num(f, _)) => {
            let mut m = rc_take(a);
            let Some(i) = array_index(m.len(), *f) else {
                return Ok(V::arr(m));
            };
            if i < 0 {
                return Err("Out of bounds negative array index".into());
            }
            let i = i as usize;
            if i < m.len() {
                if rest.is_empty() {
                    m.remove(i);
                } else {
                    let child = std::mem::take(&mut m[i]);
                    m[i] = delpath(child, rest)?;
                }
            }
            Ok(V::arr(m))
        }
        (V::Arr(a), V::Obj(r)) => {
            let mut m = rc_take(a);
            let (s, e) =
                slice_bounds(m.len(), r.get("start"), r.get("end")).map_err(|e| e.to_string())?;
            if rest.is_empty() {
                m.drain(s..e);
                Ok(V::arr(m))
            } else {
                let sliced = delpath(V::arr(m[s..e].to_vec()), rest)?;
                let V::Arr(sliced) = sliced else {
                    return Ok(V::arr(m));
                };
                m.splice(s..e, rc_take(sliced));
                Ok(V::arr(m))
            }
        }
        (v @ (V::Arr(_) | V::Obj(_)), k) => Err(format!(
            "Cannot delete field at {} index of {}",
            k.kind(),
            v.kind()
        )),
        (v, _) => Err(format!("Cannot delete fields from {}", v.kind())),
    }
}

fn keys_of(v: &V, sorted: bool) -> Result<V, String> {
    match v {
        V::Obj(o) => {
            let mut ks: Vec<Str> = o.keys().cloned().collect();
            if sorted {
                ks.sort_unstable();
            }
            Ok(ks.into_iter().map(V::Str).collect())
        }
        V::Arr(a) => Ok((0..a.len()).map(V::from).collect()),
        v => Err(format!("{} has no keys", describe(v))),
    }
}

fn tonumber(v: V) -> Result<V, String> {
    match &v {
        V::Num(..) => Ok(v),
        V::Str(s) => Some(s)
            .filter(|s| !s.is_empty() && !s.bytes().any(|c| is_ws(c) || c == 0))
            .and_then(|s| parse_literal(s))
            .map(num_from_literal)
            .ok_or_else(|| format!("{} cannot be parsed as a number", describe(&v))),
        v => Err(format!("{} cannot be parsed as a number", describe(v))),
    }
}

/// jq's `contains`: substrings, sub-arrays (any order), sub-objects.
pub(super) fn contains(a: &V, b: &V) -> Result<bool, String> {
    match (a, b) {
        (V::Obj(x), V::Obj(y)) => {
            for (k, yv) in y.iter() {
                match x.get(k) {
                    Some(xv) => {
                        if !contains(xv, yv)? {
                            return Ok(false);
                        }
                    }
                    None => return Ok(false),
                }
            }
            Ok(true)
        }
        (V::Arr(x), V::Arr(y)) => {
            for yv in y.iter() {
                let mut found = false;
                for xv in x.iter() {
                    if contains(xv, yv)? {
                        found = true;
                        break;
                    }
                }
                if !found {
                    return Ok(false);
                }
            }
            Ok(true)
        }
        (V::Str(x), V::Str(y)) => Ok(x.contains(&**y)),
        (x, y) if x.kind() == y.kind() => Ok(x == y),
        (x, y) => Err(format!(
            "{} and {} cannot have their containment checked",
            describe(x),
            describe(y)
        )),
    }
}

fn has(v: &V, k: &V) -> Result<bool, String> {
    match (v, k) {
        (V::Obj(o), V::Str(s)) => Ok(o.contains_key(s)),
        (V::Arr(a), V::Num(f, _)) => Ok(*f >= 0.0 && *f < a.len() as f64),
        (V::Null, V::Str(_) | V::Num(..)) => Ok(false),
        _ => Err(format!(
            "Cannot check whether {} has a {} key",
            v.kind(),
            k.kind()
        )),
    }
}

fn indices(v: &V, x: &V) -> Result<V, String> {
    match (v, x) {
        (V::Null, _) | (_, V::Null) => Ok(V::Null),
        (V::Arr(a), V::Arr(b)) => Ok(subarray_indices(a, b)),
        (V::Arr(a), x) => Ok(subarray_indices(a, std::slice::from_ref(x))),
        (V::Str(s), V::Str(t)) => {
            if t.is_empty() {
                return Ok(V::Null);
            }
            let mut out = Vec::new();
            for (ci, (bi, _)) in s.char_indices().enumerate() {
                if s[bi..].starts_with(&**t) {
                    out.push(V::from(ci));
                }
            }
            Ok(V::arr(out))
        }
        (v, x) => v.get(x).map_err(|e| e.to_string()),
    }
}

fn getpath(v: V, path: &V) -> Result<V, String> {
    let V::Arr(p) = path else {
        return Err("Path must be specified as an array".into());
    };
    let mut cur = v;
    for k in p.iter() {
        if matches!(cur, V::Null) {
            return Ok(V::Null);
        }
        cur = cur.get(k).map_err(|e| e.to_string())?;
    }
    Ok(cur)
}

/// This module's natives: name, number of variable arguments, implementation.
pub(super) const NATIVES: &[(&str, usize, RunPtr<D>)] = &[
    ("tostring", 0, |cv| ok(V::from(to_text(&cv.1)))),
    ("@text", 0, |cv| ok(V::from(to_text(&cv.1)))),
    ("tojson", 0, |cv| ok(V::from(to_json(&cv.1)))),
    ("@json", 0, |cv| ok(V::from(to_json(&cv.1)))),
    ("fromjson", 0, |cv| match cv.1.as_str() {
        Some(s) => {
            done(parse_json_text(s.as_bytes()).map_err(|e| format!("{e} (while parsing '{s}')")))
        }
        None => err_str(format!("{} only strings can be parsed", describe(&cv.1))),
    }),
    ("tonumber", 0, |cv| done(tonumber(cv.1))),
    ("toboolean", 0, |cv| match &cv.1 {
        V::Bool(_) => ok(cv.1.clone()),
        V::Str(s) if &**s == "true" => ok(V::Bool(true)),
        V::Str(s) if &**s == "false" => ok(V::Bool(false)),
        v => err_str(format!("{} cannot be parsed as a boolean", describe(v))),
    }),
    ("length", 0, |cv| done(length(cv.1))),
    ("utf8bytelength", 0, |cv| match cv.1.as_str() {
        Some(s) => ok(V::from(s.len())),
        None => err_str(format!(
            "{} only strings have UTF-8 byte length",
            describe(&cv.1)
        )),
    }),
    ("type", 0, |cv| ok(V::str(cv.1.kind()))),
    ("keys", 0, |cv| done(keys_of(&cv.1, true))),
    ("keys_unsorted", 0, |cv| done(keys_of(&cv.1, false))),
    ("delpaths", 1, |mut cv| {
        let paths = cv.0.pop_var();
        done(delpaths(cv.1, &paths))
    }),
    ("_getpath", 1, |mut cv| {
        let path = cv.0.pop_var();
        done(getpath(cv.1, &path))
    }),
    ("contains", 1, |mut cv| {
        let x = cv.0.pop_var();
        done(contains(&cv.1, &x).map(V::Bool))
    }),
    ("has", 1, |mut cv| {
        let k = cv.0.pop_var();
        done(has(&cv.1, &k).map(V::Bool))
    }),
    ("indices", 1, |mut cv| {
        let x = cv.0.pop_var();
        done(indices(&cv.1, &x))
    }),
    ("bsearch", 1, |mut cv| {
        let x = cv.0.pop_var();
        match &cv.1 {
            V::Arr(a) => ok(V::num(match a.binary_search(&x) {
                Ok(i) => i as f64,
                Err(i) => -1.0 - i as f64,
            })),
            v => err_str(format!("{} cannot be searched from", describe(v))),
        }
    }),
    ("startswith", 1, |mut cv| {
        let x = cv.0.pop_var();
        match (cv.1.as_str(), x.as_str()) {
            (Some(a), Some(b)) => ok(V::Bool(a.starts_with(b))),
            _ => err_str("startswith() requires string inputs"),
        }
    }),
    ("endswith", 1, |mut cv| {
        let x = cv.0.pop_var();
        match (cv.1.as_str(), x.as_str()) {
            (Some(a), Some(b)) => ok(V::Bool(a.ends_with(b))),
            _ => err_str("endswith() requires string inputs"),
        }
    }),
    ("ltrimstr", 1, |mut cv| {
        let x = cv.0.pop_var();
        match (cv.1.as_str(), x.as_str()) {
            (Some(a), Some(b)) => ok(match a.strip_prefix(b) {
                Some(rest) => V::str(rest),
                None => cv.1.clone(),
            }),
            _ => err_str("startswith() requires string inputs"),
        }
    }),
    ("rtrimstr", 1, |mut cv| {
        let x = cv.0.pop_var();
        match (cv.1.as_str(), x.as_str()) {
            (Some(a), Some(b)) => ok(match a.strip_suffix(b) {
                Some(rest) => V::str(rest),
                None => cv.1.clone(),
            }),
            _ => err_str("endswith() requires string inputs"),
        }
    }),
    ("ascii_downcase", 0, |cv| match cv.1.as_str() {
        Some(s) => ok(V::from(s.to_ascii_lowercase())),
        None => err_str("explode input must be a string"),
    }),
    ("ascii_upcase", 0, |cv| match cv.1.as_str() {
        Some(s) => ok(V::from(s.to_ascii_uppercase())),
        None => err_str("explode input must be a string"),
    }),
    ("join", 1, |mut cv| {
        let sep = cv.0.pop_var();
        let items: Vec<V> = match &cv.1 {
            V::Arr(a) => a.iter().cloned().collect(),
            V::Obj(o) => o.values().cloned().collect(),
            v => return err_str(format!("Cannot iterate over {}", describe(v))),
        };
        let mut acc: Option<V> = None;
        for x in items {
            let piece = match &x {
                V::Null => V::str(""),
                V::Bool(_) | V::Num(..) => V::from(to_json(&x)),
                _ => x,
            };
            let base = match acc.take() {
                None => Ok(V::str("")),
                Some(a) => a + sep.clone(),
            };
            match base.and_then(|b| b + piece) {
                Ok(v) => acc = Some(v),
                Err(e) => return box_once(Err(Exn::from(e))),
            }
        }
        ok(acc.unwrap_or_else(|| V::str("")))
    }),
    ("@csv", 0, |cv| done(csv_tsv(&cv.1, true).map(V::from))),
    ("@tsv", 0, |cv| done(csv_tsv(&cv.1, false).map(V::from))),
    ("@sh", 0, |cv| done(sh_quote(&cv.1).map(V::from))),
    ("@html", 0, |cv| ok(V::from(html_escape(&to_text(&cv.1))))),
    ("@uri", 0, |cv| ok(V::from(uri_encode(&to_text(&cv.1))))),
    ("@urid", 0, |cv| {
        let s = to_text(&cv.1);
        match uri_decode(&s) {
            Some(d) => ok(V::from(d)),
            None => err_str(format!("{} is not a valid uri encoding", describe(&cv.1))),
        }
    }),
    ("@base64", 0, |cv| {
        ok(V::from(base64_encode(to_text(&cv.1).as_bytes())))
    }),
    ("@base64d", 0, |cv| {
        let s = to_text(&cv.1);
        match base64_decode(&s) {
            Some(b) => ok(V::from(String::from_utf8_lossy(&b).into_owned())),
            None => err_str(format!("{} is not valid base64 data", describe(&cv.1))),
        }
    }),
    ("input", 0, |cv| {
        let env: &Env = cv.0.data();
        let mut inputs = env.inputs;
        match inputs.next() {
            Some(Ok(v)) => ok(v),
            Some(Err(e)) => err_str(e),
            None => err_str("break"),
        }
    }),
    ("inputs", 0, |cv| {
        let env: &Env = cv.0.data();
        let inputs = env.inputs;
        Box::new(inputs.map(|r| r.map_err(|e| Exn::from(fail(e)))))
    }),
    ("input_filename", 0, |cv| {
        let env: &Env = cv.0.data();
        ok(V::str(env.filename))
    }),
    ("input_line_number", 0, |cv| {
        let env: &Env = cv.0.data();
        ok(V::from(env.line.get()))
    }),
    ("stderr", 0, |cv| {
        let env: &Env = cv.0.data();
        let mut out = Vec::new();
        write_compact(&cv.1, &mut out);
        env.stderr.borrow_mut().extend_from_slice(&out);
        ok(cv.1)
    }),
    ("debug", 0, |cv| {
        let env: &Env = cv.0.data();
        let mut out = b"[\"DEBUG:\",".to_vec();
        write_compact(&cv.1, &mut out);
        out.extend_from_slice(b"]\n");
        env.stderr.borrow_mut().extend_from_slice(&out);
        ok(cv.1)
    }),
    ("halt_error", 1, |mut cv| {
        let code = cv.0.pop_var();
        let env: &Env = cv.0.data();
        let Some(code) = code.as_f64() else {
            return err_str(format!(
                "halt_error/1: number required (not {})",
                code.kind()
            ));
        };
        let mut out = Vec::new();
        match &cv.1 {
            V::Str(s) => out.extend_from_slice(s.as_bytes()),
            V::Null => {}
            v => {
                write_compact(v, &mut out);
                out.push(b'\n');
            }
        }
        env.stderr.borrow_mut().extend_from_slice(&out);
        box_once(Err(Exn::halt(code as i32)))
    }),
    ("halt", 0, |_| box_once(Err(Exn::halt(0)))),
    ("_describe", 0, |cv| ok(V::from(describe(&cv.1)))),
    ("significand", 0, |cv| match cv.1.as_f64() {
        Some(f) if f == 0.0 || !f.is_finite() => ok(V::num(f)),
        Some(f) => ok(V::num(significand(f))),
        None => err_str(format!("{} number required", describe(&cv.1))),
    }),
    ("infinite", 0, |_| ok(V::num(f64::INFINITY))),
    ("nan", 0, |_| ok(V::num(f64::NAN))),
    ("_format_error", 1, |mut cv| {
        let name = cv.0.pop_var();
        err_str(format!("{} is not a valid format", to_text(&name)))
    }),
];

/// C's `significand`: F scaled by a power of two into [1, 2), its sign kept,
/// read from its bits (exact for subnormals too, and no libm, which the
/// builtins library would otherwise load into every script's bash).
fn significand(f: f64) -> f64 {
    const FRACTION: u64 = (1 << 52) - 1;
    let bits = f.to_bits();
    let mut fraction = bits & FRACTION;
    if (bits >> 52) & 0x7ff == 0 {
        // subnormal: the fraction's highest set bit becomes the implicit one
        let shift = fraction.leading_zeros() - 11;
        fraction = (fraction << shift) & FRACTION;
    }
    f64::from_bits((bits & (1 << 63)) | (1023 << 52) | fraction)
}

/// Natives from jaq's libraries that the prelude builds on, under the names
/// it expects; the ones whose behaviour differs from jq's are left out.
pub(super) fn jaq_natives(needed: &HashSet<&str>) -> Vec<Fun<D>> {
    const KEEP: &[(&str, &str)] = &[
        ("error_empty", "_error"),
        ("path", "path"),
        ("path_value", "path_value"),
        ("range", "_range"),
        ("first", "first"),
        ("last", "last"),
        ("limit", "_limit"),
        ("skip", "_skip"),
        ("floor", "floor"),
        ("round", "round"),
        ("ceil", "ceil"),
        ("explode", "explode"),
        ("implode", "_implode"),
        ("reverse", "_reverse"),
        ("sort", "_sort"),
        ("sort_by", "_sort_by"),
        ("group_by", "_group_by"),
        ("min_by_or_empty", "_min_by"),
        ("max_by_or_empty", "_max_by"),
        ("trim", "trim"),
        ("ltrim", "ltrim"),
        ("rtrim", "rtrim"),
        ("env", "_env"),
        ("now", "now"),
        ("matches", "_matches_"),
        ("split_matches", "_split_matches"),
        ("split_", "_split_re"),
        ("fromdateiso8601", "fromdateiso8601"),
        ("todateiso8601", "todateiso8601"),
        ("strftime", "strftime"),
        ("strflocaltime", "strflocaltime"),
        ("gmtime", "gmtime"),
        ("localtime", "localtime"),
        ("strptime", "strptime"),
        ("mktime", "mktime"),
        ("sqrt", "sqrt"),
        ("pow", "pow"),
        ("log", "log"),
        ("log2", "log2"),
        ("log10", "log10"),
        ("exp", "exp"),
        ("exp2", "exp2"),
        ("exp10", "exp10"),
        ("fabs", "fabs"),
        ("trunc", "trunc"),
        ("frexp", "frexp"),
        ("ldexp", "ldexp"),
        ("sin", "sin"),
        ("cos", "cos"),
        ("tan", "tan"),
        ("asin", "asin"),
        ("acos", "acos"),
        ("atan", "atan"),
        ("atan2", "atan2"),
        ("fmin", "fmin"),
        ("fmax", "fmax"),
        ("cbrt", "cbrt"),
    ];
    // building jaq's tables allocates, so skip them when nothing is needed
    if !KEEP.iter().any(|(_, to)| needed.contains(to)) {
        return Vec::new();
    }
    jaq_core::funs::<D>()
        .chain(jaq_std::funs::<D>())
        .filter_map(|(name, args, f)| {
            let (_, to) = KEEP.iter().find(|(from, _)| *from == name)?;
            needed.contains(to).then_some((*to, args, f))
        })
        .collect()
}
