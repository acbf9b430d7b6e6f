//! Recorded requests: exactly what the client sent, in order, including
//! requests that then failed the token check or were faulted.

use crate::common::{client, get, post, start};
use mock_supervisor::Fault;

#[test]
fn requests_are_recorded_in_order_with_bodies_and_headers() {
    let mock = start();
    get(&mock, "/core/logs?lines=5&verbose");
    post(&mock, "/addons/self/options", r#"{"options":{"a":"é"}}"#);
    client()
        .get(format!("{}/addons/self/info", mock.url()))
        .send()
        .unwrap();

    let requests = mock.requests();
    assert_eq!(requests.len(), 3);

    assert_eq!(requests[0].method, "GET");
    assert_eq!(requests[0].path, "/core/logs?lines=5&verbose");
    assert_eq!(requests[0].path_only(), "/core/logs");
    assert_eq!(requests[0].body, "");
    assert!(requests[0].auth_ok);
    assert_eq!(
        requests[0].header("Authorization"),
        Some("Bearer mock-token")
    );

    assert_eq!(requests[1].method, "POST");
    assert_eq!(requests[1].path, "/addons/self/options");
    assert_eq!(requests[1].body, r#"{"options":{"a":"é"}}"#);
    assert_eq!(
        requests[1].body_json(),
        Some(serde_json::json!({"options": {"a": "é"}}))
    );
    assert_eq!(requests[1].header("content-type"), Some("application/json"));

    assert!(!requests[2].auth_ok);
    assert_eq!(requests[2].header("authorization"), None);
}

#[test]
fn faulted_requests_are_recorded_too() {
    let mock = start();
    mock.set_fault("/supervisor/ping", Fault::DropConnection);
    let _ = client()
        .post(format!("{}/supervisor/ping", mock.url()))
        .body("payload")
        .send();
    let requests = mock.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].method, "POST");
    assert_eq!(requests[0].body, "payload");
}

#[test]
fn clearing_forgets_earlier_requests() {
    let mock = start();
    get(&mock, "/info");
    mock.clear_requests();
    get(&mock, "/supervisor/ping");
    let paths: Vec<String> = mock.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(paths, ["/supervisor/ping"]);
}

#[test]
fn invalid_utf8_bodies_are_recorded_lossily() {
    let mock = start();
    client()
        .post(format!("{}/addons/self/stdin", mock.url()))
        .bearer_auth(mock.token())
        .body(vec![b'a', 0xff, b'b'])
        .send()
        .unwrap();
    assert_eq!(mock.requests()[0].body, "a\u{fffd}b");
}
