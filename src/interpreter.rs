//! `bashio SCRIPT ARGS`: the shebang interpreter. It replaces itself with bash
//! (no process stays in between, so the PID s6 supervises and signals is the
//! script's), loads the bash library from memory, and sources the script as
//! bashio does: `$0` is the script, `$@` its arguments.

use crate::shim;
use std::ffi::{OsStr, OsString};
use std::os::unix::process::CommandExt;
use std::path::Path;

/// The library in an anonymous in-memory file the bash process inherits,
/// after the builtins' block alone when the builtins library is beside
/// BINARY and wanted: bash then stops reading before the rest.
fn library_fd(binary: &Path) -> Result<i32, String> {
    let name = c"bashio.sh";
    // SAFETY: memfd_create takes a valid C string; the fd is ours.
    let fd = unsafe { libc::memfd_create(name.as_ptr(), 0) };
    if fd < 0 {
        return Err(std::io::Error::last_os_error().to_string());
    }
    let library = crate::mode::library_beside(binary);
    let start = match library.to_str() {
        Some(path) if crate::mode::builtins_wanted() && library.is_file() => {
            shim::start_block(path)
        }
        _ => String::new(),
    };
    for mut bytes in [start.as_bytes(), shim::LIBRARY.as_bytes()] {
        while !bytes.is_empty() {
            // SAFETY: writes from a valid slice to the fd just created.
            let n = unsafe { libc::write(fd, bytes.as_ptr().cast(), bytes.len()) };
            if n <= 0 {
                return Err(std::io::Error::last_os_error().to_string());
            }
            bytes = &bytes[n as usize..];
        }
    }
    Ok(fd)
}

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
    let fd = match library_fd(&binary) {
        Ok(fd) => fd,
        Err(e) => {
            eprintln!("bashio: fatal: unable to prepare the bash library: {e}");
            return 111;
        }
    };
    // Source the library, close its descriptor so the daemon a script execs
    // does not inherit it, then source the script with $0 set to its path.
    let boot = format!(
        "source /dev/fd/{fd} && exec {fd}<&- && BASH_ARGV0=$1 && shift && source \"$0\" \"$@\""
    );
    let error = std::process::Command::new("bash")
        .arg("-c")
        .arg(boot)
        .arg("bashio")
        .arg(script)
        .args(args)
        .env("__BASHIO_BIN", binary)
        .exec();
    eprintln!(
        "bashio: fatal: unable to exec bash: {}",
        crate::errors::plain(&error)
    );
    127
}
