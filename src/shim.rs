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
const OPTIONS: &str = "set -o errexit -o errtrace -o nounset -o pipefail\n\
                       shopt -s inherit_errexit 2>/dev/null || true\n";

/// What comes before and after the functions that must be bash.
const MUST_BE_BASH: &str = "\n# Functions that must be bash: they change the calling shell.\n";
const AFTER_MUST_BE_BASH: &str = "\n# Builtins: every other function";

/// The bash library (`shims/bashio.sh`), generated from the function table.
pub fn generate() -> String {
    let mut out = String::with_capacity(96 * 1024);
    out.push_str(&HEADER.replace("# @options (src/shim.rs)\n", OPTIONS));
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
        fingerprint = builtins::fingerprint(),
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

/// What the interpreter hands bash before the library when LIBRARY_PATH
/// (the builtins library beside the binary) is there and wanted: the
/// builtins' block alone, with the library's path written in and the shell
/// options inside it, so that bash parses and runs none of the rest (a third
/// of a start's work in bash). Of the functions that must be bash, it
/// defines those SCRIPT names (as the committed library defines them):
/// defining one is parsing and copying its body, the most of what is left of
/// a start's work in bash, and the library stands in for the others with a
/// builtin that defines them at their first call (src/builtins/stand_in.rs).
/// When the library does not load, bash goes on past the block, where the
/// interpreter has it source the whole library, which tries again and falls
/// back, as a sourced library does.
pub fn start_block(library_path: &str, script: Option<&[u8]>) -> String {
    let named = script.map(bashio_words);
    // A script that names no function at all needs none defined, nor the
    // library's text searched for them.
    let functions: String = match &named {
        Some(words) if words.is_empty() => String::new(),
        _ => must_be_bash()
            .filter(|(name, _)| {
                named
                    .as_ref()
                    .is_none_or(|words| words.contains(&name.as_bytes()))
            })
            .map(|(_, definition)| definition)
            .collect(),
    };
    format!(
        "if enable -f '{path}' {ready} 2>/dev/null && {ready} {fingerprint}; then\n\
         {OPTIONS}{functions}{loaded}fi\n",
        path = library_path.replace('\'', "'\\''"),
        ready = builtins::READY_BUILTIN,
        fingerprint = builtins::fingerprint(),
        loaded = loaded(),
    )
}

/// Every word of SCRIPT that starts with `bashio::`, whole (`bashio::try`
/// is not `bashio::try.failed`).
fn bashio_words(script: &[u8]) -> Vec<&[u8]> {
    const PREFIX: &[u8] = b"bashio::";
    let part_of_a_name = |b: &u8| b.is_ascii_alphanumeric() || b"_.:-@".contains(b);
    let mut words = Vec::new();
    let mut rest = script;
    while let Some(at) = rest.windows(PREFIX.len()).position(|w| w == PREFIX) {
        let word = &rest[at..];
        let end = word
            .iter()
            .position(|b| !part_of_a_name(b))
            .unwrap_or(word.len());
        words.push(&word[..end]);
        rest = &word[end..];
    }
    words
}

/// The functions that must be bash, as the committed library defines them:
/// each name and its definition.
fn must_be_bash() -> impl Iterator<Item = (&'static str, &'static str)> {
    let start = LIBRARY
        .find(MUST_BE_BASH)
        .map_or(0, |at| at + MUST_BE_BASH.len());
    let end = LIBRARY[start..]
        .find(AFTER_MUST_BE_BASH)
        .map_or(start, |at| start + at + 1);
    LIBRARY[start..end]
        .split_inclusive("\n}\n")
        .filter_map(|definition| Some((definition.split_once("() {\n")?.0, definition)))
}

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
    fn the_start_block_defines_the_functions_that_must_be_bash_a_script_names() {
        let shell: Vec<_> = crate::functions::all()
            .filter(|f| matches!(f.body, crate::table::Body::Shell(_)))
            .collect();
        assert!(!shell.is_empty());
        let defines = |block: &str, name: &str| block.contains(&format!("\n{name}() {{\n"));
        let block = super::start_block("/usr/lib/bashio/it's.so", None);
        assert!(block.starts_with(
            "if enable -f '/usr/lib/bashio/it'\\''s.so' __bashio_builtins_ready 2>/dev/null"
        ));
        assert!(block.ends_with("    return 0 2>/dev/null\nfi\n"));
        for function in &shell {
            assert!(defines(&block, function.name), "{}", function.name);
        }
        let script = b"if bashio::try.failed; then x=\"$(bashio::var.defined X)\"; fi";
        let block = super::start_block("/lib.so", Some(script));
        for function in &shell {
            let named = matches!(function.name, "bashio::try.failed" | "bashio::var.defined");
            assert_eq!(defines(&block, function.name), named, "{}", function.name);
        }
        assert!(block.ends_with("    return 0 2>/dev/null\nfi\n"));
    }

    #[test]
    fn the_header_is_filled_in() {
        assert_eq!(super::HEADER.matches("# @").count(), 1);
        assert_eq!(super::FUNCTIONS.matches("# @").count(), 1);
        assert!(!super::generate().contains("# @"));
    }
}
