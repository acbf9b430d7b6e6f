//! The value type jaq evaluates over: jq's values, ordered and indexed the
//! way jq orders and indexes them, with paths, slices and updates that create
//! missing structure as jq's `|=` and `=` do.

#![forbid(unsafe_code)]

use super::num::{dec_cmp, fmt_f64, parse_literal, Lit, Literal};
use super::write::{describe, dump_trunc, to_json};
use core::cmp::Ordering;
use core::fmt;
use jaq_core::box_iter::{box_once, BoxIter};
use jaq_core::path::Opt;
use jaq_core::{Error, Exn, ValR, ValX};
use std::rc::Rc;

pub(super) type Str = Rc<str>;
/// A jq object: keys in insertion order (jq sorts them where it must).
pub(super) type ObjMap = indexmap::IndexMap<Str, V, foldhash::fast::RandomState>;

/// A jq value.
#[derive(Clone, Debug, Default)]
pub(crate) enum V {
    #[default]
    Null,
    Bool(bool),
    Num(f64, Lit),
    Str(Str),
    Arr(Rc<Vec<V>>),
    Obj(Rc<ObjMap>),
}

pub(super) type E = Error<V>;

pub(super) fn fail(msg: impl Into<String>) -> E {
    Error::str(msg.into())
}

impl V {
    pub(super) fn num(f: f64) -> Self {
        V::Num(f, Lit::No)
    }

    pub(super) fn str(s: impl Into<Str>) -> Self {
        V::Str(s.into())
    }

    pub(super) fn arr(items: Vec<V>) -> Self {
        V::Arr(Rc::new(items))
    }

    pub(super) fn kind(&self) -> &'static str {
        match self {
            V::Null => "null",
            V::Bool(_) => "boolean",
            V::Num(..) => "number",
            V::Str(_) => "string",
            V::Arr(_) => "array",
            V::Obj(_) => "object",
        }
    }

    fn rank(&self) -> u8 {
        match self {
            V::Null => 0,
            V::Bool(false) => 1,
            V::Bool(true) => 2,
            V::Num(..) => 3,
            V::Str(_) => 4,
            V::Arr(_) => 5,
            V::Obj(_) => 6,
        }
    }

    pub(super) fn as_f64(&self) -> Option<f64> {
        match self {
            V::Num(f, _) => Some(*f),
            _ => None,
        }
    }

    pub(super) fn as_str(&self) -> Option<&str> {
        match self {
            V::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The literal text of a number read from JSON or the filter, if any.
    pub(super) fn literal_text(&self) -> Option<String> {
        match self {
            V::Num(f, Lit::Same) => {
                let mut out = Vec::new();
                fmt_f64(*f, &mut out);
                String::from_utf8(out).ok()
            }
            V::Num(_, Lit::Text(t)) => Some(t.to_string()),
            _ => None,
        }
    }

    fn cmp_num(a: &V, b: &V) -> Ordering {
        let (V::Num(x, lx), V::Num(y, ly)) = (a, b) else {
            return Ordering::Equal;
        };
        match (x.is_nan(), y.is_nan()) {
            (true, _) => return Ordering::Less,
            (false, true) => return Ordering::Greater,
            _ => {}
        }
        match x.partial_cmp(y) {
            Some(Ordering::Equal) => {}
            Some(o) => return o,
            None => return Ordering::Equal,
        }
        if matches!(lx, Lit::No) || matches!(ly, Lit::No) {
            return Ordering::Equal;
        }
        if matches!((lx, ly), (Lit::Same, Lit::Same)) {
            return Ordering::Equal;
        }
        match (a.literal_text(), b.literal_text()) {
            (Some(ta), Some(tb)) => dec_cmp(&ta, &tb),
            _ => Ordering::Equal,
        }
    }
}

impl PartialEq for V {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for V {}

impl PartialOrd for V {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for V {
    /// jq's order: null < false < true < numbers < strings < arrays < objects;
    /// objects compare their sorted keys first, then the values in key order.
    fn cmp(&self, other: &Self) -> Ordering {
        match self.rank().cmp(&other.rank()) {
            Ordering::Equal => {}
            o => return o,
        }
        match (self, other) {
            (V::Num(..), V::Num(..)) => V::cmp_num(self, other),
            (V::Str(a), V::Str(b)) => a.as_bytes().cmp(b.as_bytes()),
            (V::Arr(a), V::Arr(b)) => a.iter().cmp(b.iter()),
            (V::Obj(a), V::Obj(b)) => {
                let mut ka: Vec<&Str> = a.keys().collect();
                let mut kb: Vec<&Str> = b.keys().collect();
                ka.sort_unstable();
                kb.sort_unstable();
                ka.cmp(&kb)
                    .then_with(|| ka.iter().map(|k| &a[*k]).cmp(kb.iter().map(|k| &b[*k])))
            }
            _ => Ordering::Equal,
        }
    }
}

impl fmt::Display for V {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&to_json(self))
    }
}

impl From<bool> for V {
    fn from(b: bool) -> Self {
        V::Bool(b)
    }
}

impl From<isize> for V {
    /// Integers from the filter's text are literals in jq: kept exactly.
    fn from(i: isize) -> Self {
        if i.unsigned_abs() <= 1 << 53 {
            V::Num(i as f64, Lit::Same)
        } else {
            V::Num(i as f64, Lit::Text(i.to_string().into()))
        }
    }
}

impl From<usize> for V {
    fn from(i: usize) -> Self {
        V::num(i as f64)
    }
}

impl From<f64> for V {
    fn from(f: f64) -> Self {
        V::num(f)
    }
}

impl From<String> for V {
    fn from(s: String) -> Self {
        V::Str(s.into())
    }
}

impl From<jaq_core::val::Range<V>> for V {
    fn from(r: jaq_core::val::Range<V>) -> Self {
        let mut m = ObjMap::default();
        if let Some(s) = r.start {
            m.insert("start".into(), s);
        }
        if let Some(e) = r.end {
            m.insert("end".into(), e);
        }
        V::Obj(Rc::new(m))
    }
}

impl FromIterator<V> for V {
    fn from_iter<T: IntoIterator<Item = V>>(iter: T) -> Self {
        V::arr(iter.into_iter().collect())
    }
}

pub(super) fn rc_take<T: Clone>(rc: Rc<T>) -> T {
    Rc::try_unwrap(rc).unwrap_or_else(|rc| (*rc).clone())
}

/// jq's `Cannot index T with K (k)`.
fn index_error(t: &V, k: &V) -> E {
    fail(format!(
        "Cannot index {} with {} ({})",
        t.kind(),
        k.kind(),
        dump_trunc(k)
    ))
}

fn iterate_error(v: &V) -> E {
    fail(format!("Cannot iterate over {}", describe(v)))
}

/// jq's array slice bounds: start rounded down, end rounded up, both clamped.
pub(super) fn slice_bounds(
    len: usize,
    start: Option<&V>,
    end: Option<&V>,
) -> Result<(usize, usize), E> {
    let bound = |b: Option<&V>, default: f64| -> Result<f64, E> {
        match b {
            None | Some(V::Null) => Ok(default),
            Some(V::Num(f, _)) => Ok(*f),
            Some(_) => Err(fail("Array/string slice indices must be integers")),
        }
    };
    let lenf = len as f64;
    let mut s = bound(start, 0.0)?;
    let mut e = bound(end, lenf)?;
    if s.is_nan() {
        s = 0.0;
    }
    if s < 0.0 {
        s += lenf;
    }
    let s = s.clamp(0.0, lenf).floor() as usize;
    if e.is_nan() {
        e = lenf;
    }
    if e < 0.0 {
        e += lenf;
    }
    let mut end = if e < 0.0 {
        s
    } else {
        e.min(lenf).floor() as usize
    };
    if end < len && (end as f64) < e {
        end += 1;
    }
    Ok((s, end.max(s)))
}

fn char_slice(s: &str, start: usize, end: usize) -> String {
    s.chars().skip(start).take(end - start).collect()
}

/// Array index as jq computes it: truncated toward zero, negative from the end.
pub(super) fn array_index(len: usize, f: f64) -> Option<isize> {
    if f.is_nan() {
        return None;
    }
    let i = f.clamp(i32::MIN as f64, i32::MAX as f64) as isize;
    Some(if i < 0 { i + len as isize } else { i })
}

impl V {
    pub(super) fn get(&self, k: &V) -> ValR<V> {
        match (self, k) {
            (V::Obj(o), V::Str(s)) => Ok(o.get(s).cloned().unwrap_or_default()),
            (V::Arr(a), V::Num(f, _)) => Ok(array_index(a.len(), *f)
                .and_then(|i| usize::try_from(i).ok())
                .and_then(|i| a.get(i).cloned())
                .unwrap_or_default()),
            (V::Arr(a), V::Obj(r)) => {
                let (s, e) = slice_bounds(a.len(), r.get("start"), r.get("end"))?;
                Ok(V::arr(a[s..e].to_vec()))
            }
            (V::Str(st), V::Obj(r)) => {
                let n = st.chars().count();
                let (s, e) = slice_bounds(n, r.get("start"), r.get("end"))?;
                Ok(V::from(char_slice(st, s, e)))
            }
            (V::Null, V::Str(_) | V::Num(..) | V::Obj(_)) => Ok(V::Null),
            (V::Arr(a), V::Arr(b)) => Ok(subarray_indices(a, b)),
            (t, k) => Err(index_error(t, k)),
        }
    }
}

pub(super) fn subarray_indices(a: &[V], b: &[V]) -> V {
    if b.is_empty() {
        return V::Null;
    }
    let found = a
        .windows(b.len())
        .enumerate()
        .filter(|(_, w)| *w == b)
        .map(|(i, _)| V::from(i));
    V::from_iter(found)
}

/// Replace `a[s..e]` by the first output of `f` (which must be an array),
/// or delete it when `f` yields nothing.
fn splice_with<'a, I: Iterator<Item = ValX<'a, V>>>(
    mut a: Vec<V>,
    s: usize,
    e: usize,
    f: impl Fn(V) -> I,
) -> ValX<'a, V> {
    let slice = V::arr(a[s..e].to_vec());
    match f(slice).next() {
        None => {
            a.drain(s..e);
        }
        Some(y) => match y? {
            V::Arr(b) => {
                a.splice(s..e, rc_take(b));
            }
            _ => {
                return Err(Exn::from(fail(
                    "A slice of an array can only be assigned another array",
                )))
            }
        },
    }
    Ok(V::arr(a))
}

impl jaq_core::ValT for V {
    fn from_num(n: &str) -> ValR<Self> {
        parse_literal(n)
            .map(num_from_literal)
            .ok_or_else(|| fail(format!("Invalid numeric literal {n}")))
    }

    fn from_map<I: IntoIterator<Item = (Self, Self)>>(iter: I) -> ValR<Self> {
        let mut m = ObjMap::default();
        for (k, v) in iter {
            match k {
                V::Str(s) => {
                    m.insert(s, v);
                }
                k => return Err(fail(format!("Cannot use {} as object key", describe(&k)))),
            }
        }
        Ok(V::Obj(Rc::new(m)))
    }

    fn key_values(self) -> BoxIter<'static, ValR<(Self, Self), Self>> {
        match self {
            V::Arr(a) => Box::new(
                rc_take(a)
                    .into_iter()
                    .enumerate()
                    .map(|(i, x)| Ok((V::from(i), x))),
            ),
            V::Obj(o) => Box::new(rc_take(o).into_iter().map(|(k, x)| Ok((V::Str(k), x)))),
            v => box_once(Err(iterate_error(&v))),
        }
    }

    fn values(self) -> Box<dyn Iterator<Item = ValR<Self>>> {
        match self {
            V::Arr(a) => Box::new(rc_take(a).into_iter().map(Ok)),
            V::Obj(o) => Box::new(rc_take(o).into_iter().map(|(_, x)| Ok(x))),
            v => box_once(Err(iterate_error(&v))),
        }
    }

    fn index(self, index: &Self) -> ValR<Self> {
        self.get(index)
    }

    fn range(self, range: jaq_core::val::Range<&Self>) -> ValR<Self> {
        match &self {
            V::Null => Ok(V::Null),
            V::Arr(a) => {
                let (s, e) = slice_bounds(a.len(), range.start, range.end)?;
                Ok(V::arr(a[s..e].to_vec()))
            }
            V::Str(st) => {
                let (s, e) = slice_bounds(st.chars().count(), range.start, range.end)?;
                Ok(V::from(char_slice(st, s, e)))
            }
            t => Err(fail(format!("Cannot index {} with object", t.kind()))),
        }
    }

    fn map_values<'a, I: Iterator<Item = ValX<'a, Self>>>(
        self,
        opt: Opt,
        f: impl Fn(Self) -> I,
    ) -> ValX<'a, Self> {
        match self {
            V::Arr(a) => {
                let mut out = Vec::new();
                for x in rc_take(a) {
                    if let Some(y) = f(x).next() {
                        out.push(y?);
                    }
                }
                Ok(V::arr(out))
            }
            V::Obj(o) => {
                let mut out = ObjMap::default();
                for (k, x) in rc_take(o) {
                    if let Some(y) = f(x).next() {
                        out.insert(k, y?);
                    }
                }
                Ok(V::Obj(Rc::new(out)))
            }
            v => opt.fail(v, |v| Exn::from(iterate_error(&v))),
        }
    }

    fn map_index<'a, I: Iterator<Item = ValX<'a, Self>>>(
        self,
        index: &Self,
        opt: Opt,
        f: impl Fn(Self) -> I,
    ) -> ValX<'a, Self> {
        match (self, index) {
            (V::Obj(o), V::Str(k)) => {
                let mut o = rc_take(o);
                let cur = o.get(k).cloned().unwrap_or_default();
                match f(cur).next() {
                    Some(y) => {
                        let y = y?;
                        match o.get_mut(k) {
                            Some(slot) => *slot = y,
                            None => {
                                o.insert(k.clone(), y);
                            }
                        }
                    }
                    None => {
                        o.shift_remove(k);
                    }
                }
                Ok(V::Obj(Rc::new(o)))
            }
            (V::Null, V::Str(k)) => match f(V::Null).next() {
                Some(y) => {
                    let mut o = ObjMap::default();
                    o.insert(k.clone(), y?);
                    Ok(V::Obj(Rc::new(o)))
                }
                None => Ok(V::Null),
            },
            (t @ (V::Arr(_) | V::Null), V::Num(fl, _)) => {
                let was_null = matches!(t, V::Null);
                let mut a = match t {
                    V::Arr(a) => rc_take(a),
                    _ => Vec::new(),
                };
                let Some(i) = array_index(a.len(), *fl) else {
                    return Err(Exn::from(fail("Cannot set array element at NaN index")));
                };
                if i < 0 {
                    return Err(Exn::from(fail("Out of bounds negative array index")));
                }
                let i = i as usize;
                let cur = a.get(i).cloned().unwrap_or_default();
                match f(cur).next() {
                    Some(y) => {
                        let y = y?;
                        if i >= a.len() {
                            if i > (i32::MAX >> 2) as usize {
                                return Err(Exn::from(fail("Array index too large")));
                            }
                            a.resize(i + 1, V::Null);
                        }
                        a[i] = y;
                    }
                    None => {
                        if was_null {
                            return Ok(V::Null);
                        }
                        if i < a.len() {
                            a.remove(i);
                        }
                    }
                }
                Ok(V::arr(a))
            }
            (t @ (V::Arr(_) | V::Null), V::Obj(r)) => {
                let range = r.get("start")..r.get("end");
                t.map_range(range, opt, f)
            }
            (V::Str(_), V::Obj(_)) => Err(Exn::from(fail("Cannot update string slices"))),
            (t, k) => {
                let k = k.clone();
                opt.fail(t, |t| Exn::from(index_error(&t, &k)))
            }
        }
    }

    fn map_range<'a, I: Iterator<Item = ValX<'a, Self>>>(
        self,
        range: jaq_core::val::Range<&Self>,
        opt: Opt,
        f: impl Fn(Self) -> I,
    ) -> ValX<'a, Self> {
        match self {
            t @ (V::Arr(_) | V::Null) => {
                let a = match t {
                    V::Arr(a) => rc_take(a),
                    _ => Vec::new(),
                };
                let (s, e) = slice_bounds(a.len(), range.start, range.end)?;
                splice_with(a, s, e, f)
            }
            V::Str(_) => Err(Exn::from(fail("Cannot update string slices"))),
            t => opt.fail(t, |t| {
                Exn::from(fail(format!(
                    "Cannot update field at object index of {}",
                    t.kind()
                )))
            }),
        }
    }

    fn as_bool(&self) -> bool {
        !matches!(self, V::Null | V::Bool(false))
    }

    fn into_string(self) -> Self {
        match self {
            V::Str(_) => self,
            v => V::from(to_json(&v)),
        }
    }
}

impl jaq_std::ValT for V {
    fn into_seq<S: FromIterator<Self>>(self) -> Result<S, Self> {
        match self {
            V::Arr(a) => Ok(rc_take(a).into_iter().collect()),
            v => Err(v),
        }
    }

    fn is_int(&self) -> bool {
        matches!(self, V::Num(f, _) if f.is_finite() && f.fract() == 0.0)
    }

    fn as_isize(&self) -> Option<isize> {
        match self {
            V::Num(f, _) if f.is_finite() && f.fract() == 0.0 && f.abs() < 9.2e18 => {
                Some(*f as isize)
            }
            _ => None,
        }
    }

    fn as_f64(&self) -> Option<f64> {
        V::as_f64(self)
    }

    fn is_utf8_str(&self) -> bool {
        matches!(self, V::Str(_))
    }

    fn as_bytes(&self) -> Option<&[u8]> {
        self.as_str().map(str::as_bytes)
    }

    fn as_sub_str(&self, sub: &[u8]) -> Self {
        V::from(String::from_utf8_lossy(sub).into_owned())
    }

    fn from_utf8_bytes(b: impl AsRef<[u8]> + Send + 'static) -> Self {
        V::from(String::from_utf8_lossy(b.as_ref()).into_owned())
    }
}

pub(super) fn num_from_literal(lit: Literal) -> V {
    match lit {
        Literal::Float(f) => V::Num(f, Lit::No),
        Literal::Finite(text, f) => {
            let simple = text.len() <= 15
                && !text.starts_with("-0")
                && text.bytes().all(|c| c.is_ascii_digit() || c == b'-')
                && !(text.starts_with('0') && text.len() > 1);
            if simple {
                return V::Num(f, Lit::Same);
            }
            let mut printed = Vec::new();
            fmt_f64(f, &mut printed);
            if printed == text.as_bytes() {
                V::Num(f, Lit::Same)
            } else {
                V::Num(f, Lit::Text(text.into()))
            }
        }
    }
}

/// Drop a value without recursing, so that deep nesting cannot overflow the stack.
pub(super) fn drop_deep(v: V) {
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            V::Arr(a) => {
                if let Ok(a) = Rc::try_unwrap(a) {
                    stack.extend(a);
                }
            }
            V::Obj(o) => {
                if let Ok(o) = Rc::try_unwrap(o) {
                    stack.extend(o.into_values());
                }
            }
            _ => {}
        }
    }
}
