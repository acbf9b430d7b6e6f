//! Where a call's environment comes from. Run as a process, that is the
//! process environment. Run as a bash builtin, the process environment is
//! whatever bash started with, so the variables come from the shell instead:
//! the library installs a source that asks bash. Every read of a variable in
//! the function modules goes through here, so both modes see the same values.

#![forbid(unsafe_code)]

use std::ffi::OsString;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::sync::OnceLock;

/// Variables as name and value bytes.
pub type Vars = Vec<(Vec<u8>, Vec<u8>)>;

/// Reads variables from somewhere other than the process environment.
pub struct Source {
    /// One variable's value, as a function called from the shell would see
    /// it in a child process: exported variables (and the shell's own
    /// `__BASHIO_*` settings, which the library passes to every call).
    pub var: fn(&str) -> Option<Vec<u8>>,
    /// Every exported variable, as a child process would get them.
    pub vars: fn() -> Vars,
}

static SOURCE: OnceLock<Source> = OnceLock::new();

/// Installs the shell as the source of variables (once, when bash loads the builtins).
pub fn set_source(source: Source) {
    let _ = SOURCE.set(source);
}

/// A variable's value as bytes.
pub fn var_bytes(name: &str) -> Option<Vec<u8>> {
    match SOURCE.get() {
        Some(source) => (source.var)(name),
        None => std::env::var_os(name).map(OsStringExt::into_vec),
    }
}

/// A variable's value, or None when it is unset or not UTF-8.
pub fn var(name: &str) -> Option<String> {
    var_bytes(name).and_then(|v| String::from_utf8(v).ok())
}

/// A variable's value as an OS string.
pub fn var_os(name: &str) -> Option<OsString> {
    var_bytes(name).map(OsString::from_vec)
}

/// Every variable a child process would get.
pub fn vars() -> Vars {
    match SOURCE.get() {
        Some(source) => (source.vars)(),
        None => std::env::vars_os()
            .map(|(k, v)| (k.as_bytes().to_vec(), v.into_vec()))
            .collect(),
    }
}
