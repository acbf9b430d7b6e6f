//! Canned responses a world can attach to any method and path.
//!
//! The built-in endpoints cannot foresee every resource a client may ask
//! for; a canned response lets a test serve one without changing the mock.

use axum::http::StatusCode;
use axum::response::Response;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{json, Map, Value};

use crate::envelope;

/// What a canned response sends.
#[derive(Debug, Clone, PartialEq)]
pub enum ResponseBody {
    /// Wrapped in the success envelope: `{"result":"ok","data":...}`.
    Data(Value),
    /// Sent as JSON exactly as given, without an envelope.
    Json(Value),
    /// Sent as text exactly as given.
    Text(String),
}

/// A canned response: a status, a body and optionally a content type.
///
/// JSON form: `{"status": 200, "data": ...}`, `{"json": ...}` or
/// `{"text": "...", "content_type": "text/plain"}`; exactly one of
/// `data`, `json`, `text`; `status` defaults to 200.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseSpec {
    pub status: u16,
    pub body: ResponseBody,
    pub content_type: Option<String>,
}

impl ResponseSpec {
    /// 200 with `data` in the success envelope.
    pub fn data(data: Value) -> Self {
        Self::new(200, ResponseBody::Data(data))
    }

    /// `status` with `body` as JSON, without an envelope.
    pub fn json(status: u16, body: Value) -> Self {
        Self::new(status, ResponseBody::Json(body))
    }

    /// `status` with `body` as plain text.
    pub fn text(status: u16, body: impl Into<String>) -> Self {
        Self::new(status, ResponseBody::Text(body.into()))
    }

    fn new(status: u16, body: ResponseBody) -> Self {
        Self {
            status,
            body,
            content_type: None,
        }
    }

    /// The same response with another status.
    pub fn with_status(mut self, status: u16) -> Self {
        self.status = status;
        self
    }

    /// The same response with its `Content-Type` set to `content_type`.
    pub fn with_content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }

    /// Reads the JSON form described on [`ResponseSpec`].
    pub fn from_json(value: &Value) -> Result<Self, String> {
        let object = value
            .as_object()
            .ok_or("a response must be a JSON object")?;
        for key in object.keys() {
            if !["status", "data", "json", "text", "content_type"].contains(&key.as_str()) {
                return Err(format!("unknown response field {key:?}"));
            }
        }
        let status = match object.get("status") {
            None => 200,
            Some(status) => parse_status(status)?,
        };
        let mut bodies = Vec::new();
        if let Some(data) = object.get("data") {
            bodies.push(ResponseBody::Data(data.clone()));
        }
        if let Some(json) = object.get("json") {
            bodies.push(ResponseBody::Json(json.clone()));
        }
        if let Some(text) = object.get("text") {
            let text = text.as_str().ok_or("\"text\" must be a string")?;
            bodies.push(ResponseBody::Text(text.to_string()));
        }
        let body = match bodies.len() {
            0 => ResponseBody::Data(Value::Object(Map::new())),
            1 => bodies.remove(0),
            _ => return Err("a response takes only one of \"data\", \"json\", \"text\"".into()),
        };
        let content_type = match object.get("content_type") {
            None | Some(Value::Null) => None,
            Some(Value::String(content_type)) => Some(content_type.clone()),
            Some(_) => return Err("\"content_type\" must be a string".into()),
        };
        Ok(Self {
            status,
            body,
            content_type,
        })
    }

    /// The JSON form described on [`ResponseSpec`].
    pub fn to_json(&self) -> Value {
        let mut object = Map::new();
        object.insert("status".into(), json!(self.status));
        match &self.body {
            ResponseBody::Data(data) => object.insert("data".into(), data.clone()),
            ResponseBody::Json(body) => object.insert("json".into(), body.clone()),
            ResponseBody::Text(text) => object.insert("text".into(), json!(text)),
        };
        if let Some(content_type) = &self.content_type {
            object.insert("content_type".into(), json!(content_type));
        }
        Value::Object(object)
    }

    pub(crate) fn to_response(&self) -> Response {
        let status = envelope::status_code(self.status);
        let (default_type, body) = match &self.body {
            ResponseBody::Data(data) => (
                envelope::JSON_CONTENT_TYPE,
                json!({"result": "ok", "data": data}).to_string(),
            ),
            ResponseBody::Json(body) => (envelope::JSON_CONTENT_TYPE, body.to_string()),
            ResponseBody::Text(text) => (envelope::TEXT_CONTENT_TYPE, text.clone()),
        };
        let content_type = self.content_type.as_deref().unwrap_or(default_type);
        envelope::raw(status, content_type, body)
    }
}

/// An HTTP status from JSON, refusing numbers HTTP cannot carry.
pub(crate) fn parse_status(value: &Value) -> Result<u16, String> {
    value
        .as_u64()
        .and_then(|status| u16::try_from(status).ok())
        .filter(|status| StatusCode::from_u16(*status).is_ok())
        .ok_or_else(|| format!("{value} is not an HTTP status code"))
}

impl Serialize for ResponseSpec {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for ResponseSpec {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Self::from_json(&value).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_form_round_trips() {
        for spec in [
            ResponseSpec::data(json!({"a": 1})),
            ResponseSpec::json(503, json!(null)),
            ResponseSpec::text(200, "x").with_content_type("text/x-log"),
        ] {
            assert_eq!(ResponseSpec::from_json(&spec.to_json()), Ok(spec));
        }
    }

    #[test]
    fn null_data_is_kept_as_null() {
        let spec = ResponseSpec::from_json(&json!({"data": null})).unwrap();
        assert_eq!(spec.body, ResponseBody::Data(Value::Null));
    }

    #[test]
    fn bad_specs_are_refused() {
        assert!(ResponseSpec::from_json(&json!({"data": 1, "text": "x"})).is_err());
        assert!(ResponseSpec::from_json(&json!({"status": 1000})).is_err());
        assert!(ResponseSpec::from_json(&json!({"stauts": 200})).is_err());
        assert!(ResponseSpec::from_json(&json!("text")).is_err());
    }
}
