//! Writes the bash library (shims/bashio.sh) from the function table: the
//! fixed header, the functions that must be bash (they change the calling
//! shell), then the builtins: every other name is enabled from libbashio.so
//! and runs inside bash. Where that library cannot be loaded (or
//! `BASHIO_BUILTINS=0`), the rest of the file defines each name as a thin
//! function that runs the binary; a sourced file stops reading before those
//! when the builtins are in, so bash never even parses them.

#![forbid(unsafe_code)]

use crate::builtins;
use crate::defaults;
use crate::functions;
use crate::table::{deprecated, Body};

const HEADER: &str = include_str!("shim_header.sh");

/// The whole library, as `bashio shim` prints it and shims/bashio.sh holds it.
pub fn generate() -> String {
    let mut out = String::with_capacity(96 * 1024);
    out.push_str(
        &HEADER
            .replace(
                "# @deprecation-state (src/table/deprecated.rs)\n",
                &deprecated::shell_state(),
            )
            .replace(
                "# @deprecation-helper (src/table/deprecated.rs)\n",
                &deprecated::shell_helper(),
            )
            .replace(
                "# @defaults (src/defaults.rs)\n",
                &defaults::shell_defaults(),
            )
            .replace("# @levels (src/defaults.rs)\n", &defaults::shell_levels())
            .replace(
                "        # @level-names (src/defaults.rs)\n",
                &defaults::shell_level_names(),
            ),
    );
    out.push_str("\n# Functions that must be bash: they change the calling shell.\n");
    for function in functions::all() {
        if let Body::Shell(body) = function.body {
            out.push_str(&format!("{}() {{\n{}\n}}\n", function.name, body));
        }
    }
    out.push_str(&enable_block());
    out.push_str("\n# Otherwise each function runs the binary.\n");
    for function in functions::all() {
        match function.body {
            Body::Shell(_) => {}
            // The shortest bodies bash can parse: defining ~600 functions is
            // most of a script's start, and each word of a body counts.
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

/// Enables every builtin from the library beside the binary: bash loads the
/// library for its readiness check, which (when the library is the one this
/// file was generated with) adds every name to bash's table at once; a
/// sourced file then returns, leaving the function definitions below unread.
fn enable_block() -> String {
    format!(
        "\n# Builtins: every other function runs inside bash, from the library\n\
         # beside the binary, when bash can load it.\n\
         if [[ \"${{BASHIO_BUILTINS:-1}}\" != 0 && -f \"${{__BASHIO_BIN%/*}}/libbashio.so\" ]] &&\n\
         \x20   enable -f \"${{__BASHIO_BIN%/*}}/libbashio.so\" {ready} 2>/dev/null &&\n\
         \x20   {ready} {fingerprint}; then\n\
         \x20   __BASHIO_MODE=builtins\n\
         \x20   __bashio_call() {{ \"$@\"; }}\n\
         \x20   return 0 2>/dev/null\n\
         fi\n\
         __BASHIO_MODE=functions\n",
        ready = builtins::READY_BUILTIN,
        fingerprint = builtins::fingerprint(),
    )
}

#[cfg(test)]
mod tests {
    /// Every place the header leaves to generated text is filled.
    #[test]
    fn the_header_is_filled_in() {
        let markers = super::HEADER.matches("# @").count();
        assert_eq!(markers, 5);
        assert!(!super::generate().contains("# @"));
    }
}
