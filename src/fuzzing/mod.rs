//! What each fuzz target checks for one input, in the library so that the
//! fuzz targets (fuzz/, with the `fuzzing` feature) and the library's own
//! tests, which replay every input that once failed
//! (`tests/data/fuzz/TARGET/`), run the same code. Built only for those two:
//! a check panics by design when what it checks breaks.

#![forbid(unsafe_code)]

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
    crate::link_rare_paths();
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

/// The lint's readers of shell text: a script (first byte even) through
/// the command reader, or a Dockerfile (first byte odd) through the image
/// reader, on any bytes: no panic, no hang, and every command's line within
/// the text.
///
/// Input: a selector byte, then the text.
pub fn lint_shell(data: &[u8]) {
    use crate::lint::image::Image;
    use crate::lint::shell;
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let lines = text.matches('\n').count() + 1;
    if selector % 2 == 0 {
        let script = shell::parse(&text);
        for cmd in &script.cmds {
            assert!(
                cmd.line >= 1 && cmd.line <= lines,
                "line {} of {lines}",
                cmd.line
            );
            assert!(cmd.item < script.items.len().max(1), "item out of range");
        }
        let _ = shell::words(&text);
    } else {
        let image = Image::read(
            &text,
            vec![text.lines().next().unwrap_or_default().to_string()],
        );
        let _ = image.chmod_covers("/etc/services.d/app/run");
        let _ = image.has_program("python3");
    }
}

/// The config reader of `bashio validate` (PyYAML's YAML 1.1 rules) on any
/// text, then the Supervisor's rules on what it read: no panic, a result
/// that serialises, and a schema that passes the grammar check validating
/// the config's own defaults without a panic.
///
/// Input: the YAML text.
pub fn yaml_schema(data: &[u8]) {
    use crate::validate::{rules, yaml11};
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(config) = yaml11::load(text) else {
        return;
    };
    assert!(serde_json::to_string(&config).is_ok());
    let schema = config
        .get("schema")
        .cloned()
        .unwrap_or(serde_json::Value::Null);
    let options = config
        .get("options")
        .cloned()
        .unwrap_or_else(|| serde_json::json!({}));
    if rules::check_schema(&schema).is_ok() {
        let addon = rules::Addon {
            name: "Fuzz",
            slug: "fuzz",
        };
        let validation = rules::validate(&schema, &options, addon, &|_| None);
        let problems = rules::problems(&schema, &options, addon, &|_| None);
        match validation.result {
            // The walk that goes on past problems finds the first one too.
            Err(rules::Problem::Invalid(first)) => {
                assert!(
                    !problems.is_empty(),
                    "refused ({first}), yet no problem listed"
                )
            }
            Ok(_) => assert!(problems.is_empty(), "valid, yet problems: {problems:?}"),
            Err(rules::Problem::Schema(_)) => {}
        }
    }
}

/// `bashio lint --fix` on a rootfs made from the input: services.d services
/// (name, dependencies, run script) and, for names starting with `!`, an
/// s6-rc.d service of that name already there. Either the conversion is
/// refused and the tree is byte for byte as it was, or every service with a
/// run is an s6-rc longrun with its run kept, base and its dependencies in
/// dependencies.d, and the user bundle's entry; services.d is emptied of
/// them and no staging directory is left.
///
/// Input: records split by NUL, each `NAME` LF `DEP,DEP...` LF `RUN`.
pub fn lint_fix(data: &[u8]) {
    use crate::lint::{fix, tree::Tree};
    use std::fs;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let root = dir.path();
    fs::write(root.join("config.yaml"), "name: x\n").expect("config");
    let legacy = root.join("rootfs/etc/services.d");
    let rc = root.join("rootfs/etc/s6-overlay/s6-rc.d");
    fs::create_dir_all(&legacy).expect("services.d");
    let mut services: Vec<(String, Vec<String>, Vec<u8>)> = Vec::new();
    for record in data.split(|&b| b == 0).take(8) {
        let mut parts = record.splitn(3, |&b| b == b'\n');
        let name = String::from_utf8_lossy(parts.next().unwrap_or_default()).into_owned();
        let deps = String::from_utf8_lossy(parts.next().unwrap_or_default()).into_owned();
        let run = parts.next().unwrap_or_default().to_vec();
        if name.is_empty() || name.contains('/') || name == "." || name == ".." || name.len() > 64 {
            continue;
        }
        if let Some(taken) = name.strip_prefix('!') {
            if !taken.is_empty() && !taken.starts_with('.') {
                let _ = fs::create_dir_all(rc.join(taken));
                let _ = fs::write(rc.join(taken).join("type"), "oneshot\n");
            }
            continue;
        }
        // Dot-named directories are not services; a name given twice is one.
        if name.starts_with('.') || services.iter().any(|(n, _, _)| *n == name) {
            continue;
        }
        let service = legacy.join(&name);
        if fs::create_dir_all(&service).is_err() {
            continue;
        }
        let _ = fs::write(service.join("run"), &run);
        let _ = fs::write(service.join("dependencies"), deps.replace(',', "\n"));
        let deps = deps
            .split(',')
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(str::to_string)
            .collect();
        services.push((name, deps, run));
    }
    let before = snapshot(root);
    let tree = Tree::open(root).expect("the tree");
    match fix::services(&tree) {
        Err(_) => assert_eq!(snapshot(root), before, "refused, yet the tree changed"),
        Ok(converted) => {
            assert_eq!(converted.len(), services.len(), "{converted:?}");
            for (name, _, run) in &services {
                let service = rc.join(name);
                assert_eq!(
                    fs::read(service.join("type")).ok(),
                    Some(b"longrun\n".to_vec()),
                    "{name}"
                );
                assert_eq!(
                    fs::read(service.join("run")).ok().as_ref(),
                    Some(run),
                    "{name}"
                );
                assert!(service.join("dependencies.d/base").is_file(), "{name}");
                assert!(rc.join("user/contents.d").join(name).is_file(), "{name}");
                assert!(!legacy.join(name).exists(), "{name} left in services.d");
            }
            for entry in fs::read_dir(&rc).into_iter().flatten().flatten() {
                let name = entry.file_name();
                assert!(
                    !name.to_string_lossy().starts_with(".bashio-fix-"),
                    "staging left"
                );
            }
        }
    }
}

/// Every file under `root` with its bytes and mode, and every directory.
fn snapshot(root: &std::path::Path) -> Vec<(std::path::PathBuf, Option<Vec<u8>>, u32)> {
    use std::os::unix::fs::PermissionsExt;
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(meta) = std::fs::symlink_metadata(&path) else {
                continue;
            };
            let mode = meta.permissions().mode();
            if meta.is_dir() {
                out.push((path.clone(), None, mode));
                stack.push(path);
            } else {
                out.push((path.clone(), std::fs::read(&path).ok(), mode));
            }
        }
    }
    out.sort();
    out
}

/// Every input under `tests/data/fuzz/TARGET/` that once failed TARGET's
/// check passes it now.
/// The template engine: any text parses to a tree or to one Go-style
/// error line, and renders over any JSON (or none) to text or one error
/// line, the same each time, without panicking or running away. `template`
/// nesting is held to a small depth so that the fuzzer's stack suffices.
///
/// Input: TEMPLATE, NUL, JSON.
pub fn tempio_template(data: &[u8]) {
    use crate::tempio::{json, render_limited, value::Value, Rendered};
    let (text, config) = match data.iter().position(|&b| b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &b""[..]),
    };
    let text = String::from_utf8_lossy(text);
    // Repeating strings and counting ranges are bounded only by memory.
    if ["repeat", "until", "seq", "indent", "wrap"]
        .iter()
        .any(|w| text.contains(w))
    {
        return;
    }
    let value = json::unmarshal(config).unwrap_or(Value::Nil);
    let describe = |r: &Rendered| match r {
        Rendered::Text(t) => format!("text {t}"),
        Rendered::Panic(e) => format!("panic {e}"),
        Rendered::Fatal(e) => format!("fatal {e}"),
    };
    let first = render_limited(&text, value.clone(), 40);
    match &first {
        Rendered::Panic(e) | Rendered::Fatal(e) => {
            assert!(
                e.starts_with("template: "),
                "error without Go's prefix: {e:?}"
            );
        }
        Rendered::Text(_) => {}
    }
    let again = render_limited(&text, value, 40);
    assert_eq!(
        describe(&first),
        describe(&again),
        "rendering is not repeatable"
    );
}

#[cfg(test)]
mod tests;
