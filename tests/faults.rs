//! A Supervisor that misbehaves: refused connections, answers that never
//! come or stop halfway, errors and garbage. Each ends within its time limit
//! with bashio's log line and exit status, and never repeats an action.

mod util;

use std::time::{Duration, Instant};
use util::*;

const GET_CONFIG: &str = "host=$(bashio::config 'database.host')\necho \"unreachable ${host}\"\n";

fn supervisor() -> MockSupervisor {
    MockSupervisor::start(World::default_world()).expect("mock supervisor")
}

/// Runs the script against a faulty options endpoint.
fn with_fault(fault: Fault, extra_env: &[(&str, &str)]) -> (Run, Duration, MockSupervisor) {
    let mock = supervisor();
    mock.set_fault("/addons/self/options/config", fault);
    let sandbox = Sandbox::with_supervisor(&mock);
    for (name, value) in extra_env {
        sandbox.env(name, value);
    }
    let started = Instant::now();
    let run = sandbox.run_script(GET_CONFIG);
    (run, started.elapsed(), mock)
}

fn contacting_failed() -> String {
    error("Something went wrong contacting the API")
}

#[test]
fn refused_connection_is_retried_then_reported() {
    let sandbox = Sandbox::new();
    sandbox
        .env("SUPERVISOR_API", "http://127.0.0.1:9")
        .env("SUPERVISOR_TOKEN", "t");
    let run = sandbox.run_script(GET_CONFIG);
    assert_eq!(run.stdout, contacting_failed());
    assert_eq!(run.status, 1);
    assert!(run.stderr.contains("could not connect"), "{}", run.stderr);
}

#[test]
fn an_answer_that_never_comes_times_out() {
    let (run, took, mock) = with_fault(Fault::Hang, &[("BASHIO_API_TIMEOUT", "2")]);
    assert_eq!(run.stdout, contacting_failed());
    assert_eq!(run.status, 1);
    assert!(took < Duration::from_secs(15), "took {took:?}");
    assert!(run.stderr.contains("timed out"), "{}", run.stderr);
    assert_eq!(
        mock.requests().len(),
        1,
        "a request that reached the Supervisor is not repeated"
    );
}

#[test]
fn a_slow_answer_beyond_the_limit_times_out() {
    let (run, took, _mock) = with_fault(
        Fault::Delay(Duration::from_secs(5)),
        &[("BASHIO_API_TIMEOUT", "1")],
    );
    assert_eq!(run.stdout, contacting_failed());
    assert_eq!(run.status, 1);
    assert!(took < Duration::from_secs(5), "took {took:?}");
}

#[test]
fn a_slow_answer_within_the_limit_is_read() {
    let (run, _, _mock) = with_fault(Fault::Delay(Duration::from_millis(300)), &[]);
    assert_eq!(run.stdout, "unreachable core-mariadb\n");
    assert_eq!(run.status, 0);
}

#[test]
fn a_connection_dropped_mid_body_fails_cleanly() {
    let (run, _, mock) = with_fault(Fault::DropMidBody, &[]);
    assert_eq!(run.stdout, contacting_failed());
    assert_eq!(run.status, 1);
    assert_eq!(mock.requests().len(), 1);
}

#[test]
fn a_connection_closed_without_answer_fails_cleanly() {
    let (run, _, mock) = with_fault(Fault::DropConnection, &[]);
    assert_eq!(run.stdout, contacting_failed());
    assert_eq!(run.status, 1);
    assert_eq!(mock.requests().len(), 1);
}

#[test]
fn supervisor_errors_are_reported_with_their_message() {
    let fault = Fault::ResultError {
        status: 500,
        message: "Database is locked".into(),
    };
    let (run, _, _mock) = with_fault(fault, &[]);
    assert_eq!(
        run.stdout,
        error("Got unexpected response from the API: Database is locked")
    );
    assert_eq!(run.status, 1);
}

#[test]
fn forbidden_is_reported() {
    let (run, _, _mock) = with_fault(Fault::Status(403, String::new()), &[]);
    assert_eq!(run.stdout, error("Unable to access the API, forbidden"));
    assert_eq!(run.status, 1);
}

#[test]
fn malformed_json_fails_with_jq_status() {
    // bashio hands the body to jq, which rejects it (jq 1.8: status 5); errexit stops there.
    let (run, _, _mock) = with_fault(
        Fault::Malformed("{\"result\": \"ok\", \"data\": {".into()),
        &[],
    );
    assert_eq!(run.stdout, "");
    assert_eq!(run.status, 5);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}

#[test]
fn actions_are_never_repeated() {
    let mock = supervisor();
    mock.set_fault("/addons/self/restart", Fault::DropConnection);
    let sandbox = Sandbox::with_supervisor(&mock);
    let run = sandbox.run_script("bashio::app.restart || echo \"failed $?\"\n");
    assert_eq!(
        run.stdout,
        [contacting_failed(), "failed 1\n".to_string()].concat()
    );
    assert_eq!(requests(&mock), vec!["POST /addons/self/restart {}"]);
}
