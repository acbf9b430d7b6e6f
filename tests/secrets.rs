//! Secrets stay secret: the Supervisor token and the values a script sends
//! in POST bodies never show in the log lines of the calls that send them, at
//! any level; values of secret keys (`password`, `api_key`, ...) in what the
//! Supervisor answers are hidden in debug and trace lines, and so are those
//! values when later calls are traced with them as arguments; the cache is
//! owner-only; links planted in it are never followed.

use crate::util::*;
use std::os::unix::fs::{symlink, PermissionsExt};

const SECRETS: &[&str] = &["n3w-s3cret", "opt-s3cret", "pub-s3cret", "auth-s3cret"];

#[test]
fn nothing_secret_in_any_log_line() {
    let mock = MockSupervisor::start(World::default_world()).expect("mock");
    let sandbox = Sandbox::with_supervisor(&mock);
    sandbox.env("LOG_LEVEL", "8");
    let run = sandbox.run_script(
        r#"
bashio::app.option 'database.password' 'n3w-s3cret'
bashio::app.options self '{"api_key": "opt-s3cret"}'
bashio::services.publish mysql '{"host": "db", "password": "pub-s3cret"}'
bashio::auth 'user' 'auth-s3cret' || true
"#,
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    let everything = format!("{}{}", run.stdout, run.stderr);
    assert!(run
        .stdout
        .contains("TRACE: bashio::app.option database.password <REDACTED>"));
    for secret in SECRETS.iter().chain([&mock.token()]) {
        assert!(
            !everything.contains(secret),
            "{secret} appears in the output:\n{everything}"
        );
    }
    // The values did reach the Supervisor.
    let bodies: String = mock.requests().iter().map(|r| r.body.clone()).collect();
    for secret in SECRETS {
        assert!(bodies.contains(secret), "{secret} was not sent");
    }
}

/// A script that sets a password, then reads it back in later calls whose
/// answers and arguments are logged at debug and trace level. The value
/// itself goes to a file: it is the script's to use, not a log line.
const READ_BACK: &str = r#"
bashio::app.option 'password' 'S3cret-value'
value=$(bashio::config 'password')
printf '%s' "$value" > value.txt
bashio::config 'password' >/dev/null
bashio::var.has_value "$(bashio::config password)"
bashio::var.equals "$value" 'something else' || true
bashio::string.length "$value" >/dev/null
bashio::config.has_value 'password'
bashio::jq "$(bashio::app.config)" '.password' >/dev/null
bashio::app.options >/dev/null
bashio::log.debug 'still here'
"#;

fn read_back_at(level: &str) -> (Run, String) {
    let mock = MockSupervisor::start(World::default_world()).expect("mock");
    let sandbox = Sandbox::with_supervisor(&mock);
    sandbox.env("LOG_LEVEL", level);
    let run = sandbox.run_script(READ_BACK);
    assert_eq!(run.status, 0, "LOG_LEVEL={level}: {}", run.stderr);
    // The Supervisor has the value, and the script read it back whole.
    let bodies: String = mock.requests().iter().map(|r| r.body.clone()).collect();
    assert!(bodies.contains("S3cret-value"), "the value was not sent");
    let value = std::fs::read_to_string(sandbox.path("value.txt")).expect("value.txt");
    assert_eq!(value, "S3cret-value", "LOG_LEVEL={level}");
    (run, value)
}

#[test]
fn a_password_read_back_stays_out_of_trace_lines() {
    let (run, _) = read_back_at("7");
    let everything = format!("{}{}", run.stdout, run.stderr);
    assert!(
        !everything.contains("S3cret-value"),
        "the value appears in the log:\n{everything}"
    );
    // The lines are there, with the value hidden: in the Supervisor's
    // answer, in traced JSON, in the arguments of later calls.
    for line in [
        r#"DEBUG: API Response: {"result":"ok","data":{"#,
        r#""password":"<REDACTED>""#,
        "TRACE: bashio::var.has_value <REDACTED>\n",
        "TRACE: bashio::var.equals <REDACTED> something else\n",
        "TRACE: bashio::string.length <REDACTED>\n",
        "DEBUG: still here\n",
    ] {
        assert!(run.stdout.contains(line), "no {line:?} in:\n{}", run.stdout);
    }
    // The default world's own password, answered by the Supervisor, too.
    assert!(!everything.contains("wonderland"), "{everything}");
}

#[test]
fn a_password_read_back_stays_out_of_debug_lines() {
    let (run, _) = read_back_at("6");
    let everything = format!("{}{}", run.stdout, run.stderr);
    assert!(
        !everything.contains("S3cret-value"),
        "the value appears in the log:\n{everything}"
    );
    assert!(run.stdout.contains(r#""password":"<REDACTED>""#));
    assert!(!run.stdout.contains("TRACE:"));
}

#[test]
fn lines_at_info_level_and_below_are_untouched() {
    let mock = MockSupervisor::start(World::default_world()).expect("mock");
    let sandbox = Sandbox::with_supervisor(&mock);
    sandbox.env("LOG_LEVEL", "7");
    let run = sandbox.run_script(
        r#"
bashio::app.option 'password' 'S3cret-value'
value=$(bashio::config password)
bashio::log.info "info: ${value}"
bashio::log.trace "trace: ${value}"
"#,
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stdout.contains(&info("info: S3cret-value")));
    assert!(run.stdout.contains("TRACE: trace: <REDACTED>\n"));
}

#[test]
fn cache_is_owner_only() {
    let mock = MockSupervisor::start(World::default_world()).expect("mock");
    let sandbox = Sandbox::with_supervisor(&mock);
    let run = sandbox.run_script("bashio::config 'database.host' >/dev/null\n");
    assert_eq!(run.status, 0, "{}", run.stderr);
    let mode =
        |path: &std::path::Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&sandbox.path("cache")), 0o700);
    let entry = sandbox.path("cache/addons.self.options.config.cache");
    assert_eq!(mode(&entry), 0o600);
}

#[test]
fn a_link_planted_at_a_cache_entry_is_not_followed() {
    let mock = MockSupervisor::start(World::default_world()).expect("mock");
    let sandbox = Sandbox::with_supervisor(&mock);
    std::fs::create_dir(sandbox.path("cache")).unwrap();
    let bait = sandbox.file("bait.json", "{\"database\": {\"host\": \"attacker\"}}");
    symlink(
        &bait,
        sandbox.path("cache/addons.self.options.config.cache"),
    )
    .unwrap();
    let run = sandbox.run_script("bashio::config 'database.host'\n");
    assert_eq!(
        (run.stdout.as_str(), run.status),
        ("core-mariadb", 0),
        "{}",
        run.stderr
    );
    // The link was replaced by a real entry; its target is untouched.
    let entry = sandbox.path("cache/addons.self.options.config.cache");
    assert!(!std::fs::symlink_metadata(&entry)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(
        std::fs::read_to_string(&bait).unwrap(),
        "{\"database\": {\"host\": \"attacker\"}}"
    );
}

#[test]
fn a_linked_cache_directory_is_not_used() {
    let mock = MockSupervisor::start(World::default_world()).expect("mock");
    let sandbox = Sandbox::with_supervisor(&mock);
    std::fs::create_dir(sandbox.path("elsewhere")).unwrap();
    symlink(sandbox.path("elsewhere"), sandbox.path("cache")).unwrap();
    let run = sandbox.run_script("bashio::cache.set 'key' 'value' || echo \"refused $?\"\n");
    assert_eq!(
        run.stdout,
        [
            warning("An error occurred while storing key to cache"),
            "refused 1\n".to_string()
        ]
        .concat()
    );
    assert_eq!(
        std::fs::read_dir(sandbox.path("elsewhere"))
            .unwrap()
            .count(),
        0
    );
}

/// Every process's command line, as any user of the host can read it.
fn all_command_lines() -> Vec<Vec<u8>> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .bytes()
                .all(|b| b.is_ascii_digit())
        })
        .filter_map(|e| std::fs::read(e.path().join("cmdline")).ok())
        .collect()
}

#[test]
fn no_process_a_script_spawns_shows_a_secret_in_its_arguments() {
    let mock = MockSupervisor::start(World::default_world()).expect("mock");
    let sandbox = Sandbox::with_supervisor(&mock);
    // Calls as processes (builtins start none, so nothing could show).
    sandbox.env("BASHIO_BUILTINS", "0");
    let script = sandbox.script(
        r#"
for i in {1..40}; do
    bashio::var.has_value 'cmdline-s3cret' >/dev/null
    bashio::app.option 'database.password' 'cmdline-s3cret'
    x=$(bashio::string.upper 'cmdline-s3cret')
done
"#,
    );
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let watcher = {
        let done = done.clone();
        std::thread::spawn(move || {
            let (mut scans, mut seen, mut calls) = (0, Vec::new(), 0);
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                for line in all_command_lines() {
                    // The binary's own calls: proof the watcher sees the processes.
                    if line.windows(11).any(|w| w == b"\0app.option") {
                        calls += 1;
                    }
                    if line.windows(14).any(|w| w == b"cmdline-s3cret")
                        || line.windows(10).any(|w| w == b"mock-token")
                    {
                        seen.push(String::from_utf8_lossy(&line).replace('\0', " "));
                    }
                }
                scans += 1;
            }
            (scans, seen, calls)
        })
    };
    let run = sandbox.exec(&script, &[]);
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    let (scans, seen, calls) = watcher.join().expect("watcher");
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(scans > 10, "the watcher looked only {scans} times");
    assert!(
        calls > 0,
        "the watcher never saw a bashio call in {scans} looks"
    );
    assert!(seen.is_empty(), "secrets in process arguments: {seen:?}");
}
