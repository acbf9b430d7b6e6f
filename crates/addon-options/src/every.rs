//! Every problem of an option set, each by its path (`database.port`,
//! `logins[1].username`), where the Supervisor stops at the first one. An
//! author fixing options wants them all at once. Each leaf is judged by the
//! same rule and words as [`super::validate`]; only the walk differs: it goes
//! on past a refusal, and it names where.

use super::python::py_repr;
use super::{Addon, Fail, Walk};
use serde_json::{Map, Value};

/// One refused option: where, and why (the Supervisor's words, then the
/// value it got).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// The option's path (`database.port`), so an author finds it.
    pub path: String,
    /// What is wrong with it, the Supervisor's words and the value.
    pub message: String,
}

/// All the problems of `options` against the raw `schema`, in the order of
/// the options, missing ones after the present ones of each mapping. Empty
/// when the options are valid, or when the schema cannot be applied at all.
pub fn problems(
    schema: &Value,
    options: &Value,
    addon: Addon,
    secrets: &dyn Fn(&str) -> Option<Value>,
) -> Vec<Issue> {
    let empty = Map::new();
    let schema = match schema {
        Value::Object(schema) => schema,
        Value::Bool(_) | Value::Null => &empty,
        _ => return Vec::new(),
    };
    let mut every = Every {
        walk: Walk {
            addon,
            secrets,
            warnings: Vec::new(),
        },
        issues: Vec::new(),
    };
    match options {
        Value::Object(_) => every.mapping(schema, options, ""),
        other => every.push(
            "(options)",
            format!("expected dict (got {})", py_repr(other)),
        ),
    }
    every.issues
}

struct Every<'a> {
    walk: Walk<'a>,
    issues: Vec<Issue>,
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}

impl Every<'_> {
    fn push(&mut self, path: &str, message: String) {
        self.issues.push(Issue {
            path: path.to_string(),
            message,
        });
    }

    /// A message without the Supervisor's ` in Name (slug)` ending.
    fn short(&self, message: String) -> String {
        let ending = format!(" {}", self.walk.within());
        match message.strip_suffix(&ending) {
            Some(short) => short.to_string(),
            None => message,
        }
    }

    fn element(&mut self, element: &Value, value: &Value, path: &str, name: &str) {
        match element {
            Value::Array(items) => {
                let Some(item) = items.first() else {
                    return self.push(
                        path,
                        format!("Type error for option '{name}': its schema is an empty list"),
                    );
                };
                let Value::Array(values) = value else {
                    return self.push(
                        path,
                        format!("Invalid list for option '{name}' (got {})", py_repr(value)),
                    );
                };
                for (index, value) in values.iter().enumerate() {
                    self.element(item, value, &format!("{path}[{index}]"), name);
                }
            }
            Value::Object(fields) => {
                if !value.is_object() {
                    return self.push(
                        path,
                        format!("Invalid dict for option '{name}' (got {})", py_repr(value)),
                    );
                }
                self.mapping(fields, value, path);
            }
            _ => match self.walk.single(element, value, name) {
                Ok(_) => {}
                Err(Fail::Invalid(message)) => {
                    let message = format!("{} (got {})", self.short(message), py_repr(value));
                    self.push(path, message);
                }
                // The whole schema is unusable: reported once, on its own.
                Err(Fail::Schema(_)) => {}
                Err(Fail::NoElement) => self.push(path, format!("Type error for option '{name}'")),
            },
        }
    }

    fn mapping(&mut self, fields: &Map<String, Value>, value: &Value, path: &str) {
        let Value::Object(values) = value else {
            return;
        };
        for (name, value) in values {
            if let Some(element) = fields.get(name) {
                self.element(element, value, &join(path, name), name);
            }
        }
        let root = if path.is_empty() { "root" } else { path };
        for (name, element) in fields {
            if values.contains_key(name) {
                continue;
            }
            let decisive = match element {
                Value::Array(items) if !items.is_empty() => &items[0],
                other => other,
            };
            if !matches!(decisive, Value::String(text) if text.ends_with('?')) {
                self.push(
                    &join(path, name),
                    format!("Missing option '{name}' in {root}"),
                );
            }
        }
    }
}
