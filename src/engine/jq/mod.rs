//! Running a jq filter the way `jq --raw-output -c -M [--arg/--argjson ...] FILTER`
//! (jq 1.8) does, in-process, on top of jaq.
//!
//! bashio's contract with add-on scripts is jq: its functions hand user filters
//! such as `'logins|length'` or `.[] | select(.x)` to jq and print what jq prints.
//! This module reproduces jq's observable behaviour for that call: the input
//! stream grammar and its parse errors, number literals preserved as written
//! (`1.0` stays `1.0`, `1.5e3` prints as `1.5E+3`), computed numbers printed
//! the way jq prints doubles, raw string output, error messages and the exit
//! status rules (the last input decides; compile errors 3; runtime and input
//! parse errors 5; bad options 2).
//!
//! jaq parses and evaluates the filter, over this module's own value type
//! whose operations follow jq (indexing, `|=`/`=` creating missing paths,
//! arithmetic in doubles, decimal comparison of number literals). jaq's
//! standard library differs from jq's, so a prelude of jq definitions and
//! natives stands in for it, and only the definitions a filter references are
//! compiled: compiling a whole standard library costs more than running a
//! typical bashio filter. Where jaq parses operators with other precedences
//! than jq (`a = b // c`), the filter text is regrouped before parsing.
//!
//! What it refuses to do: values never go into filter text (`--arg` and
//! `--argjson` values are bound as `$variables`); no modules
//! (`import`/`include`) and no `--slurp`/`--null-input`/`--stream` modes.
//! Known differences from jq 1.8, all on the fringe: regular expressions run
//! on jaq's engine instead of Oniguruma; the number literals `.1` and `1.` and
//! the `?//` destructuring operator do not parse; `isnormal` accepts
//! subnormals; some error messages are worded differently (stderr only, or
//! the text caught by `try ... catch .`).
//!
//! The parts follow jaq-json's seams: numbers (`num`), the value type
//! (`value`) and its arithmetic (`ops`), the JSON reader (`read`) and writer
//! (`write`), the Rust builtins (`natives`), the jq-defined ones
//! (`prelude.jq`), getting a filter ready for jaq (`prepare`) and running it
//! (`eval`); jq 1.8's compile errors come from `lex`, `syntax` and `error`.
//! This file is the API the rest of the crate calls.

use self::eval::run_named;
use self::read::parse_json_text;
use std::path::Path;

pub mod error;
mod eval;
pub mod lex;
mod natives;
pub(crate) mod num;
mod ops;
mod prepare;
mod read;
pub mod syntax;
#[cfg(test)]
mod tests;
mod units;
mod value;
pub(crate) mod write;

/// What `jq --raw-output -c -M <vars> FILTER` prints for an input, and its exit status.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JqOutput {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub status: i32,
}

/// A named variable given to jq on its command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JqVar {
    /// `--arg NAME VALUE`: `$NAME` is the string VALUE.
    Arg(String, String),
    /// `--argjson NAME JSONTEXT`: `$NAME` is the JSON value JSONTEXT.
    ArgJson(String, String),
    /// `-e`/`--exit-status`: the status tells whether the last output was
    /// neither null nor false (0), was (1), or never came (4).
    ExitStatus,
}

const EXIT_SYSTEM: i32 = 2;
const EXIT_COMPILE: i32 = 3;
const EXIT_UNKNOWN: i32 = 5;
/// jq refuses to parse inputs nested deeper than this.
pub(super) const MAX_DEPTH: usize = 10000;
const USAGE_HINT: &str = "Use jq --help for help with command-line options,\n\
                          or see the jq manpage, or online docs at https://jqlang.org\n";

fn failure(stderr: String, status: i32) -> JqOutput {
    JqOutput {
        stdout: Vec::new(),
        stderr: stderr.into_bytes(),
        status,
    }
}

fn usage_error(msg: &str) -> JqOutput {
    failure(format!("jq: {msg}\n{USAGE_HINT}"), EXIT_SYSTEM)
}

/// Read bashio's jq command line the way jq reads
/// `jq --raw-output -c -M ARGS... FILTER`: options are taken from ARGS and
/// FILTER alike (an option missing its parameters takes the filter as one),
/// the first other word is the program, and without one jq runs `.`.
/// Returns the variables and the program to run.
pub fn parse_invocation<S: AsRef<str>>(
    args: &[S],
    filter: &str,
) -> Result<(Vec<JqVar>, String), JqOutput> {
    let argv: Vec<&str> = args.iter().map(AsRef::as_ref).chain([filter]).collect();
    let mut vars = Vec::new();
    let mut program: Option<&str> = None;
    let mut options_done = false;
    let mut i = 0;
    while i < argv.len() {
        let a = argv[i];
        i += 1;
        if options_done || !a.starts_with('-') || a.len() < 2 {
            program.get_or_insert(a);
            continue;
        }
        let b = a.as_bytes();
        if a == "--" {
            options_done = true;
        } else if a == "--arg" || a == "--argjson" {
            let (Some(name), Some(value)) = (argv.get(i), argv.get(i + 1)) else {
                let example = if a == "--arg" {
                    "--arg varname value"
                } else {
                    "--argjson varname text"
                };
                return Err(usage_error(&format!(
                    "{a} takes two parameters (e.g. {example})"
                )));
            };
            i += 2;
            if a == "--arg" {
                vars.push(JqVar::Arg(name.to_string(), value.to_string()));
            } else if parse_json_text(value.as_bytes()).is_err() {
                return Err(usage_error("invalid JSON text passed to --argjson"));
            } else {
                vars.push(JqVar::ArgJson(name.to_string(), value.to_string()));
            }
        } else if a == "--exit-status" {
            vars.push(JqVar::ExitStatus);
        } else if is_ignored_option(a) {
        } else if b[1] != b'-'
            && a[1..]
                .bytes()
                .all(|c| matches!(c, b'r' | b'c' | b'M' | b'e'))
        {
            vars.push(JqVar::ExitStatus);
        } else if b[1] == b'-' {
            return Err(usage_error(&format!("Unknown option {a}")));
        } else if b[1].is_ascii_alphabetic() {
            let bad = a[1..]
                .chars()
                .find(|c| !matches!(c, 'r' | 'c' | 'M'))
                .unwrap_or('?');
            return Err(usage_error(&format!("Unknown option -{bad}")));
        } else {
            program.get_or_insert(a);
        }
    }
    Ok((vars, program.unwrap_or(".").to_string()))
}

fn is_ignored_option(a: &str) -> bool {
    matches!(
        a,
        "--raw-output" | "--compact-output" | "--monochrome-output"
    ) || (a.len() > 1
        && a.starts_with('-')
        && a[1..].bytes().all(|c| matches!(c, b'r' | b'c' | b'M')))
}

/// Same as [`run`], reading the input from a file (as `jq ... FILTER FILE`).
pub fn run_file(path: &Path, filter: &str, vars: &[JqVar]) -> JqOutput {
    match std::fs::read(path) {
        Ok(data) => run_named(&data, filter, vars, &path.to_string_lossy()),
        Err(e) => {
            // jq compiles the filter before it opens its inputs.
            let mut out = run(b"", filter, vars);
            if out.status == 0 {
                let msg = std::io::Error::from(e.kind()).to_string();
                let msg = msg.split(" (os error").next().unwrap_or_default();
                out.stderr.extend_from_slice(
                    format!("jq: error: Could not open {}: {msg}\n", path.display()).as_bytes(),
                );
                out.status = EXIT_SYSTEM;
            }
            out
        }
    }
}

/// What `jq --raw-output -c -M <vars> FILTER` prints for INPUT, and its exit status.
pub fn run(input: &[u8], filter: &str, vars: &[JqVar]) -> JqOutput {
    run_named(input, filter, vars, "<stdin>")
}
