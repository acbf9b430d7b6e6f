//! `bashio validate` and the mock Supervisor link the same option rules
//! (crates/addon-options) built with the same serde_json, so they read a
//! number alike: as the Supervisor's orjson does, which only a reader that
//! keeps a number's text can tell apart (`-0` is the int 0, an integer beyond
//! 64 bits a float, `1e400` no JSON at all).

use mock_supervisor::{MockSupervisor, World};
use serde_json::{json, Value};
use std::process::Command;

/// The `self` add-on's raw schema, as its config.yaml gives it.
const SCHEMA: &str = "name: str\ncount: int?\n";

/// What a reader made of the options: stored as the Supervisor would store
/// them, invalid with the Supervisor's validation error, or refused as JSON
/// with the reader's message.
#[derive(Debug, PartialEq)]
enum Outcome {
    Stored(Value),
    Invalid(String),
    Refused(String),
}
use Outcome::*;

/// `bashio validate --format json` on an add-on with SCHEMA and `options`.
fn validate(options: &str) -> Outcome {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = "name: Agree\nslug: agree\nversion: '1'\noptions: {}\nschema:\n".to_string();
    let schema: String = SCHEMA.lines().map(|line| format!("  {line}\n")).collect();
    std::fs::write(dir.path().join("config.yaml"), config + &schema).expect("config");
    let file = dir.path().join("options.json");
    std::fs::write(&file, options).expect("options");
    let output = Command::new(env!("CARGO_BIN_EXE_bashio"))
        .arg("validate")
        .arg(dir.path())
        .arg("--options")
        .arg(&file)
        .args(["--format", "json"])
        .output()
        .expect("bashio runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    if output.stdout.is_empty() {
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        let (_, reason) = stderr
            .trim_end()
            .split_once(": not valid JSON: ")
            .expect("a reason");
        return Refused(reason.to_string());
    }
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON report");
    if report["valid"] == true {
        return Stored(report["options"].clone());
    }
    let line = report["supervisor"]
        .as_str()
        .expect("the Supervisor's line");
    let error = line
        .strip_prefix("App agree has invalid options: ")
        .expect("an App line");
    Invalid(error.to_string())
}

/// A mock Supervisor whose `self` add-on has SCHEMA.
fn mock() -> MockSupervisor {
    let mock = MockSupervisor::start(World::default_world()).expect("mock");
    mock.world_mut(|world| {
        let addon = world.self_addon_mut().expect("self add-on");
        addon.info.insert(
            "config_schema".into(),
            json!({"name": "str", "count": "int?"}),
        );
    });
    mock
}

fn post(mock: &MockSupervisor, path: &str, body: &str) -> (u16, Value) {
    let authorization = format!("Bearer {}", mock.token());
    let response = bashio::http::Client::new()
        .send(
            "POST",
            &format!("{}{path}", mock.url()),
            &[("Authorization", authorization.as_str())],
            Some(body.as_bytes()),
            &bashio::http::Limits::default(),
        )
        .expect("request");
    let value = serde_json::from_slice(&response.body).expect("JSON answer");
    (response.status, value)
}

/// The mock's verdict on `options` (`/options/validate`) and what it stores
/// (`/options`).
fn mock_answer(options: &str) -> Outcome {
    let mock = mock();
    let (status, answer) = post(&mock, "/addons/self/options/validate", options);
    let message = |answer: &Value| answer["message"].as_str().unwrap_or_default().to_string();
    if status != 200 {
        return Refused(message(&answer));
    }
    let (status, _) = post(
        &mock,
        "/addons/self/options",
        &format!(r#"{{"options": {options}}}"#),
    );
    if answer["data"]["valid"] != true {
        assert_eq!(status, 400, "{options}");
        return Invalid(message(&answer["data"]));
    }
    assert_eq!(status, 200, "{options}");
    Stored(
        mock.world()
            .self_addon()
            .expect("self")
            .options()
            .cloned()
            .expect("stored"),
    )
}

#[test]
fn validate_and_the_mock_read_numbers_alike() {
    let cases = [
        // orjson reads `-0` as the int 0 (a reader of doubles: -0.0).
        (
            r#"{"name": -0}"#,
            Invalid("expected str. Got {'name': 0}".into()),
        ),
        // Within 64 bits unsigned: still an int.
        (
            r#"{"name": "x", "count": 12345678901234567890}"#,
            Stored(json!({"name": "x", "count": 12345678901234567890u64})),
        ),
        (
            r#"{"name": 12345678901234567890}"#,
            Invalid("expected str. Got {'name': 12345678901234567890}".into()),
        ),
        // Beyond 64 bits: a float, so its repr in the message, and int()
        // truncates it.
        (
            r#"{"name": 123456789012345678901234567890}"#,
            Invalid("expected str. Got {'name': 1.2345678901234568e+29}".into()),
        ),
        (
            r#"{"name": "x", "count": 123456789012345678901}"#,
            Stored(
                serde_json::from_str(r#"{"name": "x", "count": 123456789012345683968}"#)
                    .expect("JSON"),
            ),
        ),
        (
            r#"{"name": "x", "count": 1.5e3}"#,
            Stored(json!({"name": "x", "count": 1500})),
        ),
    ];
    for (options, expected) in cases {
        let ours = validate(options);
        assert_eq!(ours, expected, "bashio validate on {options}");
        assert_eq!(mock_answer(options), ours, "the mock on {options}");
    }
    // A number no double holds refuses the whole body, in each one's words.
    let options = r#"{"name": 1e400}"#;
    assert_eq!(
        validate(options),
        Refused("number is infinity when parsed as double".into())
    );
    assert_eq!(mock_answer(options), Refused("Invalid json".into()));
}
