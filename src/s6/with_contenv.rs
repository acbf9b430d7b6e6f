//! `with-contenv PROG ARGS...`: run PROG with the container environment.
//!
//! s6-overlay services start their scripts through `with-contenv` (usually in
//! a `#!/usr/bin/with-contenv bashio` shebang) so they see the environment the
//! container was started with, not the supervisor's. This is the same program:
//! unless `S6_KEEP_ENV` asks to keep the current environment, everything but
//! `PATH` is dropped, the container-environment directory is loaded like
//! `s6-envdir -Lf`, and PROG is executed through the new `PATH`.
//!
//! It refuses to fork: PROG replaces this process, so the PID, signals and exit
//! status are PROG's own. It refuses to run PROG with a partially loaded
//! environment: an unreadable directory is fatal (exit 111), as in s6. Failures
//! use s6's exit codes: 100 usage, 111 system, 126 cannot execute, 127 not found.

use std::ffi::{CString, OsStr, OsString};
use std::io::{self, Write};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::Path;

use super::envdir;

/// The name the binary runs with-contenv under.
pub const PROGRAM: &str = "with-contenv";

/// The variable that keeps the current environment.
pub const KEEP_VARIABLE: &str = "S6_KEEP_ENV";

/// The search path s6-overlay's tools fall back to when `PATH` is unset.
pub const DEFAULT_PATH: &[u8] = b"/command:/usr/bin:/bin";

const EXIT_USAGE: i32 = 100;
const EXIT_SYSTEM: i32 = 111;
const EXIT_CANNOT_EXECUTE: i32 = 126;
const EXIT_NOT_FOUND: i32 = 127;

/// Runs one of this binary's own programs in this process, given its whole
/// argv (the binary's entry point): `with-contenv bashio SCRIPT`, the
/// shebang of most add-on scripts, then costs one exec less.
pub type RunHere = fn(Vec<OsString>) -> i32;

/// `with-contenv PROG...`, as s6-overlay's: the binary runs it by its link
/// name (and for `#!/usr/bin/with-contenv` scripts). Returns the exit
/// status when PROG could not be run (or PROG's own, when it ran here).
pub fn main(args: &[OsString], here: Option<RunHere>) -> i32 {
    if args.is_empty() {
        write_stderr(format!("{PROGRAM}: usage: {PROGRAM} prog...\n").as_bytes());
        return EXIT_USAGE;
    }
    let environment = if keeps_current_environment(std::env::var_os(KEEP_VARIABLE).as_deref()) {
        None
    } else {
        let dir = envdir::container_environment_dir();
        match container_environment(&dir) {
            Ok(environment) => Some(environment),
            Err(error) => {
                fatal(PROGRAM, &[b"envdir ", dir.as_os_str().as_bytes()], &error);
                return EXIT_SYSTEM;
            }
        }
    };
    let search_path = match environment.as_deref() {
        Some(environment) => path_of(environment),
        None => std::env::var_os("PATH").map(OsStringExt::into_vec),
    };
    let candidates = candidate_paths(args[0].as_bytes(), search_path.as_deref());
    if let Some(here) = here {
        if let Some(code) = run_here(here, &candidates, args, environment.as_deref()) {
            return code;
        }
    }
    let error = exec(&candidates, args, environment.as_deref());
    fatal(PROGRAM, &[b"exec ", args[0].as_bytes()], &error);
    if error.raw_os_error() == Some(libc::ENOENT) {
        EXIT_NOT_FOUND
    } else {
        EXIT_CANNOT_EXECUTE
    }
}

/// Whether `S6_KEEP_ENV` asks to keep the environment as it is.
///
/// s6-overlay tests `0${S6_KEEP_ENV} -eq 0` with execline's `eltest`, which
/// reads the longest leading run of decimal digits and ignores the rest, so
/// the answer is "keep" exactly when that leading run holds a non-zero digit:
/// `1`, `007`, `1abc` keep; unset, empty, `0`, `abc`, `-1`, ` 1` do not.
pub fn keeps_current_environment(value: Option<&OsStr>) -> bool {
    value
        .map(OsStr::as_bytes)
        .unwrap_or_default()
        .iter()
        .take_while(|byte| byte.is_ascii_digit())
        .any(|&digit| digit != b'0')
}

/// `PATH` alone (if set), with the container-environment directory applied.
fn container_environment(dir: &Path) -> io::Result<Vec<OsString>> {
    let modifications = envdir::read(dir)?;
    let mut environment: Vec<OsString> = std::env::var_os("PATH")
        .map(|path| [OsStr::new("PATH=").as_bytes(), path.as_bytes()].concat())
        .map(OsString::from_vec)
        .into_iter()
        .collect();
    envdir::apply(&mut environment, &modifications);
    Ok(environment)
}

/// When the file `args[0]` would execute (the first of `candidates` that
/// exists) is this very binary, runs it here,
/// with the environment the exec would have given it; None otherwise (and
/// nothing has changed), including when that environment holds an entry a
/// process environment cannot (then the exec shows what happens).
fn run_here(
    here: RunHere,
    candidates: &[CString],
    args: &[OsString],
    environment: Option<&[OsString]>,
) -> Option<i32> {
    // The first file that exists is the one execvep would run.
    let first = candidates
        .iter()
        .find_map(|c| std::fs::metadata(OsStr::from_bytes(c.as_bytes())).ok())?;
    let this = std::fs::metadata("/proc/self/exe").ok()?;
    use std::os::unix::fs::MetadataExt;
    if (first.dev(), first.ino()) != (this.dev(), this.ino()) || first.mode() & 0o111 == 0 {
        return None;
    }
    if let Some(environment) = environment {
        let pairs: Vec<(&OsStr, &OsStr)> = environment
            .iter()
            .map(|entry| {
                let bytes = entry.as_bytes();
                let at = bytes.iter().position(|&b| b == b'=').filter(|&at| at > 0)?;
                let (name, value) = (&bytes[..at], &bytes[at + 1..]);
                (!name.contains(&0) && !value.contains(&0))
                    .then(|| (OsStr::from_bytes(name), OsStr::from_bytes(value)))
            })
            .collect::<Option<_>>()?;
        // All of it, as the exec would give: vars_os skips an entry with no
        // `=`, and unsetting a name such as `=x` fails.
        // SAFETY: the binary has one thread, and nothing holds a pointer
        // into the environment.
        #[allow(unsafe_code)]
        unsafe {
            libc::clearenv()
        };
        for (name, value) in pairs {
            std::env::set_var(name, value);
        }
    }
    Some(here(args.to_vec()))
}

/// Replaces this process with `args[0]`, trying `candidates` in turn; only
/// returns on failure.
///
/// `environment` is the complete new environment, or `None` to pass the
/// current one through untouched.
fn exec(candidates: &[CString], args: &[OsString], environment: Option<&[OsString]>) -> io::Error {
    let Some(argv) = c_strings(args) else {
        return io::Error::from_raw_os_error(libc::EINVAL);
    };
    let envp = match environment.map(c_strings) {
        Some(None) => return io::Error::from_raw_os_error(libc::EINVAL),
        Some(Some(envp)) => Some(envp),
        None => None,
    };
    crate::process::restore_sigpipe();
    let error = try_candidates(candidates, &argv, envp.as_deref());
    crate::process::ignore_sigpipe();
    error
}

/// Tries each candidate in turn, like skalibs' `execvep`.
///
/// "Not found" moves on silently; permission-like failures are remembered but
/// the search continues; anything else stops it. The remembered failure wins
/// over a final "not found", which is what makes 126 vs 127 meaningful.
fn try_candidates(candidates: &[CString], argv: &[CString], envp: Option<&[CString]>) -> io::Error {
    let mut remembered = None;
    let mut last = io::Error::from_raw_os_error(libc::ENOENT);
    for candidate in candidates {
        last = exec_one(candidate, argv, envp);
        match last.raw_os_error() {
            Some(libc::ENOENT) => continue,
            Some(libc::EACCES | libc::EPERM | libc::EISDIR | libc::ENOTDIR) => {
                remembered = last.raw_os_error();
            }
            _ => return last,
        }
    }
    remembered.map_or(last, io::Error::from_raw_os_error)
}

/// The files to try for `program`: itself if it names a path, otherwise one
/// per non-empty `PATH` entry (an empty entry does not mean the current
/// directory here, as in s6).
fn candidate_paths(program: &[u8], search_path: Option<&[u8]>) -> Vec<CString> {
    if program.contains(&b'/') {
        return CString::new(program).into_iter().collect();
    }
    search_path
        .unwrap_or(DEFAULT_PATH)
        .split(|&byte| byte == b':')
        .filter(|dir| !dir.is_empty())
        .filter_map(|dir| CString::new([dir, b"/", program].concat()).ok())
        .collect()
}

/// The value of the first `PATH` entry in `environment`.
fn path_of(environment: &[OsString]) -> Option<Vec<u8>> {
    environment
        .iter()
        .find_map(|entry| entry.as_bytes().strip_prefix(b"PATH="))
        .map(<[u8]>::to_vec)
}

fn exec_one(file: &CString, argv: &[CString], envp: Option<&[CString]>) -> io::Error {
    let argv_pointers = null_terminated(argv);
    match envp {
        Some(envp) => {
            let envp_pointers = null_terminated(envp);
            // SAFETY: every pointer comes from a live CString and both arrays
            // end with a null pointer; execve only returns on failure.
            unsafe {
                libc::execve(
                    file.as_ptr(),
                    argv_pointers.as_ptr(),
                    envp_pointers.as_ptr(),
                )
            };
        }
        // SAFETY: as above; execv passes the process's own environment.
        None => unsafe {
            libc::execv(file.as_ptr(), argv_pointers.as_ptr());
        },
    }
    io::Error::last_os_error()
}

fn c_strings(strings: &[OsString]) -> Option<Vec<CString>> {
    strings
        .iter()
        .map(|s| CString::new(s.as_bytes()).ok())
        .collect()
}

fn null_terminated(strings: &[CString]) -> Vec<*const libc::c_char> {
    strings
        .iter()
        .map(|s| s.as_ptr())
        .chain(std::iter::once(std::ptr::null()))
        .collect()
}

/// Writes `PROGRAM: fatal: unable to ACTION: REASON` to stderr, s6 style.
pub(super) fn fatal(program: &str, action: &[&[u8]], error: &io::Error) {
    let mut line = format!("{program}: fatal: unable to ").into_bytes();
    for part in action {
        line.extend_from_slice(part);
    }
    line.extend_from_slice(b": ");
    line.extend_from_slice(describe(error).as_bytes());
    line.push(b'\n');
    write_stderr(&line);
}

/// The C library's text for an OS error, without Rust's "(os error N)" suffix.
fn describe(error: &io::Error) -> String {
    let Some(code) = error.raw_os_error() else {
        return error.to_string();
    };
    let mut buffer = [0 as libc::c_char; 256];
    // SAFETY: the buffer is writable for its full length, which is passed.
    if unsafe { libc::strerror_r(code, buffer.as_mut_ptr(), buffer.len()) } != 0 {
        return error.to_string();
    }
    // SAFETY: on success strerror_r leaves a NUL-terminated string in `buffer`.
    let text = unsafe { std::ffi::CStr::from_ptr(buffer.as_ptr()) };
    text.to_string_lossy().into_owned()
}

/// Best-effort write: there is nowhere left to report a broken stderr.
pub(super) fn write_stderr(bytes: &[u8]) {
    let _ = io::stderr().write_all(bytes);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keeps(value: Option<&str>) -> bool {
        keeps_current_environment(value.map(OsStr::new))
    }

    #[test]
    fn keep_env_follows_eltest_leading_digits() {
        for value in [
            "1",
            "007",
            "1abc",
            "1 ",
            "2147483648",
            "99999999999999999999",
        ] {
            assert!(keeps(Some(value)), "{value:?} should keep");
        }
        for value in ["", "0", "00", "abc", "-1", "+1", " 1", "0x1", "-0"] {
            assert!(!keeps(Some(value)), "{value:?} should empty");
        }
        assert!(!keeps(None));
    }

    #[test]
    fn empty_path_entries_are_skipped() {
        let candidates = candidate_paths(b"sh", Some(b"::/bin::/usr/bin:"));
        let expected: Vec<CString> = ["/bin/sh", "/usr/bin/sh"]
            .into_iter()
            .filter_map(|s| CString::new(s).ok())
            .collect();
        assert_eq!(candidates, expected);
    }

    #[test]
    fn slash_means_no_search() {
        let candidates = candidate_paths(b"./x", Some(b"/bin"));
        assert_eq!(candidates.len(), 1);
        assert_eq!(candidates[0].as_bytes(), b"./x");
    }

    #[test]
    fn unset_path_uses_default() {
        let candidates = candidate_paths(b"env", None);
        assert_eq!(candidates.len(), 3);
        assert_eq!(candidates[0].as_bytes(), b"/command/env");
    }
}
