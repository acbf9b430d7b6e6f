//! The sandbox every integration test and every conformance case runs in:
//! with-contenv and bashio on PATH, a container environment directory, a
//! cache directory, a mock Supervisor's address, and files run as s6 runs
//! them, under a timeout. The conformance suite, a test binary of its own,
//! compiles this file alone (tests/conformance/util.rs links to it).

use std::fs;
use std::io::Read;
use std::os::unix::fs::{symlink, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub use mock_supervisor::{MockSupervisor, World};

pub const TIMEOUT: Duration = Duration::from_secs(30);

/// The built binary, or the one BASHIO_TEST_BINARY names (.ci/run runs
/// some tests again with the binary built as images ship it).
pub fn binary() -> PathBuf {
    std::env::var_os("BASHIO_TEST_BINARY")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_bashio")))
}

/// What a finished process left.
#[derive(Debug)]
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub status: i32,
}

/// Runs a command to its end, killing it after TIMEOUT. A script file that
/// another test thread still holds open for writing (fork races) is retried.
pub fn run(command: &mut Command) -> Run {
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = loop {
        match command.spawn() {
            Ok(child) => break child,
            Err(e) if e.raw_os_error() == Some(libc_etxtbsy()) => {
                std::thread::sleep(Duration::from_millis(20))
            }
            Err(e) => panic!("cannot start {command:?}: {e}"),
        }
    };
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out_reader = std::thread::spawn(move || {
        let mut buffer = Vec::new();
        let _ = stdout.read_to_end(&mut buffer);
        buffer
    });
    let err_reader = std::thread::spawn(move || {
        let mut buffer = Vec::new();
        let _ = stderr.read_to_end(&mut buffer);
        buffer
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            panic!("{command:?} did not finish within {TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Run {
        stdout: String::from_utf8_lossy(&out_reader.join().unwrap_or_default()).into_owned(),
        stderr: String::from_utf8_lossy(&err_reader.join().unwrap_or_default()).into_owned(),
        status: status.code().unwrap_or(128),
    }
}

fn libc_etxtbsy() -> i32 {
    26
}

/// An add-on's world in a temporary directory.
pub struct Sandbox {
    pub root: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let root = tempfile::tempdir().expect("temp dir");
        let sandbox = Sandbox { root };
        fs::create_dir_all(sandbox.path("bin")).expect("bin");
        fs::create_dir_all(sandbox.path("contenv")).expect("contenv");
        for name in ["bashio", "with-contenv", "printcontenv"] {
            symlink(binary(), sandbox.path("bin").join(name)).expect("link");
        }
        sandbox
            .env(
                "PATH",
                &format!("{}:/usr/bin:/bin", sandbox.path("bin").display()),
            )
            .env("CACHE_DIR", &sandbox.path("cache").display().to_string())
            .env("LOG_TIMESTAMP", "T")
            .env(
                "BASHIO_CONTENV_DIR",
                &sandbox.path("contenv").display().to_string(),
            );
        // The mode scripts run in: builtins unless the suite runs with
        // BASHIO_BUILTINS=0 (README: the suite runs once in each mode).
        if let Ok(mode) = std::env::var("BASHIO_BUILTINS") {
            sandbox.env("BASHIO_BUILTINS", &mode);
        }
        sandbox
    }

    /// A sandbox whose container environment points at a mock Supervisor.
    pub fn with_supervisor(mock: &MockSupervisor) -> Sandbox {
        let sandbox = Sandbox::new();
        sandbox
            .env("SUPERVISOR_API", mock.url())
            .env("SUPERVISOR_TOKEN", mock.token());
        sandbox
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.root.path().join(relative)
    }

    /// Sets a variable in the container environment, as s6 stores it.
    pub fn env(&self, name: &str, value: &str) -> &Sandbox {
        fs::write(self.path("contenv").join(name), value).expect("write contenv");
        self
    }

    /// Writes an executable file.
    pub fn file(&self, relative: &str, text: &str) -> PathBuf {
        let path = self.path(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("parent");
        }
        fs::write(&path, text).expect("write file");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).expect("chmod");
        path
    }

    /// Executes a file as s6 would: its own shebang, the container environment.
    pub fn exec(&self, file: &Path, args: &[&str]) -> Run {
        let mut command = Command::new(file);
        command
            .args(args)
            .env_clear()
            .env("PATH", "/usr/bin:/bin")
            .env("BASHIO_CONTENV_DIR", self.path("contenv"))
            .current_dir(self.root.path());
        run(&mut command)
    }
}
