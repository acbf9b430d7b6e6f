//! Running a jq filter the way `jq --raw-output -c -M [--arg/--argjson ...] FILTER`
//! (jq 1.8) does, in-process, on top of jaq.
//!
//! bashio's contract with add-on scripts is jq: its functions hand user filters
//! such as `'logins|length'` or `.[] | select(.x)` to jq and print what jq prints.
//! This module reproduces jq's observable behaviour for that call: the input
//! stream grammar and its parse errors, number literals preserved as written
//! (`1.0` stays `1.0`, `1.5e3` prints as `1.5E+3`), computed numbers printed
//! the way jq prints doubles, raw string output, error messages and the exit
//! status rules (the last input decides; compile errors 3; runtime and input
//! parse errors 5; bad options 2).
//!
//! jaq parses and evaluates the filter, over this module's own value type
//! whose operations follow jq (indexing, `|=`/`=` creating missing paths,
//! arithmetic in doubles, decimal comparison of number literals). jaq's
//! standard library differs from jq's, so a prelude of jq definitions and
//! natives stands in for it, and only the definitions a filter references are
//! compiled: compiling a whole standard library costs more than running a
//! typical bashio filter. Where jaq parses operators with other precedences
//! than jq (`a = b // c`), the filter text is regrouped before parsing.
//!
//! What it refuses to do: values never go into filter text (`--arg` and
//! `--argjson` values are bound as `$variables`); no modules
//! (`import`/`include`) and no `--slurp`/`--null-input`/`--stream` modes.
//! Known differences from jq 1.8, all on the fringe: regular expressions run
//! on jaq's engine instead of Oniguruma; the number literals `.1` and `1.` and
//! the `?//` destructuring operator do not parse; `isnormal` accepts
//! subnormals; some error messages are worded differently (stderr only, or
//! the text caught by `try ... catch .`).

use core::cell::{Cell, RefCell};
use core::cmp::Ordering;
use core::fmt;
use jaq_core::box_iter::{box_once, BoxIter};
use jaq_core::load::lex::{StrPart, Tok, Token};
use jaq_core::load::{self, Arena, File, Lexer, Loader};
use jaq_core::native::{v, Fun};
use jaq_core::path::Opt;
use jaq_core::{Ctx, DataT, Error, Exn, RunPtr, ValR, ValX, ValXs, Vars};
use jaq_std::input::{HasInputs, Inputs, RcIter};
use std::collections::HashSet;
use std::path::Path;
use std::rc::Rc;

/// What `jq --raw-output -c -M <vars> FILTER` prints for an input, and its exit status.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JqOutput {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub status: i32,
}

/// A named variable given to jq on its command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JqVar {
    /// `--arg NAME VALUE`: `$NAME` is the string VALUE.
    Arg(String, String),
    /// `--argjson NAME JSONTEXT`: `$NAME` is the JSON value JSONTEXT.
    ArgJson(String, String),
    /// `-e`/`--exit-status`: the status tells whether the last output was
    /// neither null nor false (0), was (1), or never came (4).
    ExitStatus,
}

const EXIT_SYSTEM: i32 = 2;
const EXIT_COMPILE: i32 = 3;
const EXIT_UNKNOWN: i32 = 5;
/// jq refuses to parse inputs nested deeper than this.
const MAX_DEPTH: usize = 10000;
const USAGE_HINT: &str = "Use jq --help for help with command-line options,\n\
                          or see the jq manpage, or online docs at https://jqlang.org\n";

fn failure(stderr: String, status: i32) -> JqOutput {
    JqOutput {
        stdout: Vec::new(),
        stderr: stderr.into_bytes(),
        status,
    }
}

fn usage_error(msg: &str) -> JqOutput {
    failure(format!("jq: {msg}\n{USAGE_HINT}"), EXIT_SYSTEM)
}

/// Read bashio's jq command line the way jq reads
/// `jq --raw-output -c -M ARGS... FILTER`: options are taken from ARGS and
/// FILTER alike (an option missing its parameters takes the filter as one),
/// the first other word is the program, and without one jq runs `.`.
/// Returns the variables and the program to run.
pub fn parse_invocation<S: AsRef<str>>(
    args: &[S],
    filter: &str,
) -> Result<(Vec<JqVar>, String), JqOutput> {
    let argv: Vec<&str> = args.iter().map(AsRef::as_ref).chain([filter]).collect();
    let mut vars = Vec::new();
    let mut program: Option<&str> = None;
    let mut options_done = false;
    let mut i = 0;
    while i < argv.len() {
        let a = argv[i];
        i += 1;
        if options_done || !a.starts_with('-') || a.len() < 2 {
            program.get_or_insert(a);
            continue;
        }
        let b = a.as_bytes();
        if a == "--" {
            options_done = true;
        } else if a == "--arg" || a == "--argjson" {
            let (Some(name), Some(value)) = (argv.get(i), argv.get(i + 1)) else {
                let example = if a == "--arg" {
                    "--arg varname value"
                } else {
                    "--argjson varname text"
                };
                return Err(usage_error(&format!(
                    "{a} takes two parameters (e.g. {example})"
                )));
            };
            i += 2;
            if a == "--arg" {
                vars.push(JqVar::Arg(name.to_string(), value.to_string()));
            } else if parse_json_text(value.as_bytes()).is_err() {
                return Err(usage_error("invalid JSON text passed to --argjson"));
            } else {
                vars.push(JqVar::ArgJson(name.to_string(), value.to_string()));
            }
        } else if a == "--exit-status" {
            vars.push(JqVar::ExitStatus);
        } else if is_ignored_option(a) {
        } else if b[1] != b'-'
            && a[1..]
                .bytes()
                .all(|c| matches!(c, b'r' | b'c' | b'M' | b'e'))
        {
            vars.push(JqVar::ExitStatus);
        } else if b[1] == b'-' {
            return Err(usage_error(&format!("Unknown option {a}")));
        } else if b[1].is_ascii_alphabetic() {
            let bad = a[1..]
                .chars()
                .find(|c| !matches!(c, 'r' | 'c' | 'M'))
                .unwrap_or('?');
            return Err(usage_error(&format!("Unknown option -{bad}")));
        } else {
            program.get_or_insert(a);
        }
    }
    Ok((vars, program.unwrap_or(".").to_string()))
}

fn is_ignored_option(a: &str) -> bool {
    matches!(
        a,
        "--raw-output" | "--compact-output" | "--monochrome-output"
    ) || (a.len() > 1
        && a.starts_with('-')
        && a[1..].bytes().all(|c| matches!(c, b'r' | b'c' | b'M')))
}

/// Same as [`run`], reading the input from a file (as `jq ... FILTER FILE`).
pub fn run_file(path: &Path, filter: &str, vars: &[JqVar]) -> JqOutput {
    match std::fs::read(path) {
        Ok(data) => run_named(&data, filter, vars, &path.to_string_lossy()),
        Err(e) => {
            // jq compiles the filter before it opens its inputs.
            let mut out = run(b"", filter, vars);
            if out.status == 0 {
                let msg = std::io::Error::from(e.kind()).to_string();
                let msg = msg.split(" (os error").next().unwrap_or_default();
                out.stderr.extend_from_slice(
                    format!("jq: error: Could not open {}: {msg}\n", path.display()).as_bytes(),
                );
                out.status = EXIT_SYSTEM;
            }
            out
        }
    }
}

/// What `jq --raw-output -c -M <vars> FILTER` prints for INPUT, and its exit status.
pub fn run(input: &[u8], filter: &str, vars: &[JqVar]) -> JqOutput {
    run_named(input, filter, vars, "<stdin>")
}

// ---------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------

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

fn num_from_literal(lit: Literal) -> V {
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

/// Decimal comparison of two literal texts, as jq compares two literals.
fn dec_cmp(a: &str, b: &str) -> Ordering {
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

// ---------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------

type Str = Rc<str>;
type ObjMap = jaq_json::Map<Str, V>;

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

type E = Error<V>;

fn fail(msg: impl Into<String>) -> E {
    Error::str(msg.into())
}

impl V {
    fn num(f: f64) -> Self {
        V::Num(f, Lit::No)
    }

    fn str(s: impl Into<Str>) -> Self {
        V::Str(s.into())
    }

    fn arr(items: Vec<V>) -> Self {
        V::Arr(Rc::new(items))
    }

    fn kind(&self) -> &'static str {
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

    fn as_f64(&self) -> Option<f64> {
        match self {
            V::Num(f, _) => Some(*f),
            _ => None,
        }
    }

    fn as_str(&self) -> Option<&str> {
        match self {
            V::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The literal text of a number read from JSON or the filter, if any.
    fn literal_text(&self) -> Option<String> {
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

fn rc_take<T: Clone>(rc: Rc<T>) -> T {
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
fn slice_bounds(len: usize, start: Option<&V>, end: Option<&V>) -> Result<(usize, usize), E> {
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
fn array_index(len: usize, f: f64) -> Option<isize> {
    if f.is_nan() {
        return None;
    }
    let i = f.clamp(i32::MIN as f64, i32::MAX as f64) as isize;
    Some(if i < 0 { i + len as isize } else { i })
}

impl V {
    fn get(&self, k: &V) -> ValR<V> {
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

fn subarray_indices(a: &[V], b: &[V]) -> V {
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

// ---------------------------------------------------------------------------
// Printing
// ---------------------------------------------------------------------------

/// Write a JSON string literal with jq's escapes.
pub(crate) fn write_json_str(s: &str, out: &mut Vec<u8>) {
    out.push(b'"');
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let esc: Option<&[u8]> = match c {
            '"' => Some(b"\\\""),
            '\\' => Some(b"\\\\"),
            '\n' => Some(b"\\n"),
            '\t' => Some(b"\\t"),
            '\r' => Some(b"\\r"),
            '\u{8}' => Some(b"\\b"),
            '\u{c}' => Some(b"\\f"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => Some(b""),
            _ => None,
        };
        if let Some(esc) = esc {
            out.extend_from_slice(&s.as_bytes()[start..i]);
            if esc.is_empty() {
                out.extend_from_slice(format!("\\u{:04x}", c as u32).as_bytes());
            } else {
                out.extend_from_slice(esc);
            }
            start = i + c.len_utf8();
        }
    }
    out.extend_from_slice(&s.as_bytes()[start..]);
    out.push(b'"');
}

fn write_num(f: f64, lit: &Lit, out: &mut Vec<u8>) {
    match lit {
        Lit::Text(t) => out.extend_from_slice(t.as_bytes()),
        _ => fmt_f64(f, out),
    }
}

/// What [`write_compact`] needs of a JSON value: jq's own values and the
/// documents the plain-key path walks (`super::path`) print alike.
pub(crate) trait CompactJson: Sized {
    /// The elements, when the value is an array.
    fn elements(&self) -> Option<&[Self]>;
    /// The members in order, when the value is an object.
    fn members(&self)
        -> Option<impl DoubleEndedIterator<Item = (&str, &Self)> + ExactSizeIterator>;
    /// Writes a value that is neither an array nor an object.
    fn write_scalar(&self, out: &mut Vec<u8>);
}

/// Write a value as compact JSON, as `jq -c -M` does. Iterative, so that
/// deeply nested values cannot exhaust the stack.
pub(crate) fn write_compact<T: CompactJson>(v: &T, out: &mut Vec<u8>) {
    enum Item<'a, T> {
        Val(&'a T),
        Key(&'a str),
        Raw(&'static [u8]),
    }
    let mut stack = vec![Item::Val(v)];
    while let Some(item) = stack.pop() {
        let v = match item {
            Item::Raw(s) => {
                out.extend_from_slice(s);
                continue;
            }
            Item::Key(k) => {
                write_json_str(k, out);
                continue;
            }
            Item::Val(v) => v,
        };
        if let Some(a) = v.elements() {
            out.push(b'[');
            stack.push(Item::Raw(b"]"));
            for (i, x) in a.iter().enumerate().rev() {
                stack.push(Item::Val(x));
                if i > 0 {
                    stack.push(Item::Raw(b","));
                }
            }
        } else if let Some(o) = v.members() {
            out.push(b'{');
            stack.push(Item::Raw(b"}"));
            for (i, (k, x)) in o.enumerate().rev() {
                stack.push(Item::Val(x));
                stack.push(Item::Raw(b":"));
                stack.push(Item::Key(k));
                if i > 0 {
                    stack.push(Item::Raw(b","));
                }
            }
        } else {
            v.write_scalar(out);
        }
    }
}

impl CompactJson for V {
    fn elements(&self) -> Option<&[V]> {
        match self {
            V::Arr(a) => Some(a),
            _ => None,
        }
    }

    fn members(&self) -> Option<impl DoubleEndedIterator<Item = (&str, &V)> + ExactSizeIterator> {
        match self {
            V::Obj(o) => Some(o.iter().map(|(k, x)| (&**k, x))),
            _ => None,
        }
    }

    fn write_scalar(&self, out: &mut Vec<u8>) {
        match self {
            V::Null => out.extend_from_slice(b"null"),
            V::Bool(true) => out.extend_from_slice(b"true"),
            V::Bool(false) => out.extend_from_slice(b"false"),
            V::Num(f, lit) => write_num(*f, lit, out),
            V::Str(s) => write_json_str(s, out),
            V::Arr(_) | V::Obj(_) => write_compact(self, out),
        }
    }
}

fn to_json(v: &V) -> String {
    let mut out = Vec::new();
    write_compact(v, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// jq's `tostring`: strings as they are, anything else as compact JSON.
fn to_text(v: &V) -> String {
    match v {
        V::Str(s) => s.to_string(),
        v => to_json(v),
    }
}

/// Print one output the way `jq -r -c -M` does (without the newline).
fn write_output(v: &V, out: &mut Vec<u8>) {
    match v {
        V::Str(s) => out.extend_from_slice(s.as_bytes()),
        v => write_compact(v, out),
    }
}

/// jq's abbreviated dump of a value inside error messages.
fn dump_trunc(v: &V) -> String {
    const BUF: usize = 30;
    let s = match v {
        V::Str(s) if s.len() > BUF => to_json(&V::from(s.chars().take(BUF).collect::<String>())),
        v => to_json(v),
    };
    if s.len() < BUF {
        return s;
    }
    let delim = match s.as_bytes()[0] {
        b'"' => Some('"'),
        b'[' => Some(']'),
        b'{' => Some('}'),
        _ => None,
    };
    let mut l = BUF - if delim.is_some() { 5 } else { 4 };
    while l > 0 && !s.is_char_boundary(l) {
        l -= 1;
    }
    let mut out = s[..l].to_string();
    out.push_str("...");
    if let Some(d) = delim {
        out.push(d);
    }
    out
}

/// A string as jq quotes (and abbreviates) it inside error messages.
pub(crate) fn quote_trunc(s: &str) -> String {
    dump_trunc(&V::str(s))
}

/// `kind (dump)`, the way jq names a value in type errors.
fn describe(v: &V) -> String {
    format!("{} ({})", v.kind(), dump_trunc(v))
}

/// Drop a value without recursing, so that deep nesting cannot overflow the stack.
fn drop_deep(v: V) {
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

// Reading JSON input
// ---------------------------------------------------------------------------

/// A stream of JSON texts, read with jq's grammar and error messages.
struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
    /// set after a parse error: jq stops reading
    failed: bool,
}

enum Frame {
    Arr(Vec<V>, bool),
    Obj(ObjMap, Option<Str>, ObjState),
}

#[derive(Clone, Copy, PartialEq)]
enum ObjState {
    /// after `{` or `,`: a key must follow (`{` may also close)
    Key,
    /// after a key: `:` must follow
    Colon,
    /// after `:`: a value must follow
    Value,
    /// after a value: `,` or `}` must follow
    Next,
}

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n')
}

fn is_structure(c: u8) -> bool {
    matches!(c, b'[' | b',' | b']' | b'{' | b':' | b'}')
}

impl<'a> Reader<'a> {
    fn new(buf: &'a [u8]) -> Self {
        let buf = buf.strip_prefix(b"\xef\xbb\xbf").unwrap_or(buf);
        Self {
            buf,
            pos: 0,
            failed: false,
        }
    }

    fn err(&self, msg: &str, at: usize) -> String {
        self.err_eof(msg, at, at >= self.buf.len())
    }

    fn err_eof(&self, msg: &str, at: usize, at_eof: bool) -> String {
        let at = at.min(self.buf.len());
        let before = &self.buf[..at];
        let line = 1 + before.iter().filter(|c| **c == b'\n').count();
        let col = at
            - before
                .iter()
                .rposition(|c| *c == b'\n')
                .map_or(0, |p| p + 1);
        let eof = if at_eof { " at EOF" } else { "" };
        format!("{msg}{eof} at line {line}, column {col}")
    }

    /// Number of lines jq has read when it hands over a value ending at `end`.
    fn line_at(&self, end: usize) -> usize {
        let nl = self.buf[end.min(self.buf.len())..]
            .iter()
            .position(|c| *c == b'\n')
            .map_or(self.buf.len(), |p| end + p + 1);
        self.buf[..nl].iter().filter(|c| **c == b'\n').count()
    }

    fn string(&mut self) -> Result<V, String> {
        // self.buf[self.pos] == b'"'
        let mut i = self.pos + 1;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let Some(&c) = self.buf.get(i) else {
                self.pos = self.buf.len();
                return Err(self.err("Unfinished string", self.buf.len()));
            };
            match c {
                b'"' => break,
                b'\\' => {
                    let Some(&e) = self.buf.get(i + 1) else {
                        self.pos = self.buf.len();
                        return Err(self.err("Unfinished string", self.buf.len()));
                    };
                    i += 2;
                    let ch = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hex = |at: usize| -> Option<u32> {
                                let h = self.buf.get(at..at + 4)?;
                                u32::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()
                            };
                            let Some(u) = hex(i) else {
                                return Err(self.skip_string_err(i, "Invalid escape"));
                            };
                            i += 4;
                            if (0xD800..0xDC00).contains(&u) {
                                let low = if self.buf.get(i..i + 2) == Some(b"\\u") {
                                    hex(i + 2).filter(|l| (0xDC00..0xE000).contains(l))
                                } else {
                                    None
                                };
                                let Some(low) = low else {
                                    return Err(self.skip_string_err(
                                        i,
                                        "Invalid \\uXXXX\\uXXXX surrogate pair escape",
                                    ));
                                };
                                i += 6;
                                char::from_u32(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00))
                                    .unwrap_or('\u{fffd}')
                            } else {
                                char::from_u32(u).unwrap_or('\u{fffd}')
                            }
                        }
                        _ => return Err(self.skip_string_err(i, "Invalid escape")),
                    };
                    let mut b = [0; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut b).as_bytes());
                }
                c if c < 0x20 => {
                    return Err(self.skip_string_err(
                        i,
                        "Invalid string: control characters from U+0000 through U+001F must be escaped",
                    ));
                }
                c => {
                    out.push(c);
                    i += 1;
                }
            }
        }
        self.pos = i + 1;
        let s = match String::from_utf8(out) {
            Ok(s) => s,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        };
        Ok(V::from(s))
    }

    /// jq reports string errors once the whole string is read.
    fn skip_string_err(&mut self, mut i: usize, msg: &str) -> String {
        while i < self.buf.len() && self.buf[i] != b'"' {
            i += if self.buf[i] == b'\\' { 2 } else { 1 };
        }
        if i >= self.buf.len() {
            self.pos = self.buf.len();
            return self.err("Unfinished string", self.buf.len());
        }
        let at = (i + 1).min(self.buf.len());
        self.pos = at;
        self.err(msg, at)
    }

    fn literal(&mut self) -> Result<V, String> {
        let start = self.pos;
        let mut end = start;
        while end < self.buf.len() {
            let c = self.buf[end];
            if is_ws(c) || is_structure(c) || c == b'"' {
                break;
            }
            end += 1;
        }
        self.pos = end;
        let tok = &self.buf[start..end];
        let at = if end < self.buf.len() { end + 1 } else { end };
        let check = |pattern: &[u8], v: V| {
            if tok == pattern {
                Ok(v)
            } else {
                Err("Invalid literal")
            }
        };
        let r = match tok[0] {
            b't' => check(b"true", V::Bool(true)),
            b'f' => check(b"false", V::Bool(false)),
            b'\'' => Err("Invalid string literal; expected \", but got '"),
            b'n' if tok.get(1) == Some(&b'u') => check(b"null", V::Null),
            _ => std::str::from_utf8(tok)
                .ok()
                .and_then(parse_literal)
                .map(num_from_literal)
                .ok_or("Invalid numeric literal"),
        };
        r.map_err(|m| self.err_eof(m, at, end >= self.buf.len()))
    }

    /// The next JSON text of the stream and the input line jq reports for it.
    fn next_value(&mut self) -> Option<Result<(V, usize), String>> {
        if self.failed {
            return None;
        }
        let r = self.parse_value();
        if matches!(r, Some(Err(_))) {
            self.failed = true;
        }
        r.map(|r| r.map(|v| (v, self.line_at(self.pos))))
    }

    fn parse_value(&mut self) -> Option<Result<V, String>> {
        let mut stack: Vec<Frame> = Vec::new();
        loop {
            while self.pos < self.buf.len() && is_ws(self.buf[self.pos]) {
                self.pos += 1;
            }
            let Some(&c) = self.buf.get(self.pos) else {
                if stack.is_empty() {
                    return None;
                }
                return Some(Err(self.err("Unfinished JSON term", self.buf.len())));
            };
            let here = self.pos + 1;
            let value = match c {
                b'[' | b'{' => {
                    if let Err(m) = self.expect_value(&stack, c) {
                        return Some(Err(self.err(m, here)));
                    }
                    if stack.len() >= MAX_DEPTH {
                        return Some(Err(self.err("Exceeds depth limit for parsing", here)));
                    }
                    self.pos += 1;
                    stack.push(if c == b'[' {
                        Frame::Arr(Vec::new(), false)
                    } else {
                        Frame::Obj(ObjMap::default(), None, ObjState::Key)
                    });
                    continue;
                }
                b']' => {
                    self.pos += 1;
                    match stack.pop() {
                        Some(Frame::Arr(items, comma)) => {
                            if comma {
                                return Some(Err(self.err("Expected another array element", here)));
                            }
                            V::Arr(Rc::new(items))
                        }
                        Some(Frame::Obj(..)) => return Some(Err(self.err("Unmatched ']'", here))),
                        None => return Some(Err(self.err("Unmatched ']'", here))),
                    }
                }
                b'}' => {
                    self.pos += 1;
                    match stack.pop() {
                        Some(Frame::Obj(map, _, ObjState::Next)) => V::Obj(Rc::new(map)),
                        Some(Frame::Obj(map, None, ObjState::Key)) if map.is_empty() => {
                            V::Obj(Rc::new(map))
                        }
                        Some(Frame::Obj(_, _, ObjState::Key)) => {
                            return Some(Err(self.err("Expected another key-value pair", here)))
                        }
                        Some(Frame::Obj(..)) => {
                            return Some(Err(
                                self.err("Objects must consist of key:value pairs", here)
                            ))
                        }
                        Some(Frame::Arr(..)) => {
                            return Some(Err(
                                self.err("Objects must consist of key:value pairs", here)
                            ))
                        }
                        None => return Some(Err(self.err("Unmatched '}'", here))),
                    }
                }
                b',' => {
                    self.pos += 1;
                    match stack.last_mut() {
                        Some(Frame::Arr(items, comma)) if !items.is_empty() && !*comma => {
                            *comma = true
                        }
                        Some(Frame::Obj(_, _, st @ ObjState::Next)) => *st = ObjState::Key,
                        Some(_) => return Some(Err(self.err("Expected value before ','", here))),
                        None => return Some(Err(self.err("Expected value before ','", here))),
                    }
                    continue;
                }
                b':' => {
                    self.pos += 1;
                    match stack.last_mut() {
                        Some(Frame::Obj(_, Some(_), st @ ObjState::Colon)) => *st = ObjState::Value,
                        Some(Frame::Obj(..)) => {
                            return Some(Err(self.err("Expected string key before ':'", here)))
                        }
                        _ => return Some(Err(self.err("Expected string key before ':'", here))),
                    }
                    continue;
                }
                b'"' => {
                    if let Err(m) = self.expect_value(&stack, c) {
                        return Some(Err(self.err(m, here)));
                    }
                    match self.string() {
                        Ok(v) => v,
                        Err(e) => return Some(Err(e)),
                    }
                }
                _ => {
                    if let Err(m) = self.expect_value(&stack, c) {
                        return Some(Err(self.err(m, here)));
                    }
                    match self.literal() {
                        Ok(v) => v,
                        Err(e) => return Some(Err(e)),
                    }
                }
            };
            // place the completed value
            match stack.last_mut() {
                None => return Some(Ok(value)),
                Some(Frame::Arr(items, comma)) => {
                    items.push(value);
                    *comma = false;
                }
                Some(Frame::Obj(map, key, st)) => match *st {
                    ObjState::Key => {
                        let V::Str(k) = value else {
                            return Some(Err(self.err("Object keys must be strings", self.pos)));
                        };
                        *key = Some(k);
                        *st = ObjState::Colon;
                    }
                    ObjState::Value => {
                        if let Some(k) = key.take() {
                            map.insert(k, value);
                        }
                        *st = ObjState::Next;
                    }
                    ObjState::Colon => {
                        return Some(Err(
                            self.err("Objects must consist of key:value pairs", self.pos)
                        ))
                    }
                    ObjState::Next => {
                        return Some(Err(self.err("Expected separator between values", self.pos)))
                    }
                },
            }
        }
    }

    fn expect_value(&self, stack: &[Frame], c: u8) -> Result<(), &'static str> {
        match stack.last() {
            Some(Frame::Arr(items, false)) if !items.is_empty() => {
                Err("Expected separator between values")
            }
            Some(Frame::Obj(_, _, ObjState::Next)) => Err("Expected separator between values"),
            Some(Frame::Obj(_, _, ObjState::Colon)) => {
                Err("Objects must consist of key:value pairs")
            }
            Some(Frame::Obj(map, _, ObjState::Key)) if c == b'[' || c == b'{' => {
                if map.is_empty() {
                    Err(if c == b'[' {
                        "Expected string key after '{', not '['"
                    } else {
                        "Expected string key after '{', not '{'"
                    })
                } else if c == b'[' {
                    Err("Expected string key after ',' in object, not '['")
                } else {
                    Err("Expected string key after ',' in object, not '{'")
                }
            }
            _ => Ok(()),
        }
    }
}

/// Parse exactly one JSON text (as `fromjson` and `--argjson` do).
fn parse_json_text(b: &[u8]) -> Result<V, String> {
    let mut r = Reader::new(b);
    match r.next_value() {
        None => Err("Expected JSON value".into()),
        Some(Err(e)) => Err(e),
        Some(Ok((v, _))) => match r.next_value() {
            None => Ok(v),
            Some(Ok(_)) => Err("Unexpected extra JSON values".into()),
            Some(Err(e)) => Err(e),
        },
    }
}

// ---------------------------------------------------------------------------
// Evaluation context
// ---------------------------------------------------------------------------

struct D;

struct Env<'a> {
    lut: &'a jaq_core::Lut<D>,
    inputs: Inputs<'a, V>,
    stderr: &'a RefCell<Vec<u8>>,
    filename: &'a str,
    line: &'a Cell<usize>,
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

fn ok<'a>(v: V) -> ValXs<'a, V> {
    box_once(Ok(v))
}

fn done<'a>(r: Result<V, String>) -> ValXs<'a, V> {
    box_once(r.map_err(|e| Exn::from(fail(e))))
}

// ---------------------------------------------------------------------------
// Natives
// ---------------------------------------------------------------------------

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
fn base64_decode(s: &str) -> Option<Vec<u8>> {
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
fn contains(a: &V, b: &V) -> Result<bool, String> {
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
const NATIVES: &[(&str, usize, RunPtr<D>)] = &[
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
        Some(f) => ok(V::num(f / 2f64.powi(f.abs().log2().floor() as i32))),
        None => err_str(format!("{} number required", describe(&cv.1))),
    }),
    ("infinite", 0, |_| ok(V::num(f64::INFINITY))),
    ("nan", 0, |_| ok(V::num(f64::NAN))),
    ("_format_error", 1, |mut cv| {
        let name = cv.0.pop_var();
        err_str(format!("{} is not a valid format", to_text(&name)))
    }),
];

/// Natives from jaq's libraries that the prelude builds on, under the names
/// it expects; the ones whose behaviour differs from jq's are left out.
fn jaq_natives(needed: &HashSet<&str>) -> Vec<Fun<D>> {
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

// ---------------------------------------------------------------------------
// Prelude: jq's standard definitions, written for jaq
// ---------------------------------------------------------------------------

const PRELUDE: &str = r#"
def empty: {}[] as $x | .;
def true: 0 == 0;
def false: 0 != 0;
def null: [][0];
def not: if . then false else true end;
def error: _error;
def error(f): f | _error;
def select(f): if f then . else empty end;
def values: select(. != null);
def nulls: select(. == null);
def booleans: select(type == "boolean");
def numbers: select(type == "number");
def strings: select(type == "string");
def arrays: select(type == "array");
def objects: select(type == "object");
def iterables: select(type | . == "array" or . == "object");
def scalars: select(type | . != "array" and . != "object");
def recurse(f): def r: ., (f | r); r;
def recurse(f; cond): def r: ., (f | select(cond) | r); r;
def recurse: recurse(.[]?);
def map(f): [.[] | f];
def map_values(f): .[] |= f;
def _arr($what): if type == "array" then . else error("\(_describe) cannot be \($what), as it is not an array") end;
def sort: _arr("sorted") | _sort;
def sort_by(f): _arr("sorted") | _sort_by(f);
def group_by(f): _arr("grouped") | _group_by(f);
def implode: if type == "array" then _implode else error("implode input must be an array") end;
def _range_checked($from; $to; $by): if ($from | type) == "number" and ($to | type) == "number" and ($by | type) == "number" then _range($from; $to; $by) else error("Range bounds must be numeric") end;
def range($to): _range_checked(0; $to; 1);
def range($from; $to): _range_checked($from; $to; 1);
def range($from; $to; $by): if $by == 0 then empty else _range_checked($from; $to; $by) end;
def while(cond; update): def w: if cond then ., (update | w) else empty end; w;
def until(cond; update): def u: if cond then . else (update | u) end; u;
def repeat(f): def r: f, r; r;
def limit($n; f): if $n > 0 then _limit($n; f) elif $n == 0 then empty else error("limit doesn't support negative count") end;
def skip($n; f): if $n > 0 then _skip($n; f) elif $n == 0 then f else error("skip doesn't support negative count") end;
def first: .[0];
def last: .[-1];
def nth($n): .[$n];
def nth($n; f): if $n < 0 then error("nth doesn't support negative indices") else first(skip($n; f)) end;
def isempty(g): first((g | false), true);
def all(g; cond): isempty(g | cond and empty);
def any(g; cond): isempty(g | cond or empty) | not;
def all(cond): all(.[]; cond);
def any(cond): any(.[]; cond);
def all: all(.[]; .);
def any: any(.[]; .);
def in(xs): . as $x | xs | has($x);
def inside(xs): . as $x | xs | contains($x);
def add(f): reduce f as $x (null; . + $x);
def add: add(.[]);
def _flatten($d): reduce .[] as $i ([]; if ($i | type) == "array" and $d != 0 then . + ($i | _flatten($d - 1)) else . + [$i] end);
def flatten($d): if $d < 0 then error("flatten depth must not be negative") else _flatten($d) end;
def flatten: _flatten(-1);
def min_by(f): reduce _min_by(f) as $x (null; $x);
def max_by(f): reduce _max_by(f) as $x (null; $x);
def min: min_by(.);
def max: max_by(.);
def unique_by(f): [group_by(f)[] | .[0]];
def unique: unique_by(.);
def to_entries: [keys_unsorted[] as $k | {key: $k, value: .[$k]}];
def from_entries: reduce .[] as $e ({}; . + {($e | if type == "object" then (.key // .Key // .name // .Name) else error("Cannot index \(type) with \"key\"") end): ($e | if has("value") then .value else .Value end)});
def with_entries(f): to_entries | map(f) | from_entries;
def getpath($p): reduce $p[] as $k (.; .[$k]);
def paths: path(..) | select(length > 0);
def paths(f): path(.. | select(f)) | select(length > 0);
def setpath($p; $v): getpath($p) = $v;
def del(f): delpaths([path(f)]);
def pick(f): . as $in | reduce path(f) as $p (null; setpath($p; $in | getpath($p)));
def tostream: def s($p): if (type == "object" or type == "array") and length > 0 then keys_unsorted as $ks | ($ks[] as $k | .[$k] | s($p + [$k])), [$p + [$ks[-1]]] else [$p, .] end; s([]);
def fromstream(f): foreach f as $ev ({x: null, e: false}; (if .e then {x: null, e: false} else . end) | if ($ev | length) == 2 then .x |= setpath($ev[0]; $ev[1]) | .e = (($ev[0] | length) == 0) else .e = (($ev[0] | length) == 1) end; if .e then .x else empty end);
def truncate_stream(f): . as $n | null | f | select((.[0] | length) > $n) | .[0] |= .[$n:];
def walk(f): def w: if type == "object" then map_values(w) elif type == "array" then map(w) else . end | f; w;
def transpose: [range(0; map(length) | max // 0) as $i | [.[][$i]]];
def combinations: if length == 0 then [] else .[0][] as $x | (.[1:] | combinations) as $y | [$x] + $y end;
def combinations(n): . as $d | [range(n) | $d] | combinations;
def index($i): indices($i) | .[0];
def rindex($i): indices($i) | .[-1:][0];
def abs: if . < 0 then - . else . end;
def reverse: if . == null then [] else _reverse end;
def trimstr($x): ltrimstr($x) | rtrimstr($x);
def split($sep): if type == "string" and ($sep | type) == "string" then . / $sep else error("split input and separator must be strings") end;
def _flags($f): if $f == null then "" else $f end;
def _re_args(f): if type == "string" then [., null] elif type == "array" and length > 1 then [.[0], .[1]] elif type == "array" and length > 0 then [.[0], null] else error("\(type) not a string or array") end;
def _capture_object: map(select(.name) | {(.name): .string}) | add + {};
def _str_re: if type == "string" then . else error("\(_describe) cannot be matched, as it is not a string") end;
def _matches($re; $flags): _str_re | _matches_($re; $flags);
def test($re; $flags): _matches($re; _flags($flags)) | any;
def test($re): ($re | _re_args(.)) as [$r, $f] | test($r; $f);
def match($re; $flags): _matches($re; _flags($flags))[] | .[0] + {captures: .[1:]};
def match($re): ($re | _re_args(.)) as [$r, $f] | match($r; $f);
def capture($re; $flags): _matches($re; _flags($flags))[] | .[1:] | _capture_object;
def capture($re): ($re | _re_args(.)) as [$r, $f] | capture($r; $f);
def scan($re; $flags): _matches($re; "g" + _flags($flags))[] | [.[].string] | if .[1] then .[1:] else .[0] end;
def scan($re): scan($re; null);
def split($re; $flags): _split_re($re; _flags($flags) + "g");
def splits($re; $flags): split($re; $flags)[];
def splits($re): splits($re; null);
def sub($re; f; $flags): def h: if type == "array" then _capture_object | f end; reduce _split_matches($re; _flags($flags))[] as $x (""; . + ($x | h));
def sub($re; f): sub($re; f; "");
def gsub($re; f; $flags): sub($re; f; "g" + _flags($flags));
def gsub($re; f): sub($re; f; "g");
def todate: todateiso8601;
def fromdate: fromdateiso8601;
def env: _env;
def halt_error: halt_error(5);
def debug(msg): (msg | debug | empty), .;
def isnan: type == "number" and . != .;
def isinfinite: type == "number" and (. == infinite or . == -infinite);
def isnormal: type == "number" and (. == 0 or isnan or isinfinite | not);
def finites: select(isinfinite or isnan | not);
def normals: select(isnormal);
def have_decnum: true;
def have_literal_numbers: true;
def @base32: _format_error("base32");
def @base32d: _format_error("base32d");
def IN(s): any(s == .; .);
def IN(src; s): any(src == s; .);
def INDEX(stream; f): reduce stream as $row ({}; .[$row | f | tostring] = $row);
def INDEX(f): INDEX(.[]; f);
"#;

/// Names that a piece of jq text may call (over-approximated: any word).
fn identifiers(text: &str) -> impl Iterator<Item = &str> {
    let b = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() {
            let c = b[i];
            if c.is_ascii_alphabetic() || c == b'_' || c == b'@' || c == b'$' {
                let start = i;
                i += 1;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                    i += 1;
                }
                if b[start] != b'$' {
                    return Some(&text[start..i]);
                }
            } else {
                i += 1;
            }
        }
        None
    })
}

/// The prelude definitions (as source text) that a set of names needs,
/// adding to the set every name those definitions use in turn.
fn select_prelude(needed: &mut HashSet<&str>) -> String {
    let mut taken: Vec<&str> = Vec::new();
    // a definition only uses definitions above it, so one backward pass suffices
    for line in PRELUDE.lines().rev() {
        let Some(rest) = line.strip_prefix("def ") else {
            continue;
        };
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '@'))
            .unwrap_or(rest.len());
        let (name, body) = rest.split_at(end);
        if needed.contains(name) {
            taken.push(line);
            needed.extend(identifiers(body));
        }
    }
    let mut text = String::new();
    for line in taken.iter().rev() {
        text.push_str(line);
        text.push('\n');
    }
    text
}

/// Formats that jq knows; others fail when used, not when compiled.
const FORMATS: &[&str] = &[
    "@text", "@json", "@html", "@uri", "@urid", "@csv", "@tsv", "@sh", "@base64", "@base64d",
    "@base32", "@base32d",
];

// ---------------------------------------------------------------------------
// Filter preparation
// ---------------------------------------------------------------------------

/// The filter as handed to jaq, with the names it uses and the values of the
/// global variables that the rewriting introduced.
struct Prepared {
    code: String,
    idents: HashSet<String>,
    extra_defs: String,
}

/// Adapt the filter's text to jaq without changing its meaning in jq:
/// `$__loc__` becomes its value, and formats jq does not know fail at run time.
fn prepare(filter: &str) -> Prepared {
    let mut p = Prepared {
        code: filter.to_string(),
        idents: HashSet::new(),
        extra_defs: String::new(),
    };
    let Ok(tokens) = Lexer::new(filter).lex() else {
        return p;
    };
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    walk_tokens(filter, &tokens, &mut p, &mut edits);
    let mut unknown: Vec<&String> = p
        .idents
        .iter()
        .filter(|i| i.starts_with('@') && !FORMATS.contains(&i.as_str()))
        .collect();
    unknown.sort();
    for name in unknown {
        p.extra_defs.push_str(&format!(
            "def {name}: _format_error({});\n",
            to_json(&V::str(&name[1..]))
        ));
    }
    if !p.extra_defs.is_empty() {
        p.idents.insert("_format_error".into());
    }
    edits.sort_by_key(|e| e.0);
    let mut out = String::with_capacity(filter.len() + 16 * edits.len());
    let mut at = 0;
    for (start, len, text) in edits {
        if start < at {
            continue;
        }
        out.push_str(&filter[at..start]);
        out.push_str(&text);
        at = start + len;
    }
    out.push_str(&filter[at..]);
    p.code = out;
    p
}

/// Operators that jq binds tighter than `//` (jaq binds them looser).
const ASSIGN_OPS: &[&str] = &["=", "|=", "+=", "-=", "*=", "/=", "%=", "//="];
/// Tokens that end an operator expression at one nesting level.
const SEGMENT_SYMS: &[&str] = &["|", ",", ";", ":", ")", "]", "}"];
const SEGMENT_WORDS: &[&str] = &[
    "if", "then", "elif", "else", "end", "try", "catch", "reduce", "foreach", "def", "label", "as",
];

/// In jq, `a = b // c` means `(a = b) // c` and `a // b = c` means
/// `a // (b = c)`; jaq groups both the other way. Parenthesise every operand
/// of `//` that holds an assignment so that jaq reads it as jq does.
fn group_alternatives(
    whole: &str,
    tokens: &[Token<&str>],
    edits: &mut Vec<(usize, usize, String)>,
) {
    let is_sym = |t: &Token<&str>, set: &[&str]| matches!(t, Token(s, Tok::Sym) if set.contains(s));
    let mut start = 0;
    for i in 0..=tokens.len() {
        let boundary = i == tokens.len()
            || is_sym(&tokens[i], SEGMENT_SYMS)
            || matches!(&tokens[i], Token(s, Tok::Word) if SEGMENT_WORDS.contains(s));
        if !boundary {
            continue;
        }
        let seg = &tokens[start..i];
        start = i + 1;
        let has_alt = seg.iter().any(|t| is_sym(t, &["//"]));
        if !has_alt || !seg.iter().any(|t| is_sym(t, ASSIGN_OPS)) {
            continue;
        }
        for part in seg.split(|t| is_sym(t, &["//"])) {
            if let (Some(first), Some(last)) = (part.first(), part.last()) {
                if part.iter().any(|t| is_sym(t, ASSIGN_OPS)) {
                    edits.push((load::span(whole, first.0).start, 0, "(".into()));
                    edits.push((load::span(whole, last.0).end, 0, ")".into()));
                }
            }
        }
    }
}

fn walk_tokens(
    whole: &str,
    tokens: &[Token<&str>],
    p: &mut Prepared,
    edits: &mut Vec<(usize, usize, String)>,
) {
    group_alternatives(whole, tokens, edits);
    for (i, Token(s, tok)) in tokens.iter().enumerate() {
        let span = load::span(whole, s);
        match tok {
            Tok::Word | Tok::Fmt => {
                p.idents.insert(s.to_string());
            }
            Tok::Var if *s == "$__loc__" => {
                let line = 1 + whole[..span.start].matches('\n').count();
                let value = format!("{{\"file\":\"<top-level>\",\"line\":{line}}}");
                // `{$__loc__}` is shorthand for `{"__loc__": $__loc__}`
                let prev = i.checked_sub(1).map(|j| tokens[j].0);
                let next = tokens.get(i + 1).map(|t| t.0);
                let in_object = whole[..span.start].trim_end().ends_with('{')
                    || (prev == Some(",") && next.is_none_or(|n| n == ","));
                let shorthand = in_object && next.is_none_or(|n| n == "," || n == "}");
                let text = if shorthand {
                    format!("\"__loc__\": {value}")
                } else {
                    value
                };
                edits.push((span.start, span.len(), text));
            }
            Tok::Str(parts) => {
                for part in parts {
                    if let StrPart::Term(t) = part {
                        walk_tokens(whole, std::slice::from_ref(t), p, edits);
                    }
                }
            }
            Tok::Block(inner) => walk_tokens(whole, inner, p, edits),
            Tok::Var | Tok::Num | Tok::Sym => {}
        }
    }
}

fn env_object() -> V {
    let map: ObjMap = crate::env::vars()
        .into_iter()
        .map(|(k, v)| {
            (
                Str::from(String::from_utf8_lossy(&k).as_ref()),
                V::from(String::from_utf8_lossy(&v).into_owned()),
            )
        })
        .collect();
    V::Obj(Rc::new(map))
}

fn compile_error(filter: &str, messages: Vec<String>) -> JqOutput {
    let mut err = String::new();
    let n = messages.len().max(1);
    let shown: Vec<String> = filter.lines().map(|l| format!("    {l}")).collect();
    for m in messages {
        err.push_str(&format!(
            "jq: error: {m} at <top-level>, line 1:\n{}\n",
            shown.join("\n")
        ));
    }
    if n == 1 {
        err.push_str("jq: 1 compile error\n");
    } else {
        err.push_str(&format!("jq: {n} compile errors\n"));
    }
    failure(err, EXIT_COMPILE)
}

/// jq's message for an error that escaped the filter, and whether jq
/// reports it as "(not a string)".
fn error_message(e: E) -> (String, bool) {
    match e.into_val() {
        V::Str(s) => (
            translate_jaq_message(&s).unwrap_or_else(|| s.to_string()),
            false,
        ),
        v => (to_json(&v), true),
    }
}

/// A few errors come from jaq itself and embed values in its own wording;
/// rephrase them the way jq does.
fn translate_jaq_message(s: &str) -> Option<String> {
    fn value_prefix(s: &str) -> Option<(V, &str)> {
        let mut r = Reader::new(s.as_bytes());
        let v = r.parse_value()?.ok()?;
        Some((v, &s[r.pos..]))
    }
    if let Some(rest) = s.strip_prefix("cannot use ") {
        let (v, rest) = value_prefix(rest)?;
        let what = rest.strip_prefix(" as ")?;
        return Some(if what.starts_with("iterable") {
            format!("Cannot iterate over {}", describe(&v))
        } else {
            format!("{} cannot be used as {what}", describe(&v))
        });
    }
    if let Some(rest) = s.strip_prefix("invalid path expression with input ") {
        let (v, _) = value_prefix(rest)?;
        return Some(format!(
            "Invalid path expression with result {}",
            dump_trunc(&v)
        ));
    }
    None
}

/// Inputs with more brackets than this are evaluated on a thread with a large
/// stack, because evaluation recurses over nested values in places.
const DEEP_INPUT: usize = 256;
/// Filters longer than this are evaluated there too: parsing, compiling and
/// running a filter recurse over its structure (a long `.a|.a|...` chain or
/// deeply nested brackets would otherwise overflow an ordinary stack).
const DEEP_FILTER: usize = 128;
const DEEP_STACK: usize = 512 << 20;
/// The longest filter accepted, so that even the most deeply nested one fits
/// the large stack.
const MAX_FILTER: usize = 16 << 10;

fn run_named(input: &[u8], filter: &str, vars: &[JqVar], filename: &str) -> JqOutput {
    // jq reads a program that looks like options as options
    if filter.len() > 1 && filter.starts_with('-') {
        let b = filter.as_bytes();
        if filter == "--" || is_ignored_option(filter) {
            return run_named(input, ".", vars, filename);
        }
        if b[1] == b'-' {
            return usage_error(&format!("Unknown option {filter}"));
        }
        if b[1].is_ascii_alphabetic() {
            let bad = filter[1..]
                .chars()
                .find(|c| !matches!(c, 'r' | 'c' | 'M'))
                .unwrap_or('?');
            return usage_error(&format!("Unknown option -{bad}"));
        }
    }
    if filter.len() > MAX_FILTER {
        return failure(
            format!("jq: error: program longer than {MAX_FILTER} bytes\njq: 1 compile error\n"),
            EXIT_COMPILE,
        );
    }
    let brackets = input.iter().filter(|c| matches!(c, b'[' | b'{')).count();
    if brackets <= DEEP_INPUT && filter.len() <= DEEP_FILTER {
        return evaluate(input, filter, vars, filename);
    }
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(DEEP_STACK)
            .spawn_scoped(scope, || {
                hold_signals();
                evaluate(input, filter, vars, filename)
            })
            .ok()
            .and_then(|h| h.join().ok())
            .unwrap_or_else(|| evaluate(input, filter, vars, filename))
    })
}

/// Keeps signals off the deep-stack thread: run inside bash as a builtin,
/// bash's handlers (SIGCHLD reaps children) must run on bash's own thread.
fn hold_signals() {
    // SAFETY: fills a local set and masks it for the calling thread only.
    unsafe {
        let mut all: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut all);
        libc::pthread_sigmask(libc::SIG_BLOCK, &all, std::ptr::null_mut());
    }
}

fn evaluate(input: &[u8], filter: &str, vars: &[JqVar], filename: &str) -> JqOutput {
    // Variables first: jq rejects bad --argjson text before compiling.
    let mut user_names: Vec<String> = Vec::new();
    let mut user_vals: Vec<V> = Vec::new();
    let mut named = ObjMap::default();
    let exit_status = vars.iter().any(|var| matches!(var, JqVar::ExitStatus));
    for var in vars {
        let (name, val) = match var {
            JqVar::ExitStatus => continue,
            JqVar::Arg(n, s) => (n, V::from(s.clone())),
            JqVar::ArgJson(n, text) => match parse_json_text(text.as_bytes()) {
                Ok(v) => (n, v),
                Err(_) => return usage_error("invalid JSON text passed to --argjson"),
            },
        };
        named.insert(Str::from(name.as_str()), val.clone());
        user_names.push(format!("${name}"));
        user_vals.push(val);
    }

    let prepared = prepare(filter);
    let mut needed: HashSet<&str> = prepared.idents.iter().map(String::as_str).collect();
    let mut prelude_text = select_prelude(&mut needed);
    prelude_text.push_str(&prepared.extra_defs);

    // global variables: jq's builtins, then the user's
    let mut names: Vec<String> = Vec::new();
    let mut vals: Vec<V> = Vec::new();
    if prepared.code.contains("$ENV") {
        names.push("$ENV".into());
        vals.push(env_object());
    }
    if prepared.code.contains("$ARGS") {
        let mut args = ObjMap::default();
        args.insert("positional".into(), V::arr(Vec::new()));
        args.insert("named".into(), V::Obj(Rc::new(named)));
        names.push("$ARGS".into());
        vals.push(V::Obj(Rc::new(args)));
    }
    names.extend(user_names);
    vals.extend(user_vals);

    let defs = load::parse(&prelude_text, |p| p.defs()).unwrap_or_default();
    let loader = Loader::new(defs);
    let arena = Arena::default();
    let program = File {
        code: prepared.code.as_str(),
        path: (),
    };
    let modules = match loader.load(&arena, program) {
        Ok(m) => m,
        Err(errs) => {
            let mut msgs = Vec::new();
            for (_file, e) in errs {
                match e {
                    load::Error::Io(v) => {
                        msgs.extend(v.into_iter().map(|(p, e)| format!("{e}: {p}")))
                    }
                    load::Error::Lex(v) => msgs.extend(v.into_iter().map(|(exp, at)| {
                        format!(
                            "syntax error, unexpected {}, expected {}",
                            shorten(at),
                            exp.as_str()
                        )
                    })),
                    load::Error::Parse(v) => msgs.extend(v.into_iter().map(|(exp, at)| {
                        if at.is_empty() {
                            "syntax error, unexpected end of file".to_string()
                        } else {
                            format!(
                                "syntax error, unexpected {}, expected {}",
                                shorten(at),
                                exp.as_str()
                            )
                        }
                    })),
                }
            }
            if let Some(text) = super::jq_error::syntax(filter) {
                return failure(text, EXIT_COMPILE);
            }
            return compile_error(filter, msgs);
        }
    };
    let funs = NATIVES
        .iter()
        .filter(|(name, ..)| needed.contains(name))
        .map(|&(name, arity, f)| jaq_core::native::run::<D>((name, v(arity), f)))
        .chain(jaq_natives(&needed));
    let compiler = jaq_core::Compiler::default()
        .with_funs(funs)
        .with_global_vars(names.iter().map(String::as_str));
    let compiled = match compiler.compile(modules) {
        Ok(f) => f,
        Err(errs) => {
            let mut msgs = Vec::new();
            let mut placed = Vec::new();
            for (_file, list) in errs {
                for (name, undef) in list {
                    let offset =
                        (name.as_ptr() as usize).wrapping_sub(prepared.code.as_ptr() as usize);
                    msgs.push(match undef {
                        jaq_core::compile::Undefined::Filter(arity) => {
                            format!("{name}/{arity} is not defined")
                        }
                        jaq_core::compile::Undefined::Label => {
                            format!("$*label-{} is not defined", name.trim_start_matches('$'))
                        }
                        _ => format!("{name} is not defined"),
                    });
                    if offset < prepared.code.len() {
                        placed.push((offset, msgs[msgs.len() - 1].clone()));
                    }
                }
            }
            if let Some(text) = super::jq_error::syntax(filter)
                .or_else(|| super::jq_error::undefined(filter, &prepared.code, &placed))
            {
                return failure(text, EXIT_COMPILE);
            }
            return compile_error(filter, msgs);
        }
    };

    // Evaluate over the input stream; the last input decides the status.
    let line = Cell::new(0usize);
    let stderr = RefCell::new(Vec::new());
    let mut reader = Reader::new(input);
    let iter = std::iter::from_fn(|| {
        let r = reader.next_value()?;
        Some(r.map(|(v, l)| {
            line.set(l);
            v
        }))
    });
    let rc = RcIter::new(iter);
    let inputs: &RcIter<dyn Iterator<Item = Result<V, String>>> = &rc;
    let env = Env {
        lut: &compiled.lut,
        inputs,
        stderr: &stderr,
        filename,
        line: &line,
    };
    let mut stdout = Vec::new();
    let mut status = 0;
    let mut last_truthy = None;
    // `input` and `inputs` in the filter draw from the same stream
    for item in inputs {
        let value = match item {
            Ok(v) => v,
            Err(msg) => {
                stderr
                    .borrow_mut()
                    .extend_from_slice(format!("jq: parse error: {msg}\n").as_bytes());
                status = EXIT_UNKNOWN;
                break;
            }
        };
        status = 0;
        let keep = value.clone();
        let ctx = Ctx::<D>::new(&env, Vars::new(vals.iter().cloned()));
        let mut halted = None;
        for out in compiled.id.run((ctx, value)) {
            match out {
                Ok(v) => {
                    last_truthy = Some(jaq_core::ValT::as_bool(&v));
                    write_output(&v, &mut stdout);
                    stdout.push(b'\n');
                    drop_deep(v);
                }
                Err(exn) => {
                    match exn.get_err() {
                        Ok(e) => {
                            let (msg, not_string) = error_message(e);
                            let at = format!("{filename}:{}", line.get());
                            let text = if not_string {
                                format!("jq: error (at {at}) (not a string): {msg}\n")
                            } else {
                                format!("jq: error (at {at}): {msg}\n")
                            };
                            stderr.borrow_mut().extend_from_slice(text.as_bytes());
                            status = EXIT_UNKNOWN;
                        }
                        Err(exn) => halted = exn.get_halt().ok(),
                    }
                    break;
                }
            }
        }
        drop_deep(keep);
        if let Some(code) = halted {
            status = if code > 0 { code & 0xff } else { 0 };
            break;
        }
    }
    if exit_status && status == 0 {
        status = match last_truthy {
            Some(true) => 0,
            Some(false) => 1,
            None => 4,
        };
    }
    JqOutput {
        stdout,
        stderr: stderr.into_inner(),
        status,
    }
}

fn shorten(s: &str) -> String {
    let s: String = s.chars().take(20).collect();
    format!("'{s}'")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cases recorded from jq 1.8 by `tests/data/record_jq_cases.sh`.
    const CASES: &str = include_str!("../../tests/data/jq_cases.json");

    fn run_case(case: &serde_json::Value) -> JqOutput {
        let input = match case.get("input_b64").and_then(|v| v.as_str()) {
            Some(b) => base64_decode(b).expect("valid base64 in case"),
            None => case["input"]
                .as_str()
                .unwrap_or_default()
                .as_bytes()
                .to_vec(),
        };
        let args: Vec<&str> = case
            .get("args")
            .and_then(|a| a.as_array())
            .map(|a| a.iter().filter_map(|x| x.as_str()).collect())
            .unwrap_or_default();
        let filter = case["filter"].as_str().unwrap_or_default();
        match parse_invocation(&args, filter) {
            Ok((vars, program)) => run(&input, &program, &vars),
            Err(out) => out,
        }
    }

    #[test]
    fn matches_recorded_jq_cases() {
        std::env::set_var("JQ_CASES_VAR", "recorded");
        let cases: Vec<serde_json::Value> = serde_json::from_str(CASES).expect("cases parse");
        assert!(cases.len() >= 150);
        let mut failures = Vec::new();
        let mut passed = 0;
        for (i, case) in cases.iter().enumerate() {
            let out = run_case(case);
            let want_stdout = match case.get("stdout_b64").and_then(|v| v.as_str()) {
                Some(b) => base64_decode(b).unwrap_or_default(),
                None => case["stdout"]
                    .as_str()
                    .unwrap_or_default()
                    .as_bytes()
                    .to_vec(),
            };
            let want_status = case["status"].as_i64().unwrap_or(-1) as i32;
            let want_stderr = case["stderr"].as_str().unwrap_or_default();
            let same = out.stdout == want_stdout
                && out.status == want_status
                && out.stderr.is_empty() == want_stderr.is_empty();
            let known = case.get("known_difference").is_some();
            if same && !known {
                passed += 1;
            } else if same || !known {
                failures.push(format!(
                    "case {i}{}: filter {:?} input {:?}\n  want status {want_status} stdout {:?} stderr {:?}\n  got  status {} stdout {:?} stderr {:?}",
                    if known { " (marked as a known difference, but it now matches)" } else { "" },
                    case["filter"].as_str().unwrap_or_default(),
                    case["input"].as_str().map(|s| s.chars().take(80).collect::<String>()),
                    String::from_utf8_lossy(&want_stdout),
                    want_stderr,
                    out.status,
                    String::from_utf8_lossy(&out.stdout),
                    String::from_utf8_lossy(&out.stderr),
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {} cases differ from jq 1.8 ({passed} match):\n{}",
            failures.len(),
            cases.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn whole_prelude_compiles() {
        // every definition may only use definitions above it and natives
        let mut needed: HashSet<&str> = PRELUDE
            .lines()
            .filter_map(|l| l.strip_prefix("def "))
            .map(|r| {
                let end = r
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '@'))
                    .unwrap_or(r.len());
                &r[..end]
            })
            .collect();
        let text = select_prelude(&mut needed);
        assert_eq!(
            text.lines().count(),
            PRELUDE.lines().filter(|l| l.starts_with("def ")).count()
        );
        let defs = load::parse(&text, |p| p.defs());
        assert!(defs.is_some(), "the prelude parses");
        let loader = Loader::new(defs.unwrap_or_default());
        let arena = Arena::default();
        let modules = loader.load(
            &arena,
            File {
                code: ".",
                path: (),
            },
        );
        let Ok(modules) = modules else {
            panic!("the prelude loads");
        };
        let all: HashSet<&str> = NATIVES
            .iter()
            .map(|n| n.0)
            .chain([
                "_error",
                "path",
                "path_value",
                "_range",
                "first",
                "last",
                "_limit",
                "_skip",
            ])
            .collect();
        let mut everything = all.clone();
        everything.extend(needed.iter().copied());
        let funs = NATIVES
            .iter()
            .map(|&(name, arity, f)| jaq_core::native::run::<D>((name, v(arity), f)))
            .chain(jaq_natives(&everything));
        let compiled = jaq_core::Compiler::default()
            .with_funs(funs)
            .compile(modules);
        assert!(
            compiled.is_ok(),
            "{:?}",
            compiled
                .err()
                .map(|e| e.into_iter().map(|(_, e)| e).collect::<Vec<_>>())
        );
    }

    #[test]
    fn numbers_print_like_jq() {
        let f = |x: f64| {
            let mut out = Vec::new();
            fmt_f64(x, &mut out);
            String::from_utf8(out).unwrap_or_default()
        };
        assert_eq!(f(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(f(1.0 / 3.0), "0.3333333333333333");
        assert_eq!(f(3.0), "3");
        assert_eq!(f(1e15), "1000000000000000");
        assert_eq!(f(1e16), "1e+16");
        assert_eq!(f(1e17), "1e+17");
        assert_eq!(f(123456789012345678.0), "123456789012345680");
        assert_eq!(f(1e100), "1e+100");
        assert_eq!(f(1e-5), "1e-05");
        assert_eq!(f(0.0001), "0.0001");
        assert_eq!(f(-0.0), "-0");
        assert_eq!(f(f64::INFINITY), "1.7976931348623157e+308");
        assert_eq!(f(f64::NAN), "null");
        assert_eq!(f(1e15 + 0.3), "1000000000000000.2");
        let lit = |s: &str| match parse_literal(s) {
            Some(Literal::Finite(t, _)) => t,
            Some(Literal::Float(x)) => f(x),
            None => "invalid".into(),
        };
        assert_eq!(lit("1.0"), "1.0");
        assert_eq!(lit("1.5e3"), "1.5E+3");
        assert_eq!(lit("1e1000"), "1E+1000");
        assert_eq!(lit("1E1234567890"), "1.7976931348623157e+308");
        assert_eq!(lit("100000000000000000001"), "100000000000000000001");
        assert_eq!(lit("00"), "0");
        assert_eq!(lit("-0.0"), "-0.0");
        assert_eq!(lit("0.000001"), "0.000001");
        assert_eq!(lit("1e-7"), "1E-7");
        assert_eq!(lit("1."), "1");
        assert_eq!(lit("1e"), "invalid");
        assert_eq!(
            dec_cmp("100000000000000000001", "100000000000000000000"),
            Ordering::Greater
        );
        assert_eq!(dec_cmp("1.0", "1"), Ordering::Equal);
        assert_eq!(dec_cmp("-1E+2", "-99.9"), Ordering::Less);
        assert_eq!(dec_cmp("0", "-0.0"), Ordering::Equal);
    }

    #[test]
    fn command_line_like_jq() {
        let inv = |args: &[&str], f: &str| parse_invocation(args, f);
        assert_eq!(
            inv(&["--arg", "a", "1", "--argjson", "b", "[2]"], ".").ok(),
            Some((
                vec![
                    JqVar::Arg("a".into(), "1".into()),
                    JqVar::ArgJson("b".into(), "[2]".into())
                ],
                ".".to_string()
            ))
        );
        // a parameter-less --arg takes the filter as its value; jq then runs `.`
        assert_eq!(
            inv(&["--arg", "x"], "$x").ok(),
            Some((vec![JqVar::Arg("x".into(), "$x".into())], ".".to_string()))
        );
        assert_eq!(
            inv(&["--argjson", "x", "{"], ".").err().map(|o| o.status),
            Some(2)
        );
        assert_eq!(inv(&["--nope"], ".").err().map(|o| o.status), Some(2));
        assert_eq!(inv(&[], "-x").err().map(|o| o.status), Some(2));
        assert_eq!(inv(&[], "-.a").ok().map(|v| v.1), Some("-.a".to_string()));
        assert_eq!(
            inv(&["-r", "--arg", "n", "v"], ".").ok().map(|v| v.0),
            Some(vec![JqVar::Arg("n".into(), "v".into())])
        );
    }

    #[test]
    fn values_stay_out_of_filter_text() {
        let nasty = "\") | error(\"injected";
        let out = run(
            b"{}",
            ".a = $v | .a",
            &[JqVar::Arg("v".into(), nasty.into())],
        );
        assert_eq!(out.status, 0);
        assert_eq!(out.stdout, format!("{nasty}\n").into_bytes());
    }

    #[test]
    fn reads_files_and_reports_missing_ones() {
        let path = std::env::temp_dir().join(format!("jq-engine-test-{}.json", std::process::id()));
        std::fs::write(&path, b"{\"a\":1.0}\n{\"a\":2}\n").expect("temp file");
        let out = run_file(&path, ".a, input_filename", &[]);
        let name = path.to_string_lossy();
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            format!("1.0\n{name}\n2\n{name}\n")
        );
        assert_eq!(out.status, 0);
        let _ = std::fs::remove_file(&path);
        let out = run_file(&path, ".", &[]);
        assert_eq!(out.status, 2);
        assert!(String::from_utf8_lossy(&out.stderr).contains("Could not open"));
        assert_eq!(run_file(&path, ".[", &[]).status, 3);
    }

    #[test]
    fn survives_hostile_input() {
        let inputs: &[&[u8]] = &[
            b"\xff\xfe\xfd",
            b"\"\xc3\x28\"",
            b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
            b"{\"a\":{\"a\":{\"a\":",
            b"\"\\u",
            b"1e99999999999999999999",
            b"-",
            b"\x00",
            b"[1,2,3]]]]",
        ];
        let filters = [
            ".", ".a", "..", "tostream", "[paths]", ".[0] = 1", "tojson", "@base64d", "-.", "error",
        ];
        for input in inputs {
            for filter in filters {
                let out = run(input, filter, &[]);
                assert!(matches!(out.status, 0 | 2 | 3 | 5), "{filter} on {input:?}");
            }
        }
        let deep = format!("{}1{}", "[".repeat(20000), "]".repeat(20000));
        assert_eq!(run(deep.as_bytes(), "length", &[]).status, 5);
        let deep = format!("{}1{}", "[".repeat(9000), "]".repeat(9000));
        let out = run(deep.as_bytes(), ".", &[]);
        assert_eq!(out.stdout.len(), 18002);
    }

    /// Filters whose structure is deep (long pipe chains, nested brackets,
    /// long operator chains) once overflowed the stack while being parsed,
    /// compiled and run; overlong ones are refused.
    #[test]
    fn deep_filters_do_not_overflow_the_stack() {
        let deep = [
            format!("{}.a", ".a|".repeat(4000)),
            format!("{}1{}", "[".repeat(6000), "]".repeat(6000)),
            format!("{}1", "1+".repeat(6000)),
            format!("{}1{}", "(".repeat(6000), ")".repeat(6000)),
            format!("{}1", "try ".repeat(3000)),
        ];
        for filter in &deep {
            let out = run(b"{}", filter, &[]);
            assert_eq!(out.status, 0, "{}", String::from_utf8_lossy(&out.stderr));
        }
        let out = run(b"{}", &".a|".repeat(6000), &[]);
        assert_eq!(out.status, EXIT_COMPILE);
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "jq: error: program longer than 16384 bytes\njq: 1 compile error\n"
        );
    }
}
