//! Faults: ways the mock can misbehave, so clients' error paths get tested.
//!
//! A real Supervisor restarts, times out, drops connections and answers
//! with errors; a client that was only ever tested against a well-behaved
//! server breaks in those cases. A [`FaultRule`] says which requests
//! misbehave, how, and how many times.

use std::time::Duration;

use serde_json::{json, Map, Value};

use crate::paths;
use crate::response_spec::parse_status;

/// One way to misbehave.
///
/// JSON form (`"type"` picks the kind):
///
/// | Rust | JSON |
/// | --- | --- |
/// | `Status(503, body)` | `{"type":"status","status":503,"body":"..."}` (`body` optional: a string is sent verbatim, other JSON serialised, absent means an error envelope) |
/// | `Delay(d)` | `{"type":"delay","ms":1500}` |
/// | `Hang` | `{"type":"hang"}` |
/// | `DropConnection` | `{"type":"drop_connection"}` |
/// | `DropMidBody` | `{"type":"drop_mid_body"}` |
/// | `Malformed(body)` | `{"type":"malformed","body":"{\"result\":"}` |
/// | `ResultError{status,message}` | `{"type":"result_error","message":"...","status":400}` (`status` optional, 400) |
#[derive(Debug, Clone, PartialEq)]
pub enum Fault {
    /// Answer with this status and body instead of the real response. A body
    /// that parses as JSON is labelled `application/json`, else `text/plain`.
    Status(u16, String),
    /// Wait this long, then answer normally.
    Delay(Duration),
    /// Read the request and never answer, until the server stops.
    Hang,
    /// Close the connection without sending anything.
    DropConnection,
    /// Send the real response's headers with its full `Content-Length`,
    /// then only the first half of its body, then close the connection.
    DropMidBody,
    /// Answer 200 with exactly this body, labelled `application/json`.
    Malformed(String),
    /// Answer `{"result":"error","message":...}` with this status.
    ResultError { status: u16, message: String },
}

impl Fault {
    /// `{"result":"error","message":message}` with status 400, as the
    /// Supervisor answers a request it refuses.
    pub fn result_error(message: impl Into<String>) -> Self {
        Self::ResultError {
            status: 400,
            message: message.into(),
        }
    }

    /// Reads the JSON form described on [`Fault`].
    pub fn from_json(value: &Value) -> Result<Self, String> {
        let object = value.as_object().ok_or("a fault must be a JSON object")?;
        let kind = object
            .get("type")
            .and_then(Value::as_str)
            .ok_or("a fault needs a \"type\" string")?;
        let allowed: &[&str] = match kind {
            "status" => &["status", "body"],
            "delay" => &["ms"],
            "malformed" => &["body"],
            "result_error" => &["status", "message"],
            _ => &[],
        };
        if let Some(key) = object
            .keys()
            .find(|key| *key != "type" && !allowed.contains(&key.as_str()))
        {
            return Err(format!("unknown field {key:?} for fault type {kind:?}"));
        }
        match kind {
            "status" => {
                let status = parse_status(object.get("status").ok_or("\"status\" is required")?)?;
                let body = match object.get("body") {
                    None => {
                        let reason = crate::envelope::status_code(status);
                        crate::envelope::error_body(&format!("Mock fault: HTTP {reason}"))
                            .to_string()
                    }
                    Some(Value::String(text)) => text.clone(),
                    Some(other) => other.to_string(),
                };
                Ok(Self::Status(status, body))
            }
            "delay" => {
                let ms = object
                    .get("ms")
                    .and_then(Value::as_u64)
                    .ok_or("\"ms\" must be a whole number of milliseconds")?;
                Ok(Self::Delay(Duration::from_millis(ms)))
            }
            "hang" => Ok(Self::Hang),
            "drop_connection" => Ok(Self::DropConnection),
            "drop_mid_body" => Ok(Self::DropMidBody),
            "malformed" => {
                let body = object
                    .get("body")
                    .and_then(Value::as_str)
                    .ok_or("\"body\" must be a string")?;
                Ok(Self::Malformed(body.to_string()))
            }
            "result_error" => {
                let message = object
                    .get("message")
                    .and_then(Value::as_str)
                    .ok_or("\"message\" must be a string")?;
                let status = match object.get("status") {
                    None => 400,
                    Some(status) => parse_status(status)?,
                };
                Ok(Self::ResultError {
                    status,
                    message: message.to_string(),
                })
            }
            other => Err(format!(
                "unknown fault type {other:?}; expected one of status, delay, hang, \
                 drop_connection, drop_mid_body, malformed, result_error"
            )),
        }
    }

    /// The JSON form described on [`Fault`].
    pub fn to_json(&self) -> Value {
        match self {
            Self::Status(status, body) => json!({"type": "status", "status": status, "body": body}),
            Self::Delay(delay) => {
                let ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX);
                json!({"type": "delay", "ms": ms})
            }
            Self::Hang => json!({"type": "hang"}),
            Self::DropConnection => json!({"type": "drop_connection"}),
            Self::DropMidBody => json!({"type": "drop_mid_body"}),
            Self::Malformed(body) => json!({"type": "malformed", "body": body}),
            Self::ResultError { status, message } => {
                json!({"type": "result_error", "status": status, "message": message})
            }
        }
    }
}

/// Which requests get a [`Fault`], and how many times.
///
/// JSON form: `{"path": "/addons/self/info", "fault": {...}}` plus optional
/// `"method": "GET"` and `"times": 1`. `path` matches the request path
/// (the query string is ignored unless `path` has one), any path below it
/// (`/addons` covers `/addons/self/info`), or, ending in `*`, any path
/// starting with what comes before the `*`. `self` and the add-on's slug
/// are interchangeable.
#[derive(Debug, Clone, PartialEq)]
pub struct FaultRule {
    pub path: String,
    pub method: Option<String>,
    /// How many more requests get the fault; `None` means every one.
    pub times: Option<u32>,
    pub fault: Fault,
}

impl FaultRule {
    /// A rule applying `fault` to every request `path` covers.
    pub fn new(path: impl Into<String>, fault: Fault) -> Self {
        Self {
            path: path.into(),
            method: None,
            times: None,
            fault,
        }
    }

    /// The same rule, used up after `times` requests.
    pub fn times(mut self, times: u32) -> Self {
        self.times = Some(times);
        self
    }

    /// The same rule, only for requests with this method.
    pub fn method(mut self, method: impl Into<String>) -> Self {
        self.method = Some(method.into().to_ascii_uppercase());
        self
    }

    /// Reads the JSON form described on [`FaultRule`].
    pub fn from_json(value: &Value) -> Result<Self, String> {
        let object = value
            .as_object()
            .ok_or("a fault rule must be a JSON object")?;
        if let Some(key) = object
            .keys()
            .find(|key| !["path", "method", "times", "fault"].contains(&key.as_str()))
        {
            return Err(format!("unknown fault rule field {key:?}"));
        }
        let path = object
            .get("path")
            .and_then(Value::as_str)
            .filter(|path| !path.is_empty())
            .ok_or("\"path\" must be a non-empty string")?;
        let fault = Fault::from_json(object.get("fault").ok_or("\"fault\" is required")?)?;
        let mut rule = Self::new(path, fault);
        match object.get("method") {
            None | Some(Value::Null) => {}
            Some(Value::String(method)) => rule = rule.method(method.as_str()),
            Some(_) => return Err("\"method\" must be a string".into()),
        }
        match object.get("times") {
            None | Some(Value::Null) => {}
            Some(times) => {
                let times = times
                    .as_u64()
                    .and_then(|times| u32::try_from(times).ok())
                    .ok_or("\"times\" must be a whole number")?;
                rule = rule.times(times);
            }
        }
        Ok(rule)
    }

    /// The JSON form described on [`FaultRule`].
    pub fn to_json(&self) -> Value {
        let mut object = Map::new();
        object.insert("path".into(), json!(self.path));
        if let Some(method) = &self.method {
            object.insert("method".into(), json!(method));
        }
        if let Some(times) = self.times {
            object.insert("times".into(), json!(times));
        }
        object.insert("fault".into(), self.fault.to_json());
        Value::Object(object)
    }

    /// Whether this rule applies to a request.
    pub(crate) fn matches(&self, method: &str, path_and_query: &str, self_slug: &str) -> bool {
        if self
            .method
            .as_deref()
            .is_some_and(|wanted| !wanted.eq_ignore_ascii_case(method))
        {
            return false;
        }
        let pattern = paths::resolve_self(&self.path, self_slug);
        let request = paths::resolve_self(path_and_query, self_slug);
        if pattern.contains('?') {
            return pattern == request;
        }
        let (request_path, _) = paths::split_query(&request);
        paths::covers(&pattern, request_path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fault_round_trips_through_json() {
        for fault in [
            Fault::Status(503, "down".into()),
            Fault::Delay(Duration::from_millis(1500)),
            Fault::Hang,
            Fault::DropConnection,
            Fault::DropMidBody,
            Fault::Malformed("{\"result\":".into()),
            Fault::result_error("boom"),
        ] {
            assert_eq!(Fault::from_json(&fault.to_json()), Ok(fault));
        }
    }

    #[test]
    fn status_body_defaults_to_an_error_envelope() {
        let fault = Fault::from_json(&json!({"type": "status", "status": 502})).unwrap();
        assert_eq!(
            fault,
            Fault::Status(
                502,
                r#"{"result":"error","message":"Mock fault: HTTP 502 Bad Gateway"}"#.into()
            )
        );
    }

    #[test]
    fn bad_faults_are_refused() {
        for bad in [
            json!({"type": "explode"}),
            json!({"type": "delay"}),
            json!({"type": "delay", "ms": -1}),
            json!({"type": "status", "status": 42}),
            json!({"type": "hang", "ms": 5}),
            json!([]),
        ] {
            assert!(Fault::from_json(&bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn rules_match_paths_methods_and_the_self_alias() {
        let rule = FaultRule::new("/addons/self/info", Fault::Hang).method("get");
        assert!(rule.matches("GET", "/addons/self/info", "local_x"));
        assert!(rule.matches("GET", "/addons/local_x/info?x=1", "local_x"));
        assert!(!rule.matches("POST", "/addons/self/info", "local_x"));
        assert!(!rule.matches("GET", "/addons/other/info", "local_x"));

        let with_query = FaultRule::new("/core/logs?lines=5", Fault::Hang);
        assert!(with_query.matches("GET", "/core/logs?lines=5", "s"));
        assert!(!with_query.matches("GET", "/core/logs", "s"));

        let parent = FaultRule::new("/addons", Fault::Hang);
        assert!(parent.matches("POST", "/addons/self/options", "s"));
    }

    #[test]
    fn rule_json_round_trips() {
        let rule = FaultRule::new("/x", Fault::DropConnection)
            .times(2)
            .method("POST");
        assert_eq!(FaultRule::from_json(&rule.to_json()), Ok(rule));
    }
}
