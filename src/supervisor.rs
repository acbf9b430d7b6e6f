//! The Supervisor's HTTP side, apart from what bashio makes of an answer
//! (`bashio::api`): what a request carries (the bearer token, the JSON
//! content type, a body) and the time limits it runs under, set from
//! `BASHIO_API_*`. It holds no call state, so `ctx` stays the call's context
//! and the function table never reaches HTTP through it.

#![forbid(unsafe_code)]

use crate::http::{self, Failure, Limits, Response};
use std::time::Duration;

/// Seconds from an environment variable; 0 means no limit.
fn seconds(name: &str, default: u64) -> Option<Duration> {
    let value = crate::env::var(name)
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(default);
    (value > 0).then(|| Duration::from_secs(value))
}

/// How often a GET whose connection could not be opened is tried again.
fn retries() -> u32 {
    crate::env::var("BASHIO_API_RETRIES")
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(2)
}

/// The time limits of a request: reads that never end must end, so GETs
/// and DELETEs are bounded, while actions (updates, backups) may take long.
fn limits(method: &str) -> Limits {
    Limits {
        connect: seconds("BASHIO_API_CONNECT_TIMEOUT", 10),
        total: match method {
            "POST" => seconds("BASHIO_API_POST_TIMEOUT", 0),
            _ => seconds("BASHIO_API_TIMEOUT", 60),
        },
        retries: retries(),
    }
}

/// Sends what bashio's curl call sends to the Supervisor at `url`: the
/// method, a bearer token (`Bearer` alone when there is none), a JSON
/// content type and a body (`{}` unless a POST carries one).
pub fn send(token: &str, method: &str, url: &str, body: &[u8]) -> Result<Response, Failure> {
    let authorization = match token.is_empty() {
        true => "Bearer".to_string(),
        false => format!("Bearer {token}"),
    };
    let headers = [
        ("Authorization", authorization.as_str()),
        ("Content-Type", "application/json"),
    ];
    http::Client::new().send(method, url, &headers, Some(body), &limits(method))
}

/// A GET without the Supervisor's token, for other services (Have I Been
/// Pwned), under the same time limits but never tried again.
pub fn get_plain(url: &str) -> Result<Response, Failure> {
    let limits = Limits {
        retries: 0,
        ..limits("GET")
    };
    http::Client::new().send("GET", url, &[], None, &limits)
}
