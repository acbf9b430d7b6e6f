//! `/auth`: checks a Home Assistant user's credentials for an add-on.
//!
//! Credentials come as `Authorization: Basic ...` or a JSON body with
//! `username` (or `user`) and `password`, as the Supervisor accepts them;
//! with Basic credentials the Supervisor token travels in
//! `X-Supervisor-Token`.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{delete, get, post};
use serde_json::Value;

use super::Routes;
use crate::envelope::{self, ApiError, ApiResult};
use crate::state::Shared;

pub(super) fn routes() -> Routes {
    Routes::new()
        .route("/auth", get(check).post(check))
        .route("/auth/reset", post(acknowledge))
        .route("/auth/cache", delete(acknowledge))
}

async fn acknowledge() -> Response {
    envelope::ok_empty()
}

fn refused() -> ApiError {
    ApiError::new(StatusCode::UNAUTHORIZED, "401: Unauthorized")
}

async fn check(State(shared): State<Arc<Shared>>, headers: HeaderMap, body: Bytes) -> ApiResult {
    let may_use_auth = shared.with_world(|world| {
        world
            .self_addon()
            .is_some_and(|addon| addon.info.get("auth_api") == Some(&Value::Bool(true)))
    });
    if !may_use_auth {
        return Err(ApiError::forbidden("Can't use Home Assistant auth!"));
    }
    let (username, password) = credentials(&headers, &body)?.ok_or_else(refused)?;
    let known = shared.with_world(|world| {
        world
            .auth_users
            .get(&username)
            .is_some_and(|expected| *expected == password)
    });
    if known {
        Ok(envelope::ok_empty())
    } else {
        Err(refused())
    }
}

type Credentials = (String, String);

fn credentials(headers: &HeaderMap, body: &[u8]) -> Result<Option<Credentials>, ApiError> {
    // A Bearer `Authorization` carries the Supervisor token, not a user.
    let basic = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Basic "));
    if let Some(encoded) = basic {
        return Ok(decode_base64(encoded.trim())
            .and_then(|decoded| String::from_utf8(decoded).ok())
            .and_then(|pair| {
                let (username, password) = pair.split_once(':')?;
                Some((username.to_string(), password.to_string()))
            }));
    }
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    let data = envelope::parse_json_object(body)?;
    let username = data.get("username").or_else(|| data.get("user"));
    match (username, data.get("password")) {
        (Some(Value::String(username)), Some(Value::String(password))) => {
            Ok(Some((username.clone(), password.clone())))
        }
        _ => Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "Username and password must be strings",
        )),
    }
}

/// Standard base64 with optional padding; `None` for anything else.
fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let digits = text.trim_end_matches('=').as_bytes();
    let mut bytes = Vec::with_capacity(digits.len() * 3 / 4);
    let mut buffer = 0u32;
    let mut bits = 0;
    for digit in digits {
        let value = match digit {
            b'A'..=b'Z' => digit - b'A',
            b'a'..=b'z' => digit - b'a' + 26,
            b'0'..=b'9' => digit - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            bytes.push((buffer >> bits) as u8);
        }
    }
    Some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_decodes() {
        assert_eq!(
            decode_base64("YWxpY2U6d29uZGVybGFuZA==").unwrap(),
            b"alice:wonderland"
        );
        assert_eq!(decode_base64("YQ").unwrap(), b"a");
        assert!(decode_base64("a b").is_none());
    }
}
