//! The body of `POST /addons/<slug>/options`: checked, then stored.
//!
//! The Supervisor refuses the whole body if any key is unknown or of the
//! wrong type and changes nothing in that case; clients rely on that, so
//! the mock checks everything before it changes anything.

use serde_json::{Map, Value};

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
/// words) why it is refused, leaving `info` untouched.
pub(super) fn apply(info: &mut Map<String, Value>, body: Map<String, Value>) -> Result<(), String> {
    for (key, value) in &body {
        let Some((_, kind)) = FIELDS.iter().find(|(name, _)| name == key) else {
            return Err(format!("extra keys not allowed @ data['{key}']"));
        };
        check(*kind, value).map_err(|expected| {
            format!("{expected} for dictionary value @ data['{key}']. Got {value}")
        })?;
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
            Err("extra keys not allowed @ data['colour']".into())
        );
        assert_eq!(
            apply(&mut info, object(json!({"watchdog": 1}))),
            Err("expected boolean for dictionary value @ data['watchdog']. Got 1".into())
        );
    }
}
