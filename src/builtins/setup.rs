//! The bash library's constants, settings and arrays (src/shim_settings.sh
//! and the two arrays of shim.rs), set by the builtins library as it loads:
//! binding ~45 variables and two arrays directly costs a small part of what
//! bash spends parsing and running the same ~90 lines at every script start
//! (the log levels' array alone is ~0.3M instructions of bash's). What
//! depends on more than this code decides exactly (a non-ASCII LOG_LEVEL,
//! whose case and letters are the locale's; a setting held in an array; a
//! constant already read-only; a name the library would make that the shell
//! already has; no stdout to copy; the library sourced inside a function,
//! where the settings are its locals) is left to bash: the library hands it
//! the function library's own text, which the shim runs
//! (`PENDING_SETTINGS`). Nothing is set before that choice is made.

use super::bash::{self, Shell, ATT_EXPORTED, ATT_READONLY};
use crate::defaults;
use crate::table::deprecated;
use std::ffi::{c_int, CStr, CString};

/// The variable through which bash gets the settings' code to run itself.
pub const PENDING_SETTINGS: &str = "__bashio_settings";

/// The value of `__BASHIO_MODE` with the builtins in.
pub const MODE: &str = "builtins";

/// One variable to bind.
struct Binding {
    name: CString,
    value: CString,
    attributes: c_int,
}

/// One associative array to make.
struct Array {
    name: CString,
    entries: Vec<(CString, CString)>,
    attributes: c_int,
}

/// Sets the constants, settings and arrays, or leaves them to bash.
pub fn settle() {
    match plan() {
        Some((bindings, arrays)) => {
            for binding in &bindings {
                bash::set_variable(&binding.name, &binding.value, binding.attributes);
            }
            for array in &arrays {
                let entries: Vec<(&CStr, &CStr)> = array
                    .entries
                    .iter()
                    .map(|(key, value)| (key.as_c_str(), value.as_c_str()))
                    .collect();
                bash::make_assoc(&array.name, &entries, array.attributes);
            }
        }
        None => leave_to_bash(),
    }
}

/// The library's arrays as bash text, in both modes.
pub fn shell_arrays() -> String {
    format!(
        "{}{}",
        defaults::shell_level_table(),
        deprecated::shell_state()
    )
}

/// What `settle` does, as the text bash runs when it is left to bash.
fn shell_code() -> String {
    format!(
        "{}{}__BASHIO_MODE={MODE}\n",
        defaults::shell_settings(),
        shell_arrays()
    )
}

fn leave_to_bash() {
    let (Ok(name), Ok(code)) = (CString::new(PENDING_SETTINGS), CString::new(shell_code())) else {
        return;
    };
    bash::set_variable(&name, &code, 0);
}

fn binding(name: &str, value: Vec<u8>, attributes: c_int) -> Option<Binding> {
    let name = CString::new(name).ok()?;
    // A read-only variable makes bash's own assignment fail: bash says so.
    if let Shell::Scalar(_, true) | Shell::Other = bash::shell_variable(&name) {
        return None;
    }
    Some(Binding {
        name,
        value: CString::new(value).ok()?,
        attributes,
    })
}

/// `${NAME:-default}`, or None when bash should read it.
fn value_or(name: &str, default: &str) -> Option<Vec<u8>> {
    match bash::shell_variable(&CString::new(name).ok()?) {
        Shell::Scalar(value, _) if !value.is_empty() => Some(value),
        Shell::Scalar(..) | Shell::Unset => Some(default.as_bytes().to_vec()),
        Shell::Other => None,
    }
}

/// An array the shell has no variable of the name of yet.
fn array(name: &str, entries: Vec<(String, &str)>, attributes: c_int) -> Option<Array> {
    let name = CString::new(name).ok()?;
    if bash::exists(&name) {
        return None;
    }
    let entries = entries
        .into_iter()
        .map(|(key, value)| Some((CString::new(key).ok()?, CString::new(value).ok()?)))
        .collect::<Option<Vec<_>>>()?;
    Some(Array {
        name,
        entries,
        attributes,
    })
}

/// Every variable to bind and array to make, in the function library's
/// order; None when any of them needs bash.
fn plan() -> Option<(Vec<Binding>, Vec<Array>)> {
    // Sourced inside a function, `declare` makes the settings local to it.
    if bash::in_function() {
        return None;
    }
    let mut out = Vec::with_capacity(64);
    for (name, value) in defaults::constants() {
        out.push(binding(&name, value.into_bytes(), ATT_READONLY)?);
    }
    for setting in defaults::SETTINGS {
        let mut value = value_or(setting.name, setting.default)?;
        if setting.name == defaults::LOG_LEVEL.name {
            let text = String::from_utf8(value).ok()?;
            value = defaults::settle_level(&text)?.into_bytes();
        }
        out.push(binding(setting.library_variable, value, 0)?);
    }
    out.push(binding("__BASHIO_TRY_EXIT_STATUS", b"0".to_vec(), 0)?);
    if !bash::can_make_assoc() {
        return None;
    }
    let levels = defaults::LEVELS
        .iter()
        .map(|(name, level)| (level.to_string(), *name))
        .collect();
    let arrays = vec![
        array(defaults::LEVEL_NAMES_ARRAY, levels, ATT_READONLY)?,
        array(deprecated::WARNED_SET, Vec::new(), 0)?,
    ];
    out.push(binding("__BASHIO_MODE", MODE.as_bytes().to_vec(), 0)?);
    // LOG_FD last: its copy of stdout is made only when all else is settled.
    out.push(binding("LOG_FD", log_fd()?, ATT_EXPORTED)?);
    Some((out, arrays))
}

/// LOG_FD as the shell sets it: kept when it names an open descriptor,
/// otherwise a copy of stdout at 10 or above (`exec {LOG_FD}>&1`).
fn log_fd() -> Option<Vec<u8>> {
    let open = |fd: c_int| {
        // SAFETY: F_GETFD only asks whether the descriptor is open.
        unsafe { libc::fcntl(fd, libc::F_GETFD) != -1 }
    };
    let value = match bash::shell_variable(c"LOG_FD") {
        Shell::Scalar(_, true) | Shell::Other => return None,
        Shell::Scalar(value, false) => value,
        Shell::Unset => Vec::new(),
    };
    {
        let digits = !value.is_empty() && value.iter().all(u8::is_ascii_digit);
        let fd = std::str::from_utf8(&value)
            .ok()
            .and_then(|v| v.parse::<c_int>().ok());
        if digits && fd.is_some_and(open) {
            return Some(value);
        }
    }
    if !open(1) {
        return None;
    }
    // SAFETY: duplicates stdout, as bash's `{var}>&1` does, not close-on-exec.
    let fd = unsafe { libc::fcntl(1, libc::F_DUPFD, 10) };
    (fd >= 0).then(|| fd.to_string().into_bytes())
}
