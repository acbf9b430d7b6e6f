//! Bad input, one table row per case. Every row gets the exact output it
//! documents (one clear line, or bashio's or jq's own answer), the documented
//! exit status, no panic, and leaves nothing half-written behind.

use crate::util::*;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::process::Command;

/// What a row does: its set-up and run, in a fresh sandbox.
type Action = fn(&Sandbox) -> Run;
/// What a row leaves behind, checked after the run.
type Aftermath = fn(&Sandbox);

struct Row {
    case: &'static str,
    action: Action,
    status: i32,
    stdout: fn(&Sandbox) -> String,
    stderr: fn(&Sandbox) -> String,
    aftermath: Option<Aftermath>,
}

/// A call of the binary as a command, from a plain shell.
fn bashio(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(binary());
    command
        .args(args)
        .env_remove("__BASHIO_ARGC")
        .env("LOG_TIMESTAMP", "T")
        .env("CACHE_DIR", "/nonexistent");
    for (name, value) in env {
        command.env(name, value);
    }
    run(&mut command)
}

fn options_file_env(sandbox: &Sandbox) -> String {
    sandbox.path("options.json").display().to_string()
}

fn nothing(_: &Sandbox) -> String {
    String::new()
}

fn with_contenv(sandbox: &Sandbox, program: &str) -> Run {
    let mut command = Command::new(sandbox.path("bin/with-contenv"));
    command
        .arg(program)
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("BASHIO_CONTENV_DIR", sandbox.path("contenv"))
        .current_dir(sandbox.root.path());
    run(&mut command)
}

const TEN_MB: usize = 10 * 1024 * 1024;

fn rows() -> Vec<Row> {
    vec![
        Row {
            case: "malformed options.json",
            action: |s| {
                s.file("options.json", "{\"database\": {\"host\": ");
                bashio(
                    &["config", "database.host"],
                    &[("BASHIO_OPTIONS_FILE", &options_file_env(s))],
                )
            },
            status: 1,
            stdout: |s| {
                error(&format!(
                    "Options file {} is not valid JSON: EOF while parsing a value at line 1 column 22",
                    options_file_env(s)
                ))
            },
            stderr: nothing,
            aftermath: None,
        },
        Row {
            case: "options.json with non-UTF-8 bytes",
            action: |s| {
                fs::write(s.path("options.json"), b"{\"name\": \"caf\xe9\"}").unwrap();
                bashio(
                    &["config", "name"],
                    &[("BASHIO_OPTIONS_FILE", &options_file_env(s))],
                )
            },
            status: 1,
            stdout: |s| {
                error(&format!(
                    "Options file {} is not valid JSON: invalid unicode code point at line 1 column 14",
                    options_file_env(s)
                ))
            },
            stderr: nothing,
            aftermath: None,
        },
        Row {
            case: "missing options.json",
            action: |_| {
                bashio(
                    &["config", "x"],
                    &[("BASHIO_OPTIONS_FILE", "/nonexistent/options.json")],
                )
            },
            status: 1,
            stdout: |_| {
                error(
                    "Cannot read options file /nonexistent/options.json: No such file or directory",
                )
            },
            stderr: nothing,
            aftermath: None,
        },
        Row {
            case: "invalid jq filter (jq's own message and status)",
            action: |_| bashio(&["jq", "{\"a\":1}", ".a | |"], &[]),
            status: 3,
            stdout: nothing,
            stderr: |_| {
                "jq: error: syntax error, unexpected '|' at <top-level>, line 1, column 6:\n    \
                 .a | |\n         ^\njq: 1 compile error\n"
                    .to_string()
            },
            aftermath: None,
        },
        Row {
            case: "non-JSON data for jq",
            action: |_| bashio(&["jq", "not json", "."], &[]),
            status: 5,
            stdout: nothing,
            stderr: |_| {
                "jq: parse error: Invalid numeric literal at line 1, column 4\n".to_string()
            },
            aftermath: None,
        },
        Row {
            case: "a 10 MB option value",
            action: |s| {
                s.file(
                    "options.json",
                    &format!("{{\"big\": \"{}\"}}", "x".repeat(TEN_MB)),
                );
                s.env("BASHIO_OPTIONS_FILE", &options_file_env(s));
                s.run_script(
                    "value=$(bashio::config 'big')\n\
                     echo \"${#value}\"\n\
                     bashio::var.has_value \"${value}\" && echo has\n\
                     bashio::string.length \"${value}\"\n",
                )
            },
            status: 0,
            stdout: |_| format!("{TEN_MB}\nhas\n{TEN_MB}"),
            stderr: nothing,
            aftermath: None,
        },
        Row {
            case: "NUL and non-UTF-8 bytes in a container-environment file",
            action: |s| {
                fs::write(s.path("contenv/BYTES"), b"caf\xe9\0line").unwrap();
                s.run_script(
                    "printf '%s' \"${BYTES}\" | od -An -c | tr -s ' '\n\
                     bashio::string.length \"${BYTES}\"\n",
                )
            },
            status: 0,
            stdout: |_| " c a f 351 \\n l i n e\n9".to_string(),
            stderr: nothing,
            aftermath: None,
        },
        Row {
            case: "non-UTF-8 bytes in arguments",
            action: |s| {
                s.run_script("bashio::string.upper $'caf\\xe9 x' | od -An -c | tr -s ' '\n")
            },
            status: 0,
            stdout: |_| " C A F 351 X\n".to_string(),
            stderr: nothing,
            aftermath: None,
        },
        Row {
            case: "unknown function name, called as a command",
            action: |_| bashio(&["confg"], &[]),
            status: 127,
            stdout: nothing,
            stderr: |_| {
                "bashio: 'confg' is neither a bashio function nor a script \
                 (closest functions: bashio::config, bashio::core, bashio::info)\n"
                    .to_string()
            },
            aftermath: None,
        },
        Row {
            case: "unknown function name, inside a script (bash's answer)",
            action: |s| s.run_script("bashio::confg 'x'\necho unreachable\n"),
            status: 127,
            stdout: nothing,
            stderr: |s| {
                format!(
                    "{}: line 2: bashio::confg: command not found\n",
                    s.path("script.sh").display()
                )
            },
            aftermath: None,
        },
        Row {
            case: "missing script",
            action: |_| bashio(&["./no-such-script.sh"], &[]),
            status: 1,
            stdout: nothing,
            stderr: |_| "bashio: ./no-such-script.sh: No such file or directory\n".to_string(),
            aftermath: None,
        },
        Row {
            case: "with-contenv: PROG not found",
            action: |s| with_contenv(s, "no-such-program-here"),
            status: 127,
            stdout: nothing,
            stderr: |_| {
                "with-contenv: fatal: unable to exec no-such-program-here: No such file or directory\n"
                    .to_string()
            },
            aftermath: None,
        },
        Row {
            case: "with-contenv: PROG not executable",
            action: |s| {
                s.file("plain", "echo hi\n");
                fs::set_permissions(s.path("plain"), fs::Permissions::from_mode(0o644)).unwrap();
                with_contenv(s, "./plain")
            },
            status: 126,
            stdout: nothing,
            stderr: |_| {
                "with-contenv: fatal: unable to exec ./plain: Permission denied\n".to_string()
            },
            aftermath: None,
        },
        Row {
            case: "unwritable cache directory",
            action: |s| {
                // A file where the cache directory should be: nothing can be
                // created under it, even as root.
                s.file("cache", "not a directory");
                let mock = MockSupervisor::start(World::default_world()).expect("mock");
                s.env("SUPERVISOR_API", mock.url());
                s.env("SUPERVISOR_TOKEN", mock.token());
                s.run_script("host=$(bashio::config 'database.host')\necho \"host=${host}\"\n")
            },
            status: 1,
            stdout: |_| fatal("Could not create cache folder"),
            stderr: nothing,
            aftermath: Some(|s| {
                assert_eq!(
                    fs::read_to_string(s.path("cache")).unwrap(),
                    "not a directory"
                );
            }),
        },
        Row {
            case: "cache key that escapes the cache directory",
            action: |s| s.run_script("bashio::cache.set '../escape' 'x' || echo \"refused $?\"\n"),
            status: 0,
            stdout: |_| error("Invalid cache key: '../escape'") + "refused 1\n",
            stderr: nothing,
            aftermath: Some(|s| assert!(!s.path("escape.cache").exists())),
        },
        Row {
            case: "container-environment directory that cannot be written",
            action: |s| {
                // A file where the directory should be: no write can succeed, even as root.
                s.file("not-a-dir", "");
                s.env(
                    "BASHIO_CONTENV_DIR",
                    &s.path("not-a-dir").display().to_string(),
                );
                s.run_script("bashio::contenv.set DB_HOST x || echo \"failed $?\"\n")
            },
            status: 0,
            stdout: |s| {
                error(&format!(
                    "Cannot write DB_HOST into {}: Not a directory",
                    s.path("not-a-dir").display()
                )) + "failed 1\n"
            },
            stderr: nothing,
            aftermath: Some(|s| assert_eq!(fs::read_to_string(s.path("not-a-dir")).unwrap(), "")),
        },
        Row {
            case: "invalid container-environment name",
            action: |s| s.run_script("bashio::contenv.set 'bad-name' x || echo \"refused $?\"\n"),
            status: 0,
            stdout: |_| error("Invalid environment variable name: 'bad-name'") + "refused 1\n",
            stderr: nothing,
            aftermath: Some(|s| assert!(!s.path("contenv/bad-name").exists())),
        },
        Row {
            case: "unreachable Supervisor",
            action: |_| {
                bashio(
                    &["supervisor.ping"],
                    &[
                        ("SUPERVISOR_API", "http://127.0.0.1:9"),
                        ("SUPERVISOR_TOKEN", "t"),
                    ],
                )
            },
            status: 1,
            stdout: |_| error("Something went wrong contacting the API"),
            // curl's line, as bashio shows it (its timing left out).
            stderr: |_| {
                "curl: (7) Failed to connect to 127.0.0.1 port 9 after N ms: \
                 Couldn't connect to server\n"
                    .to_string()
            },
            aftermath: None,
        },
    ]
}

#[test]
fn every_bad_input_gets_its_documented_answer() {
    let mut failures = Vec::new();
    let timing = regex::Regex::new(r"after \d+ ms").expect("pattern");
    for row in rows() {
        let sandbox = Sandbox::new();
        let run = (row.action)(&sandbox);
        let expected = (row.status, (row.stdout)(&sandbox), (row.stderr)(&sandbox));
        let stderr = timing.replace_all(&run.stderr, "after N ms").into_owned();
        let got = (run.status, run.stdout.clone(), stderr);
        if got != expected {
            failures.push(format!(
                "{}:\n  expected {expected:?}\n  got      {got:?}",
                row.case
            ));
        }
        if let Some(aftermath) = row.aftermath {
            aftermath(&sandbox);
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
