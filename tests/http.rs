//! The shape of an HTTP call's process, as a bash builtin needs it: no
//! thread is started (strace sees no clone), and the connection's
//! descriptor is closed before the call returns.

use crate::util::*;
use std::process::Command;

#[test]
fn an_http_call_starts_no_thread_and_closes_its_socket() {
    if Command::new("strace").arg("-V").output().is_err() {
        eprintln!("no strace: nothing to check");
        return;
    }
    let mock = MockSupervisor::start(World::default_world()).expect("mock supervisor");
    let sandbox = Sandbox::new();
    let trace = sandbox.path("trace");
    let run = run(Command::new("strace")
        .args([
            "-f",
            "-e",
            "trace=clone,clone3,fork,vfork,socket,close,exit_group",
        ])
        .arg("-o")
        .arg(&trace)
        .arg(binary())
        .arg("supervisor.ping")
        .env("SUPERVISOR_API", mock.url())
        .env("SUPERVISOR_TOKEN", mock.token())
        .env("CACHE_DIR", sandbox.path("cache")));
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(mock.requests().len(), 1);
    let trace = std::fs::read_to_string(&trace).expect("trace");
    let calls: Vec<&str> = trace.lines().collect();
    assert!(
        !calls
            .iter()
            .any(|l| l.contains("clone") || l.contains("fork(")),
        "{trace}"
    );
    // Each socket (the connection; getaddrinfo's own, if any) is closed
    // before the process ends.
    let sockets: Vec<String> = calls
        .iter()
        .filter(|l| l.contains("socket("))
        .filter_map(|l| l.rsplit("= ").next().map(str::trim).map(String::from))
        .collect();
    assert!(!sockets.is_empty(), "{trace}");
    for fd in sockets {
        let opened = calls
            .iter()
            .rposition(|l| l.contains("socket(") && l.ends_with(&format!("= {fd}")))
            .unwrap_or(0);
        assert!(
            calls[opened..]
                .iter()
                .any(|l| l.contains(&format!("close({fd})"))),
            "socket {fd} is never closed:\n{trace}"
        );
    }
}
