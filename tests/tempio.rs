//! The `tempio` applet against the reference tempio's recorded behaviour
//! (tests/data/tempio/expected.jsonl, written by record.sh): real add-on
//! templates with several option sets, synthetic templates for each
//! text/template and sprig feature, templates that do not parse, malformed
//! configurations, and the flags. Each run compares stdout, the `-out` file
//! and its mode, the exit status, and stderr without log.Fatal's timestamp.

use std::io::Write;
use std::os::unix::fs::{symlink, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/tempio")
}

fn binary() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_bashio"))
}

/// stderr as recorded: a panic cut to its first line, timestamps removed.
fn normalize_stderr(stderr: &str) -> String {
    if stderr.starts_with("panic: ") {
        return stderr
            .lines()
            .next()
            .map(|l| format!("{l}\n"))
            .unwrap_or_default();
    }
    let stamp = regex::Regex::new(r"(?m)^\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2} ").expect("regex");
    stamp.replace_all(stderr, "").into_owned()
}

#[derive(Debug, PartialEq)]
struct Outcome {
    status: i64,
    stdout: String,
    stderr: String,
    file: Option<String>,
    mode: Option<String>,
}

fn run(case: &serde_json::Value, program: &Path, via_bashio: bool) -> Outcome {
    let scratch = tempfile::tempdir().expect("scratch dir");
    let out = scratch.path().join("out.txt");
    let args: Vec<String> = case["args"]
        .as_array()
        .expect("args")
        .iter()
        .map(|a| {
            a.as_str()
                .expect("arg")
                .replace("@OUT@", &out.to_string_lossy())
        })
        .collect();
    if case["setup"] == "pre600" {
        std::fs::write(&out, "old\n").expect("pre-create");
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    }
    let mut command = Command::new(program);
    if via_bashio {
        command.arg("tempio");
    }
    command
        .args(&args)
        .current_dir(data_dir())
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", "/nonexistent")
        .env("TZ", "UTC")
        .env("TEMPIO_TEST_VAR", "test-value")
        .env("SUPERVISOR_TOKEN", "supervisor-token-123")
        .env("HOSTNAME", "tempio-host")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    match case["stdin"].as_str() {
        Some("-") | None => {
            command.stdin(Stdio::null());
        }
        Some(file) => {
            command.stdin(std::fs::File::open(data_dir().join(file)).expect("stdin file"));
        }
    }
    let output = output_within(command, std::time::Duration::from_secs(120));
    let file = std::fs::read(&out).ok();
    let mode = std::fs::metadata(&out)
        .ok()
        .map(|m| format!("{:o}", m.permissions().mode() & 0o7777));
    Outcome {
        status: output.status.code().map_or(-1, i64::from),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: normalize_stderr(&String::from_utf8_lossy(&output.stderr)),
        file: file.map(|f| String::from_utf8_lossy(&f).into_owned()),
        mode,
    }
}

/// Runs `command`, killing it if it outlives `limit` (a hang fails the
/// case instead of the test run).
fn output_within(mut command: Command, limit: std::time::Duration) -> std::process::Output {
    let child = command.spawn().expect("run tempio");
    let pid = child.id();
    let (done, finished) = std::sync::mpsc::channel::<()>();
    let watchdog = std::thread::spawn(move || {
        if finished.recv_timeout(limit).is_err() {
            // SAFETY: signals only the child this test started.
            unsafe { libc::kill(pid as i32, libc::SIGKILL) };
        }
    });
    let output = child.wait_with_output().expect("wait tempio");
    let _ = done.send(());
    let _ = watchdog.join();
    output
}

fn expected(case: &serde_json::Value) -> Outcome {
    let text = |key: &str| case[key].as_str().map(String::from);
    Outcome {
        status: case["status"].as_i64().expect("status"),
        stdout: text("stdout").unwrap_or_default(),
        stderr: text("stderr").unwrap_or_default(),
        file: text("file"),
        mode: text("mode"),
    }
}

fn cases() -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(data_dir().join("expected.jsonl")).expect("goldens");
    text.lines()
        .map(|l| serde_json::from_str(l).expect("golden line"))
        .collect()
}

#[test]
fn identical_to_reference_tempio() {
    let cases = cases();
    let mut identical = 0;
    let mut report = String::new();
    for case in &cases {
        let want = expected(case);
        let got = run(case, binary(), true);
        if got == want {
            identical += 1;
        } else if report.len() < 20_000 {
            report.push_str(&format!(
                "--- tempio {} (stdin {})\nwant {want:?}\ngot  {got:?}\n",
                case["args"], case["stdin"]
            ));
        }
    }
    let fraction = identical as f64 / cases.len() as f64;
    eprintln!(
        "tempio: {identical} of {} runs identical to the reference ({:.1}%)",
        cases.len(),
        fraction * 100.0
    );
    if fraction < 0.99 {
        panic!("below 99%:\n{report}");
    }
    if !report.is_empty() {
        eprintln!("differences:\n{report}");
    }
}

#[test]
fn reached_through_a_link_named_tempio() {
    let scratch = tempfile::tempdir().expect("scratch dir");
    let link = scratch.path().join("tempio");
    symlink(binary(), &link).expect("link");
    let case = cases()
        .into_iter()
        .find(|c| c["args"][1] == "addons/samba.tmpl" && c["stdin"] != "-")
        .expect("a samba case fed through stdin");
    assert_eq!(run(&case, &link, false), expected(&case));
}

#[test]
fn failures_carry_a_log_timestamp() {
    let output = Command::new(binary())
        .args(["tempio", "-conf", "x.json"])
        .stdin(Stdio::null())
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let line =
        regex::Regex::new(r"^\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2} Missing template argument\n$")
            .expect("regex");
    assert!(line.is_match(&stderr), "{stderr:?}");
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn deep_recursion_is_go_s_error_not_a_crash() {
    let scratch = tempfile::tempdir().expect("scratch dir");
    let template = scratch.path().join("loop.tmpl");
    std::fs::write(
        &template,
        r#"{{define "l"}}{{template "l" .}}{{end}}{{template "l" .}}"#,
    )
    .expect("write");
    let mut child = Command::new(binary())
        .arg("tempio")
        .arg("-template")
        .arg(&template)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"{}")
        .expect("feed");
    let output = child.wait_with_output().expect("wait");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        normalize_stderr(&String::from_utf8_lossy(&output.stderr)),
        "template: tempIO:1:25: executing \"l\" at <{{template \"l\" .}}>: exceeded maximum template depth (100000)\n"
    );
}

#[test]
fn a_failed_render_leaves_the_output_untouched() {
    let scratch = tempfile::tempdir().expect("scratch dir");
    let template = scratch.path().join("t.tmpl");
    let out = scratch.path().join("out.conf");
    std::fs::write(&template, "{{ fail \"no\" }}").expect("write");
    std::fs::write(&out, "previous\n").expect("write");
    let output = Command::new(binary())
        .arg("tempio")
        .arg("-template")
        .arg(&template)
        .arg("-out")
        .arg(&out)
        .stdin(Stdio::null())
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&out).expect("read"), "previous\n");
    let leftovers = std::fs::read_dir(scratch.path()).expect("list").count();
    assert_eq!(leftovers, 2, "no temporary file left behind");
}
