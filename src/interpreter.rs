//! `bashio SCRIPT ARGS`: the shebang interpreter. It replaces itself with bash
//! (no process stays in between, so the PID s6 supervises and signals is the
//! script's), loads the bash library from memory, and sources the script as
//! bashio does: `$0` is the script, `$@` its arguments.

use crate::shim;
use std::ffi::{OsStr, OsString};
use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::Path;

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

/// The descriptors bash sources first and then closes: the library, and
/// before it, when the builtins library is beside BINARY and wanted, the
/// builtins' block alone, which sources the library only when the builtins
/// do not load (bash reads a sourced file whole: the library's 43 KB cost
/// it a dozen page faults for nothing).
fn library_fds(binary: &Path, script: Option<&[u8]>) -> Result<Vec<i32>, String> {
    let library = memory_file(shim::LIBRARY)?;
    let path = crate::mode::library_beside(binary);
    match path.to_str() {
        Some(text) if crate::mode::builtins_wanted() && path.is_file() => {
            let block = shim::start_block(text, script) + &format!("source /dev/fd/{library}\n");
            Ok(vec![memory_file(&block)?, library])
        }
        _ => Ok(vec![library]),
    }
}

/// The longest script whose text is read for the functions it names; the
/// block defines every function that must be bash for a longer one.
const LONGEST_SCRIPT_READ: u64 = 1 << 20;

pub fn run(script: &OsStr, args: &[OsString]) -> i32 {
    let text = match std::fs::File::open(script) {
        // Only a regular file is read: a pipe (`bashio <(...)`, /dev/stdin)
        // would give bash nothing left to source.
        Ok(file) if file.metadata().is_ok_and(|m| m.is_file()) => {
            let mut text = Vec::new();
            let read = file.take(LONGEST_SCRIPT_READ + 1).read_to_end(&mut text);
            (read.is_ok() && text.len() as u64 <= LONGEST_SCRIPT_READ).then_some(text)
        }
        Ok(_) => None,
        Err(e) => {
            eprintln!(
                "bashio: {}: {}",
                script.to_string_lossy(),
                crate::errors::plain(&e)
            );
            return 1;
        }
    };
    let binary = std::env::current_exe().unwrap_or_else(|_| "bashio".into());
    let fds = match library_fds(&binary, text.as_deref()) {
        Ok(fds) => fds,
        Err(e) => {
            eprintln!("bashio: fatal: unable to prepare the bash library: {e}");
            return 111;
        }
    };
    // Source the library, close its descriptors so the daemon a script execs
    // does not inherit them, then source the script with $0 set to its path.
    let close: Vec<String> = fds.iter().map(|fd| format!("{fd}<&-")).collect();
    let boot = format!(
        "source /dev/fd/{} && exec {} && BASH_ARGV0=$1 && shift && source \"$0\" \"$@\"",
        fds[0],
        close.join(" ")
    );
    // Set in this process's own environment, which bash then inherits as
    // it is: a Command given a variable would first copy the whole
    // environment into a map (a third of this process's instructions).
    std::env::set_var("__BASHIO_BIN", binary);
    let error = std::process::Command::new("bash")
        .arg("-c")
        .arg(boot)
        .arg("bashio")
        .arg(script)
        .args(args)
        .exec();
    eprintln!(
        "bashio: fatal: unable to exec bash: {}",
        crate::errors::plain(&error)
    );
    127
}
