//! The state one bashio call runs in: settings taken from the environment the
//! way bashio takes them when it is sourced, where output goes (stdout, or a
//! capture standing in for `$(...)`), where log lines go (LOG_FD), and a model
//! of bash's errexit so nested calls stop where bashio's would.
//!
//! Whether errexit is in force where the call was made comes from the shim
//! (`__BASHIO_ERREXIT`: bash ignores it inside conditions such as `if f` or
//! `f || ...`); it refuses to guess otherwise: a call from anywhere else
//! starts as bashio's functions do at a script's top level, with errexit on.

use std::ffi::OsString;
use std::io::{self, Write};
use std::os::unix::ffi::OsStringExt;

/// How a bashio function ends early: `exit` in bashio terms, or errexit
/// stopping the (sub)shell at a failing command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// `bashio::exit.nok` and friends: the script itself exits with this status.
    Exit(i32),
    /// A failing command under errexit: the current (sub)shell stops with this status.
    Abort(i32),
}

impl Stop {
    pub fn status(self) -> i32 {
        match self {
            Stop::Exit(s) | Stop::Abort(s) => s,
        }
    }
}

/// The status a bashio function returns, or how it stopped.
pub type Ret = Result<i32, Stop>;

pub const OK: Ret = Ok(0);
pub const NOK: Ret = Ok(1);

/// Converts a condition into bashio's return status.
pub fn status(ok: bool) -> Ret {
    Ok(if ok { 0 } else { 1 })
}

/// The arguments of a call, as bytes: bash strings may hold any byte but NUL.
#[derive(Debug, Clone, Default)]
pub struct Args(pub Vec<Vec<u8>>);

impl Args {
    pub fn from_os(args: Vec<OsString>) -> Args {
        Args(args.into_iter().map(OsStringExt::into_vec).collect())
    }

    pub fn of(items: &[&str]) -> Args {
        Args(items.iter().map(|s| s.as_bytes().to_vec()).collect())
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `$N` (0-based here), empty when missing.
    pub fn bytes(&self, i: usize) -> &[u8] {
        self.0.get(i).map(Vec::as_slice).unwrap_or_default()
    }

    /// `$N` as text (invalid UTF-8 replaced).
    pub fn str(&self, i: usize) -> String {
        String::from_utf8_lossy(self.bytes(i)).into_owned()
    }

    /// `${N:-default}`: the argument, or `default` when it is missing or empty.
    pub fn or(&self, i: usize, default: &str) -> String {
        let value = self.str(i);
        if value.is_empty() {
            default.to_string()
        } else {
            value
        }
    }

    /// `$*` from argument `from` on, joined by spaces.
    pub fn joined(&self, from: usize) -> Vec<u8> {
        let parts: Vec<&[u8]> = self.0.iter().skip(from).map(Vec::as_slice).collect();
        parts.join(&b' ')
    }

    /// The arguments from `from` on.
    pub fn rest(&self, from: usize) -> &[Vec<u8>] {
        self.0.get(from..).unwrap_or_default()
    }
}

/// Settings bashio reads once when sourced (`__BASHIO_*`, from `SUPERVISOR_API`,
/// `LOG_LEVEL`, ...). The shim passes its current `__BASHIO_*` values to every
/// call; a direct call from another shell falls back to the public variables.
#[derive(Debug, Clone)]
pub struct Settings {
    pub log_level: i32,
    pub log_format: Vec<u8>,
    pub log_timestamp: Vec<u8>,
    pub supervisor_api: String,
    pub supervisor_token: String,
    pub cache_dir: String,
    pub hibp_endpoint: String,
}

fn setting_bytes(internal: &str, public: &str, default: &str) -> Vec<u8> {
    let pick = crate::env::var_bytes;
    match pick(internal) {
        Some(value) => value,
        None => match pick(public) {
            Some(value) if !value.is_empty() => value,
            _ => default.as_bytes().to_vec(),
        },
    }
}

impl Settings {
    pub fn from_env() -> Settings {
        use crate::defaults::{
            Setting, CACHE_DIR, HIBP_ENDPOINT, LOG_FORMAT, LOG_LEVEL, LOG_TIMESTAMP,
            SUPERVISOR_API, SUPERVISOR_TOKEN,
        };
        // `__BASHIO_NAME` from the shim, else `NAME`, else the default.
        let read = |setting: &Setting| {
            setting_bytes(setting.library_variable, setting.name, setting.default)
        };
        let text = |setting: &Setting| String::from_utf8_lossy(&read(setting)).into_owned();
        Settings {
            log_level: crate::defaults::parse_level(&read(&LOG_LEVEL)),
            log_format: read(&LOG_FORMAT),
            log_timestamp: read(&LOG_TIMESTAMP),
            supervisor_api: text(&SUPERVISOR_API),
            supervisor_token: text(&SUPERVISOR_TOKEN),
            cache_dir: text(&CACHE_DIR),
            hibp_endpoint: text(&HIBP_ENDPOINT),
        }
    }
}

/// Where log lines go: the file descriptor in LOG_FD when it is open (the
/// script's original stdout, saved by the shim), else stdout as bashio does.
#[derive(Debug, Clone, Copy)]
enum LogSink {
    Fd(i32),
    Stdout,
}

fn log_sink_from_env() -> LogSink {
    let fd = crate::env::var("LOG_FD").and_then(|v| {
        if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
            v.parse::<i32>().ok()
        } else {
            None
        }
    });
    match fd {
        // SAFETY: F_GETFD only queries the descriptor's flags.
        Some(fd) if unsafe { libc::fcntl(fd, libc::F_GETFD) } != -1 => LogSink::Fd(fd),
        _ => LogSink::Stdout,
    }
}

/// The secret values this call knows: those the redaction of debug and
/// trace lines found in its lines, and, once trace lines are written, those
/// of the add-on's options (`bashio::log_redact` fills it).
#[derive(Debug, Default)]
pub struct Known {
    /// The values, each long enough to be told apart from ordinary text.
    pub values: Vec<Vec<u8>>,
    /// Whether the add-on's options have been read for their secrets.
    pub options_read: bool,
}

pub struct Ctx {
    pub settings: Settings,
    /// Whether a failing command stops the current (sub)shell, as `set -e` does.
    pub errexit: bool,
    captures: Vec<Vec<u8>>,
    stdout: io::BufWriter<io::Stdout>,
    log_sink: LogSink,
    /// Whether stderr is discarded where the call stands (`f 2>/dev/null`).
    pub stderr_discarded: bool,
    /// Secret values met so far, hidden in later debug and trace lines.
    pub secrets: Known,
    /// Asks where the call was made whether errexit is really in force there,
    /// the first time a failing command would stop the call. Set when the
    /// caller could not tell beforehand (a builtin cannot see whether bash
    /// runs it inside a condition); None once `errexit` is known.
    pub errexit_probe: Option<fn() -> bool>,
}

impl Ctx {
    pub fn from_env() -> Ctx {
        Ctx {
            settings: Settings::from_env(),
            errexit: crate::env::var_os("__BASHIO_ERREXIT").is_none_or(|v| v != "0"),
            captures: Vec::new(),
            stdout: io::BufWriter::with_capacity(64 * 1024, io::stdout()),
            log_sink: log_sink_from_env(),
            stderr_discarded: false,
            secrets: Default::default(),
            errexit_probe: None,
        }
    }

    /// Writes to the current standard output (a capture, or the real stdout).
    pub fn print(&mut self, bytes: &[u8]) {
        match self.captures.last_mut() {
            Some(buffer) => buffer.extend_from_slice(bytes),
            // A closed stdout is the reader's choice, not an error of ours.
            None => {
                let _ = self.stdout.write_all(bytes);
            }
        }
    }

    /// `echo "$value"`.
    pub fn echo(&mut self, bytes: &[u8]) {
        self.print(bytes);
        self.print(b"\n");
    }

    /// Writes one finished log line to LOG_FD, after what stdout holds so far.
    pub fn write_log(&mut self, line: &[u8]) {
        self.flush();
        match self.log_sink {
            LogSink::Fd(fd) => write_fd(fd, line),
            // Called without the shim, LOG_FD is the stdout the call started
            // with, as bashio sets it up when sourced: never a capture.
            LogSink::Stdout => {
                let _ = self.stdout.write_all(line);
                self.flush();
            }
        }
    }

    pub fn flush(&mut self) {
        let _ = self.stdout.flush();
    }

    /// `$(f)`: runs `f` with its output captured, as a subshell: an exit or
    /// an errexit stop ends only the capture. Trailing newlines are removed.
    pub fn capture(&mut self, f: impl FnOnce(&mut Ctx) -> Ret) -> (Vec<u8>, i32) {
        self.captures.push(Vec::new());
        let result = f(self);
        let mut out = self.captures.pop().unwrap_or_default();
        while out.last() == Some(&b'\n') {
            out.pop();
        }
        let code = match result {
            Ok(code) => code,
            Err(stop) => stop.status(),
        };
        (out, code)
    }

    /// `$(f)` as text.
    pub fn capture_str(&mut self, f: impl FnOnce(&mut Ctx) -> Ret) -> (String, i32) {
        let (out, code) = self.capture(f);
        (String::from_utf8_lossy(&out).into_owned(), code)
    }

    /// `var=$(f)` as a statement: under errexit a failing status stops here.
    pub fn assign(&mut self, f: impl FnOnce(&mut Ctx) -> Ret) -> Result<String, Stop> {
        let (out, code) = self.capture_str(f);
        self.check(code)?;
        Ok(out)
    }

    /// A command run as a statement: under errexit a failing status stops here.
    pub fn check(&mut self, code: i32) -> Result<i32, Stop> {
        if code != 0 && self.errexit {
            if let Some(probe) = self.errexit_probe.take() {
                self.errexit = probe();
            }
        }
        if code != 0 && self.errexit {
            Err(Stop::Abort(code))
        } else {
            Ok(code)
        }
    }

    /// Runs `f` as a condition (`if f`, `f || ...`): errexit does not apply
    /// inside it, but an explicit exit still ends the script.
    pub fn cond(&mut self, f: impl FnOnce(&mut Ctx) -> Ret) -> Result<bool, Stop> {
        let saved = self.errexit;
        self.errexit = false;
        let result = f(self);
        self.errexit = saved;
        match result {
            Ok(code) => Ok(code == 0),
            Err(Stop::Abort(_)) => Ok(false),
            Err(exit) => Err(exit),
        }
    }

    /// Runs `f` as a statement whose output is discarded (`f >/dev/null`).
    pub fn quiet(&mut self, f: impl FnOnce(&mut Ctx) -> Ret) -> Ret {
        self.captures.push(Vec::new());
        let result = f(self);
        self.captures.pop();
        result
    }

    /// Runs `f` with stderr discarded (`f 2>/dev/null`): what the call
    /// itself would print there (curl's lines) is left out.
    pub fn without_stderr(&mut self, f: impl FnOnce(&mut Ctx) -> Ret) -> Ret {
        let saved = self.stderr_discarded;
        self.stderr_discarded = true;
        // Everything else written to stderr meanwhile (jq's messages) goes
        // to /dev/null too; the descriptor is put back before returning.
        let null = std::fs::OpenOptions::new().write(true).open("/dev/null");
        // SAFETY: dup and dup2 only duplicate descriptors; the saved copy
        // of stderr is put back and closed below.
        let kept = match &null {
            Ok(null) => unsafe {
                let kept = libc::dup(2);
                if kept >= 0 && libc::dup2(std::os::fd::AsRawFd::as_raw_fd(null), 2) < 0 {
                    libc::close(kept);
                    -1
                } else {
                    kept
                }
            },
            Err(_) => -1,
        };
        let result = f(self);
        if kept >= 0 {
            // SAFETY: as above.
            unsafe {
                libc::dup2(kept, 2);
                libc::close(kept);
            }
        }
        self.stderr_discarded = saved;
        result
    }
}

fn write_fd(fd: i32, mut bytes: &[u8]) {
    while !bytes.is_empty() {
        // SAFETY: writes from a valid slice to a descriptor we only borrow.
        let n = unsafe { libc::write(fd, bytes.as_ptr().cast(), bytes.len()) };
        if n < 0 {
            if io::Error::last_os_error().kind() == io::ErrorKind::Interrupted {
                continue;
            }
            return;
        }
        bytes = &bytes[n as usize..];
    }
}
