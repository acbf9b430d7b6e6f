//! Every fault kind, seen from a real HTTP client with bounded timeouts.

use std::io::Read;
use std::time::{Duration, Instant};

use crate::common::{client_with_timeout, get, json, start};
use mock_supervisor::{Fault, FaultRule};
use reqwest::Method;

fn send_with_timeout(
    mock: &mock_supervisor::MockSupervisor,
    path: &str,
    timeout: Duration,
) -> reqwest::Result<reqwest::blocking::Response> {
    client_with_timeout(timeout)
        .get(format!("{}{path}", mock.url()))
        .bearer_auth(mock.token())
        .send()
}

#[test]
fn status_replaces_the_response() {
    let mock = start();
    mock.set_fault(
        "/addons/self/info",
        Fault::Status(503, "down for now".into()),
    );
    let response =
        send_with_timeout(&mock, "/addons/self/info", crate::common::CLIENT_TIMEOUT).unwrap();
    assert_eq!(response.status(), 503);
    assert_eq!(
        response.headers()["content-type"],
        "text/plain; charset=utf-8"
    );
    assert_eq!(response.text().unwrap(), "down for now");

    mock.set_fault("/addons/self/info", Fault::Status(500, r#"{"a":1}"#.into()));
    let response =
        send_with_timeout(&mock, "/addons/self/info", crate::common::CLIENT_TIMEOUT).unwrap();
    assert_eq!(
        response.headers()["content-type"],
        "application/json; charset=utf-8"
    );
    assert_eq!(response.text().unwrap(), r#"{"a":1}"#);
}

#[test]
fn delay_answers_normally_but_late() {
    let mock = start();
    mock.set_fault("/supervisor/ping", Fault::Delay(Duration::from_millis(300)));
    let started = Instant::now();
    let (status, body) = get(&mock, "/supervisor/ping");
    assert!(started.elapsed() >= Duration::from_millis(300));
    assert_eq!(
        (status, body.as_str()),
        (200, r#"{"result":"ok","data":{}}"#)
    );
}

#[test]
fn hang_never_answers_and_does_not_block_stopping() {
    let mock = start();
    mock.set_fault("/core/info", Fault::Hang);
    let started = Instant::now();
    let error = send_with_timeout(&mock, "/core/info", Duration::from_millis(400)).unwrap_err();
    assert!(error.is_timeout(), "{error}");
    assert!(started.elapsed() < Duration::from_secs(3));

    let url = format!("{}/core/info", mock.url());
    let token = mock.token().to_string();
    let hanging = std::thread::spawn(move || {
        client_with_timeout(Duration::from_secs(10))
            .get(url)
            .bearer_auth(token)
            .send()
            .map(|response| response.status().as_u16())
    });
    std::thread::sleep(Duration::from_millis(200));
    let stopping = Instant::now();
    mock.stop();
    assert!(
        stopping.elapsed() < Duration::from_secs(2),
        "stop took {:?}",
        stopping.elapsed()
    );
    let outcome = hanging.join().unwrap();
    assert!(outcome.is_err(), "a hung request got {outcome:?}");
}

#[test]
fn drop_connection_closes_without_a_response() {
    let mock = start();
    mock.set_fault("/addons/self/info", Fault::DropConnection);
    let started = Instant::now();
    let error =
        send_with_timeout(&mock, "/addons/self/info", crate::common::CLIENT_TIMEOUT).unwrap_err();
    assert!(!error.is_timeout(), "{error}");
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(mock.requests().len(), 1, "the client sent exactly once");
}

#[test]
fn drop_mid_body_sends_half_the_announced_body() {
    let mock = start();
    let (_, full) = get(&mock, "/core/info");
    mock.set_fault("/core/info", Fault::DropMidBody);
    let mut response =
        send_with_timeout(&mock, "/core/info", crate::common::CLIENT_TIMEOUT).unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.content_length(), Some(full.len() as u64));
    let mut received = Vec::new();
    let read = response.read_to_end(&mut received);
    assert!(read.is_err(), "the body should end early");
    assert_eq!(received, &full.as_bytes()[..full.len() / 2]);
}

#[test]
fn malformed_sends_the_exact_body_with_200() {
    let mock = start();
    mock.set_fault(
        "/addons/self/info",
        Fault::Malformed("{\"result\": \"ok\", \"da".into()),
    );
    let response =
        send_with_timeout(&mock, "/addons/self/info", crate::common::CLIENT_TIMEOUT).unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.text().unwrap(), "{\"result\": \"ok\", \"da");
}

#[test]
fn result_error_sends_the_error_envelope() {
    let mock = start();
    mock.set_fault("/addons/self/info", Fault::result_error("boom"));
    assert_eq!(
        get(&mock, "/addons/self/info"),
        (400, r#"{"result":"error","message":"boom"}"#.into())
    );
    mock.set_fault(
        "/addons/self/info",
        Fault::ResultError {
            status: 200,
            message: "soft".into(),
        },
    );
    assert_eq!(
        get(&mock, "/addons/self/info"),
        (200, r#"{"result":"error","message":"soft"}"#.into())
    );
}

#[test]
fn faults_can_be_limited_to_n_requests() {
    let mock = start();
    mock.set_fault_times("/supervisor/ping", Fault::Status(502, "x".into()), 2);
    assert_eq!(get(&mock, "/supervisor/ping").0, 502);
    assert_eq!(get(&mock, "/supervisor/ping").0, 502);
    assert_eq!(get(&mock, "/supervisor/ping").0, 200);
    assert!(mock.faults().is_empty());
}

#[test]
fn faults_match_prefixes_methods_and_the_self_alias() {
    let mock = start();
    mock.set_fault("/addons", Fault::result_error("all add-ons"));
    assert_eq!(get(&mock, "/addons/core_mosquitto/info").0, 400);
    assert_eq!(get(&mock, "/addons").0, 400);
    assert_eq!(get(&mock, "/supervisor/ping").0, 200);
    mock.clear_faults();
    assert_eq!(get(&mock, "/addons/self/info").0, 200);

    mock.add_fault(
        FaultRule::new("/addons/local_example/options", Fault::result_error("no")).method("POST"),
    );
    assert_eq!(
        crate::common::post(&mock, "/addons/self/options", "{}").0,
        400
    );
    assert_eq!(get(&mock, "/addons/self/options/config").0, 200);
}

#[test]
fn faults_apply_before_the_token_check() {
    let mock = start();
    mock.set_fault("/supervisor/ping", Fault::Status(503, "x".into()));
    let response = client_with_timeout(crate::common::CLIENT_TIMEOUT)
        .get(format!("{}/supervisor/ping", mock.url()))
        .send()
        .unwrap();
    assert_eq!(response.status(), 503);
}

#[test]
fn the_server_keeps_serving_after_faults() {
    let mock = start();
    for fault in [Fault::DropConnection, Fault::DropMidBody] {
        mock.set_fault_times("/info", fault, 1);
        let _ =
            send_with_timeout(&mock, "/info", crate::common::CLIENT_TIMEOUT).and_then(|r| r.text());
    }
    let (status, body) = crate::common::call(&mock, Method::GET, "/info", None);
    assert_eq!(status, 200);
    assert_eq!(json(&body)["result"], "ok");
}
