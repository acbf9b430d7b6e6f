//! Writes the bash library (shims/bashio.sh) from the function table: the
//! fixed header, then one thin function per row. Shell rows carry their own
//! bash; deprecated `bashio::addon.*` names warn once, then call the new one.

use crate::bashio::apps;
use crate::table::{self, Body};

const HEADER: &str = include_str!("shim_header.sh");

/// The whole library, as `bashio shim` prints it and shims/bashio.sh holds it.
pub fn generate() -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str(HEADER);
    out.push_str("\n# Functions, one per row of the binary's table.\n");
    for function in table::all() {
        match function.body {
            Body::Shell(body) => {
                out.push_str(&format!("{}() {{\n{}\n}}\n", function.name, body));
            }
            // The shortest bodies bash can parse: defining ~600 functions is
            // most of a script's start, and each word of a body counts.
            _ if table::ignores_errexit(function) => out.push_str(&format!(
                "{}() {{ __bashio_fn_noprobe \"$@\"; }}\n",
                function.name
            )),
            _ => out.push_str(&format!("{}() {{ __bashio_fn \"$@\"; }}\n", function.name)),
        }
    }
    out.push_str("\n# Deprecated add-on names: each warns once, then calls its app function.\n");
    for function in table::all() {
        if let Some(old) = apps::deprecated_name(function.name) {
            out.push_str(&alias(&old, function.name));
        }
    }
    out
}

fn alias(old: &str, new: &str) -> String {
    format!("{old}() {{ __bashio_deprecated {new} \"$@\"; }}\n")
}
