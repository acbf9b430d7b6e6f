//! bashio's jq call on DATA: JSON text (given to jq as a here-string) or the
//! path of a JSON file when such a file exists, with the filters bashio runs
//! on every Supervisor answer computed natively when the input allows it.

use super::jq::{self as engine, JqOutput, JqVar};
use super::path;
use std::os::unix::ffi::OsStrExt;

/// A here-string: the data plus a newline.
pub fn here_string(data: &[u8]) -> Vec<u8> {
    let mut input = Vec::with_capacity(data.len() + 1);
    input.extend_from_slice(data);
    input.push(b'\n');
    input
}

/// The filters bashio itself runs on every API answer, computed without
/// compiling any jq when the input is one plain JSON document.
fn native(input: &[u8], filter: &str) -> Option<JqOutput> {
    let done = |stdout: Vec<u8>| JqOutput {
        stdout,
        stderr: Vec::new(),
        status: 0,
    };
    match filter {
        "if .data == {} then empty else .data end" => {
            let document = path::parse_document(input)?;
            let data = document
                .as_object()?
                .get("data")
                .unwrap_or(&serde_json::Value::Null);
            if data.as_object().is_some_and(|o| o.is_empty()) {
                return Some(done(Vec::new()));
            }
            let mut out = Vec::new();
            path::print_raw(data, &mut out);
            out.push(b'\n');
            Some(done(out))
        }
        _ => {
            let key = filter.strip_prefix('.')?;
            let segments = path::parse_plain_key(key)?;
            let document = path::parse_document(input)?;
            Some(match path::walk(&document, &segments) {
                Ok(found) => {
                    let mut out = Vec::new();
                    path::print_raw(found.unwrap_or(&serde_json::Value::Null), &mut out);
                    out.push(b'\n');
                    done(out)
                }
                Err(e) => e.to_output(input),
            })
        }
    }
}

/// Runs FILTER over DATA as bashio's `jq --raw-output -c -M` call does.
pub fn evaluate(data: &[u8], filter: &str, vars: &[JqVar]) -> JqOutput {
    let file = std::path::Path::new(std::ffi::OsStr::from_bytes(data));
    if !data.is_empty() && file.is_file() {
        return engine::run_file(file, filter, vars);
    }
    let input = here_string(data);
    if vars.is_empty() {
        if let Some(output) = native(&input, filter) {
            return output;
        }
    }
    engine::run(&input, filter, vars)
}
