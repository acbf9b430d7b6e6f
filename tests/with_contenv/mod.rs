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

mod exec;
mod printcontenv;
mod reference;

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
        for name in ["with-contenv", "printcontenv", "bashio"] {
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

    /// A bashio script that prints its environment (`env -0`), started
    /// through with-contenv.
    fn env_script(&self) -> PathBuf {
        let script = self.path("env.sh");
        let shebang = format!(
            "#!{} {}\n",
            self.path("with-contenv").display(),
            self.path("bashio").display()
        );
        make_executable(&script, &format!("{shebang}env -0\n"));
        script
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
    assert_script_sees_the_reference(sandbox, &reference.stdout, reference.status.code());
}

/// A bashio script started through with-contenv, whose start reads the
/// directory before the C library's (crates/early-start), sees the same
/// environment, but for what bash and the bash library add.
fn assert_script_sees_the_reference(sandbox: &Sandbox, reference: &[u8], status: Option<i32>) {
    let seen = run(&mut sandbox.ours_script(&sandbox.env_script()));
    // Where the reference fails, so does the script, if not always alike:
    // a value too long for exec fails exec of bash rather than of env.
    if status != Some(0) {
        assert_ne!(seen.status.code(), Some(0), "{}", text(&seen.stdout));
        return;
    }
    assert_eq!(seen.status.code(), status, "{}", text(&seen.stderr));
    assert_eq!(
        script_environment(&seen.stdout),
        environment(reference),
        "a script's environment differs"
    );
}

/// The environment a bashio script printed with `env -0`, less what bash
/// and the bash library add to it.
fn script_environment(stdout: &[u8]) -> BTreeMap<Vec<u8>, Vec<u8>> {
    let mut seen = environment(stdout);
    for added in ["PWD", "SHLVL", "_", "LOG_FD", "__BASHIO_BIN"] {
        seen.remove(added.as_bytes());
    }
    seen
}

fn make_executable(path: &Path, contents: &str) {
    fs::write(path, contents).expect("write script");
    fs::set_permissions(path, fs::Permissions::from_mode(0o755)).expect("chmod script");
}
