//! The `mock-supervisor` command as shell scripts use it: read the URL
//! line, make requests, stop it with SIGTERM.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::common::{client, json};

const BINARY: &str = env!("CARGO_BIN_EXE_mock-supervisor");

/// Kills the process if a test fails before stopping it.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn spawn(args: &[&str]) -> (Running, String) {
    let mut child = Command::new(BINARY)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary starts");
    let stdout = child.stdout.take().unwrap();
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = sender.send(line);
    });
    let running = Running(child);
    let line = receiver
        .recv_timeout(Duration::from_secs(10))
        .expect("the URL line within 10 s");
    (running, line)
}

fn terminate(running: &mut Running) -> ExitStatus {
    signal(running, "TERM")
}

fn signal(running: &mut Running, name: &str) -> ExitStatus {
    let pid = running.0.id().to_string();
    let sent = Command::new("kill")
        .args([&format!("-{name}"), &pid])
        .status()
        .unwrap();
    assert!(sent.success());
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        if let Some(status) = running.0.try_wait().unwrap() {
            return status;
        }
        assert!(Instant::now() < deadline, "no exit within 5 s of SIG{name}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn prints_its_url_serves_and_exits_0_on_sigterm() {
    let (mut running, line) = spawn(&[]);
    let url = line.strip_suffix('\n').expect("one whole line");
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    assert!(url.rsplit(':').next().unwrap().parse::<u16>().unwrap() > 0);

    let response = client()
        .get(format!("{url}/addons/self/info"))
        .bearer_auth("mock-token")
        .send()
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        json(&response.text().unwrap())["data"]["slug"],
        "local_example"
    );

    let recorded = client()
        .get(format!("{url}/_mock/requests"))
        .send()
        .unwrap();
    assert_eq!(
        json(&recorded.text().unwrap())[0]["path"],
        "/addons/self/info"
    );

    assert_eq!(terminate(&mut running).code(), Some(0));
}

#[test]
fn a_signal_right_after_the_url_line_still_exits_0() {
    for name in ["TERM", "INT"] {
        let (mut running, _) = spawn(&[]);
        assert_eq!(signal(&mut running, name).code(), Some(0), "SIG{name}");
    }
}

#[test]
fn takes_a_world_file_and_a_token() {
    let world = serde_json::json!({
        "self_slug": "local_cli",
        "addons": [{"info": {"slug": "local_cli", "options": {"from": "file"}}}]
    });
    let path =
        std::env::temp_dir().join(format!("mock-supervisor-world-{}.json", std::process::id()));
    std::fs::write(&path, world.to_string()).unwrap();
    let (mut running, line) = spawn(&[
        "--world",
        path.to_str().unwrap(),
        "--token=cli-token",
        "--listen",
        "127.0.0.1:0",
    ]);
    let url = line.trim_end();
    let options = client()
        .get(format!("{url}/addons/self/options/config"))
        .bearer_auth("cli-token")
        .send()
        .unwrap();
    assert_eq!(
        options.text().unwrap(),
        r#"{"result":"ok","data":{"from":"file"}}"#
    );
    assert_eq!(terminate(&mut running).code(), Some(0));
    let _ = std::fs::remove_file(path);
}

#[test]
fn bad_arguments_exit_2_and_a_bad_world_exits_1() {
    let unknown = Command::new(BINARY).arg("--frobnicate").output().unwrap();
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("--frobnicate"));

    let missing = Command::new(BINARY)
        .args(["--world", "/nonexistent/world.json"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert!(missing.stdout.is_empty());

    let help = Command::new(BINARY).arg("--help").output().unwrap();
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).starts_with("Usage: mock-supervisor"));
}
