//! Helpers shared by the integration tests: a started mock and a blocking
//! HTTP client with bounded timeouts, so a server bug fails a test instead
//! of hanging it.

use std::time::Duration;

use mock_supervisor::{MockSupervisor, World};
use reqwest::blocking::{Client, RequestBuilder, Response};
use reqwest::Method;
use serde_json::Value;

/// Generous for a loopback request, short enough to fail fast.
pub const CLIENT_TIMEOUT: Duration = Duration::from_secs(5);

pub fn start() -> MockSupervisor {
    MockSupervisor::start(World::default_world()).expect("mock starts")
}

pub fn client_with_timeout(timeout: Duration) -> Client {
    Client::builder()
        .timeout(timeout)
        .connect_timeout(timeout)
        .build()
        .expect("client builds")
}

pub fn client() -> Client {
    client_with_timeout(CLIENT_TIMEOUT)
}

/// A request carrying the mock's token.
pub fn request(mock: &MockSupervisor, method: Method, path: &str) -> RequestBuilder {
    client()
        .request(method, format!("{}{path}", mock.url()))
        .bearer_auth(mock.token())
}

/// Status and body of an authorised request.
pub fn call(
    mock: &MockSupervisor,
    method: Method,
    path: &str,
    body: Option<&str>,
) -> (u16, String) {
    let mut request = request(mock, method, path);
    if let Some(body) = body {
        request = request
            .header("content-type", "application/json")
            .body(body.to_string());
    }
    read(request.send().expect("request succeeds"))
}

pub fn get(mock: &MockSupervisor, path: &str) -> (u16, String) {
    call(mock, Method::GET, path, None)
}

pub fn post(mock: &MockSupervisor, path: &str, body: &str) -> (u16, String) {
    call(mock, Method::POST, path, Some(body))
}

pub fn delete(mock: &MockSupervisor, path: &str) -> (u16, String) {
    call(mock, Method::DELETE, path, None)
}

pub fn read(response: Response) -> (u16, String) {
    let status = response.status().as_u16();
    (status, response.text().expect("body reads"))
}

pub fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|err| panic!("not JSON ({err}): {text}"))
}

/// The `data` of a successful envelope; fails the test otherwise.
pub fn data(mock: &MockSupervisor, path: &str) -> Value {
    let (status, body) = get(mock, path);
    assert_eq!(status, 200, "{path}: {body}");
    let envelope = json(&body);
    assert_eq!(envelope["result"], "ok", "{path}: {body}");
    envelope["data"].clone()
}
