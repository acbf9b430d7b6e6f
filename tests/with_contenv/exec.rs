//! S6_KEEP_ENV, and what with-contenv does as the program it runs: exit
//! statuses and signals passed through, the program found on the new PATH,
//! the errors of a program that cannot run, shebang scripts.

use super::*;

// ---------------------------------------------------------------------------
// S6_KEEP_ENV
// ---------------------------------------------------------------------------

#[test]
fn keep_env_one_keeps_the_environment() {
    let sandbox = Sandbox::new();
    sandbox.var(b"FROM_DIR", b"dir\n");
    let output = run(sandbox
        .ours("with-contenv")
        .env("S6_KEEP_ENV", "1")
        .args(["env", "-0"]));
    assert_eq!(output.status.code(), Some(0));
    let expected: BTreeMap<Vec<u8>, Vec<u8>> = [
        (
            "BASHIO_CONTENV_DIR",
            sandbox.env_dir().into_os_string().into_vec(),
        ),
        ("JUNK", b"from the outside".to_vec()),
        ("PATH", BASE_PATH.as_bytes().to_vec()),
        ("S6_KEEP_ENV", b"1".to_vec()),
    ]
    .into_iter()
    .map(|(name, value)| (name.as_bytes().to_vec(), value))
    .collect();
    assert_eq!(environment(&output.stdout), expected);
}

/// A bashio script through with-contenv, whose start reads S6_KEEP_ENV
/// before the C library's (crates/early-start), gets what `env` gets.
#[test]
fn a_bashio_script_keeps_the_environment_as_env_does() {
    let sandbox = Sandbox::new();
    sandbox.var(b"FROM_DIR", b"dir\n");
    let script = sandbox.env_script();
    for keep in ["1", "0", "007", "x1", ""] {
        let by_env = run(sandbox
            .ours("with-contenv")
            .env("S6_KEEP_ENV", keep)
            .args(["env", "-0"]));
        let by_script = run(sandbox.ours_script(&script).env("S6_KEEP_ENV", keep));
        assert_eq!(
            script_environment(&by_script.stdout),
            environment(&by_env.stdout),
            "S6_KEEP_ENV={keep:?}"
        );
    }
}

#[test]
fn keep_env_zero_empties_but_keeps_path() {
    let sandbox = Sandbox::new();
    sandbox.var(b"FROM_DIR", b"dir\n");
    let output = run(sandbox
        .ours("with-contenv")
        .env("S6_KEEP_ENV", "0")
        .args(["env", "-0"]));
    assert_eq!(output.status.code(), Some(0));
    let expected: BTreeMap<Vec<u8>, Vec<u8>> = [("FROM_DIR", "dir"), ("PATH", BASE_PATH)]
        .into_iter()
        .map(|(name, value)| (name.as_bytes().to_vec(), value.as_bytes().to_vec()))
        .collect();
    assert_eq!(environment(&output.stdout), expected);
}

#[test]
fn no_outside_path_leaves_only_the_directory() {
    let sandbox = Sandbox::new();
    sandbox.var(b"FROM_DIR", b"dir\n");
    let output = run(sandbox
        .ours("with-contenv")
        .env_remove("PATH")
        .args(["/usr/bin/env", "-0"]));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        sorted_entries(&output.stdout),
        vec![b"FROM_DIR=dir".to_vec()]
    );
}

/// Whether `S6_KEEP_ENV=value` keeps the environment must agree with
/// s6-overlay's own test, `eltest 0${S6_KEEP_ENV} -eq 0`.
#[test]
fn keep_env_decision_matches_eltest() {
    let eltest = reference_tool("eltest", ELTEST_CANDIDATES);
    let sandbox = Sandbox::new();
    let values = [
        "",
        "0",
        "00",
        "1",
        "007",
        "-1",
        "+1",
        "-0",
        "abc",
        "1abc",
        " 1",
        "1 ",
        "0x1",
        "true",
        "2147483648",
        "99999999999999999999",
    ];
    for value in values {
        let reference = run(Command::new(&eltest)
            .arg(format!("0{value}"))
            .args(["-eq", "0"]));
        let reference_keeps = match reference.status.code() {
            Some(0) => false,
            Some(_) => true,
            None => panic!("eltest was killed for {value:?}"),
        };
        let ours = run(sandbox
            .ours("with-contenv")
            .env("S6_KEEP_ENV", value)
            .args(["env", "-0"]));
        assert_eq!(ours.status.code(), Some(0));
        let ours_keeps = environment(&ours.stdout).contains_key(b"JUNK".as_slice());
        assert_eq!(ours_keeps, reference_keeps, "S6_KEEP_ENV={value:?}");
    }
}

// ---------------------------------------------------------------------------
// Exec behaviour and errors
// ---------------------------------------------------------------------------

#[test]
fn exit_status_passes_through() {
    let sandbox = Sandbox::new();
    let output = run(sandbox.ours("with-contenv").args(["sh", "-c", "exit 7"]));
    assert_eq!(output.status.code(), Some(7));
    assert!(output.stderr.is_empty());
}

#[test]
fn signal_death_passes_through() {
    let sandbox = Sandbox::new();
    let output = run(sandbox
        .ours("with-contenv")
        .args(["sh", "-c", "kill -TERM $$"]));
    assert_eq!(output.status.signal(), Some(15));
}

#[test]
fn program_replaces_the_process() {
    let sandbox = Sandbox::new();
    let child = sandbox
        .ours("with-contenv")
        .args(["sh", "-c", "echo $$"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn with-contenv");
    let pid = child.id();
    let output = finish(child);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(text(&output.stdout), format!("{pid}\n"));
}

/// The program gets SIGPIPE as with-contenv was given it, as from s6's,
/// which leaves it alone: the binary ignores it only while it runs.
#[test]
fn sigpipe_is_as_given_to_the_program() {
    let sandbox = Sandbox::new();
    for ignored in [false, true] {
        let mut command = sandbox.ours("with-contenv");
        command.args(["sh", "-c", "grep SigIgn /proc/self/status"]);
        // SAFETY: only signal(), async-signal-safe, between fork and exec.
        unsafe {
            std::os::unix::process::CommandExt::pre_exec(&mut command, move || {
                libc::signal(
                    libc::SIGPIPE,
                    if ignored {
                        libc::SIG_IGN
                    } else {
                        libc::SIG_DFL
                    },
                );
                Ok(())
            });
        }
        let output = run(&mut command);
        assert_eq!(output.status.code(), Some(0));
        let line = text(&output.stdout);
        let mask = u64::from_str_radix(line.trim().trim_start_matches("SigIgn:").trim(), 16)
            .expect("parse SigIgn mask");
        assert_eq!(mask & (1 << (13 - 1)) != 0, ignored, "{line}");
    }
}

#[test]
fn arguments_pass_through_verbatim() {
    let sandbox = Sandbox::new();
    let odd = OsString::from_vec(b"caf\xe9 \"quoted\" $HOME".to_vec());
    let output = run(sandbox.ours("with-contenv").args([
        OsStr::new("printf"),
        OsStr::new("%s|%s"),
        &odd,
        OsStr::new(""),
    ]));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(output.stdout, b"caf\xe9 \"quoted\" $HOME|".to_vec());
}

#[test]
fn program_is_found_through_the_new_path() {
    let sandbox = Sandbox::new();
    let bin = sandbox.path("private-bin");
    fs::create_dir(&bin).expect("create bin dir");
    make_executable(&bin.join("hello-contenv"), "#!/bin/sh\necho found\n");
    let new_path = format!("{}:{BASE_PATH}\n", bin.display());
    sandbox.var(b"PATH", new_path.as_bytes());
    let output = run(sandbox.ours("with-contenv").arg("hello-contenv"));
    assert_eq!(
        output.status.code(),
        Some(0),
        "stderr: {}",
        text(&output.stderr)
    );
    assert_eq!(text(&output.stdout), "found\n");
}

#[test]
fn missing_program_exits_127() {
    let sandbox = Sandbox::new();
    let output = run(sandbox.ours("with-contenv").arg("no-such-program-here"));
    assert_eq!(output.status.code(), Some(127));
    assert_eq!(
        text(&output.stderr),
        "with-contenv: fatal: unable to exec no-such-program-here: No such file or directory\n"
    );
}

#[test]
fn missing_program_by_path_exits_127() {
    let sandbox = Sandbox::new();
    let output = run(sandbox.ours("with-contenv").arg("./absent"));
    assert_eq!(output.status.code(), Some(127));
    assert_eq!(
        text(&output.stderr),
        "with-contenv: fatal: unable to exec ./absent: No such file or directory\n"
    );
}

#[test]
fn non_executable_program_exits_126() {
    let sandbox = Sandbox::new();
    fs::write(sandbox.path("plain"), "echo hi\n").expect("write file");
    let output = run(sandbox.ours("with-contenv").arg("./plain"));
    assert_eq!(output.status.code(), Some(126));
    assert_eq!(
        text(&output.stderr),
        "with-contenv: fatal: unable to exec ./plain: Permission denied\n"
    );
}

/// A non-executable match early in PATH is remembered (126) unless a later
/// entry has a runnable one.
#[test]
fn path_search_remembers_permission_errors() {
    let sandbox = Sandbox::new();
    let first = sandbox.path("first");
    let second = sandbox.path("second");
    fs::create_dir(&first).expect("create dir");
    fs::create_dir(&second).expect("create dir");
    fs::write(first.join("tool"), "echo first\n").expect("write tool");
    sandbox.var(
        b"PATH",
        format!("{}:{}", first.display(), second.display()).as_bytes(),
    );
    let output = run(sandbox.ours("with-contenv").arg("tool"));
    assert_eq!(output.status.code(), Some(126));
    assert_eq!(
        text(&output.stderr),
        "with-contenv: fatal: unable to exec tool: Permission denied\n"
    );

    make_executable(&second.join("tool"), "#!/bin/sh\necho second\n");
    let output = run(sandbox.ours("with-contenv").arg("tool"));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(text(&output.stdout), "second\n");
}

#[test]
fn no_program_is_a_usage_error() {
    let sandbox = Sandbox::new();
    let output = run(&mut sandbox.ours("with-contenv"));
    assert_eq!(output.status.code(), Some(100));
    assert_eq!(
        text(&output.stderr),
        "with-contenv: usage: with-contenv prog...\n"
    );
}

#[test]
fn subcommand_form_behaves_the_same() {
    let sandbox = Sandbox::new();
    sandbox.var(b"GREETING", b"hello\n");
    let mut command = Command::new(env!("CARGO_BIN_EXE_bashio"));
    command
        .env_clear()
        .env("PATH", BASE_PATH)
        .env("BASHIO_CONTENV_DIR", sandbox.env_dir())
        .args(["with-contenv", "sh", "-c", "printf %s \"$GREETING\""]);
    let output = run(&mut command);
    assert_eq!(
        output.status.code(),
        Some(0),
        "stderr: {}",
        text(&output.stderr)
    );
    assert_eq!(text(&output.stdout), "hello");
}

#[test]
fn shebang_script_sees_the_container_environment() {
    let sandbox = Sandbox::new();
    sandbox.var(b"GREETING", b"hello from the container\n");
    let script = sandbox.path("script");
    let with_contenv = sandbox.path("with-contenv");
    make_executable(
        &script,
        &format!(
            "#!{} sh\nprintf '%s|%s' \"$GREETING\" \"${{JUNK-unset}}\"\n",
            with_contenv.display()
        ),
    );
    let output = run(&mut sandbox.ours_script(&script));
    assert_eq!(
        output.status.code(),
        Some(0),
        "stderr: {}",
        text(&output.stderr)
    );
    assert_eq!(text(&output.stdout), "hello from the container|unset");
}
