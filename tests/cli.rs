//! The binary as a command: the committed shim matches the table, the
//! listing, help, calls from any shell, and one clear line for bad input.

use crate::util::*;
use std::process::Command;

fn bashio(args: &[&str]) -> Run {
    let mut command = Command::new(binary());
    command
        .args(args)
        .env_remove("__BASHIO_ARGC")
        .env("LOG_TIMESTAMP", "T");
    run(&mut command)
}

#[test]
fn committed_shim_matches_the_table() {
    let generated = bashio(&["shim"]).stdout;
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/shims/bashio.sh"))
            .expect("shims/bashio.sh");
    assert!(
        generated == committed,
        "shims/bashio.sh is stale: run `cargo run -q -- shim > shims/bashio.sh`"
    );
}

#[test]
fn shim_is_valid_bash() {
    let mut command = Command::new("bash");
    command.args([
        "-n",
        concat!(env!("CARGO_MANIFEST_DIR"), "/shims/bashio.sh"),
    ]);
    let result = run(&mut command);
    assert_eq!((result.status, result.stderr.as_str()), (0, ""));
}

#[test]
fn list_names_every_function_once() {
    let listing = bashio(&["--list"]).stdout;
    let names: Vec<&str> = listing.lines().collect();
    let unique: std::collections::HashSet<&str> = names.iter().copied().collect();
    assert_eq!(names.len(), unique.len());
    for name in [
        "bashio::config",
        "bashio::app.port",
        "bashio::addon.port",
        "bashio::addons",
        "hass.die_if_true",
    ] {
        assert!(unique.contains(name), "{name} missing from --list");
    }
    assert!(!listing.contains("__"), "internal helpers are not listed");
}

#[test]
fn functions_are_callable_from_any_shell() {
    assert_eq!(bashio(&["string.upper", "shout"]).stdout, "SHOUT");
    assert_eq!(
        bashio(&["bashio::var.json", "a", "1", "b", "^2"]).stdout,
        "{\"a\":\"1\",\"b\":2}\n"
    );
    let run = bashio(&["jq", "{\"rights\":{\"b\":1,\"a\":2}}", ".rights|keys"]);
    assert_eq!(run.stdout, "[\"a\",\"b\"]\n");
    assert_eq!(bashio(&["var.true", "false"]).status, 1);
    let run = bashio(&["log.info", "hello"]);
    assert_eq!(run.stdout, info("hello"));
}

#[test]
fn unknown_function_names_the_closest() {
    let run = bashio(&["config.has_valu"]);
    assert_eq!(run.status, 127);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr.lines().collect::<Vec<_>>(),
        ["bashio: 'config.has_valu' is neither a bashio function nor a script (closest functions: bashio::config.has_value, bashio::config.equals, bashio::config.false)"]
    );
}

#[test]
fn help_describes_a_function() {
    let run = bashio(&["help", "config"]);
    assert_eq!(
        run.stdout,
        "bashio::config KEY [DEFAULT=null]\n  an option's value, or DEFAULT when it is unset\n"
    );
    assert!(bashio(&["--version"])
        .stdout
        .starts_with(&format!("bashio {}\n", env!("CARGO_PKG_VERSION"))));
}

#[test]
fn help_of_a_subcommand_is_its_flags() {
    let help = bashio(&["help", "install"]);
    assert_eq!(
        (help.status, help.stdout.as_str(), help.stderr.as_str()),
        (
            0,
            "lay out /usr/lib/bashio, /usr/bin links, /command/with-contenv\n\n\
             Usage: bashio install [OPTIONS]\n\n\
             Options:\n      \
             --prefix <DIR>   the root to lay out under [default: /]\n      \
             --with-envsubst  link envsubst even over an envsubst already there (gettext's)\n  \
             -h, --help           Print help\n",
            ""
        )
    );
    assert_eq!(bashio(&["install", "--help"]).stdout, help.stdout);
    let usage = bashio(&["--help"]).stdout;
    for flags in [
        "bashio install [--prefix DIR] [--with-envsubst]",
        "bashio validate ADDON_DIR [--options FILE] [--format text|json]",
        "bashio lint [--fix] PATH [--format text|json]",
    ] {
        assert!(usage.contains(flags), "{flags}");
    }
}

#[test]
fn help_tells_each_default_in_the_arguments() {
    let run = bashio(&["help", "config.require.ssl"]);
    assert_eq!(
        (run.status, run.stdout.as_str(), run.stderr.as_str()),
        (
            0,
            "bashio::config.require.ssl [SSL_KEY=ssl] [CERTFILE_KEY=certfile] [KEYFILE_KEY=keyfile]\n  exit when SSL is on but its files are missing\n",
            ""
        )
    );
    // A deprecated name shows the row of the function it stands for.
    let run = bashio(&["help", "addon.port"]);
    assert_eq!(
        run.stdout,
        "bashio::app.port PORT [SLUG=self] [HOST_PORT=null]\n  get or set the host port of a container port\n"
    );
}

#[test]
fn missing_script_is_one_line() {
    let run = bashio(&["/nonexistent/run.sh"]);
    assert_eq!(run.status, 1);
    assert_eq!(
        run.stderr,
        "bashio: /nonexistent/run.sh: No such file or directory\n"
    );
}

#[test]
fn invalid_filter_is_reported_by_status() {
    let run = bashio(&["jq", "{}", ".a |||"]);
    assert_eq!(run.status, 3);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("compile error"), "{}", run.stderr);
}

/// bashio v0.19.0's public functions, recorded by tests/data/record_function_names.sh.
fn bashio_functions() -> Vec<String> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/bashio_functions.txt"
    ))
    .expect("tests/data/bashio_functions.txt");
    text.lines().map(str::to_string).collect()
}

#[test]
fn list_is_exactly_bashios_functions() {
    let mut listed: Vec<String> = bashio(&["--list"])
        .stdout
        .lines()
        .map(str::to_string)
        .collect();
    listed.sort();
    let mut expected = bashio_functions();
    expected.sort();
    assert_eq!(listed.len(), 611);
    assert_eq!(listed, expected);
}

#[test]
fn conformance_cases_call_every_function() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance/cases");
    let mut scripts = String::new();
    for entry in std::fs::read_dir(dir).expect("cases") {
        let cases: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(entry.expect("entry").path()).expect("read"),
        )
        .expect("json");
        for case in cases.as_array().expect("a list of cases") {
            if case.get("skip").is_none() {
                scripts.push_str(case["script"].as_str().unwrap_or_default());
                scripts.push('\n');
            }
        }
    }
    let called = |name: &str| {
        scripts.match_indices(name).any(|(at, _)| {
            let next = scripts[at + name.len()..].chars().next();
            !matches!(next, Some(c) if c.is_alphanumeric() || c == '_' || c == '.')
        })
    };
    let missing: Vec<String> = bashio_functions()
        .into_iter()
        .filter(|name| !called(name))
        .collect();
    assert!(
        missing.is_empty(),
        "functions no conformance case calls: {missing:?}"
    );
}
