//! What the client sent, kept so tests can assert on the exact requests.

use std::collections::BTreeMap;

use axum::http::HeaderMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One request as it arrived, before any fault was applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedRequest {
    pub method: String,
    /// The path with its query string, as sent: `/core/logs?lines=5`.
    pub path: String,
    /// The body, with invalid UTF-8 replaced.
    pub body: String,
    /// Whether the request carried the token the mock accepts.
    pub auth_ok: bool,
    /// Every header, names in lower case; repeated headers joined by `, `.
    pub headers: BTreeMap<String, String>,
}

impl RecordedRequest {
    pub(crate) fn new(
        method: &str,
        path: &str,
        headers: &HeaderMap,
        body: &[u8],
        auth_ok: bool,
    ) -> Self {
        let mut recorded_headers: BTreeMap<String, String> = BTreeMap::new();
        for (name, value) in headers {
            let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
            recorded_headers
                .entry(name.as_str().to_string())
                .and_modify(|joined| {
                    joined.push_str(", ");
                    joined.push_str(&value);
                })
                .or_insert(value);
        }
        Self {
            method: method.to_string(),
            path: path.to_string(),
            body: String::from_utf8_lossy(body).into_owned(),
            auth_ok,
            headers: recorded_headers,
        }
    }

    /// A header's value; `name` in any case.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(&name.to_ascii_lowercase())
            .map(String::as_str)
    }

    /// The body parsed as JSON, if it is JSON.
    pub fn body_json(&self) -> Option<Value> {
        serde_json::from_str(&self.body).ok()
    }

    /// The path without its query string.
    pub fn path_only(&self) -> &str {
        crate::paths::split_query(&self.path).0
    }
}
