//! The options rules where `bashio validate` is not the caller: `bashio
//! config` in local mode (BASHIO_ADDON_CONFIG), the mock Supervisor's
//! `/addons/<slug>/options` endpoints, and a script setting an option.

use super::*;

/// `bashio config KEY` in local mode: options from `options`, the add-on's
/// facts (and schema) from `config`.
fn local_config(options: &str, config: &Path, key: &str) -> Run {
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), options).unwrap();
    let mut command = Command::new(binary());
    command
        .args(["config", key])
        .env_remove("__BASHIO_ARGC")
        .env_remove("SUPERVISOR_TOKEN")
        .env("LOG_TIMESTAMP", "T")
        .env("CACHE_DIR", "/nonexistent")
        .env("BASHIO_OPTIONS_FILE", file.path())
        .env("BASHIO_ADDON_CONFIG", config);
    run(&mut command)
}

#[test]
fn local_mode_refuses_options_its_schema_refuses() {
    let config = addon("complete").join("config.yaml");
    let good = complete_options(|_| {});
    let run = local_config(&good, &config, "database.host");
    assert_run(&run, 0, "db", "");

    let bad = complete_options(|options| options["retries"] = json!(99));
    let got = py_repr(&serde_json::from_str(&bad).unwrap());
    let run = local_config(&bad, &config, "database.host");
    assert_run(
        &run,
        1,
        &error(&format!(
            "App complete_example has invalid options: value must be at most 10.0. Got {got}"
        )),
        "",
    );
}

#[test]
fn local_mode_serves_any_options_without_a_schema() {
    let run = local_config(
        r#"{"anything": "goes"}"#,
        &addon("schema_false").join("config.yaml"),
        "anything",
    );
    assert_run(&run, 0, "goes", "");
    let run = local_config(
        r#"{"colour": "red"}"#,
        &addon("no_schema").join("config.yaml"),
        "colour",
    );
    assert_run(&run, 0, "red", "");
}

/// The default world, its `self` add-on given a raw schema.
fn mock_with_schema() -> MockSupervisor {
    let mock = MockSupervisor::start(World::default_world()).expect("mock");
    mock.world_mut(|world| {
        let addon = world.self_addon_mut().expect("self add-on");
        addon.info.insert(
            "config_schema".into(),
            json!({"log_level": "list(info|debug)?", "port": "port", "ssl": "bool"}),
        );
        addon.info.insert(
            "options".into(),
            json!({"log_level": "info", "port": 8080, "ssl": true}),
        );
    });
    mock
}

/// METHOD PATH with the mock's token, through bashio's own HTTP client.
fn request(mock: &MockSupervisor, method: &str, path: &str, body: Option<&str>) -> (u16, Value) {
    let authorization = format!("Bearer {}", mock.token());
    let response = bashio::http::Client::new()
        .send(
            method,
            &format!("{}{path}", mock.url()),
            &[("Authorization", authorization.as_str())],
            body.map(str::as_bytes),
            &bashio::http::Limits::default(),
        )
        .expect("request");
    let value = serde_json::from_slice(&response.body).expect("JSON answer");
    (response.status, value)
}

fn post(mock: &MockSupervisor, path: &str, body: &str) -> (u16, Value) {
    request(mock, "POST", path, Some(body))
}

#[test]
fn the_mock_refuses_options_its_raw_schema_refuses() {
    let mock = mock_with_schema();
    let (status, body) = post(
        &mock,
        "/addons/self/options",
        r#"{"options": {"port": 70000, "ssl": true}}"#,
    );
    assert_eq!(status, 400);
    let validation_error = "value must be at most 65535. Got {'port': 70000, 'ssl': True}";
    assert_eq!(
        body,
        json!({
            "result": "error",
            "message": format!("App local_example has invalid options: {validation_error}"),
            "error_key": "app_configuration_invalid_error",
            "extra_fields": {"app": "local_example", "validation_error": validation_error}
        })
    );
    let stored = mock.world().self_addon().unwrap().options().cloned();
    assert_eq!(
        stored,
        Some(json!({"log_level": "info", "port": 8080, "ssl": true}))
    );

    let (status, _) = post(
        &mock,
        "/addons/self/options",
        r#"{"options": {"port": "8123", "ssl": "yes", "extra": 1}}"#,
    );
    assert_eq!(status, 200);
    let stored = mock.world().self_addon().unwrap().options().cloned();
    assert_eq!(stored, Some(json!({"port": 8123, "ssl": true})));
}

#[test]
fn the_mock_validates_options_like_the_supervisor() {
    let mock = mock_with_schema();
    let (status, body) = post(
        &mock,
        "/addons/self/options/validate",
        r#"{"port": 8080, "ssl": "maybe"}"#,
    );
    assert_eq!(status, 200);
    assert_eq!(
        body,
        json!({"result": "ok", "data": {
            "message": "expected boolean. Got {'port': 8080, 'ssl': 'maybe'}",
            "valid": false,
            "pwned": false
        }})
    );
    let (_, body) = post(&mock, "/addons/self/options/validate", "");
    assert_eq!(
        body["data"],
        json!({"message": "", "valid": true, "pwned": false})
    );
    // The raw schema is never part of what the Supervisor shows.
    let (_, info) = request(&mock, "GET", "/addons/self/info", None);
    assert!(info["data"].get("config_schema").is_none());
    assert!(info["data"]["schema"].is_array());
}

#[test]
fn a_script_setting_a_refused_option_gets_the_supervisors_message() {
    let mock = mock_with_schema();
    let sandbox = Sandbox::with_supervisor(&mock);
    let run = sandbox.run_script("bashio::app.option 'port' 0 || echo \"status $?\"\n");
    // The value goes as the string '0', which `port` coerces, then refuses.
    let expected = error(
        "Got unexpected response from the API: App local_example has invalid options: \
         value must be at least 1. Got {'log_level': 'info', 'port': '0', 'ssl': True}",
    );
    assert_run(&run, 0, &format!("{expected}status 1\n"), "");
    assert_eq!(
        mock.world().self_addon().unwrap().options().cloned(),
        Some(json!({"log_level": "info", "port": 8080, "ssl": true}))
    );
}
