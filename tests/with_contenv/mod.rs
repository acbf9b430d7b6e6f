//! End-to-end checks of `with-contenv` and `printcontenv` as real processes.
//!
//! The container-environment rules are compared byte for byte against the
//! reference implementation (execline's `emptyenv -p` feeding s6's
//! `s6-envdir -Lf`), so these tests refuse to pass without those tools
//! installed: a missing reference is a failure that says what to install,
//! never a silent skip. Every child runs under a timeout so nothing can hang.

use std::collections::BTreeMap;
use std::ffi::{OsStr, OsString};
use std::fs;
use std::io::Write;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::{symlink, PermissionsExt};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const CHILD_TIMEOUT: Duration = Duration::from_secs(20);
const BASE_PATH: &str = "/usr/bin:/bin";
const EMPTYENV_CANDIDATES: &[&str] = &[
    "/usr/lib/execline/bin/emptyenv",
    "/usr/bin/emptyenv",
    "/bin/emptyenv",
    "/command/emptyenv",
];
const S6_ENVDIR_CANDIDATES: &[&str] =
    &["/usr/bin/s6-envdir", "/bin/s6-envdir", "/command/s6-envdir"];
const ELTEST_CANDIDATES: &[&str] = &[
    "/usr/lib/execline/bin/eltest",
    "/usr/bin/eltest",
    "/bin/eltest",
    "/command/eltest",
];

// ---------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------

/// A scratch area holding `with-contenv`/`printcontenv` links to the binary
/// and a container-environment directory to fill.
struct Sandbox {
    root: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        let root = tempfile::tempdir().expect("create temp dir");
        let binary = Path::new(env!("CARGO_BIN_EXE_bashio"));
        for name in ["with-contenv", "printcontenv"] {
            symlink(binary, root.path().join(name)).expect("link program name");
        }
        fs::create_dir(root.path().join("env")).expect("create env dir");
        Sandbox { root }
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.root.path().join(relative)
    }

    fn env_dir(&self) -> PathBuf {
        self.path("env")
    }

    /// Writes a variable file whose name may be any bytes.
    fn var(&self, name: &[u8], contents: &[u8]) -> &Sandbox {
        let path = self.env_dir().join(OsStr::from_bytes(name));
        fs::write(path, contents).expect("write variable file");
        self
    }

    /// A command for one of our programs with a clean, known environment.
    fn ours(&self, program: &str) -> Command {
        let mut command = Command::new(self.path(program));
        command
            .env_clear()
            .env("PATH", BASE_PATH)
            .env("JUNK", "from the outside")
            .env("BASHIO_CONTENV_DIR", self.env_dir())
            .current_dir(self.root.path());
        command
    }

    /// Runs an executable file directly, with the usual outside environment.
    fn ours_script(&self, script: &Path) -> Command {
        let mut command = Command::new(script);
        command
            .env_clear()
            .env("PATH", BASE_PATH)
            .env("JUNK", "from the outside")
            .env("BASHIO_CONTENV_DIR", self.env_dir())
            .current_dir(self.root.path());
        command
    }

    /// The reference pipeline, started from the same outside environment.
    fn reference(&self) -> Command {
        let mut command = Command::new(reference_tool("emptyenv", EMPTYENV_CANDIDATES));
        command
            .arg("-p")
            .arg(reference_tool("s6-envdir", S6_ENVDIR_CANDIDATES))
            .args(["-Lf", "--"])
            .arg(self.env_dir())
            .env_clear()
            .env("PATH", BASE_PATH)
            .env("JUNK", "from the outside")
            .current_dir(self.root.path());
        command
    }
}

fn reference_tool(name: &str, candidates: &[&str]) -> PathBuf {
    candidates
        .iter()
        .map(PathBuf::from)
        .find(|path| path.is_file())
        .unwrap_or_else(|| {
            panic!(
                "reference tool `{name}` not found (looked in {candidates:?}); \
                 install the execline and s6 packages, e.g. `apt-get install execline s6`"
            )
        })
}

/// Runs `command` to completion, failing the test instead of hanging.
fn run(command: &mut Command) -> Output {
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    finish(command.spawn().expect("spawn child"))
}

/// Collects a spawned child's output, killing it if it outlives the timeout.
fn finish(child: Child) -> Output {
    let pid = child.id();
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(child.wait_with_output());
    });
    match receiver.recv_timeout(CHILD_TIMEOUT) {
        Ok(output) => output.expect("collect child output"),
        Err(_) => {
            let _ = Command::new("kill")
                .arg("-KILL")
                .arg(pid.to_string())
                .status();
            panic!("child {pid} did not finish within {CHILD_TIMEOUT:?}");
        }
    }
}

/// NUL-separated `env -0` output as a sorted list of entries.
fn sorted_entries(stdout: &[u8]) -> Vec<Vec<u8>> {
    let mut entries: Vec<Vec<u8>> = stdout
        .split(|&b| b == 0)
        .filter(|entry| !entry.is_empty())
        .map(<[u8]>::to_vec)
        .collect();
    entries.sort();
    entries
}

/// The environment `env -0` printed, as a name → value map.
fn environment(stdout: &[u8]) -> BTreeMap<Vec<u8>, Vec<u8>> {
    sorted_entries(stdout)
        .into_iter()
        .map(|entry| match entry.iter().position(|&b| b == b'=') {
            Some(split) => (entry[..split].to_vec(), entry[split + 1..].to_vec()),
            None => (entry, Vec::new()),
        })
        .collect()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs `env -0` both ways and requires identical environments, statuses and
/// (apart from the program name) identical error messages.
fn assert_same_as_reference(sandbox: &Sandbox) {
    let ours = run(sandbox.ours("with-contenv").args(["env", "-0"]));
    let reference = run(sandbox.reference().args(["env", "-0"]));
    assert_eq!(
        ours.status.code(),
        reference.status.code(),
        "exit status differs\nours stderr: {}\nreference stderr: {}",
        text(&ours.stderr),
        text(&reference.stderr)
    );
    assert_eq!(
        sorted_entries(&ours.stdout),
        sorted_entries(&reference.stdout),
        "environment differs\nours:      {:?}\nreference: {:?}",
        text(&ours.stdout),
        text(&reference.stdout)
    );
    let ours_message = text(&ours.stderr).replacen("with-contenv: ", "", 1);
    let reference_message = text(&reference.stderr).replacen("s6-envdir: ", "", 1);
    assert_eq!(ours_message, reference_message, "error message differs");
}

fn make_executable(path: &Path, contents: &str) {
    fs::write(path, contents).expect("write script");
    fs::set_permissions(path, fs::Permissions::from_mode(0o755)).expect("chmod script");
}

// ---------------------------------------------------------------------------
// Differential: the directory-reading rules
// ---------------------------------------------------------------------------

#[test]
fn reference_trailing_newlines() {
    let sandbox = Sandbox::new();
    sandbox
        .var(b"ONE_NEWLINE", b"value\n")
        .var(b"TWO_NEWLINES", b"value\n\n")
        .var(b"NO_NEWLINE", b"value")
        .var(b"ONLY_NEWLINE", b"\n")
        .var(b"MULTI_LINE", b"first\nsecond\nthird\n")
        .var(b"CRLF", b"value\r\n");
    assert_same_as_reference(&sandbox);
}

#[test]
fn reference_whitespace_is_kept() {
    let sandbox = Sandbox::new();
    sandbox
        .var(b"SPACES_ONLY", b"   \n")
        .var(b"TABS_ONLY", b"\t\t")
        .var(b"TRAILING_BLANKS", b"value \t \t\n")
        .var(b"LEADING_BLANKS", b"  \tvalue\n")
        .var(b"BLANK_AFTER_NEWLINE", b"value\n  ");
    assert_same_as_reference(&sandbox);
}

#[test]
fn reference_nul_bytes_become_newlines() {
    let sandbox = Sandbox::new();
    sandbox
        .var(b"EMBEDDED", b"a\0b\0c\n")
        .var(b"ONLY_NUL", b"\0")
        .var(b"NUL_THEN_NEWLINE", b"x\0\n")
        .var(b"NUL_AT_END", b"x\0");
    assert_same_as_reference(&sandbox);
}

#[test]
fn reference_empty_file_unsets() {
    let sandbox = Sandbox::new();
    sandbox
        .var(b"EMPTY", b"")
        .var(b"JUNK", b"")
        .var(b"KEPT", b"x\n");
    assert_same_as_reference(&sandbox);
}

#[test]
fn reference_empty_path_file_unsets_path() {
    let sandbox = Sandbox::new();
    sandbox.var(b"PATH", b"").var(b"OTHER", b"x");
    assert_same_as_reference(&sandbox);
}

#[test]
fn reference_path_file_replaces_path() {
    let sandbox = Sandbox::new();
    sandbox.var(b"PATH", b"/bin:/usr/bin\n");
    assert_same_as_reference(&sandbox);
}

#[test]
fn reference_non_utf8_bytes() {
    let sandbox = Sandbox::new();
    sandbox
        .var(b"LATIN1", b"caf\xe9\n")
        .var(b"GARBAGE", b"\xff\xfe\x80\x00\xc3\n")
        .var(b"NAME_\xff_BYTES", b"value\n");
    assert_same_as_reference(&sandbox);
}

#[test]
fn reference_unicode_names_and_values() {
    let sandbox = Sandbox::new();
    sandbox
        .var("ÜNÎCÖDE_名前".as_bytes(), "välue ✓\n".as_bytes())
        .var("😀".as_bytes(), "emoji\n".as_bytes());
    assert_same_as_reference(&sandbox);
}

#[test]
fn reference_hidden_and_equals_names_are_ignored() {
    let sandbox = Sandbox::new();
    sandbox
        .var(b".hidden", b"no\n")
        .var(b"..double", b"no\n")
        .var(b"A=B", b"no\n")
        .var(b"=LEADING", b"no\n")
        .var(b"TRAILING=", b"no\n")
        .var(b"VISIBLE.DOT", b"yes\n");
    assert_same_as_reference(&sandbox);
}

#[test]
fn reference_many_files() {
    let sandbox = Sandbox::new();
    for index in 0..300 {
        let name = format!("VAR_{index:03}");
        let value = format!("value {index}\n");
        sandbox.var(name.as_bytes(), value.as_bytes());
    }
    assert_same_as_reference(&sandbox);
}

#[test]
fn reference_large_value_is_not_clamped() {
    let sandbox = Sandbox::new();
    let mut value = "0123456789abcdef".repeat(8192).into_bytes();
    value.extend_from_slice(b"\nsecond line\n");
    sandbox.var(b"LARGE", &value);
    assert_same_as_reference(&sandbox);
}

#[test]
fn reference_symlink_to_file_is_followed() {
    let sandbox = Sandbox::new();
    let target = sandbox.path("outside-value");
    fs::write(&target, b"through a link\n").expect("write target");
    symlink(&target, sandbox.env_dir().join("LINKED")).expect("symlink");
    assert_same_as_reference(&sandbox);
}

#[test]
fn reference_empty_directory() {
    let sandbox = Sandbox::new();
    assert_same_as_reference(&sandbox);
}

#[test]
fn reference_subdirectory_is_fatal() {
    let sandbox = Sandbox::new();
    sandbox.var(b"FINE", b"x\n");
    fs::create_dir(sandbox.env_dir().join("SUBDIR")).expect("create subdir");
    assert_same_as_reference(&sandbox);
    let output = run(sandbox.ours("with-contenv").arg("true"));
    assert_eq!(output.status.code(), Some(111));
    let expected = format!(
        "with-contenv: fatal: unable to envdir {}: Is a directory\n",
        sandbox.env_dir().display()
    );
    assert_eq!(text(&output.stderr), expected);
}

#[test]
fn reference_hidden_subdirectory_is_ignored() {
    let sandbox = Sandbox::new();
    sandbox.var(b"FINE", b"x\n");
    fs::create_dir(sandbox.env_dir().join(".hidden-dir")).expect("create subdir");
    assert_same_as_reference(&sandbox);
}

#[test]
fn reference_dangling_symlink_is_fatal() {
    let sandbox = Sandbox::new();
    symlink(sandbox.path("nowhere"), sandbox.env_dir().join("DANGLING")).expect("symlink");
    assert_same_as_reference(&sandbox);
}

#[test]
fn reference_fifo_without_writer_reads_empty() {
    let sandbox = Sandbox::new();
    sandbox.var(b"OTHER", b"x\n");
    let status = run(Command::new("mkfifo").arg(sandbox.env_dir().join("FIFO")));
    assert!(
        status.status.success(),
        "mkfifo failed: {}",
        text(&status.stderr)
    );
    assert_same_as_reference(&sandbox);
}

#[test]
fn reference_missing_directory_is_fatal() {
    let sandbox = Sandbox::new();
    fs::remove_dir(sandbox.env_dir()).expect("remove env dir");
    assert_same_as_reference(&sandbox);
    let output = run(sandbox.ours("with-contenv").arg("true"));
    assert_eq!(output.status.code(), Some(111));
    let expected = format!(
        "with-contenv: fatal: unable to envdir {}: No such file or directory\n",
        sandbox.env_dir().display()
    );
    assert_eq!(text(&output.stderr), expected);
    assert!(output.stdout.is_empty());
}

/// The directory is applied in the order it is listed, and the reference
/// merges the same way, so even the unsorted environments agree.
#[test]
fn reference_entry_order_matches() {
    let sandbox = Sandbox::new();
    for name in ["ZETA", "ALPHA", "MID", "BETA"] {
        sandbox.var(name.as_bytes(), b"v\n");
    }
    sandbox.var(b"PATH", format!("{BASE_PATH}\n").as_bytes());
    let ours = run(sandbox.ours("with-contenv").args(["env", "-0"]));
    let reference = run(sandbox.reference().args(["env", "-0"]));
    assert_eq!(text(&ours.stdout), text(&reference.stdout));
}

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

#[test]
fn sigpipe_is_default_in_the_program() {
    let sandbox = Sandbox::new();
    let output =
        run(sandbox
            .ours("with-contenv")
            .args(["sh", "-c", "grep SigIgn /proc/self/status"]));
    assert_eq!(output.status.code(), Some(0));
    let line = text(&output.stdout);
    let mask = u64::from_str_radix(line.trim().trim_start_matches("SigIgn:").trim(), 16)
        .expect("parse SigIgn mask");
    assert_eq!(mask & (1 << (13 - 1)), 0, "SIGPIPE is ignored: {line}");
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

// ---------------------------------------------------------------------------
// printcontenv
// ---------------------------------------------------------------------------

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
