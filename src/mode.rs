//! Which way a script's bashio calls would run, for `bashio --version`: as
//! builtins inside bash (the library beside the binary loads), or as
//! functions that run the binary, and why. It asks bash itself, exactly as
//! the bash library does when a script starts.

#![forbid(unsafe_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The library's file name, beside the binary.
pub const LIBRARY: &str = "libbashio_builtins.so";

/// The variable that switches the builtins off when it is 0.
pub const BUILTINS_SWITCH: &str = "BASHIO_BUILTINS";

/// The library a script started by this binary would load.
pub fn library_path() -> PathBuf {
    library_beside(&std::env::current_exe().unwrap_or_else(|_| PathBuf::from("bashio")))
}

/// The library a script started by BINARY would load: the one beside it.
pub fn library_beside(binary: &Path) -> PathBuf {
    binary
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join(LIBRARY)
}

/// Whether the builtins are wanted: `BASHIO_BUILTINS` other than 0, as the
/// bash library reads it (`${BASHIO_BUILTINS:-1} != 0`).
pub fn builtins_wanted() -> bool {
    std::env::var_os(BUILTINS_SWITCH).is_none_or(|v| v != "0")
}

/// "builtins (PATH)" or "functions (REASON)".
pub fn describe() -> String {
    if !builtins_wanted() {
        return "functions (BASHIO_BUILTINS=0)".to_string();
    }
    let library = library_path();
    if !library.is_file() {
        return format!("functions (no {})", library.display());
    }
    let probe = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "enable -f \"$1\" {ready} && {ready} \"$2\"",
            ready = crate::builtins::READY_BUILTIN
        ))
        .arg("bashio")
        .arg(&library)
        .arg(crate::builtins::FINGERPRINT)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output();
    match probe {
        Ok(out) if out.status.success() => format!("builtins ({})", library.display()),
        Ok(out) => {
            let reason = String::from_utf8_lossy(&out.stderr);
            let reason = reason.lines().next().unwrap_or("").trim();
            if reason.is_empty() {
                format!(
                    "functions (bash cannot use {}: it is from another build, or bash exports too little)",
                    library.display()
                )
            } else {
                format!("functions ({reason})")
            }
        }
        Err(e) => format!("functions (cannot run bash: {})", crate::errors::plain(&e)),
    }
}
