//! The values a template works on, modelled on the Go types tempio's data
//! and sprig's results have: JSON gives `map[string]interface {}`,
//! `[]interface {}`, `float64`, `string`, `bool` and nil; functions add
//! `int`, `int64`, `[]string` and `map[string]string`. The Go type matters
//! for error messages and for which function arguments are accepted.

#![forbid(unsafe_code)]

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Go's integer types as far as templates meet them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntType {
    Int,
    Int64,
    Uint8,
    Int32,
}

/// The element type of a slice or a map's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Elem {
    /// `interface {}`
    Any,
    /// `string`
    Str,
    /// `int` (sprig's `until`)
    Int,
}

pub type Map = BTreeMap<String, Value>;
/// A map as Go holds one: a reference, so that sprig's `set`, `unset` and
/// `merge` change it for every holder.
pub type MapRef = Rc<RefCell<Map>>;

#[derive(Clone, Debug)]
pub enum Value {
    /// No value at all (reflect's invalid Value), or an untyped nil.
    Nil,
    Bool(bool),
    Int(i64, IntType),
    Float(f64),
    Str(Rc<str>),
    List(Rc<Vec<Value>>, Elem),
    Map(MapRef, Elem),
}

/// A value as the executor holds it: `iface` when it was read out of an
/// `interface {}` slot (a JSON map or list element), which Go's messages
/// name as such and which unwraps at the end of a pipeline.
#[derive(Clone, Debug)]
pub struct Rv {
    pub v: Value,
    pub iface: bool,
}

impl Rv {
    pub fn new(v: Value) -> Rv {
        Rv { v, iface: false }
    }
    pub fn invalid() -> Rv {
        Rv::new(Value::Nil)
    }
    pub fn is_invalid(&self) -> bool {
        !self.iface && matches!(self.v, Value::Nil)
    }
    /// The Go type name of the slot: `interface {}` for wrapped values.
    pub fn type_name(&self) -> String {
        if self.iface {
            "interface {}".to_string()
        } else {
            self.v.type_name()
        }
    }
    /// The element slot of a container of `elem`.
    pub fn elem(v: Value, elem: Elem) -> Rv {
        Rv {
            v,
            iface: elem == Elem::Any,
        }
    }
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::from(s))
    }
    pub fn string(s: String) -> Value {
        Value::Str(Rc::from(s))
    }
    pub fn int(i: i64) -> Value {
        Value::Int(i, IntType::Int)
    }
    pub fn int64(i: i64) -> Value {
        Value::Int(i, IntType::Int64)
    }
    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(items), Elem::Any)
    }
    pub fn strings(items: Vec<String>) -> Value {
        Value::List(
            Rc::new(items.into_iter().map(Value::string).collect()),
            Elem::Str,
        )
    }
    pub fn map(map: Map) -> Value {
        Value::Map(Rc::new(RefCell::new(map)), Elem::Any)
    }

    pub fn type_name(&self) -> String {
        match self {
            Value::Nil => "<nil>".into(),
            Value::Bool(_) => "bool".into(),
            Value::Int(_, t) => match t {
                IntType::Int => "int",
                IntType::Int64 => "int64",
                IntType::Uint8 => "uint8",
                IntType::Int32 => "int32",
            }
            .into(),
            Value::Float(_) => "float64".into(),
            Value::Str(_) => "string".into(),
            Value::List(_, Elem::Any) => "[]interface {}".into(),
            Value::List(_, Elem::Str) => "[]string".into(),
            Value::List(_, Elem::Int) => "[]int".into(),
            Value::Map(_, Elem::Any) => "map[string]interface {}".into(),
            Value::Map(_, _) => "map[string]string".into(),
        }
    }

    /// reflect's Kind name, as sprig's `kindOf` prints it.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Nil => "invalid",
            Value::Bool(_) => "bool",
            Value::Int(_, IntType::Int) => "int",
            Value::Int(_, IntType::Int64) => "int64",
            Value::Int(_, IntType::Uint8) => "uint8",
            Value::Int(_, IntType::Int32) => "int32",
            Value::Float(_) => "float64",
            Value::Str(_) => "string",
            Value::List(..) => "slice",
            Value::Map(..) => "map",
        }
    }

    /// Go's truth: non-zero numbers, non-empty strings and containers, true.
    pub fn truth(&self) -> bool {
        match self {
            Value::Nil => false,
            Value::Bool(b) => *b,
            Value::Int(i, _) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::List(l, _) => !l.is_empty(),
            Value::Map(m, _) => !m.borrow().is_empty(),
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// Go's `%v` of a value, as `fmt.Sprint` prints it.
pub fn sprint_value(v: &Value, out: &mut String) {
    match v {
        Value::Nil => out.push_str("<nil>"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i, _) => out.push_str(&i.to_string()),
        Value::Float(f) => out.push_str(&format_float_g(*f, None, false)),
        Value::Str(s) => out.push_str(s),
        Value::List(items, _) => {
            out.push('[');
            for (n, item) in items.iter().enumerate() {
                if n > 0 {
                    out.push(' ');
                }
                sprint_value(item, out);
            }
            out.push(']');
        }
        Value::Map(map, _) => {
            out.push_str("map[");
            for (n, (k, item)) in map.borrow().iter().enumerate() {
                if n > 0 {
                    out.push(' ');
                }
                out.push_str(k);
                out.push(':');
                sprint_value(item, out);
            }
            out.push(']');
        }
    }
}

pub fn to_string(v: &Value) -> String {
    let mut out = String::new();
    sprint_value(v, &mut out);
    out
}

/// The shortest decimal digits of `f` and its decimal point position:
/// `f = 0.DIGITS * 10^point`.
pub fn shortest_digits(f: f64) -> (String, i32) {
    let text = format!("{:e}", f.abs());
    let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let exp: i32 = exp.parse().unwrap_or(0);
    if digits == "0" {
        return ("0".into(), 1);
    }
    (digits, exp + 1)
}

/// Digits of `f` rounded to `n` significant digits (n >= 1), and the point.
pub fn rounded_digits(f: f64, n: usize) -> (String, i32) {
    let text = format!("{:.*e}", n.saturating_sub(1), f.abs());
    let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let exp: i32 = exp.parse().unwrap_or(0);
    (digits, exp + 1)
}

fn exp_suffix(exp: i32, upper: bool) -> String {
    let sign = if exp < 0 { '-' } else { '+' };
    let e = if upper { 'E' } else { 'e' };
    format!("{e}{sign}{:02}", exp.abs())
}

/// `%e` with `prec` digits after the point (None: shortest).
pub fn format_float_e(f: f64, prec: Option<usize>, upper: bool) -> String {
    if let Some(special) = special_float(f) {
        return special;
    }
    let (digits, point) = match prec {
        Some(p) => rounded_digits(f, p + 1),
        None => shortest_digits(f),
    };
    let mut out = String::new();
    if f.is_sign_negative() {
        out.push('-');
    }
    out.push_str(&digits[..1]);
    let rest = &digits[1..];
    let rest = match prec {
        Some(p) => format!("{rest:0<p$}"),
        None => rest.to_string(),
    };
    if !rest.is_empty() {
        out.push('.');
        out.push_str(&rest);
    }
    let exp = if digits == "0" { 0 } else { point - 1 };
    out.push_str(&exp_suffix(exp, upper));
    out
}

fn special_float(f: f64) -> Option<String> {
    if f.is_nan() {
        Some("NaN".into())
    } else if f.is_infinite() {
        Some(if f > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        })
    } else {
        None
    }
}

/// `%g` (and `%v`) with `prec` significant digits (None: the shortest
/// digits, in exponent form from an exponent of 6 or below -4, as Go does).
pub fn format_float_g(f: f64, prec: Option<usize>, upper: bool) -> String {
    if let Some(special) = special_float(f) {
        return special;
    }
    let (digits, point) = match prec {
        Some(p) => {
            let (d, pt) = rounded_digits(f, p.max(1));
            let trimmed = d.trim_end_matches('0');
            (
                if trimmed.is_empty() {
                    "0".to_string()
                } else {
                    trimmed.to_string()
                },
                pt,
            )
        }
        None => shortest_digits(f),
    };
    let eprec = match prec {
        None => 6,
        Some(p) => {
            let p = p.max(1) as i32;
            if p > digits.len() as i32 && digits.len() as i32 >= point {
                digits.len() as i32
            } else {
                p
            }
        }
    };
    let exp = if digits == "0" { 0 } else { point - 1 };
    let mut out = String::new();
    if f.is_sign_negative() {
        out.push('-');
    }
    if exp < -4 || exp >= eprec {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push_str(&exp_suffix(exp, upper));
    } else {
        out.push_str(&fixed_from_digits(&digits, point, None));
    }
    out
}

/// Places the point in `digits`; `frac` pads or limits the fraction.
fn fixed_from_digits(digits: &str, point: i32, frac: Option<usize>) -> String {
    let mut out = String::new();
    if point <= 0 {
        out.push('0');
    } else {
        for i in 0..point as usize {
            out.push(digits.as_bytes().get(i).map_or('0', |&b| b as char));
        }
    }
    let mut fraction = String::new();
    if point < 0 {
        fraction.extend(std::iter::repeat_n('0', (-point) as usize));
    }
    if (point.max(0) as usize) < digits.len() {
        fraction.push_str(&digits[point.max(0) as usize..]);
    }
    match frac {
        Some(n) => {
            let mut f: String = fraction.chars().take(n).collect();
            while f.len() < n {
                f.push('0');
            }
            if n > 0 {
                out.push('.');
                out.push_str(&f);
            }
        }
        None => {
            if !fraction.is_empty() {
                out.push('.');
                out.push_str(&fraction);
            }
        }
    }
    out
}

/// `%f` with `prec` digits after the point (None: shortest).
pub fn format_float_f(f: f64, prec: Option<usize>) -> String {
    if let Some(special) = special_float(f) {
        return special;
    }
    let mut out = String::new();
    if f.is_sign_negative() {
        out.push('-');
    }
    match prec {
        Some(p) => out.push_str(&format!("{:.*}", p, f.abs())),
        None => {
            let (digits, point) = shortest_digits(f);
            if digits == "0" {
                out.push('0');
            } else {
                out.push_str(&fixed_from_digits(&digits, point, None));
            }
        }
    }
    out
}
