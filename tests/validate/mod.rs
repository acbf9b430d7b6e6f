//! `bashio validate ADDON_DIR [--options FILE]` run as a command on the
//! example add-ons in tests/data/validate, with exact output and status; the
//! same rules refusing options in local mode (BASHIO_ADDON_CONFIG) and in the
//! mock Supervisor's `/addons/<slug>/options` endpoints (`elsewhere`).

use crate::util::*;
use serde_json::{json, Value};
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::Command;

mod elsewhere;

/// An example add-on directory.
fn addon(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/validate")
        .join(name)
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// `bashio validate ARGS...`.
fn validate(args: &[&OsStr]) -> Run {
    let mut command = Command::new(binary());
    command
        .arg("validate")
        .args(args)
        .env_remove("__BASHIO_ARGC");
    run(&mut command)
}

/// `bashio validate DIR`.
fn validate_dir(dir: &Path) -> Run {
    validate(&[dir.as_os_str()])
}

/// `bashio validate DIR --options FILE`, FILE holding `options`.
fn validate_options(dir: &Path, options: &str) -> Run {
    let file = tempfile::NamedTempFile::new().expect("temp file");
    std::fs::write(file.path(), options).expect("write options");
    validate(&[
        dir.as_os_str(),
        OsStr::new("--options"),
        file.path().as_os_str(),
    ])
}

fn assert_run(run: &Run, status: i32, stdout: &str, stderr: &str) {
    assert_eq!(
        (run.status, run.stdout.as_str(), run.stderr.as_str()),
        (status, stdout, stderr),
        "{run:?}"
    );
}

/// An invalid-options run: nothing on stdout; on stderr every problem by its
/// path, then the Supervisor's line.
fn assert_refused(run: &Run, problems: &[&str], message: &str) {
    let mut expected: String = problems.iter().map(|p| format!("{p}\n")).collect();
    expected.push_str(message);
    expected.push('\n');
    assert_run(run, 1, "", &expected);
}

#[test]
fn the_config_defaults_of_a_complete_addon_are_valid() {
    let dir = addon("complete");
    assert_run(
        &validate_dir(&dir),
        0,
        &format!("{}: options are valid\n", shown(&dir)),
        "",
    );
}

#[test]
fn config_json_is_read_too() {
    let dir = addon("json_config");
    assert_run(
        &validate_dir(&dir),
        0,
        &format!("{}: options are valid\n", shown(&dir)),
        "",
    );
    assert_refused(
        &validate_options(&dir, r#"{"hosts": ["a"], "interval": 1}"#),
        &["interval: value must be at least 5.0 (got 1)"],
        "App json_example has invalid options: value must be at least 5.0. \
         Got {'hosts': ['a'], 'interval': 1}",
    );
}

/// Complete, valid options for the `complete` add-on, with `change` applied.
fn complete_options(change: impl FnOnce(&mut Value)) -> String {
    let mut options = json!({
        "log_level": "debug",
        "name": "Kitchen",
        "password": "pw",
        "port": 8123,
        "retries": 0,
        "ratio": 1.5,
        "ssl": "off",
        "email": "me@example.org",
        "homepage": "http://localhost:8123",
        "serial": "/dev/ttyACM0",
        "token": "z9",
        "domains": [],
        "database": {"host": "db", "port": "3306"},
        "logins": []
    });
    change(&mut options);
    options.to_string()
}

#[test]
fn valid_options_from_a_file() {
    let dir = addon("complete");
    assert_run(
        &validate_options(&dir, &complete_options(|_| {})),
        0,
        &format!("{}: options are valid\n", shown(&dir)),
        "",
    );
}

#[test]
fn each_rule_refuses_with_the_supervisors_message() {
    let dir = addon("complete");
    let within = "in Complete Example (complete_example)";
    let cases: Vec<(&str, Value, String)> = vec![
        (
            "name",
            json!("TV"),
            "length of value must be at least 3.0".into(),
        ),
        ("name", json!(42), "expected str".into()),
        ("password", json!(false), "expected str".into()),
        ("port", json!(0), "value must be at least 1".into()),
        ("port", json!("http"), "expected int".into()),
        ("retries", json!(11), "value must be at most 10.0".into()),
        ("retries", json!("three"), "expected int".into()),
        ("ratio", json!(2), "value must be at most 1.5".into()),
        ("ratio", json!("half"), "expected float".into()),
        ("ssl", json!("sometimes"), "expected boolean".into()),
        (
            "email",
            json!("not-an-email"),
            "expected an email address".into(),
        ),
        ("homepage", json!("example.com"), "expected a URL".into()),
        (
            "serial",
            json!("/tmp/ttyUSB0"),
            format!("Device '/tmp/ttyUSB0' does not exist {within}"),
        ),
        (
            "serial",
            json!(1),
            format!("Expected a string for option 'serial' {within}"),
        ),
        (
            "token",
            json!("ABC"),
            "does not match regular expression ^[a-z0-9]+$".into(),
        ),
        (
            "log_level",
            json!("verbose"),
            "value must be one of ['debug', 'error', 'info', 'trace', 'warning']".into(),
        ),
        (
            "log_level",
            Value::Null,
            format!("Missing required option 'log_level' {within}"),
        ),
        (
            "domains",
            json!("example.com"),
            format!("Invalid list for option 'domains' {within}"),
        ),
        ("domains", json!(["a", 2]), "expected str".into()),
        (
            "database",
            json!([]),
            format!("Invalid dict for option 'database' {within}"),
        ),
        (
            "database",
            json!({"host": "db"}),
            format!("Missing option 'port' in database {within}"),
        ),
        (
            "logins",
            json!([{"username": "bob"}]),
            format!("Missing option 'password' in logins {within}"),
        ),
        (
            "logins",
            json!({"username": "bob"}),
            format!("Invalid list for option 'logins' {within}"),
        ),
        (
            "password",
            json!("!secret db_password"),
            format!("Unknown secret 'db_password' {within}"),
        ),
    ];
    let problems = [
        "name: length of value must be at least 3.0 (got 'TV')",
        "name: expected str (got 42)",
        "password: expected str (got False)",
        "port: value must be at least 1 (got 0)",
        "port: expected int (got 'http')",
        "retries: value must be at most 10.0 (got 11)",
        "retries: expected int (got 'three')",
        "ratio: value must be at most 1.5 (got 2)",
        "ratio: expected float (got 'half')",
        "ssl: expected boolean (got 'sometimes')",
        "email: expected an email address (got 'not-an-email')",
        "homepage: expected a URL (got 'example.com')",
        "serial: Device '/tmp/ttyUSB0' does not exist (got '/tmp/ttyUSB0')",
        "serial: Expected a string for option 'serial' (got 1)",
        "token: does not match regular expression ^[a-z0-9]+$ (got 'ABC')",
        "log_level: value must be one of ['debug', 'error', 'info', 'trace', 'warning'] (got 'verbose')",
        "log_level: Missing required option 'log_level' (got None)",
        "domains: Invalid list for option 'domains' (got 'example.com')",
        "domains[1]: expected str (got 2)",
        "database: Invalid dict for option 'database' (got [])",
        "database.port: Missing option 'port' in database",
        "logins[0].password: Missing option 'password' in logins[0]",
        "logins: Invalid list for option 'logins' (got {'username': 'bob'})",
        "password: Unknown secret 'db_password' (got '!secret db_password')",
    ];
    assert_eq!(problems.len(), cases.len());
    for ((key, value, message), problem) in cases.into_iter().zip(problems) {
        let options = complete_options(|options| options[key] = value.clone());
        let got = py_repr(&serde_json::from_str(&options).unwrap());
        assert_refused(
            &validate_options(&dir, &options),
            &[problem],
            &format!("App complete_example has invalid options: {message}. Got {got}"),
        );
    }
}

/// Python's `repr` of options, for the `Got` part of expected messages; a
/// small independent rendering (the ones the cases above need).
fn py_repr(value: &Value) -> String {
    match value {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(number) => {
            let text = number.to_string();
            match text.parse::<i64>() {
                Ok(_) => text,
                Err(_) if text.contains('.') => text,
                Err(_) => format!("{text}.0"),
            }
        }
        Value::String(text) => format!("'{text}'"),
        Value::Array(items) => format!(
            "[{}]",
            items.iter().map(py_repr).collect::<Vec<_>>().join(", ")
        ),
        Value::Object(fields) => format!(
            "{{{}}}",
            fields
                .iter()
                .map(|(k, v)| format!("'{k}': {}", py_repr(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

#[test]
fn every_problem_is_reported_by_its_path_then_the_supervisors_line() {
    let dir = addon("complete");
    let options = complete_options(|options| {
        options["port"] = json!(70000);
        options["database"] = json!({"host": 5});
        options["logins"] = json!([{"username": "a", "password": "b"}, {"username": 7}]);
        options["ssl"] = json!("maybe");
    });
    let got = py_repr(&serde_json::from_str(&options).unwrap());
    assert_refused(
        &validate_options(&dir, &options),
        &[
            "port: value must be at most 65535 (got 70000)",
            "ssl: expected boolean (got 'maybe')",
            "database.host: expected str (got 5)",
            "database.port: Missing option 'port' in database",
            "logins[1].username: expected str (got 7)",
            "logins[1].password: Missing option 'password' in logins[1]",
        ],
        &format!(
            "App complete_example has invalid options: value must be at most 65535. Got {got}"
        ),
    );
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), &options).unwrap();
    let result = validate(&[
        dir.as_os_str(),
        OsStr::new("--format"),
        OsStr::new("json"),
        OsStr::new("--options"),
        file.path().as_os_str(),
    ]);
    assert_eq!((result.status, result.stderr.as_str()), (1, ""));
    let report: Value = serde_json::from_str(&result.stdout).unwrap();
    assert_eq!(report["valid"], false);
    assert_eq!(report["options"], Value::Null);
    assert_eq!(
        report["problems"][0],
        json!({"path": "port", "message": "value must be at most 65535 (got 70000)"})
    );
    assert_eq!(report["problems"].as_array().unwrap().len(), 6);
    assert_eq!(
        report["supervisor"],
        format!("App complete_example has invalid options: value must be at most 65535. Got {got}")
    );
    let valid = validate(&[dir.as_os_str(), OsStr::new("--format=json")]);
    assert_eq!(valid.status, 0);
    let report: Value = serde_json::from_str(&valid.stdout).unwrap();
    assert_eq!(
        (&report["valid"], &report["problems"], &report["supervisor"]),
        (&json!(true), &json!([]), &Value::Null)
    );
    assert_eq!(report["options"]["port"], 8080);
}

#[test]
fn numbers_are_read_as_the_supervisors_json_reader_reads_them() {
    let dir = addon("complete");
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), r#"{"port": 1e400}"#).unwrap();
    let run = validate(&[
        dir.as_os_str(),
        OsStr::new("--options"),
        file.path().as_os_str(),
    ]);
    assert_run(
        &run,
        1,
        "",
        &format!(
            "bashio validate: {}: not valid JSON: number is infinity when parsed as double\n",
            file.path().display()
        ),
    );
    // Past 64 bits an integer is a float, and Unicode digits are digits.
    let options = complete_options(|options| {
        options["retries"] = serde_json::from_str("123456789012345678901234567890").unwrap();
        options["port"] = json!("８１２３");
    });
    let run = validate_options(&dir, &options);
    assert_eq!(run.status, 1, "{run:?}");
    assert!(
        run.stderr
            .starts_with("retries: value must be at most 10.0 (got 1.2345678901234568e+29)\n"),
        "{run:?}"
    );
}

#[test]
fn missing_required_options_and_optional_ones() {
    let dir = addon("complete");
    let without_port = complete_options(|options| {
        options.as_object_mut().unwrap().remove("port");
    });
    assert!(without_port.contains("\"ssl\":\"off\""));
    let got = py_repr(&serde_json::from_str(&without_port).unwrap());
    assert_refused(
        &validate_options(&dir, &without_port),
        &["port: Missing option 'port' in root"],
        &format!(
            "App complete_example has invalid options: Missing option 'port' in root in \
             Complete Example (complete_example). Got {got}"
        ),
    );
    // `log_level` (list(...)?) and `nickname` (str?) may be left out.
    let without_optional = complete_options(|options| {
        options.as_object_mut().unwrap().remove("log_level");
    });
    assert_eq!(validate_options(&dir, &without_optional).status, 0);
}

#[test]
fn unknown_options_are_dropped_with_the_supervisors_warnings() {
    let dir = addon("complete");
    let options = complete_options(|options| {
        options["colour"] = json!("blue");
        options["database"]["timeout"] = json!(5);
    });
    assert_run(
        &validate_options(&dir, &options),
        0,
        &format!("{}: options are valid\n", shown(&dir)),
        // In the order the walk meets them: `database` comes before `colour`.
        "Unknown option 'timeout' for Complete Example (complete_example)\n\
         Option 'colour' does not exist in the schema for Complete Example (complete_example)\n",
    );
}

#[test]
fn options_that_are_not_a_mapping() {
    assert_refused(
        &validate_options(&addon("complete"), "[1, \"two\"]"),
        &["(options): expected dict (got [1, 'two'])"],
        "App complete_example has invalid options: expected dict. Got [1, 'two']",
    );
}

#[test]
fn invalid_defaults_in_the_config() {
    assert_refused(
        &validate_dir(&addon("invalid_defaults")),
        &["password: Missing option 'password' in root"],
        "App needs_setup has invalid options: Missing option 'password' in root in \
         Needs Setup (needs_setup). Got {'username': 'admin'}",
    );
}

#[test]
fn schema_false_and_no_schema_refuse_nothing_and_drop_everything() {
    let dir = addon("schema_false");
    assert_run(
        &validate_dir(&dir),
        0,
        &format!("{}: options are valid\n", shown(&dir)),
        "Option 'anything' does not exist in the schema for Schemaless Example (schemaless_example)\n\
         Option 'count' does not exist in the schema for Schemaless Example (schemaless_example)\n",
    );
    let dir = addon("no_schema");
    assert_run(
        &validate_dir(&dir),
        0,
        &format!("{}: options are valid\n", shown(&dir)),
        "Option 'colour' does not exist in the schema for No Schema Example (no_schema_example)\n",
    );
}

#[test]
fn schemas_that_cannot_be_applied() {
    let config = addon("bad_schema").join("config.yaml");
    assert_run(
        &validate_dir(&addon("bad_schema")),
        1,
        "",
        &format!(
            "bashio validate: {}: schema of option 'database.port' has an unknown type: 'prot'\n",
            shown(&config)
        ),
    );
    let config = addon("bad_regex").join("config.yaml");
    assert_run(
        &validate_dir(&addon("bad_regex")),
        1,
        "",
        &format!(
            "bashio validate: {}: Cannot check option 'code' in Look-ahead Example \
             (lookahead_example): match(^(?=.*\\d)[a-z0-9]+$) is not a regular expression \
             this validator supports: look-around, including look-ahead and look-behind, \
             is not supported\n",
            shown(&config)
        ),
    );
}

#[test]
fn unreadable_and_malformed_files() {
    let config = addon("malformed").join("config.yaml");
    assert_run(
        &validate_dir(&addon("malformed")),
        1,
        "",
        &format!(
            "bashio validate: {}: not valid YAML: while parsing a flow sequence, expected ',' or \
             ']' at byte 29 line 3 column 1\n",
            shown(&config)
        ),
    );
    assert_run(
        &validate_dir(Path::new("/nonexistent/addon")),
        1,
        "",
        "bashio validate: /nonexistent/addon: No such file or directory\n",
    );
    let empty = tempfile::tempdir().unwrap();
    assert_run(
        &validate_dir(empty.path()),
        1,
        "",
        &format!(
            "bashio validate: {}: no config.yaml, config.yml or config.json\n",
            shown(empty.path())
        ),
    );
    assert_run(
        &validate_dir(&config),
        1,
        "",
        &format!("bashio validate: {}: not a directory\n", shown(&config)),
    );
    let dir = addon("complete");
    assert_run(
        &validate(&[
            dir.as_os_str(),
            OsStr::new("--options"),
            OsStr::new("/nonexistent/options.json"),
        ]),
        1,
        "",
        "bashio validate: /nonexistent/options.json: No such file or directory\n",
    );
    let broken = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(broken.path(), "{\"port\": ").unwrap();
    assert_run(
        &validate(&[
            dir.as_os_str(),
            OsStr::new("--options"),
            broken.path().as_os_str(),
        ]),
        1,
        "",
        &format!(
            "bashio validate: {}: not valid JSON: EOF while parsing a value at line 1 column 9\n",
            shown(broken.path())
        ),
    );
}

#[test]
fn configs_without_name_or_slug_or_with_bad_options() {
    let root = tempfile::tempdir().unwrap();
    for (text, problem) in [
        ("slug: x\n", "required key not provided @ data['name']"),
        (
            "name: X\nslug: 5\n",
            "expected str for dictionary value @ data['slug']",
        ),
        (
            "name: X\nslug: x\noptions: [1]\n",
            "expected dict for dictionary value @ data['options']",
        ),
        (
            "name: X\nslug: x\nschema: true\n",
            "schema must be a mapping of options to types, or false, not True",
        ),
        ("- a list\n", "does not hold a mapping"),
    ] {
        std::fs::write(root.path().join("config.yaml"), text).unwrap();
        assert_run(
            &validate_dir(root.path()),
            1,
            "",
            &format!(
                "bashio validate: {}: {problem}\n",
                shown(&root.path().join("config.yaml"))
            ),
        );
    }
}

#[test]
fn usage() {
    let usage = "Usage: bashio validate [OPTIONS] <ADDON_DIR>";
    assert_run(
        &validate(&[]),
        100,
        "",
        &format!(
            "bashio validate: the following required arguments were not provided: <ADDON_DIR>\n{usage}\n"
        ),
    );
    assert_run(
        &validate(&[OsStr::new("a"), OsStr::new("--strict")]),
        100,
        "",
        &format!("bashio validate: unexpected argument '--strict' found\n{usage}\n"),
    );
    assert_run(
        &validate(&[OsStr::new("a"), OsStr::new("--options")]),
        100,
        "",
        &format!(
            "bashio validate: a value is required for '--options <FILE>' but none was supplied\n{usage}\n"
        ),
    );
    assert_run(
        &validate(&[OsStr::new("a"), OsStr::new("--format=xml")]),
        100,
        "",
        &format!(
            "bashio validate: invalid value 'xml' for '--format <FORMAT>' [possible values: text, json]\n{usage}\n"
        ),
    );
    assert_run(
        &validate(&[OsStr::new("--help")]),
        0,
        &format!(
            "check options against an add-on's schema\n\n\
             {usage}\n\n\
             Arguments:\n  <ADDON_DIR>  the add-on's directory (config.yaml, config.yml or config.json)\n\n\
             Options:\n      --options <FILE>   the options to check, as JSON\n      \
             --format <FORMAT>  lines for a person, or one JSON document on stdout [default: text] [possible values: text, json]\n  \
             -h, --help             Print help\n\n\
             The options are FILE's, or else the config's own defaults.\n\
             Exits 1 when they are invalid, 100 on a usage error.\n"
        ),
        "",
    );
}

#[test]
fn non_utf8_paths_are_reported_not_panicked_on() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join(OsStr::from_bytes(b"caf\xe9"));
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("config.yaml"),
        "name: Caf\nslug: caf\noptions: {a: 1}\nschema: {a: int}\n",
    )
    .unwrap();
    assert_run(
        &validate_dir(&dir),
        0,
        &format!("{}: options are valid\n", dir.display()),
        "",
    );
    let missing = root.path().join(OsStr::from_bytes(b"\xff\xfe"));
    assert_run(
        &validate(&[
            dir.as_os_str(),
            OsStr::new("--options"),
            missing.as_os_str(),
        ]),
        1,
        "",
        &format!(
            "bashio validate: {}: No such file or directory\n",
            missing.display()
        ),
    );
    std::fs::write(dir.join("config.yaml"), b"name: \xff\n").unwrap();
    let run = validate_dir(&dir);
    assert_eq!(run.status, 1, "{run:?}");
    assert!(run.stderr.contains("not valid YAML"), "{run:?}");
}
