//! The function table templates see: Go's builtins and sprig's families,
//! each with the Go parameter types the executor checks arguments against.
//! A name missing here fails at parse time as Go's unknown functions do.

#![forbid(unsafe_code)]

use super::value::Value;
use super::{
    builtins, sprig_dicts, sprig_flow, sprig_lists, sprig_math, sprig_semver, sprig_strings,
};

/// A parameter's Go type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Param {
    /// `interface {}`
    Any,
    /// `reflect.Value` (builtins): anything, even no value.
    Val,
    Str,
    Int,
    Float,
    Bool,
    MapAny,
}

impl Param {
    pub fn go_name(self) -> &'static str {
        match self {
            Param::Any => "interface {}",
            Param::Val => "reflect.Value",
            Param::Str => "string",
            Param::Int => "int",
            Param::Float => "float64",
            Param::Bool => "bool",
            Param::MapAny => "map[string]interface {}",
        }
    }
}

pub type Call = fn(&[Value]) -> Result<Value, String>;

#[derive(Clone, Copy)]
pub struct Func {
    pub params: &'static [Param],
    /// The last parameter is `...T`.
    pub variadic: bool,
    /// `and`/`or`: arguments evaluated until one decides.
    pub short_circuit: bool,
    pub call: Call,
}

pub const fn f(params: &'static [Param], call: Call) -> Func {
    Func {
        params,
        variadic: false,
        short_circuit: false,
        call,
    }
}

pub const fn v(params: &'static [Param], call: Call) -> Func {
    Func {
        params,
        variadic: true,
        short_circuit: false,
        call,
    }
}

fn tables() -> [&'static [(&'static str, Func)]; 7] {
    [
        sprig_semver::TABLE,
        sprig_strings::TABLE,
        sprig_lists::TABLE,
        sprig_dicts::TABLE,
        sprig_math::TABLE,
        sprig_flow::TABLE,
        builtins::TABLE,
    ]
}

/// The function called `name`: sprig's first (tempio adds them over Go's
/// builtins, so sprig's `slice` wins), then the builtins.
pub fn lookup(name: &str) -> Option<&'static Func> {
    tables()
        .into_iter()
        .flat_map(|t| t.iter())
        .find(|(n, _)| *n == name)
        .map(|(_, f)| f)
}

/// Every name `lookup` knows, for the documentation and tests.
pub fn names() -> Vec<&'static str> {
    tables()
        .into_iter()
        .flat_map(|t| t.iter().map(|(n, _)| *n))
        .collect()
}

/// sprig's `strval`: strings as they are, anything else as `%v`.
pub fn strval(v: &Value) -> String {
    match v {
        Value::Str(s) => s.to_string(),
        other => super::value::to_string(other),
    }
}

/// sprig's `toStrings`/`strslice`: a list's non-nil elements as strings,
/// a single value as a one-element list, nil as none.
pub fn strslice(v: &Value) -> Vec<String> {
    match v {
        Value::List(items, _) => items
            .iter()
            .filter(|i| !matches!(i, Value::Nil))
            .map(strval)
            .collect(),
        Value::Nil => Vec::new(),
        other => vec![strval(other)],
    }
}

/// spf13/cast's ToInt64: numbers truncated, strings parsed (a zero
/// fraction allowed), booleans 0/1, anything else 0.
pub fn to_int64(v: &Value) -> i64 {
    match v {
        Value::Int(i, _) => *i,
        Value::Float(f) => *f as i64,
        Value::Bool(b) => *b as i64,
        Value::Str(s) => parse_go_int(trim_zero_decimal(s)).unwrap_or(0),
        _ => 0,
    }
}

fn trim_zero_decimal(s: &str) -> &str {
    let Some(dot) = s.find('.') else { return s };
    if s.len() > dot + 1 && s[dot + 1..].bytes().all(|b| b == b'0') {
        return &s[..dot];
    }
    s
}

/// `strconv.ParseInt(s, 0, 64)`.
pub fn parse_go_int(s: &str) -> Option<i64> {
    let (negative, magnitude) = super::parse::parse_integer(s)?;
    if negative {
        (magnitude <= 1 << 63).then(|| (magnitude as i64).wrapping_neg())
    } else {
        i64::try_from(magnitude).ok()
    }
}

/// spf13/cast's ToFloat64.
pub fn to_float64(v: &Value) -> f64 {
    match v {
        Value::Int(i, _) => *i as f64,
        Value::Float(f) => *f,
        Value::Bool(b) => *b as i64 as f64,
        Value::Str(s) => parse_go_float(s).unwrap_or(0.0),
        _ => 0.0,
    }
}

/// `strconv.ParseFloat(s, 64)` for decimal forms.
pub fn parse_go_float(s: &str) -> Option<f64> {
    let lower = s.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    if matches!(body, "inf" | "infinity" | "nan") {
        return s.parse::<f64>().ok().or(Some(f64::NAN));
    }
    if body.is_empty()
        || !body
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'+' | b'-' | b'_'))
    {
        return None;
    }
    s.replace('_', "").parse::<f64>().ok()
}

/// sprig's `empty`: nil, false, zero numbers and empty strings and
/// containers.
pub fn empty(v: &Value) -> bool {
    !v.truth()
}
