//! The Supervisor's response envelopes and the few other response shapes.
//!
//! Every JSON answer from the Supervisor is `{"result":"ok","data":...}` or
//! `{"result":"error","message":...}`; keeping their construction in one
//! place keeps every endpoint of the mock consistent with that contract.

use axum::body::Body;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Map, Value};

pub(crate) const JSON_CONTENT_TYPE: &str = "application/json; charset=utf-8";
pub(crate) const TEXT_CONTENT_TYPE: &str = "text/plain; charset=utf-8";

/// `{"result":"ok","data":data}` with status 200.
pub(crate) fn ok(data: Value) -> Response {
    json_response(StatusCode::OK, &json!({"result": "ok", "data": data}))
}

/// `{"result":"ok","data":{}}`: what action endpoints answer.
pub(crate) fn ok_empty() -> Response {
    ok(Value::Object(Map::new()))
}

/// `{"result":"error","message":message}` with the given status.
pub(crate) fn error(status: StatusCode, message: impl Into<String>) -> Response {
    ApiError::new(status, message).into_response()
}

pub(crate) fn error_body(message: &str) -> Value {
    json!({"result": "error", "message": message})
}

/// A refusal in the Supervisor's words; answered as its error envelope.
#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    message: String,
    /// The machine-readable `error_key` and its `extra_fields`, which some
    /// Supervisor errors carry.
    key: Option<Box<(String, Value)>>,
}

/// What most handlers answer.
pub(crate) type ApiResult = Result<Response, ApiError>;

impl ApiError {
    pub(crate) fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status,
            message: message.into(),
            key: None,
        }
    }

    pub(crate) fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    pub(crate) fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, message)
    }

    pub(crate) fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, message)
    }

    pub(crate) fn with_error_key(mut self, error_key: &str, extra_fields: Value) -> Self {
        self.key = Some(Box::new((error_key.to_string(), extra_fields)));
        self
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut body = error_body(&self.message);
        if let Some(key) = self.key {
            let (error_key, extra_fields) = *key;
            body["error_key"] = Value::String(error_key);
            body["extra_fields"] = extra_fields;
        }
        json_response(self.status, &body)
    }
}

/// Any JSON value, serialised as is.
pub(crate) fn json_response(status: StatusCode, body: &Value) -> Response {
    raw(status, JSON_CONTENT_TYPE, body.to_string())
}

/// Plain text, as the Supervisor serves logs, changelogs and documentation.
pub(crate) fn text(status: StatusCode, body: impl Into<String>) -> Response {
    raw(status, TEXT_CONTENT_TYPE, body.into())
}

/// A body sent byte for byte with the given content type.
pub(crate) fn raw(status: StatusCode, content_type: &str, body: impl Into<Body>) -> Response {
    let mut response = Response::new(body.into());
    *response.status_mut() = status;
    let content_type = HeaderValue::from_str(content_type)
        .unwrap_or_else(|_| HeaderValue::from_static("application/octet-stream"));
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, content_type);
    response
}

/// A request body as JSON the way the Supervisor reads it (orjson): an empty
/// body is `{}`, an integer beyond 64 bits becomes a float, and anything
/// unparsable, or a number no double holds (`1e400`), is a 400 "Invalid json".
pub(crate) fn parse_json_body(body: &[u8]) -> Result<Value, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Value::Object(Map::new()));
    }
    serde_json::from_slice(body)
        .ok()
        .and_then(|value| addon_options::as_orjson_reads(value).ok())
        .ok_or_else(|| ApiError::bad_request("Invalid json"))
}

/// A request body that must be a JSON object, as every Supervisor schema is.
pub(crate) fn parse_json_object(body: &[u8]) -> Result<Map<String, Value>, ApiError> {
    match parse_json_body(body)? {
        Value::Object(object) => Ok(object),
        _ => Err(ApiError::bad_request("expected a dictionary")),
    }
}

/// A status code from a number that may come from user input.
pub(crate) fn status_code(code: u16) -> StatusCode {
    StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}
