//! `bashio SCRIPT ARGS`: the shebang interpreter. It replaces itself with bash
//! (no process stays in between, so the PID s6 supervises and signals is the
//! script's) and sources the script as bashio does: `$0` is the script, `$@`
//! its arguments. With the builtins library beside the binary, bash starts
//! with one command line (shim::BOOT), which the binary's entry point runs
//! before the C library's start when it can (crates/early-start); this is
//! the same start after it. Otherwise bash loads the function library from
//! memory.

use crate::s6::{envdir, with_contenv};
use crate::{mode, process, shim};
use std::ffi::{CStr, CString, OsStr, OsString};
use std::os::unix::ffi::OsStrExt;

/// The program bash is found as, in `PATH`.
pub const SHELL: &CStr = c"bash";

/// bash's arguments before the script's path and its arguments, with the
/// builtins library.
pub const BUILTINS_ARGS: [&CStr; 3] = [c"-c", shim::BOOT, c"bashio"];

/// The variable that tells bash (and the library's stand-ins for the
/// binary) where the binary is.
pub const BINARY_VARIABLE: &str = "__BASHIO_BIN";

/// What the binary's entry point execs before the C library's start, when
/// it can (crates/early-start): what [`run`] execs with the builtins
/// library, and with-contenv's environment, from the same constants.
pub static EARLY_START: early_start::Plan = early_start::Plan {
    shell: SHELL.to_bytes_with_nul(),
    shell_args: &[
        BUILTINS_ARGS[0].to_bytes_with_nul(),
        BUILTINS_ARGS[1].to_bytes_with_nul(),
        BUILTINS_ARGS[2].to_bytes_with_nul(),
    ],
    applets: &[
        crate::APPLETS[0].as_bytes(),
        crate::APPLETS[1].as_bytes(),
        crate::APPLETS[2].as_bytes(),
        crate::APPLETS[3].as_bytes(),
    ],
    library: mode::LIBRARY.as_bytes(),
    builtins_switch: mode::BUILTINS_SWITCH.as_bytes(),
    binary_variable: BINARY_VARIABLE.as_bytes(),
    contenv: early_start::ContenvPlan {
        name: with_contenv::PROGRAM.as_bytes(),
        keep: with_contenv::KEEP_VARIABLE.as_bytes(),
        directory_variable: envdir::DIR_OVERRIDE_VARIABLE.as_bytes(),
        directories: [
            envdir::PRIMARY_DIR.to_bytes_with_nul(),
            envdir::LEGACY_DIR.to_bytes_with_nul(),
        ],
        default_path: with_contenv::DEFAULT_PATH,
    },
};

/// An anonymous in-memory file holding TEXT, for the bash process to inherit.
fn memory_file(text: &str) -> Result<i32, String> {
    let name = c"bashio.sh";
    // SAFETY: memfd_create takes a valid C string; the fd is ours.
    let fd = unsafe { libc::memfd_create(name.as_ptr(), 0) };
    if fd < 0 {
        return Err(std::io::Error::last_os_error().to_string());
    }
    let mut bytes = text.as_bytes();
    while !bytes.is_empty() {
        // SAFETY: writes from a valid slice to the fd just created.
        let n = unsafe { libc::write(fd, bytes.as_ptr().cast(), bytes.len()) };
        if n <= 0 {
            return Err(std::io::Error::last_os_error().to_string());
        }
        bytes = &bytes[n as usize..];
    }
    Ok(fd)
}

/// Runs SCRIPT with ARGS; returns only when it cannot.
pub fn run(script: &OsStr, args: &[OsString]) -> i32 {
    if let Err(e) = std::fs::File::open(script) {
        eprintln!(
            "bashio: {}: {}",
            script.to_string_lossy(),
            crate::errors::plain(&e)
        );
        return 1;
    }
    let binary = std::env::current_exe().unwrap_or_else(|_| "bashio".into());
    let mut shell_args: Vec<OsString> = Vec::with_capacity(args.len() + 4);
    if mode::builtins_wanted() && mode::library_beside(&binary).is_file() {
        shell_args.extend(BUILTINS_ARGS.map(|arg| OsStr::from_bytes(arg.to_bytes()).to_owned()));
    } else {
        let fd = match memory_file(shim::LIBRARY) {
            Ok(fd) => fd,
            Err(e) => {
                eprintln!("bashio: fatal: unable to prepare the bash library: {e}");
                return 111;
            }
        };
        // Source the library, close its descriptor so the daemon a script
        // execs does not inherit it, then source the script.
        let boot = format!(
            "source /dev/fd/{fd} && exec {fd}<&- && BASH_ARGV0=$1 && shift && source \"$0\" \"$@\""
        );
        shell_args.extend(["-c".into(), boot.into(), "bashio".into()]);
    }
    shell_args.push(script.to_owned());
    shell_args.extend_from_slice(args);
    // Set in this process's own environment, which bash then inherits as
    // it is (a Command given a variable would first copy the whole
    // environment into a map, a third of this process's instructions).
    std::env::set_var(BINARY_VARIABLE, binary);
    let error = exec_shell(&shell_args);
    eprintln!(
        "bashio: fatal: unable to exec bash: {}",
        crate::errors::plain(&error)
    );
    127
}

/// Replaces the process with bash found in `PATH`, as execvp finds it, with
/// SIGPIPE as the process got it (the binary ignores it while it runs).
/// Returns only on failure.
fn exec_shell(args: &[OsString]) -> std::io::Error {
    let Ok(args) = args
        .iter()
        .map(|arg| CString::new(arg.as_bytes()))
        .collect::<Result<Vec<_>, _>>()
    else {
        return std::io::Error::from_raw_os_error(libc::EINVAL);
    };
    let argv: Vec<*const libc::c_char> = std::iter::once(SHELL.as_ptr())
        .chain(args.iter().map(|arg| arg.as_ptr()))
        .chain(std::iter::once(std::ptr::null()))
        .collect();
    process::restore_sigpipe();
    // SAFETY: a NUL-terminated name and a NULL-terminated array of
    // NUL-terminated strings that outlive the call.
    unsafe { libc::execvp(SHELL.as_ptr(), argv.as_ptr()) };
    let error = std::io::Error::last_os_error();
    process::ignore_sigpipe();
    error
}
