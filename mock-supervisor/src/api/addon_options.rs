//! The body of `POST /addons/<slug>/options`: checked, then stored; and the
//! answer to `POST /addons/<slug>/options/validate`.
//!
//! The Supervisor refuses the whole body if any key is unknown or of the
//! wrong type, or if `options` break the add-on's schema, and changes
//! nothing in that case; clients rely on that, so the mock checks everything
//! before it changes anything.
//!
//! The schema is the raw one of the add-on's config.yaml, which the
//! Supervisor's API never shows (its `schema` in `/info` is the UI form). A
//! world keeps it in the add-on's info under [`RAW_SCHEMA`]; the info
//! endpoint leaves that key out. Without it every option set is accepted as
//! it is. The rules are `bashio validate`'s own: the addon-options crate.

use addon_options as rules;
use serde_json::{json, Map, Value};

/// The info key holding the add-on's raw config.yaml `schema`.
pub(super) const RAW_SCHEMA: &str = "config_schema";

/// Why a `POST /addons/<slug>/options` is refused.
#[derive(Debug, PartialEq)]
pub(super) enum Refusal {
    /// The body itself, in voluptuous's words.
    Body(String),
    /// `options` break the add-on's schema: the Supervisor's
    /// `app_configuration_invalid_error`, for add-on `app`.
    Options {
        app: String,
        validation_error: String,
    },
}

impl Refusal {
    /// The `message` of the Supervisor's 400 answer.
    pub(super) fn message(&self) -> String {
        match self {
            Refusal::Body(message) => message.clone(),
            Refusal::Options {
                app,
                validation_error,
            } => rules::invalid_options_message(app, validation_error),
        }
    }
}

/// `options` checked against the add-on's raw schema: as the Supervisor
/// would store them, or its validation error. `Ok(None)` when the world
/// gives the add-on no raw schema.
fn check_options(info: &Map<String, Value>, options: &Value) -> Result<Option<Value>, String> {
    let Some(schema) = info.get(RAW_SCHEMA) else {
        return Ok(None);
    };
    let slug = info.get("slug").and_then(Value::as_str).unwrap_or("");
    let name = info.get("name").and_then(Value::as_str).unwrap_or(slug);
    let addon = rules::Addon { name, slug };
    // The mock has no Home Assistant secrets: every `!secret` is unknown.
    match rules::validate(schema, options, addon, &|_| None).result {
        Ok(checked) => Ok(Some(checked)),
        Err(problem) => Err(problem.describe(options)),
    }
}

/// The `data` of `POST /addons/<slug>/options/validate` for `body`: as the
/// Supervisor, an empty (or otherwise false) body stands for the add-on's
/// current options. Passwords are never checked against Have I Been Pwned
/// here, so `pwned` is always false.
pub(super) fn validation_answer(info: &Map<String, Value>, body: Value) -> Value {
    let options = if python_false(&body) {
        info.get("options").cloned().unwrap_or_else(|| json!({}))
    } else {
        body
    };
    let (message, valid) = match check_options(info, &options) {
        Ok(_) => (String::new(), true),
        Err(message) => (message, false),
    };
    json!({"message": message, "valid": valid, "pwned": false})
}

/// Python's falsehood: `None`, `False`, zero and empty containers.
fn python_false(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Bool(flag) => !flag,
        Value::Number(number) => number.as_f64() == Some(0.0),
        Value::String(text) => text.is_empty(),
        Value::Array(items) => items.is_empty(),
        Value::Object(fields) => fields.is_empty(),
    }
}

/// The keys the Supervisor accepts, and what each must hold.
const FIELDS: &[(&str, Kind)] = &[
    ("boot", Kind::Boot),
    ("network", Kind::Ports),
    ("auto_update", Kind::Boolean),
    ("audio_output", Kind::MaybeString),
    ("audio_input", Kind::MaybeString),
    ("ingress_panel", Kind::Boolean),
    ("watchdog", Kind::Boolean),
    ("options", Kind::MaybeObject),
];

#[derive(Clone, Copy)]
enum Kind {
    Boot,
    Ports,
    Boolean,
    MaybeString,
    MaybeObject,
}

/// Stores `body` into the add-on's `info`, or says (in the Supervisor's
/// words) why it is refused, leaving `info` untouched. Options that pass the
/// add-on's raw schema are stored as the Supervisor stores them: coerced,
/// unknown ones dropped.
pub(super) fn apply(
    info: &mut Map<String, Value>,
    mut body: Map<String, Value>,
) -> Result<(), Refusal> {
    for (key, value) in &body {
        let Some((_, kind)) = FIELDS.iter().find(|(name, _)| name == key) else {
            return Err(Refusal::Body(format!(
                "extra keys not allowed @ data['{key}']"
            )));
        };
        check(*kind, value).map_err(|expected| {
            Refusal::Body(format!(
                "{expected} for dictionary value @ data['{key}']. Got {value}"
            ))
        })?;
    }
    if let Some(options) = body.get_mut("options").filter(|options| !options.is_null()) {
        match check_options(info, options) {
            Ok(Some(checked)) => *options = checked,
            Ok(None) => {}
            Err(validation_error) => {
                let app = info.get("slug").and_then(Value::as_str).unwrap_or("");
                return Err(Refusal::Options {
                    app: app.to_string(),
                    validation_error,
                });
            }
        }
    }
    for (key, value) in body {
        // `"options": null` means "back to no options".
        let value = match (key.as_str(), value) {
            ("options", Value::Null) => Value::Object(Map::new()),
            (_, value) => value,
        };
        info.insert(key, value);
    }
    Ok(())
}

fn check(kind: Kind, value: &Value) -> Result<(), &'static str> {
    let fits = match kind {
        Kind::Boot => matches!(value.as_str(), Some("auto" | "manual")),
        Kind::Boolean => value.is_boolean(),
        Kind::MaybeString => value.is_null() || value.is_string(),
        Kind::MaybeObject => value.is_null() || value.is_object(),
        Kind::Ports => match value {
            Value::Null => true,
            Value::Object(ports) => ports.iter().all(|(port, host_port)| {
                is_container_port(port) && (host_port.is_null() || is_port_number(host_port))
            }),
            _ => false,
        },
    };
    if fits {
        return Ok(());
    }
    Err(match kind {
        Kind::Boot => "expected AppBoot or one of 'auto', 'manual'",
        Kind::Boolean => "expected boolean",
        Kind::MaybeString => "expected str",
        Kind::MaybeObject => "expected dict",
        Kind::Ports => "expected a map of '<port>/<tcp|udp>' to a port number or null",
    })
}

/// `"80/tcp"`, `"5353/udp"`.
fn is_container_port(key: &str) -> bool {
    key.split_once('/').is_some_and(|(number, protocol)| {
        number.parse::<u16>().is_ok_and(|port| port > 0) && matches!(protocol, "tcp" | "udp")
    })
}

fn is_port_number(value: &Value) -> bool {
    value
        .as_u64()
        .is_some_and(|port| (1..=65535).contains(&port))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn object(value: Value) -> Map<String, Value> {
        value.as_object().cloned().unwrap()
    }

    #[test]
    fn accepted_keys_are_stored() {
        let mut info = object(json!({"boot": "auto", "options": {"a": 1}}));
        let body = object(json!({
            "boot": "manual",
            "options": {"b": 2},
            "network": {"80/tcp": 8080, "443/tcp": null},
            "watchdog": false,
            "audio_input": null
        }));
        apply(&mut info, body).unwrap();
        assert_eq!(info["boot"], json!("manual"));
        assert_eq!(info["options"], json!({"b": 2}));
        assert_eq!(info["network"]["443/tcp"], json!(null));
        assert_eq!(info["watchdog"], json!(false));
    }

    #[test]
    fn a_bad_key_changes_nothing() {
        let original = object(json!({"boot": "auto"}));
        for body in [
            json!({"boot": "manual", "colour": "red"}),
            json!({"boot": "sometimes"}),
            json!({"watchdog": "yes"}),
            json!({"options": [1]}),
            json!({"network": {"80": 8080}}),
            json!({"network": {"80/tcp": 70000}}),
        ] {
            let mut info = original.clone();
            assert!(apply(&mut info, object(body.clone())).is_err(), "{body}");
            assert_eq!(info, original);
        }
    }

    #[test]
    fn messages_follow_the_supervisor() {
        let mut info = Map::new();
        assert_eq!(
            apply(&mut info, object(json!({"colour": 1}))),
            Err(Refusal::Body(
                "extra keys not allowed @ data['colour']".into()
            ))
        );
        assert_eq!(
            apply(&mut info, object(json!({"watchdog": 1}))),
            Err(Refusal::Body(
                "expected boolean for dictionary value @ data['watchdog']. Got 1".into()
            ))
        );
    }

    /// An installed add-on whose world gives its raw schema.
    fn with_schema() -> Map<String, Value> {
        object(json!({
            "name": "Example",
            "slug": "local_example",
            "options": {"port": 8080, "message": "hi"},
            RAW_SCHEMA: {"port": "port", "message": "str", "level": "list(info|debug)?"}
        }))
    }

    #[test]
    fn options_breaking_the_schema_are_refused_and_nothing_changes() {
        let original = with_schema();
        let mut info = original.clone();
        let refusal = apply(
            &mut info,
            object(json!({"boot": "manual", "options": {"port": 8080, "message": true}})),
        );
        assert_eq!(
            refusal,
            Err(Refusal::Options {
                app: "local_example".into(),
                validation_error: "expected str. Got {'port': 8080, 'message': True}".into()
            })
        );
        assert_eq!(
            refusal.unwrap_err().message(),
            "App local_example has invalid options: expected str. Got {'port': 8080, 'message': True}"
        );
        assert_eq!(info, original);
        // The body's own shape is checked first, as the Supervisor does.
        assert_eq!(
            apply(&mut info, object(json!({"boot": "x", "options": {"port": "y"}}))),
            Err(Refusal::Body(
                "expected AppBoot or one of 'auto', 'manual' for dictionary value @ data['boot']. Got \"x\"".into()
            ))
        );
    }

    #[test]
    fn options_passing_the_schema_are_stored_as_the_supervisor_stores_them() {
        let mut info = with_schema();
        let body = json!({"options": {"port": "8123", "message": "x", "stray": 1}});
        apply(&mut info, object(body)).unwrap();
        assert_eq!(info["options"], json!({"port": 8123, "message": "x"}));
        // Null still means "back to no options", unchecked.
        apply(&mut info, object(json!({"options": null}))).unwrap();
        assert_eq!(info["options"], json!({}));
    }

    #[test]
    fn validation_answers() {
        let info = with_schema();
        assert_eq!(
            validation_answer(&info, json!({"port": 0, "message": "x"})),
            json!({"message": "value must be at least 1. Got {'port': 0, 'message': 'x'}", "valid": false, "pwned": false})
        );
        assert_eq!(
            validation_answer(&info, json!({"port": 1, "message": "x"})),
            json!({"message": "", "valid": true, "pwned": false})
        );
        // An empty body validates the add-on's current options.
        assert_eq!(
            validation_answer(&info, json!({})),
            json!({"message": "", "valid": true, "pwned": false})
        );
        assert_eq!(
            validation_answer(&info, json!([1])),
            json!({"message": "expected dict. Got [1]", "valid": false, "pwned": false})
        );
        // Without a raw schema everything is valid.
        let mut bare = info.clone();
        bare.remove(RAW_SCHEMA);
        assert_eq!(
            validation_answer(&bare, json!({"port": "nope"})),
            json!({"message": "", "valid": true, "pwned": false})
        );
    }
}
