//! bashio's jq call on DATA: JSON text (given to jq as a here-string) or the
//! path of a JSON file when such a file exists, with the filters bashio runs
//! on every Supervisor answer computed natively when the input allows it.
//!
//! Which path a call takes is decided by types: a [`Filter`] says whether it
//! is one of bashio's own filters or a user's text, and [`Plan::of`] turns it
//! into the native walk it allows, if any. No filter text is compared.

#![forbid(unsafe_code)]

use super::jq::{self as engine, JqOutput, JqVar};
use super::path::{self, Segment};
use std::os::unix::ffi::OsStrExt;

/// A filter as bashio hands it to jq.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filter<'a> {
    /// The data of a Supervisor answer, nothing when it is `{}`: bashio's
    /// [`DATA`] filter, run on every answer.
    Data,
    /// Any jq filter text; a plain key (`.a.b[0]`) is walked natively.
    Text(&'a str),
}

/// The text of [`Filter::Data`], as bashio's trace lines show it.
pub const DATA: &str = "if .data == {} then empty else .data end";

impl<'a> Filter<'a> {
    /// The jq text the filter stands for.
    pub fn text(&self) -> &'a str {
        match self {
            Filter::Data => DATA,
            Filter::Text(text) => text,
        }
    }
}

/// How a call is computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Plan {
    /// [`Filter::Data`], natively.
    Data,
    /// A plain key, walked natively.
    Key(Vec<Segment>),
    /// Compiled and run by the jq engine.
    Jq,
}

impl Plan {
    /// The native path a filter allows: bashio's own filters by their kind,
    /// a user's text when it is `.` and a plain key. Variables always go to
    /// the jq engine.
    pub fn of(filter: Filter<'_>, vars: &[JqVar]) -> Plan {
        if !vars.is_empty() {
            return Plan::Jq;
        }
        match filter {
            Filter::Data => Plan::Data,
            Filter::Text(text) => text
                .strip_prefix('.')
                .and_then(path::parse_plain_key)
                .map_or(Plan::Jq, Plan::Key),
        }
    }
}

/// A here-string: the data plus a newline.
pub fn here_string(data: &[u8]) -> Vec<u8> {
    let mut input = Vec::with_capacity(data.len() + 1);
    input.extend_from_slice(data);
    input.push(b'\n');
    input
}

/// The plan's answer, computed without compiling any jq; `None` when the
/// plan needs jq or the input is not one plain JSON document.
fn native(input: &[u8], plan: &Plan) -> Option<JqOutput> {
    let done = |stdout: Vec<u8>| JqOutput {
        stdout,
        stderr: Vec::new(),
        status: 0,
    };
    // What jq prints for one value: raw, on a line of its own.
    let line = |value: Option<&serde_json::Value>| {
        let mut out = Vec::new();
        path::print_raw(value.unwrap_or(&serde_json::Value::Null), &mut out);
        out.push(b'\n');
        out
    };
    match plan {
        Plan::Jq => None,
        // Anything but an object's data is left to jq, as it words it.
        Plan::Data => path::find(input, &[Segment::Key("data".into())], |data| match data {
            Ok(Some(serde_json::Value::Object(o))) if o.is_empty() => Some(done(Vec::new())),
            Ok(data) => Some(done(line(data))),
            Err(_) => None,
        })?,
        Plan::Key(segments) => path::find(input, segments, |found| match found {
            Ok(found) => done(line(found)),
            Err(e) => e.to_output(input),
        }),
    }
}

/// Runs FILTER over DATA as bashio's `jq --raw-output -c -M` call does.
pub fn evaluate(data: &[u8], filter: &str, vars: &[JqVar]) -> JqOutput {
    evaluate_filter(data, Filter::Text(filter), vars)
}

/// Runs a filter over DATA as bashio's `jq --raw-output -c -M` call does,
/// natively when its [`Plan`] allows.
pub fn evaluate_filter(data: &[u8], filter: Filter<'_>, vars: &[JqVar]) -> JqOutput {
    let file = std::path::Path::new(std::ffi::OsStr::from_bytes(data));
    if !data.is_empty() && file.is_file() {
        return engine::run_file(file, filter.text(), vars);
    }
    let input = here_string(data);
    if let Some(output) = native(&input, &Plan::of(filter, vars)) {
        return output;
    }
    engine::run(&input, filter.text(), vars)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANSWER: &[u8] = br#"{"result":"ok","data":{"a":{"b":[1.0,"x"]}}}"#;

    #[test]
    fn plain_keys_take_the_native_path_and_filters_do_not() {
        let key = |s: &str| Segment::Key(s.to_string());
        let plan = Plan::of(Filter::Text(".data.a.b[1]"), &[]);
        assert_eq!(
            plan,
            Plan::Key(vec![key("data"), key("a"), key("b"), Segment::Index(1)])
        );
        let input = here_string(ANSWER);
        assert_eq!(
            native(&input, &plan).map(|o| o.stdout),
            Some(b"x\n".to_vec())
        );
        for filter in [".data | keys", ".data.a.b[]", "keys", ".", ".[0]?", DATA] {
            assert_eq!(Plan::of(Filter::Text(filter), &[]), Plan::Jq, "{filter}");
        }
        let var = [JqVar::Arg("x".into(), "y".into())];
        assert_eq!(Plan::of(Filter::Text(".data"), &var), Plan::Jq);
        assert_eq!(Plan::of(Filter::Data, &var), Plan::Jq);
        assert_eq!(native(&input, &Plan::Jq), None);
    }

    #[test]
    fn the_data_filter_is_chosen_by_its_kind() {
        assert_eq!(Plan::of(Filter::Data, &[]), Plan::Data);
        assert_eq!(Filter::Data.text(), DATA);
        for (answer, want) in [
            (ANSWER, &br#"{"a":{"b":[1.0,"x"]}}"#[..]),
            (br#"{"result":"ok","data":{}}"#, b""),
            (br#"{"result":"ok"}"#, b"null"),
        ] {
            let input = here_string(answer);
            let fast = native(&input, &Plan::Data).map(|o| o.stdout);
            let want = if want.is_empty() {
                Vec::new()
            } else {
                [want, b"\n"].concat()
            };
            assert_eq!(fast, Some(want.clone()));
            assert_eq!(engine::run(&input, DATA, &[]).stdout, want);
        }
        // input that is not one plain document is left to jq, which owns its errors
        let input = here_string(b"{\"data\":1} {");
        assert_eq!(native(&input, &Plan::Data), None);
        assert_eq!(
            evaluate_filter(b"{\"data\":1} {", Filter::Data, &[]).status,
            5
        );
    }

    #[test]
    fn both_paths_print_alike() {
        for filter in [".data.a", ".data.a.b[0]", ".result", ".data.a | length"] {
            assert_eq!(
                evaluate(ANSWER, filter, &[]),
                engine::run(&here_string(ANSWER), filter, &[]),
                "{filter}"
            );
        }
        assert_eq!(
            evaluate_filter(ANSWER, Filter::Data, &[]),
            engine::run(&here_string(ANSWER), DATA, &[])
        );
    }
}
