//! The calls a builtin hands to the binary. The library is linked without
//! the three rare paths whose dependencies are most of the code's size
//! (crate::link_rare_paths: TLS, JSONPath keys, an add-on's config read
//! without a Supervisor), so a call that may take one of them runs the
//! binary instead, as the function library runs it (`__bashio_exec` in
//! shim_functions.sh): the arguments in its environment (through a socket
//! on its stdin when one is long), the settings beside them, whether errexit
//! applies where the call was made, and status 240 + N for "the function
//! exits the script with N". It is decided before the call does anything,
//! so nothing is logged or sent twice.

use super::{bash, probe};
use crate::call::{Outcome, EXIT_SCRIPT_BASE};
use crate::ctx::{Args, Ctx};
use crate::table::Function;
use std::ffi::CString;

/// Longest argument passed in the environment, as the function library
/// passes them (a single string there is limited to 128 KB).
const LONGEST_IN_ENVIRONMENT: usize = 30000;

/// Whether this call may need what only the binary links.
pub fn needed(ctx: &Ctx, function: &Function, args: &Args) -> bool {
    let https = |url: &str| {
        url.get(..6)
            .is_some_and(|scheme| scheme.eq_ignore_ascii_case("https:"))
    };
    let name = function.name;
    // Any call may reach the Supervisor; Have I Been Pwned only these.
    https(&ctx.settings.supervisor_api)
        || ((name.starts_with("bashio::pwned") || name.ends_with("safe_password"))
            && https(&ctx.settings.hibp_endpoint))
        // Without a Supervisor, the add-on's config is read by many calls.
        || crate::bashio::local::reads_addon_config(ctx)
        // The functions that take config keys, given a `$` key.
        || ((name.starts_with("bashio::config") || name.starts_with("bashio::services"))
            && args.0.iter().any(|arg| arg.first() == Some(&b'$')))
}

/// Runs the binary for this call and waits for it.
pub fn run(ctx: &Ctx, function: &Function, args: &Args) -> Outcome {
    let name = function.name;
    let Some(binary) = crate::env::var_bytes("__BASHIO_BIN").filter(|b| !b.is_empty()) else {
        eprintln!("bashio: {name}: this call needs the bashio binary, and __BASHIO_BIN is not set");
        return Outcome::Status(1);
    };
    let errexit = ctx.errexit && probe::errexit_applies();
    if probe::in_probe() {
        // The probe's copy only hands a failure back to bash.
        return Outcome::Status(probe::mark_status());
    }
    let long = args.0.iter().any(|arg| arg.len() > LONGEST_IN_ENVIRONMENT);
    // The settings, as the function library passes them to every call.
    let settings = crate::defaults::SETTINGS
        .iter()
        .map(|setting| setting.library_variable);
    let mut environment: Vec<Vec<u8>> = crate::env::vars()
        .into_iter()
        .filter(|(key, _)| !key.starts_with(b"__BASHIO_ARG") && key != b"__BASHIO_ERREXIT")
        .filter(|(key, _)| !settings.clone().any(|s| s.as_bytes() == key.as_slice()))
        .map(|(key, value)| assignment(&key, &value))
        .collect();
    for setting in settings {
        if let Some(value) = crate::env::var_bytes(setting) {
            environment.push(assignment(setting.as_bytes(), &value));
        }
    }
    environment.push(assignment(
        b"__BASHIO_ERREXIT",
        if errexit { b"1" } else { b"0" },
    ));
    if long {
        environment.push(b"__BASHIO_ARGC=stdin".to_vec());
    } else {
        let count = args.len().to_string();
        environment.push(assignment(b"__BASHIO_ARGC", count.as_bytes()));
        for (i, arg) in args.0.iter().enumerate() {
            environment.push(assignment(format!("__BASHIO_ARG{}", i + 1).as_bytes(), arg));
        }
    }
    let stdin = long.then(|| {
        args.0.iter().fold(Vec::new(), |mut all, arg| {
            all.extend_from_slice(arg);
            all.push(0);
            all
        })
    });
    let short_name = name.strip_prefix("bashio::").unwrap_or(name);
    let (Some(binary), Some(short_name), Some(environment)) = (
        c_string(binary),
        c_string(short_name.as_bytes().to_vec()),
        environment
            .into_iter()
            .map(c_string)
            .collect::<Option<Vec<_>>>(),
    ) else {
        eprintln!("bashio: {name}: an argument or variable holds a NUL byte");
        return Outcome::Status(1);
    };
    match spawn_and_wait(&binary, &short_name, &environment, stdin.as_deref()) {
        Ok(status) if (EXIT_SCRIPT_BASE..EXIT_SCRIPT_BASE + 10).contains(&status) => {
            Outcome::Exit(status - EXIT_SCRIPT_BASE)
        }
        Ok(status) => Outcome::Status(status),
        Err(error) => {
            eprintln!(
                "bashio: {name}: cannot run {}: {}",
                binary.to_string_lossy(),
                crate::errors::plain(&error)
            );
            Outcome::Status(1)
        }
    }
}

fn assignment(key: &[u8], value: &[u8]) -> Vec<u8> {
    [key, b"=", value].concat()
}

fn c_string(bytes: Vec<u8>) -> Option<CString> {
    CString::new(bytes).ok()
}

/// Forks and runs `binary NAME` with ENVIRONMENT, STDIN (if any) written to
/// a socket on its standard input, and returns its status as bash gives it.
/// SIGCHLD is held until the child is collected, so that bash's handler does
/// not collect it first.
fn spawn_and_wait(
    binary: &CString,
    name: &CString,
    environment: &[CString],
    stdin: Option<&[u8]>,
) -> std::io::Result<i32> {
    let argv = [binary.as_ptr(), name.as_ptr(), std::ptr::null()];
    let mut envp: Vec<*const libc::c_char> = environment.iter().map(|e| e.as_ptr()).collect();
    envp.push(std::ptr::null());
    let mut sockets = [-1; 2];
    if stdin.is_some() {
        // SAFETY: fills two descriptors of a new connected pair.
        let made = unsafe {
            libc::socketpair(
                libc::AF_UNIX,
                libc::SOCK_STREAM | libc::SOCK_CLOEXEC,
                0,
                sockets.as_mut_ptr(),
            )
        };
        if made != 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    let [ours, theirs] = sockets;
    let held = bash::ChildSignalHeld::new();
    // SAFETY: the child only calls async-signal-safe functions (dup2,
    // sigprocmask, execve, _exit) on memory prepared before the fork.
    unsafe {
        let pid = libc::fork();
        if pid == 0 {
            if theirs >= 0 {
                libc::dup2(theirs, 0);
            }
            held.release();
            libc::execve(binary.as_ptr(), argv.as_ptr(), envp.as_ptr());
            libc::_exit(127);
        }
        let failure = (pid < 0).then(std::io::Error::last_os_error);
        if theirs >= 0 {
            libc::close(theirs);
        }
        if let (Some(bytes), true) = (stdin, pid > 0) {
            send_all(ours, bytes);
        }
        if ours >= 0 {
            libc::close(ours);
        }
        let mut status = 0;
        let waited = pid > 0
            && loop {
                if libc::waitpid(pid, &mut status, 0) >= 0 {
                    break true;
                }
                if std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
                    break false;
                }
            };
        drop(held);
        if let Some(error) = failure {
            return Err(error);
        }
        if !waited {
            return Err(std::io::Error::last_os_error());
        }
        Ok(if libc::WIFSIGNALED(status) {
            128 + libc::WTERMSIG(status)
        } else {
            libc::WEXITSTATUS(status)
        })
    }
}

/// Writes BYTES to a socket, stopping if the reader went away (no SIGPIPE).
fn send_all(fd: i32, mut bytes: &[u8]) {
    while !bytes.is_empty() {
        // SAFETY: sends from a live slice on our own socket.
        let sent =
            unsafe { libc::send(fd, bytes.as_ptr().cast(), bytes.len(), libc::MSG_NOSIGNAL) };
        if sent < 0 {
            if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return;
        }
        bytes = &bytes[usize::try_from(sent).unwrap_or(bytes.len())..];
    }
}
