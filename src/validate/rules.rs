//! The Home Assistant Supervisor's rules for an add-on's options: the
//! `schema` of its config.yaml, the way the Supervisor applies it when options
//! are saved, validated or written for the add-on's start, with its messages
//! word for word ("Missing option 'x' in root in My Add-on (my_addon)",
//! "expected int. Got {'port': 'eighty'}", ...).
//!
//! Self-contained (std, serde_json and regex only, no `crate::` paths) so the
//! mock Supervisor compiles this same file and answers as `bashio validate`
//! decides. It refuses to guess where the Supervisor asks the host: a device
//! is checked to be a device path, not to exist (there is no udev here), and
//! `!secret NAME` values resolve only through the lookup the caller gives.
//!
//! Where the Supervisor's behaviour is an accident of Python it is kept:
//! `match(...)` anchors at the start only, `list(...)` compares the value's
//! Python `str()`, `bool` takes any non-string by its truth, range bounds are
//! floats (`value must be at least 0.0`), the first error ends the walk,
//! unknown options are dropped with a warning, and `schema: false` checks
//! against an empty schema (every option dropped, none refused).

use regex::Regex;
use serde_json::{Map, Number, Value};

/// The add-on the messages name, as the Supervisor does: `My Add-on (my_addon)`.
#[derive(Clone, Copy, Debug)]
pub struct Addon<'a> {
    pub name: &'a str,
    pub slug: &'a str,
}

/// Why options were refused.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// A rule the options break, in voluptuous's words; the Supervisor shows
    /// it with the options' Python form appended (see [`Problem::describe`]).
    Invalid(String),
    /// The schema itself cannot be applied (a regular expression this engine
    /// cannot compile, a schema that is not a mapping); the Supervisor would
    /// fail with an internal error or not load the add-on at all.
    Schema(String),
}

impl Problem {
    /// What the Supervisor reports for `options`: voluptuous's
    /// `humanize_error`, the message then `. Got ` and the options' Python
    /// `repr` (cut to 500 characters).
    pub fn describe(&self, options: &Value) -> String {
        match self {
            Problem::Invalid(message) => {
                let shown = py_repr(options);
                let shown = if shown.chars().count() > 500 {
                    shown.chars().take(497).chain("...".chars()).collect()
                } else {
                    shown
                };
                format!("{message}. Got {shown}")
            }
            Problem::Schema(message) => message.clone(),
        }
    }
}

/// The Supervisor's error for refused options (its log line when the add-on
/// starts, and the message of the 400 answer to `POST /addons/<slug>/options`).
pub fn invalid_options_message(slug: &str, validation_error: &str) -> String {
    format!("App {slug} has invalid options: {validation_error}")
}

/// The outcome of [`validate`].
#[derive(Debug)]
pub struct Validation {
    /// The Supervisor's warnings for dropped options, in the order met.
    pub warnings: Vec<String>,
    /// The options as the Supervisor would store and write them (coerced
    /// values, unknown options dropped), or why they are refused.
    pub result: Result<Value, Problem>,
}

/// Checks `options` against the add-on's raw `schema` (the config's mapping;
/// `false` or null stand for the empty schema, as in the Supervisor).
/// `secrets` resolves `!secret NAME` values; `None` means unknown.
pub fn validate(
    schema: &Value,
    options: &Value,
    addon: Addon,
    secrets: &dyn Fn(&str) -> Option<Value>,
) -> Validation {
    let empty = Map::new();
    let schema = match schema {
        Value::Object(schema) => schema,
        Value::Bool(_) | Value::Null => &empty,
        other => {
            return Validation {
                warnings: Vec::new(),
                result: Err(Problem::Schema(format!(
                    "The schema of {} ({}) is not a mapping of options to types: {}",
                    addon.name,
                    addon.slug,
                    py_repr(other)
                ))),
            }
        }
    };
    let mut walk = Walk {
        addon,
        secrets,
        warnings: Vec::new(),
    };
    let result = walk.root(schema, options);
    Validation {
        warnings: walk.warnings,
        result,
    }
}

/// Checks a config's `schema` against the grammar the Supervisor loads
/// add-ons with: a mapping (or `false`) whose values are element strings,
/// mappings of the same, or lists of element strings or mappings (a list may
/// not hold a list). Says which option is wrong, in plain words.
pub fn check_schema(schema: &Value) -> Result<(), String> {
    match schema {
        Value::Bool(false) | Value::Null => Ok(()),
        Value::Object(fields) => fields
            .iter()
            .try_for_each(|(name, element)| check_element(element, name, true)),
        other => Err(format!(
            "schema must be a mapping of options to types, or false, not {}",
            py_repr(other)
        )),
    }
}

fn check_element(element: &Value, path: &str, list_allowed: bool) -> Result<(), String> {
    match element {
        Value::String(text) if Element::parse(text).is_some() => Ok(()),
        Value::String(text) => Err(format!(
            "schema of option '{path}' has an unknown type: {}",
            py_repr(&Value::String(text.clone()))
        )),
        Value::Object(fields) => fields
            .iter()
            .try_for_each(|(name, inner)| check_element(inner, &format!("{path}.{name}"), true)),
        Value::Array(items) if list_allowed => items
            .iter()
            .try_for_each(|item| check_element(item, &format!("{path}[]"), false)),
        Value::Array(_) => Err(format!(
            "schema of option '{path}' is a list inside a list, which the Supervisor does not allow"
        )),
        other => Err(format!(
            "schema of option '{path}' is {}, not a type, a list or a mapping",
            py_repr(other)
        )),
    }
}

/// One schema element string: `str(3,)`, `int(0,100)?`, `list(a|b)`, ...
#[derive(Clone, Debug, PartialEq)]
struct Element {
    kind: Kind,
    /// Range or length bounds, as the floats the Supervisor makes of them.
    min: Option<f64>,
    max: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
enum Kind {
    /// The empty element (`""` or `"?"`): the grammar allows it, and every
    /// value then fails with the Supervisor's "Fatal error".
    Empty,
    Str,
    Password,
    Int,
    Float,
    Bool,
    Email,
    Url,
    Port,
    Match(String),
    List(Vec<String>),
    /// `device` or `device(subsystem=NAME)`; the filter cannot be checked here.
    Device,
}

/// Which numbers a bounded element takes between its parentheses.
#[derive(Clone, Copy)]
enum Bound {
    /// `str(3,10)`: unsigned digits.
    Length,
    /// `int(-5,5)`: optionally signed digits.
    Integer,
    /// `float(-.5,1.5)`: optionally signed, with an optional fraction.
    Decimal,
}

impl Element {
    /// Parses an element the way the Supervisor's grammar reads it: a type,
    /// then an optional `?`. `match(...)` and `list(...)` take the longest
    /// text that leaves a closing parenthesis (and maybe `?`) at the end.
    fn parse(text: &str) -> Option<Element> {
        // The grammar ends in `$`, which in Python also matches before one
        // final newline.
        let text = text.strip_suffix('\n').unwrap_or(text);
        Self::parse_body(text).or_else(|| text.strip_suffix('?').and_then(Self::parse_body))
    }

    fn parse_body(body: &str) -> Option<Element> {
        let plain = |kind| {
            Some(Element {
                kind,
                min: None,
                max: None,
            })
        };
        match body {
            "" => return plain(Kind::Empty),
            "bool" => return plain(Kind::Bool),
            "email" => return plain(Kind::Email),
            "url" => return plain(Kind::Url),
            "port" => return plain(Kind::Port),
            "device" => return plain(Kind::Device),
            _ => {}
        }
        if let Some(inner) = inside(body, "device") {
            let subsystem = inner.strip_prefix("subsystem=")?;
            let lower = !subsystem.is_empty() && subsystem.bytes().all(|b| b.is_ascii_lowercase());
            return if lower { plain(Kind::Device) } else { None };
        }
        if let Some(pattern) = inside(body, "match") {
            return (!pattern.contains('\n')).then(|| Element {
                kind: Kind::Match(pattern.to_string()),
                min: None,
                max: None,
            });
        }
        if let Some(choices) = inside(body, "list") {
            return (!choices.is_empty() && !choices.contains('\n')).then(|| Element {
                kind: Kind::List(choices.split('|').map(str::to_string).collect()),
                min: None,
                max: None,
            });
        }
        for (word, kind, bound) in [
            ("str", Kind::Str, Bound::Length),
            ("password", Kind::Password, Bound::Length),
            ("int", Kind::Int, Bound::Integer),
            ("float", Kind::Float, Bound::Decimal),
        ] {
            if body == word {
                return plain(kind);
            }
            if let Some(range) = inside(body, word) {
                let (low, high) = range.split_once(',')?;
                return Some(Element {
                    kind,
                    min: bound_value(low, bound)?,
                    max: bound_value(high, bound)?,
                });
            }
        }
        None
    }
}

/// `word(INNER)` -> INNER.
fn inside<'a>(body: &'a str, word: &str) -> Option<&'a str> {
    body.strip_prefix(word)?
        .strip_prefix('(')?
        .strip_suffix(')')
}

/// One side of a range: empty is no bound; otherwise the number, or `None`
/// (outer) when the text is not one the grammar takes.
fn bound_value(text: &str, bound: Bound) -> Option<Option<f64>> {
    if text.is_empty() {
        return Some(None);
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let unsigned = match bound {
        Bound::Length => text,
        Bound::Integer | Bound::Decimal => text.strip_prefix('-').unwrap_or(text),
    };
    let fits = match bound {
        Bound::Length | Bound::Integer => digits(unsigned),
        Bound::Decimal => match unsigned.split_once('.') {
            None => digits(unsigned),
            Some((whole, fraction)) => (whole.is_empty() || digits(whole)) && digits(fraction),
        },
    };
    if !fits {
        return None;
    }
    text.parse::<f64>().ok().map(Some)
}

/// Why one element failed, before the top level turns it into a [`Problem`].
enum Fail {
    Invalid(String),
    /// A list schema with no element: Python's IndexError, which the
    /// Supervisor reports as a type error of the top-level option.
    NoElement,
    Schema(String),
}

struct Walk<'a> {
    addon: Addon<'a>,
    secrets: &'a dyn Fn(&str) -> Option<Value>,
    warnings: Vec<String>,
}

impl Walk<'_> {
    /// ` in My Add-on (my_addon)`: how the Supervisor's messages end.
    fn within(&self) -> String {
        format!("in {} ({})", self.addon.name, self.addon.slug)
    }

    fn invalid(&self, message: impl std::fmt::Display) -> Fail {
        Fail::Invalid(format!("{message} {}", self.within()))
    }

    fn root(&mut self, schema: &Map<String, Value>, options: &Value) -> Result<Value, Problem> {
        let Value::Object(options) = options else {
            return Err(Problem::Invalid("expected dict".into()));
        };
        let mut checked = Map::new();
        for (key, value) in options {
            let Some(element) = schema.get(key) else {
                let warning = format!(
                    "Option '{key}' does not exist in the schema for {} ({})",
                    self.addon.name, self.addon.slug
                );
                self.warnings.push(warning);
                continue;
            };
            match self.element(element, value, key) {
                Ok(value) => {
                    checked.insert(key.clone(), value);
                }
                Err(Fail::Invalid(message)) => return Err(Problem::Invalid(message)),
                Err(Fail::Schema(message)) => return Err(Problem::Schema(message)),
                Err(Fail::NoElement) => {
                    let message = format!("Type error for option '{key}' {}", self.within());
                    return Err(Problem::Invalid(message));
                }
            }
        }
        self.missing(schema, &checked, "root")
            .map_err(Problem::Invalid)?;
        Ok(Value::Object(checked))
    }

    fn element(&mut self, element: &Value, value: &Value, key: &str) -> Result<Value, Fail> {
        match element {
            // Only the first element of a list schema counts.
            Value::Array(items) => {
                let item = items.first().ok_or(Fail::NoElement)?;
                self.list(item, value, key)
            }
            Value::Object(fields) => self.mapping(fields, value, key),
            _ => self.single(element, value, key),
        }
    }

    fn list(&mut self, item: &Value, value: &Value, key: &str) -> Result<Value, Fail> {
        let Value::Array(values) = value else {
            return Err(self.invalid(format_args!("Invalid list for option '{key}'")));
        };
        values
            .iter()
            .map(|value| self.element(item, value, key))
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array)
    }

    fn mapping(
        &mut self,
        fields: &Map<String, Value>,
        value: &Value,
        key: &str,
    ) -> Result<Value, Fail> {
        let Value::Object(values) = value else {
            return Err(self.invalid(format_args!("Invalid dict for option '{key}'")));
        };
        let mut checked = Map::new();
        for (name, value) in values {
            let Some(element) = fields.get(name) else {
                let warning = format!(
                    "Unknown option '{name}' for {} ({})",
                    self.addon.name, self.addon.slug
                );
                self.warnings.push(warning);
                continue;
            };
            let value = self.element(element, value, name)?;
            checked.insert(name.clone(), value);
        }
        self.missing(fields, &checked, key).map_err(Fail::Invalid)?;
        Ok(Value::Object(checked))
    }

    /// Every option of `schema` that `present` lacks must be optional: a
    /// type string ending in `?`, or a list whose first element is one. The
    /// Supervisor meets missing options in no fixed order; this takes the
    /// schema's.
    fn missing(
        &self,
        schema: &Map<String, Value>,
        present: &Map<String, Value>,
        root: &str,
    ) -> Result<(), String> {
        for (name, element) in schema {
            if present.contains_key(name) {
                continue;
            }
            let decisive = match element {
                Value::Array(items) if !items.is_empty() => &items[0],
                other => other,
            };
            if matches!(decisive, Value::String(text) if text.ends_with('?')) {
                continue;
            }
            return Err(format!(
                "Missing option '{name}' in {root} {}",
                self.within()
            ));
        }
        Ok(())
    }

    fn single(&mut self, element: &Value, value: &Value, key: &str) -> Result<Value, Fail> {
        if value.is_null() {
            return Err(self.invalid(format_args!("Missing required option '{key}'")));
        }
        let resolved;
        let value = match value {
            Value::String(text) if text.starts_with("!secret ") => {
                let name = &text["!secret ".len()..];
                match (self.secrets)(name) {
                    Some(secret) if !secret.is_null() => {
                        resolved = secret;
                        &resolved
                    }
                    _ => return Err(self.invalid(format_args!("Unknown secret '{name}'"))),
                }
            }
            other => other,
        };
        let typ = py_str(element);
        let Some(parsed) = element.as_str().and_then(Element::parse) else {
            return Err(self.invalid(format_args!("Unknown type '{typ}'")));
        };
        let invalid = |message: &str| Err(Fail::Invalid(message.to_string()));
        match parsed.kind {
            Kind::Str | Kind::Password => {
                let Value::String(text) = value else {
                    return invalid("expected str");
                };
                let length = text.chars().count() as f64;
                if let Some(min) = parsed.min.filter(|min| length < *min) {
                    return invalid(&format!(
                        "length of value must be at least {}",
                        py_float(min)
                    ));
                }
                if let Some(max) = parsed.max.filter(|max| length > *max) {
                    return invalid(&format!(
                        "length of value must be at most {}",
                        py_float(max)
                    ));
                }
                Ok(value.clone())
            }
            Kind::Int => {
                let Some(number) = coerce_int(value) else {
                    return invalid("expected int");
                };
                if let Some(min) = parsed.min.filter(|min| !int_at_least(&number, *min)) {
                    return invalid(&format!("value must be at least {}", py_float(min)));
                }
                if let Some(max) = parsed.max.filter(|max| !int_at_most(&number, *max)) {
                    return invalid(&format!("value must be at most {}", py_float(max)));
                }
                Ok(int_value(&number))
            }
            Kind::Float => {
                let Some(number) = coerce_float(value) else {
                    return invalid("expected float");
                };
                // NaN fails any bound, as Python's `not v >= min` makes it.
                if let Some(min) = parsed.min.filter(|min| number.is_nan() || number < *min) {
                    return invalid(&format!("value must be at least {}", py_float(min)));
                }
                if let Some(max) = parsed.max.filter(|max| number.is_nan() || number > *max) {
                    return invalid(&format!("value must be at most {}", py_float(max)));
                }
                // NaN and infinities have no JSON form; the Supervisor's writer makes them null.
                Ok(Number::from_f64(number).map_or(Value::Null, Value::Number))
            }
            Kind::Bool => match value {
                Value::String(text) => match text.to_lowercase().as_str() {
                    "1" | "true" | "yes" | "on" | "enable" => Ok(Value::Bool(true)),
                    "0" | "false" | "no" | "off" | "disable" => Ok(Value::Bool(false)),
                    _ => invalid("expected boolean"),
                },
                other => Ok(Value::Bool(py_truth(other))),
            },
            Kind::Email => match value {
                Value::String(text) if is_email(text) => Ok(value.clone()),
                _ => invalid("expected an email address"),
            },
            Kind::Url => match value {
                Value::String(text) if is_url(text) => Ok(value.clone()),
                _ => invalid("expected a URL"),
            },
            Kind::Port => {
                let Some(number) = coerce_int(value) else {
                    return invalid("expected int");
                };
                if !int_at_least(&number, 1.0) {
                    return invalid("value must be at least 1");
                }
                if !int_at_most(&number, 65535.0) {
                    return invalid("value must be at most 65535");
                }
                Ok(int_value(&number))
            }
            Kind::Match(pattern) => {
                let regex = start_anchored(&pattern).map_err(|reason| {
                    Fail::Schema(format!(
                        "Cannot check option '{key}' {}: match({pattern}) is not a regular expression this validator supports: {reason}",
                        self.within()
                    ))
                })?;
                let text = py_str(value);
                if regex.is_match(&text) {
                    Ok(Value::String(text))
                } else {
                    invalid(&format!("does not match regular expression {pattern}"))
                }
            }
            Kind::List(choices) => {
                let text = py_str(value);
                if choices.contains(&text) {
                    return Ok(Value::String(text));
                }
                let mut sorted: Vec<Value> = choices.into_iter().map(Value::String).collect();
                sorted.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
                invalid(&format!(
                    "value must be one of {}",
                    py_repr(&Value::Array(sorted))
                ))
            }
            Kind::Device => {
                let Value::String(path) = value else {
                    return Err(self.invalid(format_args!("Expected a string for option '{key}'")));
                };
                // The Supervisor looks the path up among the devices udev
                // knows (their /dev node, /dev/serial/by-id/... links or
                // /sys/devices/... path) and applies `subsystem=` to the one it
                // finds. With no udev here, only the form is checked: a path
                // under /dev or /sys/devices. Whether the device exists, and
                // its subsystem, are not.
                if !is_device_path(path) {
                    return Err(self.invalid(format_args!("Device '{path}' does not exist")));
                }
                Ok(value.clone())
            }
            Kind::Empty => Err(self.invalid(format_args!(
                "Fatal error for option '{key}' with type '{typ}'"
            ))),
        }
    }
}

/// The pattern as Python's `re.match` applies it: anchored at the start
/// only. Python's `\Z` (end of text) is Rust's `\z`; lookaround and
/// backreferences, which Rust's engine lacks, are refused with its reason.
fn start_anchored(pattern: &str) -> Result<Regex, String> {
    let mut rust = String::with_capacity(pattern.len() + 8);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            rust.push(c);
            continue;
        }
        match chars.next() {
            Some('Z') => rust.push_str("\\z"),
            Some(next) => {
                rust.push('\\');
                rust.push(next);
            }
            None => rust.push('\\'),
        }
    }
    let reason = |error: regex::Error| {
        let text = error.to_string();
        let last = text.lines().last().unwrap_or_default();
        last.strip_prefix("error: ").unwrap_or(last).to_string()
    };
    // Compiled alone first, so that a pattern such as `a)|(b` is refused
    // rather than changed in meaning by the group around it.
    Regex::new(&rust).map_err(reason)?;
    Regex::new(&format!("\\A(?:{rust})")).map_err(reason)
}

/// Python's truth of a non-null JSON value.
fn py_truth(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(flag) => *flag,
        Value::Number(number) => match py_number(number) {
            PyNumber::Int(digits) => digits != "0",
            PyNumber::Float(float) => float != 0.0,
        },
        Value::String(text) => !text.is_empty(),
        Value::Array(items) => !items.is_empty(),
        Value::Object(fields) => !fields.is_empty(),
    }
}

/// A JSON number as Python's `json` module reads it.
enum PyNumber {
    /// Canonical decimal digits, with `-` when negative.
    Int(String),
    Float(f64),
}

fn py_number(number: &Number) -> PyNumber {
    let text = number.to_string();
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        PyNumber::Int(canonical_int(negative, digits))
    } else {
        PyNumber::Float(text.parse().unwrap_or(f64::NAN))
    }
}

fn canonical_int(negative: bool, digits: &str) -> String {
    let digits = digits.trim_start_matches('0');
    match (digits.is_empty(), negative) {
        (true, _) => "0".to_string(),
        (false, true) => format!("-{digits}"),
        (false, false) => digits.to_string(),
    }
}

/// Python's `str.isspace`, which `int()` and `float()` strip.
fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// Digits with single underscores between them, as Python's numeric
/// constructors take them (`1_000`).
fn digit_part(text: &str) -> bool {
    let bytes = text.as_bytes();
    !bytes.is_empty()
        && bytes.iter().enumerate().all(|(i, b)| match b {
            b'0'..=b'9' => true,
            b'_' => {
                i > 0
                    && i + 1 < bytes.len()
                    && bytes[i - 1].is_ascii_digit()
                    && bytes[i + 1].is_ascii_digit()
            }
            _ => false,
        })
}

/// Python's `int(value)` for JSON values, as canonical digits; `None` where
/// it raises. Floats truncate toward zero; booleans are 1 and 0.
fn coerce_int(value: &Value) -> Option<String> {
    match value {
        Value::Bool(flag) => Some(if *flag { "1" } else { "0" }.to_string()),
        Value::Number(number) => match py_number(number) {
            PyNumber::Int(digits) => Some(digits),
            PyNumber::Float(float) if float.is_finite() => {
                let whole = format!("{:.0}", float.trunc());
                let (negative, digits) = match whole.strip_prefix('-') {
                    Some(rest) => (true, rest),
                    None => (false, whole.as_str()),
                };
                Some(canonical_int(negative, digits))
            }
            PyNumber::Float(_) => None,
        },
        Value::String(text) => {
            let text = text.trim_matches(py_space);
            let (negative, digits) = match text.as_bytes().first() {
                Some(b'-') => (true, &text[1..]),
                Some(b'+') => (false, &text[1..]),
                _ => (false, text),
            };
            digit_part(digits).then(|| canonical_int(negative, &digits.replace('_', "")))
        }
        _ => None,
    }
}

/// Python's `float(value)` for JSON values; `None` where it raises.
fn coerce_float(value: &Value) -> Option<f64> {
    match value {
        Value::Bool(flag) => Some(if *flag { 1.0 } else { 0.0 }),
        Value::Number(number) => Some(match py_number(number) {
            PyNumber::Int(digits) => digits.parse().unwrap_or(f64::NAN),
            PyNumber::Float(float) => float,
        }),
        Value::String(text) => py_float_text(text.trim_matches(py_space)),
        _ => None,
    }
}

/// The strings Python's `float()` accepts: `1.5`, `.5`, `1.`, `1_000e-3`,
/// `inf`, `-Infinity`, `nan`.
fn py_float_text(text: &str) -> Option<f64> {
    let (sign, body) = match text.as_bytes().first() {
        Some(b'-') => (-1.0, &text[1..]),
        Some(b'+') => (1.0, &text[1..]),
        _ => (1.0, text),
    };
    match body.to_ascii_lowercase().as_str() {
        "inf" | "infinity" => return Some(sign * f64::INFINITY),
        "nan" => return Some(f64::NAN),
        _ => {}
    }
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(at) => (&body[..at], Some(&body[at + 1..])),
        None => (body, None),
    };
    let mantissa_fits = match mantissa.split_once('.') {
        None => digit_part(mantissa),
        Some((whole, fraction)) => {
            (whole.is_empty() || digit_part(whole))
                && (fraction.is_empty() || digit_part(fraction))
                && !(whole.is_empty() && fraction.is_empty())
        }
    };
    let exponent_fits = exponent.is_none_or(|exponent| {
        let digits = exponent.strip_prefix(['-', '+']).unwrap_or(exponent);
        digit_part(digits)
    });
    if !(mantissa_fits && exponent_fits) {
        return None;
    }
    body.replace('_', "")
        .parse::<f64>()
        .ok()
        .map(|value| sign * value)
}

/// Python's `x >= bound` for an integer `x` (canonical digits) and a float.
fn int_at_least(x: &str, bound: f64) -> bool {
    if bound.is_nan() {
        return false;
    }
    let edge = bound.ceil();
    match x.parse::<i128>() {
        Ok(x) if edge.abs() < 1e38 => x >= edge as i128,
        _ => x.parse::<f64>().is_ok_and(|x| x >= bound),
    }
}

/// Python's `x <= bound` for an integer `x` (canonical digits) and a float.
fn int_at_most(x: &str, bound: f64) -> bool {
    if bound.is_nan() {
        return false;
    }
    let edge = bound.floor();
    match x.parse::<i128>() {
        Ok(x) if edge.abs() < 1e38 => x <= edge as i128,
        _ => x.parse::<f64>().is_ok_and(|x| x <= bound),
    }
}

/// A coerced integer as JSON.
fn int_value(digits: &str) -> Value {
    digits.parse::<Number>().map_or(Value::Null, Value::Number)
}

/// The same language as the email validator the Supervisor uses: a local
/// part of dot-separated atoms or one quoted string, an `@`, then a domain
/// of labels and a top-level part of two or more characters, or a bracketed
/// IPv4 address. Letters match without regard to case, which in Python also
/// lets in four non-ASCII letters (see [`case_folded_letter`]).
fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.rsplit_once('@') else {
        return false;
    };
    (dot_atom(local) || quoted_local(local)) && (domain_name(domain) || ipv4_literal(domain))
}

/// `İ ı ſ K`: the letters outside ASCII that a case-insensitive Python
/// pattern `[A-Z]` matches.
fn case_folded_letter(c: char) -> bool {
    matches!(c, '\u{130}' | '\u{131}' | '\u{17f}' | '\u{212a}')
}

fn letter_or_digit(c: char) -> bool {
    c.is_ascii_alphanumeric() || case_folded_letter(c)
}

fn dot_atom(local: &str) -> bool {
    local.split('.').all(|atom| {
        !atom.is_empty()
            && atom
                .chars()
                .all(|c| letter_or_digit(c) || "-!#$%&'*+/=?^_`{}|~".contains(c))
    })
}

fn quoted_local(local: &str) -> bool {
    let Some(inner) = local
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
    else {
        return false;
    };
    let plain = |c: char| {
        matches!(c, '\x01'..='\x08' | '\x0b' | '\x0c' | '\x0e'..='\x1f' | '!' | '#'..='[' | ']'..='\x7f')
            || case_folded_letter(c)
    };
    let escaped = |c: char| {
        matches!(c, '\x01'..='\x09' | '\x0b' | '\x0c' | '\x0e'..='\x7f') || case_folded_letter(c)
    };
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        let fits = if c == '\\' {
            chars.next().is_some_and(escaped)
        } else {
            plain(c)
        };
        if !fits {
            return false;
        }
    }
    true
}

fn domain_name(domain: &str) -> bool {
    let domain = domain.strip_suffix('.').unwrap_or(domain);
    let Some((labels, top)) = domain.rsplit_once('.') else {
        return false;
    };
    let label = |label: &str| {
        let chars: Vec<char> = label.chars().collect();
        (1..=63).contains(&chars.len())
            && letter_or_digit(chars[0])
            && letter_or_digit(chars[chars.len() - 1])
            && chars.iter().all(|&c| letter_or_digit(c) || c == '-')
    };
    labels.split('.').all(label)
        && top.chars().count() >= 2
        && top.chars().all(|c| letter_or_digit(c) || c == '-')
}

fn ipv4_literal(domain: &str) -> bool {
    let Some(inner) = domain
        .strip_prefix('[')
        .and_then(|rest| rest.strip_suffix(']'))
    else {
        return false;
    };
    let octets: Vec<&str> = inner.split('.').collect();
    octets.len() == 4
        && octets.iter().all(|octet| {
            (1..=3).contains(&octet.len())
                && octet.bytes().all(|b| b.is_ascii_digit())
                && octet.parse::<u16>().is_ok_and(|n| n <= 255)
        })
}

/// What the URL validator the Supervisor uses accepts: text that Python's
/// `urlparse` splits into a non-empty scheme and a non-empty network
/// location (`http://host...`), with a well-formed bracketed host if any.
/// Python also refuses a non-ASCII host whose NFKC form holds `/?#@:`; that
/// is not checked here.
fn is_url(text: &str) -> bool {
    let url: String = text
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\r' | '\n'))
        .collect();
    let Some(colon) = url.find(':') else {
        return false;
    };
    let scheme = &url[..colon];
    let scheme_fits = url.as_bytes()[0].is_ascii_alphabetic()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if colon == 0 || !scheme_fits {
        return false;
    }
    let Some(after) = url[colon + 1..].strip_prefix("//") else {
        return false;
    };
    let netloc = &after[..after.find(['/', '?', '#']).unwrap_or(after.len())];
    if netloc.is_empty() {
        return false;
    }
    match (netloc.find('['), netloc.contains(']')) {
        (None, false) => true,
        (Some(open), true) => {
            let host = &netloc[open + 1..];
            bracketed_host(&host[..host.find(']').unwrap_or(host.len())])
        }
        _ => false,
    }
}

/// A bracketed URL host: `v1.anything` (IPvFuture) or an IPv6 address,
/// optionally with a `%zone`.
fn bracketed_host(host: &str) -> bool {
    if let Some(rest) = host.strip_prefix('v') {
        let hex = rest
            .find(|c: char| !c.is_ascii_hexdigit())
            .unwrap_or(rest.len());
        return hex > 0
            && rest[hex..]
                .strip_prefix('.')
                .is_some_and(|tail| !tail.is_empty());
    }
    let address = match host.split_once('%') {
        Some((address, zone)) if !zone.is_empty() && !zone.contains('%') => address,
        Some(_) => return false,
        None => host,
    };
    address.parse::<std::net::Ipv6Addr>().is_ok()
}

/// A path under /dev (or a device's /sys/devices path), read as Python's
/// `Path` reads it: repeated slashes and `.` ignored; `..` refused.
fn is_device_path(path: &str) -> bool {
    let Some(rest) = path.strip_prefix('/') else {
        return false;
    };
    let parts: Vec<&str> = rest
        .split('/')
        .filter(|part| !part.is_empty() && *part != ".")
        .collect();
    if parts.contains(&"..") {
        return false;
    }
    matches!(parts.as_slice(), ["dev", _, ..] | ["sys", "devices", _, ..])
}

/// Python's `str()` of a JSON value: strings as they are, the rest as `repr`.
pub fn py_str(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => py_repr(other),
    }
}

/// Python's `repr()` of a JSON value as Python's `json` module loads it:
/// `{'a': [1, 2.0, None, True]}`.
pub fn py_repr(value: &Value) -> String {
    let mut out = String::new();
    write_repr(&mut out, value);
    out
}

fn write_repr(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("None"),
        Value::Bool(true) => out.push_str("True"),
        Value::Bool(false) => out.push_str("False"),
        Value::Number(number) => match py_number(number) {
            PyNumber::Int(digits) => out.push_str(&digits),
            PyNumber::Float(float) => out.push_str(&py_float(float)),
        },
        Value::String(text) => write_str_repr(out, text),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(out, item);
            }
            out.push(']');
        }
        Value::Object(fields) => {
            out.push('{');
            for (i, (name, item)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_str_repr(out, name);
                out.push_str(": ");
                write_repr(out, item);
            }
            out.push('}');
        }
    }
}

/// Python's string `repr`: single quotes unless the text holds `'` and no
/// `"`; backslash escapes for the quote, backslash, `\t \n \r` and
/// characters Python does not print.
fn write_str_repr(out: &mut String, text: &str) {
    let quote = if text.contains('\'') && !text.contains('"') {
        '"'
    } else {
        '\''
    };
    out.push(quote);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if py_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
}

/// Python's `str.isprintable` for one character: not a control, format,
/// separator (other than the space), surrogate, private-use or
/// non-character. Unassigned code points, which Python also escapes, are
/// printed as they are: this keeps no table of Unicode's assignments.
fn py_printable(c: char) -> bool {
    let code = c as u32;
    if code < 0x7f {
        return code >= 0x20;
    }
    let unprintable = matches!(code,
        0x7f..=0xa0
        | 0xad
        | 0x600..=0x605
        | 0x61c
        | 0x6dd
        | 0x70f
        | 0x890..=0x891
        | 0x8e2
        | 0x1680
        | 0x180e
        | 0x2000..=0x200f
        | 0x2028..=0x202f
        | 0x205f..=0x2064
        | 0x2066..=0x206f
        | 0x3000
        | 0xe000..=0xf8ff
        | 0xfdd0..=0xfdef
        | 0xfeff
        | 0xfff9..=0xfffb
        | 0x110bd
        | 0x110cd
        | 0x13430..=0x1343f
        | 0x1bca0..=0x1bca3
        | 0x1d173..=0x1d17a
        | 0xe0001
        | 0xe0020..=0xe007f
        | 0xf0000..
    );
    !unprintable && code & 0xfffe != 0xfffe
}

/// Python's `repr()` of a float: the shortest digits that read back the
/// same, positional from 1e-4 up to 1e16, scientific (`1e+16`, `1.5e-07`)
/// outside; always with a `.0` when whole.
pub fn py_float(value: f64) -> String {
    if value.is_nan() {
        return "nan".into();
    }
    if value.is_infinite() {
        return if value > 0.0 { "inf" } else { "-inf" }.into();
    }
    let sign = if value.is_sign_negative() { "-" } else { "" };
    if value == 0.0 {
        return format!("{sign}0.0");
    }
    let scientific = format!("{:e}", value.abs());
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let body = if (-4..16).contains(&exponent) {
        let point = exponent + 1;
        if point <= 0 {
            format!("0.{}{digits}", "0".repeat(point.unsigned_abs() as usize))
        } else if point as usize >= digits.len() {
            format!("{digits}{}.0", "0".repeat(point as usize - digits.len()))
        } else {
            format!(
                "{}.{}",
                &digits[..point as usize],
                &digits[point as usize..]
            )
        }
    } else {
        let mantissa = if digits.len() > 1 {
            format!("{}.{}", &digits[..1], &digits[1..])
        } else {
            digits
        };
        let exponent_sign = if exponent < 0 { '-' } else { '+' };
        format!("{mantissa}e{exponent_sign}{:02}", exponent.unsigned_abs())
    };
    format!("{sign}{body}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const ADDON: Addon = Addon {
        name: "My Add-on",
        slug: "my_addon",
    };

    fn no_secrets(_: &str) -> Option<Value> {
        None
    }

    /// The Supervisor's whole validation error for `options`, or "valid".
    fn check(schema: Value, options: Value) -> String {
        let validation = validate(&schema, &options, ADDON, &no_secrets);
        match validation.result {
            Ok(_) => "valid".into(),
            Err(problem) => problem.describe(&options),
        }
    }

    /// The options as stored after validation.
    fn stored(schema: Value, options: Value) -> Value {
        validate(&schema, &options, ADDON, &no_secrets)
            .result
            .expect("valid")
    }

    /// One element against one value: the message without the `Got` part.
    fn one(element: &str, value: Value) -> String {
        let options = json!({ "x": value });
        match validate(&json!({ "x": element }), &options, ADDON, &no_secrets).result {
            Ok(_) => "valid".into(),
            Err(Problem::Invalid(message)) | Err(Problem::Schema(message)) => message,
        }
    }

    #[test]
    fn str_with_and_without_length_bounds() {
        assert_eq!(one("str", json!("")), "valid");
        assert_eq!(one("str", json!(5)), "expected str");
        assert_eq!(one("str", json!(true)), "expected str");
        assert_eq!(
            one("str(3,)", json!("ab")),
            "length of value must be at least 3.0"
        );
        assert_eq!(one("str(3,)", json!("abc")), "valid");
        assert_eq!(
            one("str(,2)", json!("abc")),
            "length of value must be at most 2.0"
        );
        // Lengths count characters, not bytes.
        assert_eq!(one("str(,2)", json!("ça")), "valid");
        assert_eq!(
            check(json!({"name": "str"}), json!({"name": true})),
            "expected str. Got {'name': True}"
        );
    }

    #[test]
    fn password_is_a_str() {
        assert_eq!(one("password", json!("secret")), "valid");
        assert_eq!(
            one("password(8,)", json!("short")),
            "length of value must be at least 8.0"
        );
        assert_eq!(one("password", json!(123)), "expected str");
    }

    #[test]
    fn int_coerces_then_checks_float_bounds() {
        assert_eq!(one("int", json!(5)), "valid");
        assert_eq!(one("int", json!("12")), "valid");
        assert_eq!(one("int", json!(" -1_000 ")), "valid");
        assert_eq!(one("int", json!("1.5")), "expected int");
        assert_eq!(one("int", json!("eighty")), "expected int");
        assert_eq!(one("int", json!([1])), "expected int");
        assert_eq!(one("int(0,100)", json!(101)), "value must be at most 100.0");
        assert_eq!(one("int(0,100)", json!(-1)), "value must be at least 0.0");
        assert_eq!(one("int(-5,)", json!(-6)), "value must be at least -5.0");
        // int() truncates floats and takes booleans as 1 and 0.
        assert_eq!(one("int(0,1)", json!(1.9)), "valid");
        assert_eq!(one("int(2,)", json!(true)), "value must be at least 2.0");
        assert_eq!(
            stored(
                json!({"a": "int", "b": "int"}),
                json!({"a": "7", "b": -2.5})
            ),
            json!({"a": 7, "b": -2})
        );
    }

    #[test]
    fn float_coerces_then_checks_bounds() {
        assert_eq!(one("float", json!(1)), "valid");
        assert_eq!(one("float", json!("2.5e3")), "valid");
        assert_eq!(one("float", json!("nan")), "valid");
        assert_eq!(one("float", json!("one")), "expected float");
        assert_eq!(one("float(,1.5)", json!(1.6)), "value must be at most 1.5");
        assert_eq!(one("float(-.5,)", json!(-1)), "value must be at least -0.5");
        assert_eq!(one("float(0,)", json!("nan")), "value must be at least 0.0");
        assert_eq!(
            stored(json!({"f": "float"}), json!({"f": 5})),
            json!({"f": 5.0})
        );
    }

    #[test]
    fn bool_takes_words_and_truth() {
        for word in [
            "true", "Yes", "ON", "enable", "1", "false", "no", "off", "Disable", "0",
        ] {
            assert_eq!(one("bool", json!(word)), "valid", "{word}");
        }
        assert_eq!(one("bool", json!("maybe")), "expected boolean");
        assert_eq!(
            stored(
                json!({"a": "bool", "b": "bool", "c": "bool", "d": "bool"}),
                json!({"a": "yes", "b": 0, "c": [1], "d": {}})
            ),
            json!({"a": true, "b": false, "c": true, "d": false})
        );
    }

    #[test]
    fn email() {
        for good in [
            "me@example.com",
            "first.last+tag@sub.example.co.uk",
            "\"quoted\\ name\"@example.com",
            "x@[192.168.1.1]",
            "x@example.com.",
        ] {
            assert_eq!(one("email", json!(good)), "valid", "{good}");
        }
        for bad in [
            "",
            "a.com",
            "a@.com",
            "\"quoted name\"@example.com",
            "a@b.c",
            "a..b@example.com",
            "x@[300.1.1.1]",
            "a@-x.com",
        ] {
            assert_eq!(
                one("email", json!(bad)),
                "expected an email address",
                "{bad}"
            );
        }
        assert_eq!(one("email", json!(5)), "expected an email address");
    }

    #[test]
    fn url() {
        for good in [
            "http://example.com",
            "https://user:pw@host:8123/path?q#f",
            "mqtt://[::1]:1883",
            "  ftp://x",
            "custom+scheme://h",
        ] {
            assert_eq!(one("url", json!(good)), "valid", "{good}");
        }
        for bad in [
            "example.com",
            "http:/x",
            "http://",
            "//host",
            "1http://x",
            "http://[::1",
            "http://[1.2.3.4]/",
        ] {
            assert_eq!(one("url", json!(bad)), "expected a URL", "{bad}");
        }
        assert_eq!(one("url", json!(80)), "expected a URL");
    }

    #[test]
    fn port() {
        assert_eq!(one("port", json!(8080)), "valid");
        assert_eq!(one("port", json!("443")), "valid");
        assert_eq!(one("port", json!(0)), "value must be at least 1");
        assert_eq!(one("port", json!(65536)), "value must be at most 65535");
        assert_eq!(one("port", json!("http")), "expected int");
        assert_eq!(
            stored(json!({"p": "port"}), json!({"p": "80"})),
            json!({"p": 80})
        );
    }

    #[test]
    fn match_anchors_at_the_start_only() {
        assert_eq!(one("match(^\\d+$)", json!("123")), "valid");
        assert_eq!(
            one("match(^\\d+$)", json!("12a")),
            "does not match regular expression ^\\d+$"
        );
        // Python's re.match: a match at the start is enough.
        assert_eq!(one("match(\\d+)", json!("12a")), "valid");
        assert_eq!(
            one("match(\\d+)", json!("a12")),
            "does not match regular expression \\d+"
        );
        // The value's Python str() is matched, and stored.
        assert_eq!(one("match(True)", json!(true)), "valid");
        assert_eq!(
            stored(json!({"m": "match(\\d+)"}), json!({"m": 42})),
            json!({"m": "42"})
        );
        // \Z is Python's end of text.
        assert_eq!(
            one("match(a\\Z)", json!("ab")),
            "does not match regular expression a\\Z"
        );
        assert_eq!(one("match(a+\\Z)?", json!("aa")), "valid");
    }

    #[test]
    fn match_with_a_pattern_this_engine_cannot_compile() {
        assert_eq!(
            one("match((?=a)a)", json!("a")),
            "Cannot check option 'x' in My Add-on (my_addon): match((?=a)a) is not a regular \
             expression this validator supports: look-around, including look-ahead and \
             look-behind, is not supported"
        );
        // The group is the longest text before the last `)`: here `a)|(b`,
        // which Python refuses too; wrapping it in the anchor group must not
        // make it valid.
        assert_eq!(
            one("match(a)|(b)", json!("a")),
            "Cannot check option 'x' in My Add-on (my_addon): match(a)|(b) is not a regular \
             expression this validator supports: unopened group"
        );
        assert_eq!(one("match((a)|(b))", json!("b")), "valid");
        assert_eq!(
            one("match(a|b)", json!("cb")),
            "does not match regular expression a|b",
            "an alternation stays inside the start anchor"
        );
    }

    #[test]
    fn list_compares_python_str() {
        assert_eq!(one("list(debug|info|warning)", json!("info")), "valid");
        assert_eq!(
            one("list(info|debug|warning)", json!("verbose")),
            "value must be one of ['debug', 'info', 'warning']"
        );
        assert_eq!(
            one("list(true|false)", json!(true)),
            "value must be one of ['false', 'true']"
        );
        assert_eq!(one("list(1|2)", json!(2)), "valid");
    }

    #[test]
    fn device_paths() {
        assert_eq!(one("device", json!("/dev/ttyUSB0")), "valid");
        assert_eq!(
            one("device(subsystem=tty)", json!("/dev/serial/by-id/usb-x")),
            "valid"
        );
        assert_eq!(one("device", json!("/sys/devices/platform/x")), "valid");
        assert_eq!(
            one("device", json!("/etc/passwd")),
            "Device '/etc/passwd' does not exist in My Add-on (my_addon)"
        );
        assert_eq!(
            one("device", json!("/dev/../etc/passwd")),
            "Device '/dev/../etc/passwd' does not exist in My Add-on (my_addon)"
        );
        assert_eq!(
            one("device", json!("/dev/")),
            "Device '/dev/' does not exist in My Add-on (my_addon)"
        );
        assert_eq!(
            one("device", json!(5)),
            "Expected a string for option 'x' in My Add-on (my_addon)"
        );
    }

    #[test]
    fn optional_elements_may_be_missing_but_not_null() {
        let schema = json!({"a": "str?", "b": ["int?"], "c": "int(0,10)?"});
        assert_eq!(check(schema.clone(), json!({})), "valid");
        assert_eq!(
            check(schema, json!({"a": null})),
            "Missing required option 'a' in My Add-on (my_addon). Got {'a': None}"
        );
    }

    #[test]
    fn missing_required_options() {
        assert_eq!(
            check(json!({"host": "str", "port": "port"}), json!({"host": "h"})),
            "Missing option 'port' in root in My Add-on (my_addon). Got {'host': 'h'}"
        );
        // A mapping is required even when everything in it is optional.
        assert_eq!(
            check(json!({"db": {"host": "str?"}}), json!({})),
            "Missing option 'db' in root in My Add-on (my_addon). Got {}"
        );
        assert_eq!(
            check(
                json!({"db": {"host": "str", "port": "port"}}),
                json!({"db": {"host": "x"}})
            ),
            "Missing option 'port' in db in My Add-on (my_addon). Got {'db': {'host': 'x'}}"
        );
        // A list of mappings is required too; a list of optional strings is not.
        assert_eq!(
            check(json!({"logins": [{"name": "str"}]}), json!({})),
            "Missing option 'logins' in root in My Add-on (my_addon). Got {}"
        );
    }

    #[test]
    fn lists_of_elements() {
        let schema = json!({"domains": ["str"]});
        assert_eq!(
            check(schema.clone(), json!({"domains": ["a", "b"]})),
            "valid"
        );
        assert_eq!(check(schema.clone(), json!({"domains": []})), "valid");
        assert_eq!(
            check(schema.clone(), json!({"domains": "a"})),
            "Invalid list for option 'domains' in My Add-on (my_addon). Got {'domains': 'a'}"
        );
        assert_eq!(
            check(schema.clone(), json!({"domains": ["a", 1]})),
            "expected str. Got {'domains': ['a', 1]}"
        );
        assert_eq!(
            check(schema, json!({"domains": [null]})),
            "Missing required option 'domains' in My Add-on (my_addon). Got {'domains': [None]}"
        );
        assert_eq!(
            stored(json!({"ports": ["port"]}), json!({"ports": ["80", 443]})),
            json!({"ports": [80, 443]})
        );
    }

    #[test]
    fn nested_mappings_and_lists_of_mappings() {
        let schema = json!({
            "database": {"host": "str", "port": "port"},
            "logins": [{"name": "str", "password": "password"}]
        });
        let good = json!({
            "database": {"host": "db", "port": 3306},
            "logins": [{"name": "alice", "password": "x"}]
        });
        assert_eq!(check(schema.clone(), good), "valid");
        assert_eq!(
            check(schema.clone(), json!({"database": "db", "logins": []})),
            "Invalid dict for option 'database' in My Add-on (my_addon). Got {'database': 'db', 'logins': []}"
        );
        assert_eq!(
            check(
                schema.clone(),
                json!({"database": {"host": "db", "port": 3306}, "logins": [{"name": "bob"}]})
            ),
            "Missing option 'password' in logins in My Add-on (my_addon). \
             Got {'database': {'host': 'db', 'port': 3306}, 'logins': [{'name': 'bob'}]}"
        );
        assert_eq!(
            one("x", json!(1)),
            "Unknown type 'x' in My Add-on (my_addon)",
            "an element string outside the grammar"
        );
    }

    #[test]
    fn unknown_options_are_dropped_with_a_warning() {
        let options = json!({"known": "a", "extra": 1, "db": {"host": "h", "junk": true}});
        let validation = validate(
            &json!({"known": "str", "db": {"host": "str"}}),
            &options,
            ADDON,
            &no_secrets,
        );
        assert_eq!(
            validation.warnings,
            [
                "Option 'extra' does not exist in the schema for My Add-on (my_addon)",
                "Unknown option 'junk' for My Add-on (my_addon)"
            ]
        );
        assert_eq!(
            validation.result,
            Ok(json!({"known": "a", "db": {"host": "h"}}))
        );
    }

    #[test]
    fn schema_false_and_no_schema_check_against_nothing() {
        for schema in [json!(false), Value::Null] {
            let validation = validate(&schema, &json!({"a": 1}), ADDON, &no_secrets);
            assert_eq!(validation.result, Ok(json!({})));
            assert_eq!(
                validation.warnings,
                ["Option 'a' does not exist in the schema for My Add-on (my_addon)"]
            );
        }
        assert!(matches!(
            validate(&json!("str"), &json!({}), ADDON, &no_secrets).result,
            Err(Problem::Schema(_))
        ));
    }

    #[test]
    fn options_must_be_a_mapping() {
        assert_eq!(check(json!({}), json!([1, 2])), "expected dict. Got [1, 2]");
    }

    #[test]
    fn empty_list_schema_is_a_type_error() {
        assert_eq!(
            check(json!({"a": []}), json!({"a": [1]})),
            "Type error for option 'a' in My Add-on (my_addon). Got {'a': [1]}"
        );
        assert_eq!(
            check(json!({"a": {"b": []}}), json!({"a": {"b": 1}})),
            "Type error for option 'a' in My Add-on (my_addon). Got {'a': {'b': 1}}"
        );
    }

    #[test]
    fn empty_element_is_a_fatal_error() {
        assert_eq!(
            one("?", json!(1)),
            "Fatal error for option 'x' with type '?' in My Add-on (my_addon)"
        );
        assert_eq!(check(json!({"x": "?"}), json!({})), "valid");
    }

    #[test]
    fn secrets_resolve_through_the_lookup() {
        let secrets = |name: &str| (name == "db_password").then(|| json!("hunter2"));
        let schema = json!({"password": "password"});
        let options = json!({"password": "!secret db_password"});
        let validation = validate(&schema, &options, ADDON, &secrets);
        assert_eq!(validation.result, Ok(json!({"password": "hunter2"})));
        assert_eq!(
            check(schema, json!({"password": "!secret other"})),
            "Unknown secret 'other' in My Add-on (my_addon). Got {'password': '!secret other'}"
        );
    }

    #[test]
    fn the_first_error_ends_the_walk() {
        let validation = validate(
            &json!({"a": "int", "b": "int"}),
            &json!({"x": 0, "a": "one", "y": 0, "b": "two"}),
            ADDON,
            &no_secrets,
        );
        assert_eq!(
            validation.result,
            Err(Problem::Invalid("expected int".into()))
        );
        assert_eq!(validation.warnings.len(), 1);
    }

    #[test]
    fn element_grammar() {
        let parse = |text: &str| Element::parse(text).map(|element| element.kind);
        assert_eq!(parse("str?"), Some(Kind::Str));
        assert_eq!(parse("str\n"), Some(Kind::Str));
        assert_eq!(parse("int(,)"), Some(Kind::Int));
        assert_eq!(parse("match(a?)"), Some(Kind::Match("a?".into())));
        assert_eq!(parse("match(a)?"), Some(Kind::Match("a".into())));
        assert_eq!(parse("match()"), Some(Kind::Match(String::new())));
        assert_eq!(
            parse("list(a|b)?"),
            Some(Kind::List(vec!["a".into(), "b".into()]))
        );
        assert_eq!(parse("device(subsystem=tty)?"), Some(Kind::Device));
        assert_eq!(parse(""), Some(Kind::Empty));
        for bad in [
            "strr",
            "str(a,)",
            "str(-1,)",
            "int(1.5,)",
            "float(1.,)",
            "list()",
            "??",
            "device(tty)",
            "device(subsystem=TTY)",
            "int(1,2,3)",
            "match(a\nb)",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
        let bounds = |text: &str| Element::parse(text).map(|e| (e.min, e.max));
        assert_eq!(bounds("float(-.5,2)"), Some((Some(-0.5), Some(2.0))));
        assert_eq!(bounds("str(,10)?"), Some((None, Some(10.0))));
    }

    #[test]
    fn schema_grammar() {
        assert_eq!(check_schema(&json!(false)), Ok(()));
        assert_eq!(
            check_schema(
                &json!({"a": "str", "b": ["int?"], "c": [{"d": "port"}], "e": {"f": "bool"}})
            ),
            Ok(())
        );
        assert_eq!(
            check_schema(&json!({"db": {"port": "prot"}})),
            Err("schema of option 'db.port' has an unknown type: 'prot'".into())
        );
        assert_eq!(
            check_schema(&json!({"a": [["str"]]})),
            Err("schema of option 'a[]' is a list inside a list, which the Supervisor does not allow".into())
        );
        assert_eq!(
            check_schema(&json!({"a": 5})),
            Err("schema of option 'a' is 5, not a type, a list or a mapping".into())
        );
        assert_eq!(
            check_schema(&json!(true)),
            Err("schema must be a mapping of options to types, or false, not True".into())
        );
    }

    #[test]
    fn python_repr() {
        assert_eq!(
            py_repr(&json!({"a": [1, 2.5, null, true, false], "b": {}, "c": []})),
            "{'a': [1, 2.5, None, True, False], 'b': {}, 'c': []}"
        );
        assert_eq!(py_repr(&json!("it's")), "\"it's\"");
        assert_eq!(py_repr(&json!("say \"it's\"")), "'say \"it\\'s\"'");
        assert_eq!(
            py_repr(&json!("a\\b\tc\nd\u{1}\u{7f}é☕\u{a0}\u{200b}")),
            "'a\\\\b\\tc\\nd\\x01\\x7fé☕\\xa0\\u200b'"
        );
        assert_eq!(py_repr(&json!("\u{f0000}")), "'\\U000f0000'");
        let long = json!({"k": "x".repeat(600)});
        let shown = Problem::Invalid("m".into()).describe(&long);
        assert_eq!(shown.chars().count(), "m. Got ".len() + 500);
        assert!(shown.ends_with("xxx..."));
    }

    #[test]
    fn python_float_repr() {
        for (value, text) in [
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1.5, "1.5"),
            (100.0, "100.0"),
            (1e15, "1000000000000000.0"),
            (1e16, "1e+16"),
            (1.5e17, "1.5e+17"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (-2.5e100, "-2.5e+100"),
            (123456789.125, "123456789.125"),
            (f64::NAN, "nan"),
            (f64::NEG_INFINITY, "-inf"),
        ] {
            assert_eq!(py_float(value), text);
        }
        // (`-0` is left out: serde_json reads it as the float -0.0 unless
        // built with arbitrary_precision, as bashio is and the mock alone is not.)
        let numbers: Value = serde_json::from_str("[1e3, 10, 1.0, 12345678901234567890]").unwrap();
        assert_eq!(py_repr(&numbers), "[1000.0, 10, 1.0, 12345678901234567890]");
    }
}
