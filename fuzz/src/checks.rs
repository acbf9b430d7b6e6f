//! What each fuzz target checks for one input, shared by the fuzz targets
//! and by the main crate's tests, which replay every input that once failed
//! (`tests/data/fuzz/TARGET/`). It names the modules under test by their
//! paths in the main crate, which the fuzz crate's root mirrors.

use crate::engine::call::Filter;
use std::ffi::OsString;
use std::os::unix::ffi::{OsStrExt, OsStringExt};

/// A filter that may legitimately run forever or build unbounded values in
/// jq itself (loops, recursion, generators over huge ranges): such runs say
/// nothing about bashio, so the targets skip them.
pub fn unbounded_filter(filter: &str) -> bool {
    [
        "def",
        "repeat",
        "recurse",
        "while",
        "until",
        "range",
        "combinations",
    ]
    .iter()
    .any(|word| filter.contains(word))
}

/// The key/filter front end: jq filters through the engine, jq command lines,
/// plain config keys (checked against the engine running bashio's config
/// query) and JSONPath keys, over arbitrary input text.
///
/// Input: a mode byte, then FILTER, NUL, INPUT[, NUL, ARG]...
pub fn jq_filter(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let mut parts = rest.split(|&b| b == 0);
    let filter = String::from_utf8_lossy(parts.next().unwrap_or_default()).into_owned();
    let input = parts.next().unwrap_or_default();
    let args: Vec<String> = parts
        .map(|a| String::from_utf8_lossy(a).into_owned())
        .collect();
    if filter.len() > 512 || unbounded_filter(&filter) {
        return;
    }
    match mode % 4 {
        0 => {
            let _ = crate::engine::jq::run(input, &filter, &[]);
        }
        1 => match crate::engine::jq::parse_invocation(&args, &filter) {
            Ok((vars, program)) => {
                if !unbounded_filter(&program) {
                    let _ = crate::engine::jq::run(input, &program, &vars);
                }
            }
            Err(out) => assert_ne!(out.status, 0),
        },
        2 => {
            let key = filter.as_str();
            if let Some(fast) = crate::engine::path::run_config_query(input, key) {
                let slow =
                    crate::engine::jq::run(input, &crate::engine::path::config_query(key, 8), &[]);
                assert_eq!(
                    (String::from_utf8_lossy(&fast.stdout), fast.status),
                    (String::from_utf8_lossy(&slow.stdout), slow.status),
                    "config query for {key:?}"
                );
                assert_eq!(fast.stderr.is_empty(), slow.stderr.is_empty());
            }
            if let (Some(segments), Some(value)) = (
                crate::engine::path::parse_plain_key(key),
                crate::engine::path::parse_document(input),
            ) {
                let slow = crate::engine::jq::run(input, &format!(".{key}"), &[]);
                match crate::engine::path::walk(&value, &segments) {
                    Ok(found) => {
                        let mut out = Vec::new();
                        crate::engine::path::print_raw(
                            found.unwrap_or(&serde_json::Value::Null),
                            &mut out,
                        );
                        out.push(b'\n');
                        assert_eq!(
                            String::from_utf8_lossy(&out),
                            String::from_utf8_lossy(&slow.stdout),
                            ".{key}"
                        );
                        assert_eq!(slow.status, 0);
                    }
                    Err(e) => {
                        assert_eq!(slow.status, 5, ".{key}");
                        assert_eq!(e.to_output(input).stderr, slow.stderr);
                    }
                }
            }
        }
        _ => {
            if let Ok(value) = serde_json::from_slice::<serde_json::Value>(input) {
                if let Ok(found) = crate::engine::jsonpath::query(&value, &filter) {
                    let mut out = Vec::new();
                    for v in &found {
                        crate::engine::path::print_raw(v, &mut out);
                    }
                }
            }
        }
    }
}

const ENVELOPE: &[Filter] = &[
    Filter::Text(".result"),
    Filter::Text(".message // empty"),
    Filter::Data,
];

/// The Supervisor answer as bashio reads it: the body (with the newline that
/// follows it in curl's output) through the envelope filters and a user
/// filter, the way `bashio::api.supervisor` runs them.
///
/// Input: a selector byte, then USER_FILTER, NUL, BODY.
pub fn supervisor_response(data: &[u8]) {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let split = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
    let filter = String::from_utf8_lossy(&rest[..split]).into_owned();
    let mut response = rest.get(split + 1..).unwrap_or_default().to_vec();
    if filter.len() > 256 || unbounded_filter(&filter) {
        return;
    }
    // A body naming a file would be read as that file, as bashio does.
    if std::path::Path::new(std::ffi::OsStr::new(&*String::from_utf8_lossy(&response))).exists() {
        return;
    }
    response.push(b'\n');
    for envelope in ENVELOPE {
        let _ = crate::engine::call::evaluate_filter(&response, *envelope, &[]);
    }
    // The data handed on, then the user's filter over it.
    let data_out = crate::engine::call::evaluate_filter(&response, ENVELOPE[2], &[]);
    let mut result = data_out.stdout;
    while result.last() == Some(&b'\n') {
        result.pop();
    }
    if selector & 1 == 0 && !filter.is_empty() {
        if std::path::Path::new(std::ffi::OsStr::new(&*String::from_utf8_lossy(&result))).exists() {
            return;
        }
        let _ = crate::engine::call::evaluate(&result, &filter, &[]);
    } else {
        // the native fast paths agree with the engine
        for envelope in ENVELOPE {
            let fast = crate::engine::call::evaluate_filter(&response, *envelope, &[]);
            let slow =
                crate::engine::jq::run(&[&response[..], b"\n"].concat(), envelope.text(), &[]);
            assert_eq!(
                (String::from_utf8_lossy(&fast.stdout), fast.status),
                (String::from_utf8_lossy(&slow.stdout), slow.status),
                "{}",
                envelope.text()
            );
        }
    }
}

fn split_pairs(data: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i + 1 < data.len() {
        if data[i] == 0 && data[i + 1] == 0 {
            out.push(&data[start..i]);
            i += 2;
            start = i;
        } else {
            i += 1;
        }
    }
    out.push(&data[start..]);
    out
}

/// What s6-envdir makes of a file: nothing for an empty one, else the
/// contents less one trailing newline, NULs as newlines.
fn expected(contents: &[u8]) -> Option<Vec<u8>> {
    if contents.is_empty() {
        return None;
    }
    let body = contents.strip_suffix(b"\n").unwrap_or(contents);
    Some(
        body.iter()
            .map(|&b| if b == 0 { b'\n' } else { b })
            .collect(),
    )
}

/// The container-environment loader: a directory of variable files, read as
/// `s6-envdir -Lf` reads it, applied over an environment.
///
/// Input: entries separated by NUL NUL; each is NAME, NUL, CONTENTS for a
/// file, or `=ENTRY` for a variable already in the environment.
pub fn contenv(data: &[u8]) {
    let Ok(dir) = tempfile::tempdir() else {
        return;
    };
    let mut environment: Vec<OsString> = Vec::new();
    let mut files: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
    for entry in split_pairs(data).into_iter().take(16) {
        if let Some(env) = entry.strip_prefix(b"=") {
            environment.push(OsString::from_vec(env.to_vec()));
            continue;
        }
        let split = entry.iter().position(|&b| b == 0).unwrap_or(entry.len());
        let name = &entry[..split];
        let contents = entry.get(split + 1..).unwrap_or_default();
        if name.is_empty()
            || name.len() > 255
            || name.contains(&b'/')
            || name == b"."
            || name == b".."
            || files.iter().any(|(n, _)| n == name)
        {
            continue;
        }
        let path = dir.path().join(std::ffi::OsStr::from_bytes(name));
        if std::fs::write(&path, contents).is_err() {
            return;
        }
        files.push((name.to_vec(), contents.to_vec()));
    }
    let modifications =
        crate::s6::envdir::read(dir.path()).expect("a directory of plain files reads");
    // Exactly the visible names, each with s6-envdir's value.
    let mut visible: Vec<&(Vec<u8>, Vec<u8>)> = files
        .iter()
        .filter(|(n, _)| n[0] != b'.' && !n.contains(&b'='))
        .collect();
    assert_eq!(modifications.len(), visible.len());
    for m in &modifications {
        let index = visible
            .iter()
            .position(|(n, _)| n.as_slice() == m.name.as_bytes())
            .expect("every modification names a written file");
        let (_, contents) = visible.swap_remove(index);
        assert_eq!(
            m.value.as_ref().map(|v| v.as_bytes().to_vec()),
            expected(contents)
        );
    }
    let before = environment.clone();
    crate::s6::envdir::apply(&mut environment, &modifications);
    for m in &modifications {
        let prefix = [m.name.as_bytes(), b"="].concat();
        let matching = environment
            .iter()
            .filter(|e| e.as_bytes().starts_with(&prefix))
            .count();
        if let Some(value) = &m.value {
            let entry = [&prefix[..], value.as_bytes()].concat();
            assert!(environment.iter().any(|e| e.as_bytes() == entry));
        }
        let had = before
            .iter()
            .filter(|e| e.as_bytes().starts_with(&prefix))
            .count();
        assert!(matching <= had + 1);
    }
}

/// The log line renderer: LOG_FORMAT with {TIMESTAMP}, {MESSAGE} and {LEVEL}
/// filled in (the timestamp from an arbitrary LOG_TIMESTAMP through
/// strftime), then `printf '%b'` escapes, in UTF-8 and other locales.
///
/// Input: a level byte, then FORMAT, NUL, TIMESTAMP_FORMAT, NUL, MESSAGE.
pub fn log_format(data: &[u8]) {
    let Some((&level, rest)) = data.split_first() else {
        return;
    };
    let mut parts = rest.splitn(3, |&b| b == 0);
    let format = parts.next().unwrap_or_default();
    let stamp_format = parts.next().unwrap_or_default();
    let message = parts.next().unwrap_or_default();
    let stamp = crate::bashio::log_format::timestamp(stamp_format);
    assert!(stamp.len() < 512);
    let _ = crate::bashio::log_format::render(format, &stamp, i32::from(level as i8), message);
    for utf8 in [true, false] {
        let (out, stopped) = crate::bashio::printf::expand(message, utf8);
        if !stopped && !message.contains(&b'\\') {
            assert_eq!(out, message);
        }
    }
}

/// The rules that hide secrets in debug and trace lines, on any line and any
/// known value: no panic; a line without JSON holding a secret key comes out
/// of rule 1 unchanged; and after rule 2 a known value of `MIN_KNOWN` bytes
/// or more appears nowhere outside the marks.
///
/// Input: KNOWN, NUL, LINE.
pub fn redact(data: &[u8]) {
    use crate::bashio::redact::{redact_json, redact_known, MARK, MIN_KNOWN};
    let mut parts = data.splitn(2, |&b| b == 0);
    let known = parts.next().unwrap_or_default().to_vec();
    let line = parts.next().unwrap_or_default();
    let (json_hidden, found) = redact_json(line);
    if found.is_empty() {
        assert_eq!(json_hidden, line, "nothing found, yet the line changed");
    }
    let mut values = found;
    values.push(known.clone());
    let out = redact_known(&json_hidden, &values);
    // Marks stand apart: a value straddling one's edge is not a value seen.
    if known.len() >= MIN_KNOWN {
        let mut apart = Vec::with_capacity(out.len());
        let mut rest = out.as_slice();
        while let Some(at) = rest.windows(MARK.len()).position(|w| w == MARK) {
            apart.extend_from_slice(&rest[..at]);
            apart.push(0);
            rest = &rest[at + MARK.len()..];
        }
        apart.extend_from_slice(rest);
        assert!(
            !apart.windows(known.len()).any(|w| w == known.as_slice()),
            "a known value survived"
        );
    }
}

/// Every input under `tests/data/fuzz/TARGET/` that once failed TARGET's
/// check passes it now.
#[cfg(test)]
mod tests {
    fn replay(target: &str, check: fn(&[u8])) {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/fuzz")
            .join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return;
        };
        for entry in entries {
            let path = entry.expect("a readable directory").path();
            let data = std::fs::read(&path).expect("a readable input");
            check(&data);
        }
    }

    #[test]
    fn jq_filter_inputs() {
        replay("jq_filter", super::jq_filter);
    }

    #[test]
    fn supervisor_response_inputs() {
        replay("supervisor_response", super::supervisor_response);
    }

    #[test]
    fn contenv_inputs() {
        replay("contenv", super::contenv);
    }

    #[test]
    fn log_format_inputs() {
        replay("log_format", super::log_format);
    }

    #[test]
    fn redact_inputs() {
        replay("redact", super::redact);
    }
}
