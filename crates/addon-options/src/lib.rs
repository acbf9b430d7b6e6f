//! The Home Assistant Supervisor's rules for an add-on's options: the
//! `schema` of its config.yaml, the way the Supervisor applies it when options
//! are saved, validated or written for the add-on's start, with its messages
//! word for word ("Missing option 'x' in root in My Add-on (my_addon)",
//! "expected int. Got {'port': 'eighty'}", ...).
//!
//! A crate of its own (std, serde_json and regex only) so that `bashio
//! validate`, the bashio library's local options and the mock Supervisor
//! link the same rules, built with the same serde_json features, and answer
//! alike. It refuses to guess where the Supervisor asks the host: a device
//! is checked to be a device path, not to exist (there is no udev here), and
//! `!secret NAME` values resolve only through the lookup the caller gives.
//!
//! Where the Supervisor's behaviour is an accident of Python it is kept:
//! `match(...)` anchors at the start only, `list(...)` compares the value's
//! Python `str()`, `bool` takes any non-string by its truth, range bounds are
//! floats (`value must be at least 0.0`), the first error ends the walk,
//! unknown options are dropped with a warning, and `schema: false` checks
//! against an empty schema (every option dropped, none refused).

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod every;
mod python;
#[cfg(test)]
mod tests;
mod unassigned;

pub use every::{problems, Issue};
pub use python::as_orjson_reads;

use python::*;
use regex::Regex;
use serde_json::{Map, Number, Value};

/// The add-on the messages name, as the Supervisor does: `My Add-on (my_addon)`.
#[derive(Clone, Copy, Debug)]
pub struct Addon<'a> {
    /// The name from config.yaml, first in the Supervisor's words.
    pub name: &'a str,
    /// The slug, in brackets after the name.
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
/// only, written for Rust's engine with Python's meaning kept:
///
/// - `$` also matches before a final newline (`^[A-Z]{2}$` takes "FR\n");
/// - `\Z` is the end of the text (Rust's `\z`);
/// - `\s` also covers \x1c to \x1f, which Python counts as space;
/// - `[` inside a class is a plain character (`[[:alpha:]]` is no POSIX class
///   in Python, just the characters `[:alph` and then a `]`);
/// - an escape of an ASCII letter Python does not know (`\p{L}`, `\e`) is an
///   error, as Python's `re.compile` raises.
///
/// Lookaround and backreferences, which Rust's engine lacks, are refused
/// with its reason.
fn start_anchored(pattern: &str) -> Result<Regex, String> {
    let rust = python_to_rust(pattern)?;
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

/// Escapes of ASCII letters that Python's `re` knows (outside a class).
const PYTHON_ESCAPES: &str = "abBdDfnrsStvwWxuUNAZ";

/// Whether the text after a `(` is an inline flags group such as `?i)`,
/// which Python allows only at the start of a pattern.
fn global_flags(mut rest: impl Iterator<Item = char>) -> bool {
    if rest.next() != Some('?') {
        return false;
    }
    let mut letters = 0;
    for c in rest {
        match c {
            'a' | 'i' | 'L' | 'm' | 's' | 'u' | 'x' => letters += 1,
            ')' => return letters > 0,
            _ => return false,
        }
    }
    false
}

/// The translation [`start_anchored`] describes.
fn python_to_rust(pattern: &str) -> Result<String, String> {
    let mut rust = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars().peekable();
    // Inside `[...]`, and whether the class has had a character yet (a `]`
    // first in a class is literal).
    let mut class: Option<bool> = None;
    // Python's case-insensitive matching also pairs `i` and `I` with `İ` and
    // `ı`, which Rust's simple case folding does not.
    let icase = pattern.starts_with("(?")
        && global_flags(pattern[1..].chars())
        && pattern[2..]
            .split(')')
            .next()
            .is_some_and(|f| f.contains('i'));
    let mut class_body = 0;
    let mut at = 0;
    if pattern.starts_with('(') && global_flags(pattern[1..].chars()) {
        // The leading flags group, as it is.
        for c in chars.by_ref() {
            rust.push(c);
            at += 1;
            if c == ')' {
                break;
            }
        }
    }
    while let Some(c) = chars.next() {
        at += 1;
        match (c, class) {
            ('(', None) if at > 1 && global_flags(chars.clone()) => {
                return Err("global flags not at the start of the expression".to_string());
            }
            ('\\', _) => {
                let Some(next) = chars.next() else {
                    return Err("bad escape (end of pattern)".to_string());
                };
                if next.is_ascii_alphabetic() && !PYTHON_ESCAPES.contains(next) {
                    return Err(format!("bad escape \\{next}"));
                }
                match (next, class) {
                    ('Z', None) => rust.push_str("\\z"),
                    ('s', None) => rust.push_str("[\\s\\x1c-\\x1f]"),
                    ('S', None) => rust.push_str("[^\\s\\x1c-\\x1f]"),
                    ('s', Some(_)) => rust.push_str("\\s\\x1c-\\x1f"),
                    _ => {
                        rust.push('\\');
                        rust.push(next);
                    }
                }
                if let Some(seen) = class.as_mut() {
                    *seen = true;
                }
            }
            ('[', None) => {
                rust.push('[');
                if chars.peek() == Some(&'^') {
                    chars.next();
                    rust.push('^');
                }
                class_body = rust.len();
                class = Some(false);
            }
            (']', Some(true)) => {
                let body = &rust[class_body..];
                let dotted =
                    icase && Regex::new(&format!("(?i)[{body}]")).is_ok_and(|r| r.is_match("i"));
                if dotted {
                    rust.push_str("İı");
                }
                rust.push(']');
                class = None;
            }
            ('i' | 'I', None) if icase => rust.push_str("[iIİı]"),
            (']', Some(false)) | ('[', Some(_)) => {
                rust.push('\\');
                rust.push(c);
                class = Some(true);
            }
            ('&' | '~' | '-', Some(_)) if chars.peek() == Some(&c) => {
                // Rust reads `&&`, `~~` and `--` in a class as set operations.
                rust.push('\\');
                rust.push(c);
                class = Some(true);
            }
            ('$', None) => rust.push_str("(?:\\n?\\z)"),
            (_, Some(_)) => {
                rust.push(c);
                class = Some(true);
            }
            (_, None) => rust.push(c),
        }
    }
    Ok(rust)
}
