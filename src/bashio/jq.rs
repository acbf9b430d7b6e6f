//! bashio's jq.sh: `bashio::jq DATA [FILTER] [--arg NAME VALUE ...]` and the
//! tests built on it, run in-process by the engine instead of a jq binary.
//! DATA is JSON text, or the path of a JSON file when such a file exists.

#![forbid(unsafe_code)]

use super::{log, var};
use crate::ctx::{status, Args, Ctx, Ret};
pub use crate::engine::call::evaluate;
use crate::engine::call::{evaluate_filter, here_string, Filter};
use crate::engine::jq::{self as engine, JqOutput};
use crate::engine::path;
use crate::table::row::{Body::*, Function};
use std::io::Write;
use std::os::unix::ffi::OsStrExt;

pub const FUNCTIONS: &[Function] = &[
    Function::new("bashio::jq", Native(jq_fn), "DATA [FILTER=.] [--arg NAME VALUE|--argjson NAME JSON]...: run a jq filter on JSON text or a JSON file"),
    Function::new("bashio::jq.exists", Native(exists_fn), "DATA [FILTER=.]: succeed when the filter gives something other than null"),
    Function::new("bashio::jq.has_value", Native(has_value_fn), "DATA [FILTER=.]: succeed when the filter gives a non-empty value"),
    Function::new("bashio::jq.is", Native(is_fn), "DATA [FILTER=.] TYPE: succeed when the filter gives a value of TYPE"),
    Function::new("bashio::jq.is_boolean", Native(is_boolean), "DATA [FILTER=.]: succeed when the filter gives a boolean"),
    Function::new("bashio::jq.is_string", Native(is_string), "DATA [FILTER=.]: succeed when the filter gives a string"),
    Function::new("bashio::jq.is_object", Native(is_object), "DATA [FILTER=.]: succeed when the filter gives an object"),
    Function::new("bashio::jq.is_number", Native(is_number), "DATA [FILTER=.]: succeed when the filter gives a number"),
    Function::new("bashio::jq.is_array", Native(is_array), "DATA [FILTER=.]: succeed when the filter gives an array"),
];

/// Writes what jq wrote and returns its status.
fn emit(ctx: &mut Ctx, output: JqOutput) -> Ret {
    ctx.print(&output.stdout);
    if !output.stderr.is_empty() {
        ctx.flush();
        let _ = std::io::stderr().write_all(&output.stderr);
    }
    Ok(output.status)
}

/// bashio's config query for KEY over DATA (laid out with `indent`, as the
/// trace line shows it), natively when the key is a plain path.
pub fn config_query(ctx: &mut Ctx, data: &[u8], key: &str, indent: usize) -> Ret {
    // The query's text is only shown (in a trace line) or run by jq when the
    // key is not plain: a plain key's value is found without it.
    let query = || path::config_query(key, indent);
    if log::tracing(ctx) {
        log::trace(
            ctx,
            "bashio::jq",
            &Args(vec![data.to_vec(), query().into_bytes()]),
        );
    }
    let file = std::path::Path::new(std::ffi::OsStr::from_bytes(data));
    if data.is_empty() || !file.is_file() {
        if let Some(output) = path::run_config_query(&here_string(data), key) {
            return emit(ctx, output);
        }
    }
    emit(ctx, evaluate(data, &query(), &[]))
}

/// `bashio::jq ANSWER 'if .data == {} then empty else .data end'`: a
/// Supervisor answer's data, computed natively when the answer is plain JSON.
pub fn data(ctx: &mut Ctx, answer: &[u8]) -> Ret {
    let filter = Filter::Data;
    log::trace(
        ctx,
        "bashio::jq",
        &Args(vec![answer.to_vec(), filter.text().as_bytes().to_vec()]),
    );
    emit(ctx, evaluate_filter(answer, filter, &[]))
}

/// `bashio::jq DATA FILTER [jq options]`: prints the results, returns jq's status.
pub fn query(ctx: &mut Ctx, data: &[u8], filter: &str, extra: &[Vec<u8>]) -> Ret {
    let mut traced = vec![data.to_vec(), filter.as_bytes().to_vec()];
    traced.extend_from_slice(extra);
    run(ctx, &Args(traced), data, filter, extra)
}

/// `bashio::jq` whose trace line shows `traced`, the arguments as given
/// (without the default filter a caller left out).
pub fn run(ctx: &mut Ctx, traced: &Args, data: &[u8], filter: &str, extra: &[Vec<u8>]) -> Ret {
    log::trace(ctx, "bashio::jq", traced);
    // jq reads options and the program from one command line, as bashio passes them.
    let extra: Vec<String> = extra
        .iter()
        .map(|a| String::from_utf8_lossy(a).into_owned())
        .collect();
    let (vars, program) = match engine::parse_invocation(&extra, filter) {
        Ok(parsed) => parsed,
        Err(output) => return emit(ctx, output),
    };
    emit(ctx, evaluate(data, &program, &vars))
}

fn jq_fn(ctx: &mut Ctx, args: &Args) -> Ret {
    run(ctx, args, args.bytes(0), &args.or(1, "."), args.rest(2))
}

fn exists_fn(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::jq.exists", args);
    let (data, filter) = (args.bytes(0).to_vec(), args.or(1, "."));
    let (value, code) = ctx.capture(|c| query(c, &data, &filter, &[]));
    status(code == 0 && !var::equals(ctx, &value, b"null"))
}

fn has_value_fn(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::jq.has_value", args);
    let data = args.bytes(0).to_vec();
    let filter = format!(
        "{} | if (. == {{}} or . == []) then empty else . end // empty",
        args.or(1, ".")
    );
    let (value, code) = ctx.capture(|c| query(c, &data, &filter, &[]));
    status(code == 0 && var::has_value(ctx, &value))
}

/// `bashio::jq.is DATA FILTER TYPE`.
fn is(ctx: &mut Ctx, data: &[u8], filter: &str, kind: &str) -> Ret {
    let filter = if filter.is_empty() { "." } else { filter };
    let filter = format!("{filter} | if type==\"{kind}\" then true else false end");
    let (value, code) = ctx.capture(|c| query(c, data, &filter, &[]));
    status(code == 0 && value == b"true")
}

fn is_fn(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::jq.is", args);
    is(ctx, args.bytes(0), &args.str(1), &args.str(2))
}

fn is_kind(ctx: &mut Ctx, args: &Args, name: &str, kind: &str) -> Ret {
    log::trace(ctx, name, args);
    let (data, filter) = (args.bytes(0), args.str(1));
    log::trace(
        ctx,
        "bashio::jq.is",
        &Args(vec![
            data.to_vec(),
            filter.clone().into_bytes(),
            kind.as_bytes().to_vec(),
        ]),
    );
    is(ctx, data, &filter, kind)
}

fn is_boolean(ctx: &mut Ctx, args: &Args) -> Ret {
    is_kind(ctx, args, "bashio::jq.is_boolean", "boolean")
}
fn is_string(ctx: &mut Ctx, args: &Args) -> Ret {
    is_kind(ctx, args, "bashio::jq.is_string", "string")
}
fn is_object(ctx: &mut Ctx, args: &Args) -> Ret {
    is_kind(ctx, args, "bashio::jq.is_object", "object")
}
fn is_number(ctx: &mut Ctx, args: &Args) -> Ret {
    is_kind(ctx, args, "bashio::jq.is_number", "number")
}
fn is_array(ctx: &mut Ctx, args: &Args) -> Ret {
    is_kind(ctx, args, "bashio::jq.is_array", "array")
}

/// A `$`-prefixed config key: a JSONPath query over DATA, each match printed
/// as jq would print it.
pub fn jsonpath(ctx: &mut Ctx, data: &[u8], path: &str) -> Ret {
    let value: serde_json::Value = match serde_json::from_slice(data) {
        Ok(value) => value,
        Err(e) => {
            eprintln!("bashio: the options are not valid JSON: {e}");
            return Ok(2);
        }
    };
    match crate::engine::jsonpath::query(&value, path) {
        Ok(matches) => {
            for found in matches {
                let mut line = Vec::new();
                crate::engine::path::print_raw(&found, &mut line);
                line.push(b'\n');
                ctx.print(&line);
            }
            Ok(0)
        }
        Err(message) => {
            eprintln!("bashio: invalid JSONPath {path}: {message}");
            Ok(3)
        }
    }
}
