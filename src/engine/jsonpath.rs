//! JSONPath (RFC 9535) queries for configuration keys that start with `$`,
//! such as `$.logins[?@.admin].name`, answered with jsonpath-rust.
//!
//! bashio treats a config key beginning with `$` as a JSONPath expression
//! rather than a jq path. This module runs the query and returns the matched
//! values in document order; printing them is the caller's business (see
//! [`super::path::print_raw`]).
//!
//! It refuses paths that are very long or very deeply nested before handing
//! them to the parser, so that no key can exhaust the stack, and it reports
//! every invalid path as an error string instead of failing.
//!
//! The parser is linked only where [`link`] is called: the binary does, the
//! builtins library does not, and runs the binary for a call given a `$` key
//! (builtins::delegate).

#![forbid(unsafe_code)]

use jsonpath_rust::JsonPath;
use serde_json::Value;
use std::sync::OnceLock;

type Query = fn(&Value, &str) -> Result<Vec<Value>, String>;

static QUERY: OnceLock<Query> = OnceLock::new();

/// Links the JSONPath parser in: without it, every query is refused.
pub fn link() {
    let _ = QUERY.set(run);
}

/// Longest path accepted, in bytes.
const MAX_LEN: usize = 4096;
/// Deepest nesting of brackets and parentheses accepted.
const MAX_NESTING: usize = 64;

fn nesting(path: &str) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in path.chars() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => quote = Some(c),
            '[' | '(' => {
                depth += 1;
                max = max.max(depth);
            }
            ']' | ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

/// The values a JSONPath expression selects from `value`, in document order.
pub fn query(value: &Value, path: &str) -> Result<Vec<Value>, String> {
    match QUERY.get() {
        Some(query) => query(value, path),
        None => Err("this build has no JSONPath (it is the bashio binary's)".into()),
    }
}

fn run(value: &Value, path: &str) -> Result<Vec<Value>, String> {
    if path.len() > MAX_LEN {
        return Err(format!("path longer than {MAX_LEN} bytes"));
    }
    if nesting(path) > MAX_NESTING {
        return Err(format!("path nested deeper than {MAX_NESTING} levels"));
    }
    value
        .query(path)
        .map(|found| found.into_iter().cloned().collect())
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Value {
        serde_json::from_str(
            r#"{
              "logins": [
                {"name": "alice", "admin": true, "uid": 1000},
                {"name": "bob", "admin": false, "uid": 1001},
                {"name": "carol", "uid": 1002.50}
              ],
              "database": {"host": "db.local", "port": 3306},
              "ports": {"80/tcp": 8080, "443/tcp": null},
              "big": 100000000000000000001,
              "nested": {"a": {"b": {"c": "deep"}}}
            }"#,
        )
        .unwrap_or_default()
    }

    fn q(path: &str) -> Vec<String> {
        run(&doc(), path)
            .unwrap_or_else(|e| panic!("{path}: {e}"))
            .iter()
            .map(|v| {
                let mut out = Vec::new();
                super::super::path::print_raw(v, &mut out);
                String::from_utf8_lossy(&out).into_owned()
            })
            .collect()
    }

    #[test]
    fn selects_values() {
        assert_eq!(q("$.database.host"), ["db.local"]);
        assert_eq!(q("$.logins[*].name"), ["alice", "bob", "carol"]);
        assert_eq!(q("$.logins[0].name"), ["alice"]);
        assert_eq!(q("$.logins[-1].uid"), ["1002.50"]);
        assert_eq!(q("$.logins[?@.admin == true].name"), ["alice"]);
        assert_eq!(q("$.logins[?@.uid > 1000].name"), ["bob", "carol"]);
        assert_eq!(q("$.logins[?@.admin].name"), ["alice", "bob"]);
        assert_eq!(q("$.logins[0:2].name"), ["alice", "bob"]);
        assert_eq!(q("$['ports']['80/tcp']"), ["8080"]);
        assert_eq!(q("$.ports['443/tcp']"), ["null"]);
        assert_eq!(q("$..c"), ["deep"]);
        assert_eq!(q("$.big"), ["100000000000000000001"]);
        assert_eq!(q("$.database"), [r#"{"host":"db.local","port":3306}"#]);
        assert!(q("$.missing").is_empty());
        assert!(q("$.logins[7]").is_empty());
    }

    #[test]
    fn rejects_bad_paths_without_failing() {
        for bad in [
            "",
            "$.",
            "$[",
            "$..",
            "$[?@.a ==]",
            "logins",
            "$.logins[?(@.name",
            "$[\"unterminated]",
            "$.a[1:2:0]",
            "$[?length(@) > ]",
        ] {
            let _ = run(&doc(), bad);
        }
        assert!(run(&doc(), "$[").is_err());
        let deep = format!("$.a{}1{}", "[".repeat(200), "]".repeat(200));
        assert!(run(&doc(), &deep).is_err());
        let long = format!("$.{}", "a.".repeat(MAX_LEN));
        assert!(run(&doc(), &long).is_err());
    }
}
