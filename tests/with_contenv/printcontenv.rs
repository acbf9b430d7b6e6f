//! printcontenv: one variable of the container environment, raw.

use super::*;

#[test]
fn printcontenv_without_argument_is_a_usage_error() {
    let sandbox = Sandbox::new();
    let output = run(&mut sandbox.ours("printcontenv"));
    assert_eq!(output.status.code(), Some(100));
    assert_eq!(
        text(&output.stderr),
        "printcontenv: fatal: too few arguments\n"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn printcontenv_prints_raw_file_and_newline() {
    let sandbox = Sandbox::new();
    sandbox.var(b"RAW", b"a \t\0b\n\n");
    let output = run(sandbox.ours("printcontenv").arg("RAW"));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(output.stdout, b"a \t\0b\n\n\n".to_vec());
    assert!(output.stderr.is_empty());
}

#[test]
fn printcontenv_empty_file_prints_newline() {
    let sandbox = Sandbox::new();
    sandbox.var(b"EMPTY", b"");
    let output = run(sandbox.ours("printcontenv").arg("EMPTY"));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(output.stdout, b"\n".to_vec());
}

#[test]
fn printcontenv_missing_file_fails_silently() {
    let sandbox = Sandbox::new();
    let output = run(sandbox.ours("printcontenv").arg("MISSING"));
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert!(output.stderr.is_empty());
}

#[test]
fn printcontenv_unreadable_entry_fails_silently() {
    let sandbox = Sandbox::new();
    fs::create_dir(sandbox.env_dir().join("ADIR")).expect("create subdir");
    let output = run(sandbox.ours("printcontenv").arg("ADIR"));
    assert_eq!(output.status.code(), Some(111));
    assert!(output.stdout.is_empty());
    assert!(output.stderr.is_empty());
}

#[test]
fn printcontenv_ignores_the_environment_by_default() {
    let sandbox = Sandbox::new();
    sandbox.var(b"JUNK", b"from the file\n");
    let output = run(sandbox.ours("printcontenv").arg("JUNK"));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(text(&output.stdout), "from the file\n\n");
}

#[test]
fn printcontenv_keep_env_reads_the_environment() {
    let sandbox = Sandbox::new();
    sandbox.var(b"JUNK", b"from the file\n");
    let output = run(sandbox
        .ours("printcontenv")
        .env("S6_KEEP_ENV", "1")
        .arg("JUNK"));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(text(&output.stdout), "from the outside\n");
}

#[test]
fn printcontenv_keep_env_unset_or_empty_exits_1() {
    let sandbox = Sandbox::new();
    sandbox.var(b"UNSET_HERE", b"file\n");
    for (name, extra) in [("UNSET_HERE", None), ("EMPTY_HERE", Some(""))] {
        let mut command = sandbox.ours("printcontenv");
        command.env("S6_KEEP_ENV", "1").arg(name);
        if let Some(value) = extra {
            command.env(name, value);
        }
        let output = run(&mut command);
        assert_eq!(output.status.code(), Some(1), "{name}");
        assert!(output.stdout.is_empty(), "{name}");
        assert!(output.stderr.is_empty(), "{name}");
    }
}

/// The original is a shell script testing `"0$S6_KEEP_ENV" -ne 0`; a value
/// `test` rejects counts as false there, so the file is read.
#[test]
fn printcontenv_keep_env_decision_matches_shell_test() {
    let sandbox = Sandbox::new();
    sandbox.var(b"JUNK", b"file");
    let values = [
        "",
        "0",
        "00",
        "1",
        "007",
        "-1",
        "+1",
        "abc",
        "1abc",
        " 1",
        "1 ",
        "0x1",
        "99999999999999999999",
    ];
    for value in values {
        let reference = run(Command::new("/bin/sh")
            .args(["-c", "test \"0$1\" -ne 0 2>/dev/null", "sh"])
            .arg(value));
        let reference_keeps = reference.status.code() == Some(0);
        let ours = run(sandbox
            .ours("printcontenv")
            .env("S6_KEEP_ENV", value)
            .arg("JUNK"));
        assert_eq!(ours.status.code(), Some(0), "S6_KEEP_ENV={value:?}");
        let ours_keeps = match text(&ours.stdout).as_str() {
            "from the outside\n" => true,
            "file\n" => false,
            other => panic!("unexpected output {other:?} for S6_KEEP_ENV={value:?}"),
        };
        assert_eq!(ours_keeps, reference_keeps, "S6_KEEP_ENV={value:?}");
    }
}

#[test]
fn printcontenv_non_utf8_name_and_value() {
    let sandbox = Sandbox::new();
    sandbox.var(b"N\xffME", b"v\xe9\n");
    let name = OsString::from_vec(b"N\xffME".to_vec());
    let output = run(sandbox.ours("printcontenv").arg(&name));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(output.stdout, b"v\xe9\n\n".to_vec());
}

/// Writing to a closed stdout ends printcontenv promptly: killed by SIGPIPE
/// (as the original's `s6-cat` would be) or failing with 111, never hanging.
#[test]
fn printcontenv_ends_on_closed_stdout() {
    let sandbox = Sandbox::new();
    sandbox.var(b"BIG", "x".repeat(1 << 20).as_bytes());
    let mut child = sandbox
        .ours("printcontenv")
        .arg("BIG")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn printcontenv");
    drop(child.stdout.take());
    let output = finish(child);
    let by_sigpipe = output.status.signal() == Some(13);
    assert!(
        by_sigpipe || output.status.code() == Some(111),
        "{:?}",
        output.status
    );
    assert!(output.stderr.is_empty());
}

#[test]
fn stdin_is_inherited_by_the_program() {
    let sandbox = Sandbox::new();
    let mut child = sandbox
        .ours("with-contenv")
        .arg("cat")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn with-contenv cat");
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(b"piped through\n").expect("write stdin");
    }
    let output = finish(child);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(text(&output.stdout), "piped through\n");
}
