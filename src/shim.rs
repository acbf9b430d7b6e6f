//! Writes the bash library (shims/bashio.sh) from the function table: the
//! fixed header, the functions that must be bash (they change the calling
//! shell), then the builtins: every other name is enabled from libbashio_builtins.so
//! and runs inside bash. Where that library cannot be loaded (or
//! `BASHIO_BUILTINS=0`), the rest of the file defines each name as a thin
//! function that runs the binary; a sourced file stops reading before those
//! when the builtins are in, so bash never even parses them.

#![forbid(unsafe_code)]

use crate::builtins;
use crate::defaults;
use crate::functions;
use crate::table::{deprecated, Body};

/// What both modes need first: the shell's options and the binary's path.
const HEADER: &str = include_str!("shim_header.sh");
/// The function library's helpers, after the builtins check: with the
/// builtins loaded, bash stops reading before them.
const FUNCTIONS: &str = include_str!("shim_functions.sh");

/// The bash library as committed (`shims/bashio.sh`), which a test holds
/// equal to [`generate`]: a script's start hands it to bash as it is, with
/// no walk of the table (which costs as much as bash's own start).
pub const LIBRARY: &str = include_str!("../shims/bashio.sh");

/// The shell options every script runs with, in both modes.
const SET_OPTIONS: &str = "set -o errexit -o errtrace -o nounset -o pipefail";
const SHOPT_OPTIONS: &str = "shopt -s inherit_errexit 2>/dev/null || true";

/// What comes before and after the functions that must be bash.
const MUST_BE_BASH: &str = "\n# Functions that must be bash: they change the calling shell.\n";
const AFTER_MUST_BE_BASH: &str = "\n# Builtins: every other function";

/// The bash library (`shims/bashio.sh`), generated from the function table.
pub fn generate() -> String {
    let mut out = String::with_capacity(96 * 1024);
    out.push_str(&HEADER.replace(
        "# @options (src/shim.rs)\n",
        &format!("{SET_OPTIONS}\n{SHOPT_OPTIONS}\n"),
    ));
    out.push_str(MUST_BE_BASH);
    for definition in functions::all().filter_map(|f| f.shell_definition()) {
        out.push_str(&definition);
    }
    out.push_str(&enable_block());
    out.push_str("\n# Otherwise each function runs the binary.\n");
    out.push_str(&defaults::shell_settings());
    out.push_str(&builtins::shell_arrays());
    out.push('\n');
    out.push_str(&FUNCTIONS.replace(
        "# @deprecation-helper (src/table/deprecated.rs)\n",
        &deprecated::shell_helper(),
    ));
    out.push('\n');
    for function in functions::all() {
        match function.body {
            Body::Shell(_) => {}
            // Functions whose result cannot depend on errexit skip the
            // errexit probe (and its fork) on every call.
            _ if functions::ignores_errexit(function) => out.push_str(&format!(
                "{}() {{ __bashio_fn_noprobe \"$@\"; }}\n",
                function.name
            )),
            _ => out.push_str(&format!("{}() {{ __bashio_fn \"$@\"; }}\n", function.name)),
        }
    }
    out.push_str("\n# Deprecated add-on names: each warns once, then calls its app function.\n");
    for (old, function) in functions::deprecated_names() {
        out.push_str(&deprecated::shell_alias(&old, function.name));
    }
    out
}

/// The block that loads the builtins: `enable -f` of the readiness builtin,
/// which checks the library and this bash and then enables every name and
/// sets the constants, settings and arrays (or leaves their code to bash).
/// When it fails, bash goes on reading the function library.
fn enable_block() -> String {
    format!(
        "{AFTER_MUST_BE_BASH} runs inside bash, from the library\n\
         # beside the binary, when bash can load it. It sets the constants,\n\
         # settings and arrays itself, or leaves their code to bash in {pending}.\n\
         if [[ \"${{BASHIO_BUILTINS:-1}}\" != 0 && -f \"${{__BASHIO_BIN%/*}}/{library}\" ]] &&\n\
         \x20   enable -f \"${{__BASHIO_BIN%/*}}/{library}\" {ready} 2>/dev/null &&\n\
         \x20   {ready} {fingerprint}; then\n\
         {loaded}\
         fi\n\
         __BASHIO_MODE=functions\n",
        library = crate::mode::LIBRARY,
        ready = builtins::READY_BUILTIN,
        fingerprint = builtins::FINGERPRINT,
        pending = builtins::PENDING_SETTINGS,
        loaded = loaded(),
    )
}

/// The rest of the builtins' block, once they are in: the settings the
/// library left to bash, the helper the functions that must be bash call,
/// and the end of the file for bash.
fn loaded() -> String {
    format!(
        "\x20   if [[ -n \"${{{pending}:-}}\" ]]; then\n\
         \x20       eval \"${{{pending}}}\"\n\
         \x20       unset {pending}\n\
         \x20   fi\n\
         \x20   __bashio_call() {{ \"$@\"; }}\n\
         \x20   return 0 2>/dev/null\n",
        pending = builtins::PENDING_SETTINGS,
    )
}

/// Joins PARTS as the program is compiled, with a NUL after them: LENGTH
/// is their length and the NUL.
const fn joined<const LENGTH: usize>(parts: &[&str]) -> [u8; LENGTH] {
    let mut out = [0u8; LENGTH];
    let (mut at, mut part) = (0, 0);
    while part < parts.len() {
        let bytes = parts[part].as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            out[at] = bytes[i];
            (at, i) = (at + 1, i + 1);
        }
        part += 1;
    }
    assert!(at + 1 == LENGTH, "LENGTH is the parts' length and the NUL");
    out
}

const fn joined_length(parts: &[&str]) -> usize {
    let (mut length, mut part) = (1, 0);
    while part < parts.len() {
        length += parts[part].len();
        part += 1;
    }
    length
}

/// bash's command for a script's start when the builtins library is beside
/// the binary and wanted (src/interpreter.rs, and before the C library's
/// start, crates/early-start), run as `bash -c BOOT bashio SCRIPT ARGS...`
/// with `__BASHIO_BIN` set: it loads the library, which also defines the
/// functions that must be bash which the script names, sets the shell's
/// options and what the library left to bash, and sources the script with
/// `$0` its path. When bash refuses the library, it runs the function
/// library, which the binary prints (`bashio shim`), in the same shell: no
/// second bash, so `BASH_ENV` is read once and the environment is the
/// script's own. One line, as the script's caller's line number is 1. A
/// constant: the start before the C library cannot format one.
pub const BOOT: &std::ffi::CStr = match std::ffi::CStr::from_bytes_with_nul(&BOOT_TEXT) {
    Ok(boot) => boot,
    Err(_) => panic!("BOOT holds no NUL"),
};

const BOOT_PARTS: &[&str] = &[
    "if enable -f \"${__BASHIO_BIN%/*}/",
    crate::mode::LIBRARY,
    "\" ",
    builtins::READY_BUILTIN,
    " 2>/dev/null && ",
    builtins::READY_BUILTIN,
    " ",
    builtins::FINGERPRINT,
    " \"$1\"; then ",
    SET_OPTIONS,
    "; ",
    SHOPT_OPTIONS,
    "; if [[ -n \"${",
    builtins::PENDING_SETTINGS,
    ":-}\" ]]; then eval \"${",
    builtins::PENDING_SETTINGS,
    "}\"; unset ",
    builtins::PENDING_SETTINGS,
    "; fi; __bashio_call() { \"$@\"; }; ",
    "else __bashio_library=$(\"$__BASHIO_BIN\" shim) || { echo \"bashio: fatal: unable to read the bash library from $__BASHIO_BIN\" >&2; exit 111; }; ",
    "eval \"$__bashio_library\"; unset __bashio_library; fi; ",
    "BASH_ARGV0=$1 && shift && source \"$0\" \"$@\"",
];

const BOOT_TEXT: [u8; joined_length(BOOT_PARTS)] = joined(BOOT_PARTS);

#[cfg(test)]
mod tests {
    /// Every place the header leaves to generated text is filled.
    #[test]
    fn the_committed_library_is_the_generated_one() {
        assert!(
            super::LIBRARY.trim_end() == super::generate().trim_end(),
            "shims/bashio.sh is stale: run `cargo run -q -- shim > shims/bashio.sh`"
        );
    }

    #[test]
    fn the_start_sources_the_script_on_its_first_line() {
        let boot = super::BOOT.to_str().expect("text");
        assert!(!boot.contains('\n'));
        assert!(boot.starts_with(
            "if enable -f \"${__BASHIO_BIN%/*}/libbashio_builtins.so\" __bashio_builtins_ready 2>/dev/null && __bashio_builtins_ready "
        ));
        assert!(boot.contains(&format!(
            " {} \"$1\"; then set -o errexit",
            crate::builtins::FINGERPRINT
        )));
        assert!(boot.ends_with("; fi; BASH_ARGV0=$1 && shift && source \"$0\" \"$@\""));
    }

    #[test]
    fn the_header_is_filled_in() {
        assert_eq!(super::HEADER.matches("# @").count(), 1);
        assert_eq!(super::FUNCTIONS.matches("# @").count(), 1);
        assert!(!super::generate().contains("# @"));
    }
}
