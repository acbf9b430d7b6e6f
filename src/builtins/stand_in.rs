//! Stand-ins for the functions that must be bash. A script's start defines
//! only those its text names (define_named): defining one is parsing and
//! copying its body, the most of what is left of a start's work in bash.
//! Another may still be called, by a name made at run time or from a file
//! the script sources. bash looks a name up as a function before it looks
//! for a builtin, so each of them is also a builtin here: at its first call
//! it defines the functions that are not defined yet, as the library does,
//! and runs the function for this call; bash finds the function from then on.
//!
//! It runs the function through a helper function whose body calls it to
//! the left of `||` and returns its status. Inside, errexit and the ERR trap
//! are ignored, as in any condition; the status comes back to the command
//! that called the builtin, and bash applies errexit there as the caller's
//! context says. A function stopped by errexit at its last command (the only
//! place these can be) thus ends the script at the call instead, with the
//! same status and the ERR trap once, `$BASH_COMMAND` being the call. An
//! `exit` in the function leaves the shell as it would.

use super::bash::{self, Builtin, BuiltinFn, WordList, ENABLED};
use crate::table::{Body, Function};
use std::ffi::{c_int, CStr, CString, OsStr};
use std::io::Read;
use std::sync::OnceLock;

/// The helper a stand-in runs the function through.
const RUNNER: &CStr = c"__bashio_stand_in";
const RUNNER_DEFINITION: &str = "__bashio_stand_in() {\n    \"$@\" || return \"$?\"\n}\n";

/// The stand-ins' entry points: one per function that must be bash, in
/// table order (a test holds their number within these).
const ENTRY_POINTS: [BuiltinFn; 16] = [
    stand_in::<0>,
    stand_in::<1>,
    stand_in::<2>,
    stand_in::<3>,
    stand_in::<4>,
    stand_in::<5>,
    stand_in::<6>,
    stand_in::<7>,
    stand_in::<8>,
    stand_in::<9>,
    stand_in::<10>,
    stand_in::<11>,
    stand_in::<12>,
    stand_in::<13>,
    stand_in::<14>,
    stand_in::<15>,
];

/// The functions that must be bash, and their names for bash.
fn shell_functions() -> &'static [(CString, &'static Function)] {
    static FUNCTIONS: OnceLock<Vec<(CString, &'static Function)>> = OnceLock::new();
    FUNCTIONS.get_or_init(|| {
        crate::functions::all()
            .filter(|f| matches!(f.body, Body::Shell(_)))
            .filter_map(|f| Some((CString::new(f.name).ok()?, f)))
            .collect()
    })
}

/// The names that have a stand-in.
pub fn names() -> Vec<&'static str> {
    shell_functions().iter().map(|(_, f)| f.name).collect()
}

/// Each stand-in's entry for bash's table: its name (with the NUL, as the
/// table is ordered) and the builtin, with DOC for `help`.
pub fn entries(doc: *const *const std::ffi::c_char) -> Vec<(&'static [u8], Builtin)> {
    shell_functions()
        .iter()
        .zip(ENTRY_POINTS)
        .map(|((name, _), function)| {
            let builtin = Builtin {
                name: name.as_ptr(),
                function: Some(function),
                flags: ENABLED,
                long_doc: doc,
                short_doc: name.as_ptr(),
                handle: std::ptr::null(),
            };
            (name.as_bytes_with_nul(), builtin)
        })
        .collect()
}

/// The longest script whose text is read for the functions it names; for a
/// longer one, or one that is not a regular file (a pipe would be left with
/// nothing for bash to source), every function is defined.
const LONGEST_SCRIPT_READ: u64 = 1 << 20;

/// Defines the functions that must be bash which SCRIPT's text names, as
/// the start of that script does before running it.
pub fn define_named(script: &OsStr) {
    // Not opened unless it is a regular file: an open of a pipe waits for
    // its writer, and what it read would be lost to bash.
    let regular = std::fs::metadata(script).is_ok_and(|m| m.is_file());
    let text = regular
        .then(|| std::fs::File::open(script).ok())
        .flatten()
        .and_then(|file| {
            file.metadata().ok().filter(|m| m.is_file())?;
            let mut text = Vec::new();
            file.take(LONGEST_SCRIPT_READ + 1)
                .read_to_end(&mut text)
                .ok()?;
            (text.len() as u64 <= LONGEST_SCRIPT_READ).then_some(text)
        });
    let named = text.as_deref().map(bashio_words);
    let definitions: String = shell_functions()
        .iter()
        .map(|(_, function)| function)
        .filter(|function| {
            named
                .as_ref()
                .is_none_or(|words| words.contains(&function.name.as_bytes()))
        })
        .filter_map(|function| function.shell_definition())
        .collect();
    // One refused is left to its stand-in, which says so at its call.
    if !definitions.is_empty() {
        bash::evaluate(&definitions);
    }
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

/// The entry point of stand-in number `N`.
extern "C" fn stand_in<const N: usize>(list: *const WordList) -> c_int {
    let Some(name) = define_missing(N) else {
        return 127;
    };
    // Nothing of ours is alive here: the function may `exit` the shell.
    bash::call_function(RUNNER, name, list)
}

/// Defines the functions that must be bash which are not defined yet (and
/// the helper), and returns the name of stand-in `index`.
fn define_missing(index: usize) -> Option<&'static CStr> {
    let functions = shell_functions();
    let (name, _) = functions.get(index)?;
    let mut missing: String = functions
        .iter()
        .filter(|(name, _)| !bash::function_defined(name))
        .filter_map(|(_, function)| function.shell_definition())
        .collect();
    if !bash::function_defined(RUNNER) {
        missing.push_str(RUNNER_DEFINITION);
    }
    // Without its function (a definition bash refused), the call would come
    // back here through the helper, again and again.
    if (!missing.is_empty() && !bash::evaluate(&missing)) || !bash::function_defined(name) {
        eprintln!("bashio: cannot define {}", name.to_string_lossy());
        return None;
    }
    Some(name.as_c_str())
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_function_that_must_be_bash_has_a_stand_in() {
        assert!(super::shell_functions().len() <= super::ENTRY_POINTS.len());
    }

    #[test]
    fn a_script_names_functions_by_whole_words() {
        let script = b"if bashio::try.failed; then x=\"$(bashio::var.defined X)\"; fi; bashio::try";
        assert_eq!(
            super::bashio_words(script),
            [
                &b"bashio::try.failed"[..],
                b"bashio::var.defined",
                b"bashio::try"
            ]
        );
        assert!(super::bashio_words(b"echo bashio:: config").len() == 1);
    }
}
