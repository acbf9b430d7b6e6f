//! Plain configuration keys (`database.host`, `logins[0].name`, `a["b c"]`)
//! evaluated natively, with the results jq would give.
//!
//! bashio turns `bashio::config KEY` into a jq filter built around `.KEY`.
//! Compiling even a small jq program costs more than everything else such a
//! call does, so keys made only of field names, array indexes and quoted
//! fields are walked here directly, and printed exactly as
//! `jq --raw-output -c -M` prints them.
//!
//! It refuses anything else: a key with any other syntax (pipes, functions,
//! slices, interpolation, spaces) is not a plain key, and input that is not
//! exactly one well-formed JSON text is left to the jq engine, which owns jq's
//! parse error messages. Callers fall back to [`super::jq::run`] then.

#![forbid(unsafe_code)]

use super::jq::num::{fmt_f64, parse_literal, Literal};
use super::jq::write::{quote_trunc, write_compact, write_json_str, CompactJson};
use super::jq::JqOutput;
use super::seek::{self, Found};
use serde_json::Value;
use std::cell::RefCell;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

/// One step of a plain key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    /// `.name`, `["name"]` or `."name"`: a field of an object
    Key(String),
    /// `[N]`: an array element, counted from the end when negative
    Index(i64),
}

/// A jq runtime error met while walking a key, worded as jq words it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WalkError {
    pub message: String,
}

impl WalkError {
    /// What jq prints and returns for this error on the given input text.
    pub fn to_output(&self, input: &[u8]) -> JqOutput {
        JqOutput {
            stdout: Vec::new(),
            stderr: format!(
                "jq: error (at <stdin>:{}): {}\n",
                lines_read(input),
                self.message
            )
            .into_bytes(),
            status: 5,
        }
    }
}

/// The input line jq reports for a single JSON text: jq reads whole lines,
/// so it has read through the line where the text ends.
fn lines_read(input: &[u8]) -> usize {
    let end = input
        .iter()
        .rposition(|c| !matches!(c, b' ' | b'\t' | b'\r' | b'\n'))
        .map_or(0, |p| p + 1);
    let through = input[end..]
        .iter()
        .position(|c| *c == b'\n')
        .map_or(input.len(), |p| end + p + 1);
    input[..through].iter().filter(|c| **c == b'\n').count()
}

fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Read a JSON-style string literal at the start of `s` (no interpolation);
/// returns its value and the rest of `s`.
fn quoted(s: &str) -> Option<(String, &str)> {
    let b = s.as_bytes();
    if b.first() != Some(&b'"') {
        return None;
    }
    let mut i = 1;
    while i < b.len() && b[i] != b'"' {
        if b[i] == b'\\' {
            // `\(` would be interpolation; other escapes are decoded by serde
            if b.get(i + 1) == Some(&b'(') {
                return None;
            }
            i += 1;
        } else if b[i] < 0x20 {
            return None;
        }
        i += 1;
    }
    if i >= b.len() {
        return None;
    }
    let text = &s[..=i];
    let value: String = serde_json::from_str(text).ok()?;
    Some((value, &s[i + 1..]))
}

/// Parse a key as bashio appends it to `.`: identifier fields separated by
/// dots, `[N]` indexes, `["quoted"]` and `."quoted"` fields. Anything else
/// gives `None`, meaning "let jq handle it".
pub fn parse_plain_key(key: &str) -> Option<Vec<Segment>> {
    let mut segments = Vec::new();
    let mut rest = key;
    let mut first = true;
    while !rest.is_empty() {
        let b = rest.as_bytes();
        if b[0] == b'[' {
            let inner = &rest[1..];
            if let Some((name, after)) = quoted(inner) {
                rest = after.strip_prefix(']')?;
                segments.push(Segment::Key(name));
            } else {
                let end = inner.find(']')?;
                let num = &inner[..end];
                let digits = num.strip_prefix('-').unwrap_or(num);
                if digits.is_empty()
                    || digits.len() > 9
                    || !digits.bytes().all(|c| c.is_ascii_digit())
                {
                    return None;
                }
                segments.push(Segment::Index(num.parse().ok()?));
                rest = &inner[end + 1..];
            }
        } else {
            let field = if first { rest } else { rest.strip_prefix('.')? };
            let fb = field.as_bytes();
            if fb.first() == Some(&b'"') {
                let (name, after) = quoted(field)?;
                segments.push(Segment::Key(name));
                rest = after;
            } else {
                if !fb.first().copied().is_some_and(is_ident_start) {
                    return None;
                }
                let end = fb.iter().position(|c| !is_ident(*c)).unwrap_or(fb.len());
                segments.push(Segment::Key(field[..end].to_string()));
                rest = &field[end..];
            }
        }
        first = false;
    }
    (!segments.is_empty()).then_some(segments)
}

static NULL: Value = Value::Null;

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// jq's error for a step that a value of `kind` cannot take.
pub fn cannot_index(kind: &str, step: &Segment) -> WalkError {
    WalkError {
        message: match step {
            Segment::Key(k) => format!("Cannot index {kind} with string ({})", quote_trunc(k)),
            Segment::Index(i) => format!("Cannot index {kind} with number ({i})"),
        },
    }
}

/// Follow a plain key with jq's semantics: a missing field or index, or
/// anything below `null`, is `null` (`Ok(None)`); a field of a non-object or an
/// index into a non-array is jq's "Cannot index" error.
pub fn walk<'a>(value: &'a Value, path: &[Segment]) -> Result<Option<&'a Value>, WalkError> {
    let mut cur = value;
    for seg in path {
        cur = match (cur, seg) {
            (Value::Null, _) => return Ok(None),
            (Value::Object(o), Segment::Key(k)) => match o.get(k) {
                Some(v) => v,
                None => return Ok(None),
            },
            (Value::Array(a), Segment::Index(i)) => {
                let i = if *i < 0 { *i + a.len() as i64 } else { *i };
                match usize::try_from(i).ok().and_then(|i| a.get(i)) {
                    Some(v) => v,
                    None => return Ok(None),
                }
            }
            (v, seg) => return Err(cannot_index(kind(v), seg)),
        };
    }
    Ok(match cur {
        Value::Null => None,
        v => Some(v),
    })
}

/// The jq program bashio runs for `bashio::config KEY`: unset is null, strings and
/// booleans as they are, arrays one item per line, empty containers nothing.
/// Its text is laid out as bashio's (a here-document indented by `indent`
/// spaces), since trace lines show it. [`run_config_query`] computes it
/// natively for plain keys.
pub fn config_query(key: &str, indent: usize) -> String {
    let k = format!(".{key}");
    let lines: [(usize, String); 21] = [
        (0, format!("if ({k} == null) then")),
        (1, "null".to_string()),
        (0, format!("elif ({k} | type == \"string\") then")),
        (1, format!("{k} // empty")),
        (0, format!("elif ({k} | type == \"boolean\") then")),
        (1, format!("{k} // false")),
        (0, format!("elif ({k} | type == \"array\") then")),
        (1, format!("if ({k} == []) then")),
        (2, "empty".to_string()),
        (1, "else".to_string()),
        (2, format!("{k}[]")),
        (1, "end".to_string()),
        (0, format!("elif ({k} | type == \"object\") then")),
        (1, format!("if ({k} == {{}}) then")),
        (2, "empty".to_string()),
        (1, "else".to_string()),
        (2, k.clone()),
        (1, "end".to_string()),
        (0, "else".to_string()),
        (1, k.clone()),
        (0, "end".to_string()),
    ];
    let mut query = String::new();
    for (i, (depth, line)) in lines.iter().enumerate() {
        if i > 0 {
            query.push('\n');
            query.push_str(&" ".repeat(indent + 4 * depth));
        }
        query.push_str(line);
    }
    query
}

/// The values that bashio's config query yields for what a plain key found.
pub fn config_values(found: Option<&Value>) -> Vec<&Value> {
    match found {
        None => vec![&NULL],
        Some(Value::Array(a)) => a.iter().collect(),
        Some(Value::Object(o)) if o.is_empty() => Vec::new(),
        Some(v) => vec![v],
    }
}

/// Parse input the way the fast path accepts it: exactly one JSON text that
/// serde reads the same way jq does. `None` means "let jq read it" (jq owns
/// the error messages and its own leniencies).
pub fn parse_document(input: &[u8]) -> Option<Value> {
    serde_json::from_slice(input).ok()
}

/// What a plain key leads to in `input`, as [`walk`] says it, handed to
/// `answer`: from the whole document when this process keeps it (see
/// [`remembered`]), else read in one pass when it can be (see [`seek`]);
/// `None` when the input is not a plain JSON text.
pub fn find<R>(
    input: &[u8],
    path: &[Segment],
    answer: impl FnOnce(Result<Option<&Value>, WalkError>) -> R,
) -> Option<R> {
    if let Some(document) = remembered(input) {
        return Some(answer(walk(&document, path)));
    }
    Some(match seek::lookup(input, path)? {
        Found::Null => answer(Ok(None)),
        Found::Value(value) => answer(Ok(Some(&value))),
        Found::Error(e) => answer(Err(e)),
        Found::Unsupported => answer(walk(&parse_document(input)?, path)),
    })
}

/// The whole document of a text this process reads again. A call in
/// `$(...)` runs in a child that reads the options once and exits, where
/// building the whole document is waste; the script's own bash reads the
/// same cached texts at each of its direct calls. So a text is parsed whole
/// the second time it is met (among the last texts read in one pass), and
/// kept: two documents, of 1 MiB at most; a text that differs by one byte is
/// another text.
fn remembered(input: &[u8]) -> Option<Rc<Value>> {
    if input.len() > MEMO_LIMIT {
        return None;
    }
    PARSED.with(|memo| {
        let mut memo = memo.borrow_mut();
        if let Some(at) = memo
            .documents
            .iter()
            .position(|(text, _)| text.as_slice() == input)
        {
            let entry = memo.documents.remove(at);
            let document = Rc::clone(&entry.1);
            memo.documents.insert(0, entry);
            return Some(document);
        }
        let seen = {
            let mut hasher = std::hash::DefaultHasher::new();
            input.hash(&mut hasher);
            (input.len(), hasher.finish())
        };
        if !memo.read_once.contains(&Some(seen)) {
            memo.read_once.rotate_right(1);
            memo.read_once[0] = Some(seen);
            return None;
        }
        let document = Rc::new(parse_document(input)?);
        memo.documents
            .insert(0, (input.to_vec(), Rc::clone(&document)));
        memo.documents.truncate(MEMO_ENTRIES);
        Some(document)
    })
}

const MEMO_ENTRIES: usize = 2;
const MEMO_LIMIT: usize = 1 << 20;

struct Memo {
    /// The documents kept, the last used first, with their text.
    documents: Vec<(Vec<u8>, Rc<Value>)>,
    /// The length and hash of the last texts read without a kept document.
    read_once: [Option<(usize, u64)>; MEMO_ENTRIES],
}

thread_local! {
    static PARSED: RefCell<Memo> = const {
        RefCell::new(Memo {
            documents: Vec::new(),
            read_once: [None; MEMO_ENTRIES],
        })
    };
}

/// `jq --raw-output -c -M CONFIG_QUERY(key)` on `input`, computed natively;
/// `None` when the key is not plain or the input is not a plain JSON text.
pub fn run_config_query(input: &[u8], key: &str) -> Option<JqOutput> {
    let path = parse_plain_key(key)?;
    find(input, &path, |found| match found {
        Ok(found) => {
            let mut stdout = Vec::new();
            for v in config_values(found) {
                print_raw(v, &mut stdout);
                stdout.push(b'\n');
            }
            JqOutput {
                stdout,
                stderr: Vec::new(),
                status: 0,
            }
        }
        Err(e) => e.to_output(input),
    })
}

fn write_number(n: &serde_json::Number, out: &mut Vec<u8>) {
    let text = n.to_string();
    match parse_literal(&text) {
        Some(Literal::Finite(canonical, _)) => out.extend_from_slice(canonical.as_bytes()),
        Some(Literal::Float(f)) => fmt_f64(f, out),
        None => out.extend_from_slice(text.as_bytes()),
    }
}

/// Print a value exactly as `jq -r -c -M` does: strings raw, numbers as jq
/// 1.8 prints number literals, everything else as compact JSON.
pub fn print_raw(value: &Value, out: &mut Vec<u8>) {
    match value {
        Value::String(s) => out.extend_from_slice(s.as_bytes()),
        v => write_compact(v, out),
    }
}

/// Compact JSON with jq's escapes and number spelling: the jq engine's
/// writer, over serde_json's values.
impl CompactJson for Value {
    fn elements(&self) -> Option<&[Value]> {
        self.as_array().map(Vec::as_slice)
    }

    fn members(
        &self,
    ) -> Option<impl DoubleEndedIterator<Item = (&str, &Value)> + ExactSizeIterator> {
        self.as_object()
            .map(|o| o.iter().map(|(k, x)| (k.as_str(), x)))
    }

    fn write_scalar(&self, out: &mut Vec<u8>) {
        match self {
            Value::Null => out.extend_from_slice(b"null"),
            Value::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
            Value::Number(n) => write_number(n, out),
            Value::String(s) => write_json_str(s, out),
            Value::Array(_) | Value::Object(_) => write_compact(self, out),
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::super::jq;
    use super::*;

    const DOCS: &[&str] = &[
        r#"{"database":{"host":"db.local","port":3306,"ssl":false,"opts":{}},"logins":[{"name":"alice","password":"x"},{"name":"bob","tags":[]}],"domains":["a.com","b.org"],"a":{"b c":"spaced","q\"k":1},"flag":true,"off":false,"nothing":null,"ratio":1.50,"big":100000000000000000001,"exp":1.5e3,"neg":-0,"text":"line1\nline2 \u00e9 😀","ctrl":"\u0000\u001f","empty_list":[],"empty_obj":{},"if":"kw","_x1":2,"list":[1,[2,3],{"k":null}]}"#,
        r#"[1,"two",{"three":3.0}]"#,
        r#""just a string""#,
        r#"42"#,
        r#"null"#,
        r#"{"a":[{"b":[{"c":1e1000}]}],"unicode":"\ud83d\ude00","esc":"tab\there"}"#,
    ];

    const KEYS: &[&str] = &[
        "database",
        "database.host",
        "database.port",
        "database.ssl",
        "database.opts",
        "database.missing",
        "database.host.x",
        "database.port.x",
        "logins",
        "logins[0]",
        "logins[0].name",
        "logins[1].password",
        "logins[1].tags",
        "logins[-1].name",
        "logins[-3]",
        "logins[9].name",
        "logins.name",
        "domains",
        "domains[1]",
        "domains[0][0]",
        "a[\"b c\"]",
        "a.\"b c\"",
        "a[\"q\\\"k\"]",
        "[\"database\"].host",
        "[0]",
        "[2].three",
        "[-1]",
        "flag",
        "off",
        "nothing",
        "nothing.deeper[3]",
        "ratio",
        "big",
        "exp",
        "neg",
        "text",
        "ctrl",
        "empty_list",
        "empty_obj",
        "if",
        "_x1",
        "list",
        "list[1]",
        "list[2]",
        "list[2].k",
        "a[0]",
        "a.b",
        "a[0].b[0].c",
        "unicode",
        "esc",
        "missing",
    ];

    #[test]
    fn plain_keys_parse() {
        use Segment::*;
        let k = |s: &str| Key(s.to_string());
        assert_eq!(parse_plain_key("a"), Some(vec![k("a")]));
        assert_eq!(
            parse_plain_key("database.host"),
            Some(vec![k("database"), k("host")])
        );
        assert_eq!(
            parse_plain_key("logins[0].name"),
            Some(vec![k("logins"), Index(0), k("name")])
        );
        assert_eq!(parse_plain_key("a[\"b c\"]"), Some(vec![k("a"), k("b c")]));
        assert_eq!(parse_plain_key("a.\"b c\""), Some(vec![k("a"), k("b c")]));
        assert_eq!(parse_plain_key("x[-2]"), Some(vec![k("x"), Index(-2)]));
        assert_eq!(parse_plain_key("[\"x\"][1]"), Some(vec![k("x"), Index(1)]));
        for bad in [
            "",
            ".a",
            "a.",
            "a..b",
            "a b",
            "a|b",
            "a[]",
            "a[1:2]",
            "a[x]",
            "1a",
            "a-b",
            "a[\"x\\(1)\"]",
            "a[\"x\"",
            "a[1",
            "a[01x]",
            "a[99999999999]",
            "a[\"b\" ]",
            "a.[0]",
            "$x",
            "a?",
            "a//b",
        ] {
            assert_eq!(parse_plain_key(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn fast_path_agrees_with_jq_engine() {
        let mut checked = 0;
        for doc in DOCS {
            let input = format!("{doc}\n");
            for key in KEYS {
                let fast = run_config_query(input.as_bytes(), key)
                    .unwrap_or_else(|| panic!("{key:?} is a plain key and {doc} plain JSON"));
                let slow = jq::run(input.as_bytes(), &config_query(key, 8), &[]);
                assert_eq!(
                    (String::from_utf8_lossy(&fast.stdout), fast.status),
                    (String::from_utf8_lossy(&slow.stdout), slow.status),
                    "key {key:?} on {doc}"
                );
                assert_eq!(fast.stderr.is_empty(), slow.stderr.is_empty());
                // the plain `.KEY` filter agrees as well
                if let Some(path) = parse_plain_key(key) {
                    let value: Value = serde_json::from_str(doc).unwrap_or_default();
                    let slow = jq::run(input.as_bytes(), &format!(".{key}"), &[]);
                    match walk(&value, &path) {
                        Ok(found) => {
                            let mut out = Vec::new();
                            print_raw(found.unwrap_or(&NULL), &mut out);
                            out.push(b'\n');
                            assert_eq!(out, slow.stdout, ".{key} on {doc}");
                            assert_eq!(slow.status, 0);
                        }
                        Err(e) => {
                            assert_eq!(slow.status, 5, ".{key} on {doc}");
                            assert_eq!(e.to_output(input.as_bytes()).stderr, slow.stderr);
                        }
                    }
                }
                checked += 1;
            }
        }
        assert!(checked > 200);
    }

    #[test]
    fn print_raw_matches_jq_literals() {
        let doc = r#"[1.0,1.50,1e2,1E+2,-0,0.00001,1e-7,100000000000000000001,1e1000,"a\"b\\c\u007f",{"k":[true,null]}]"#;
        let value: Value = serde_json::from_str(doc).unwrap_or_default();
        let mut out = Vec::new();
        print_raw(&value, &mut out);
        let slow = jq::run(doc.as_bytes(), ".", &[]);
        assert_eq!(out.push(b'\n'), ());
        assert_eq!(
            String::from_utf8_lossy(&out),
            String::from_utf8_lossy(&slow.stdout)
        );
    }

    #[test]
    fn what_the_key_does_not_reach_is_read_as_jq_reads_it() {
        // A stray byte where the key does not lead is read; a lone
        // surrogate anywhere is jq's error.
        let stray = b"{\"c\":[1,\"\xff\"],\"a\":{\"x\":1}}\n";
        let lone = b"{\"b\":\"\\ud800\",\"a\":{\"x\":1}}\n";
        assert!(run_config_query(stray, "a.x").is_some());
        assert!(run_config_query(lone, "a.x").is_none());
        for key in ["a", "a.x", "c[0]", "c[0].x", "c[2]", "a[0]"] {
            let input = stray;
            let fast = run_config_query(input, key).expect("plain JSON where the key leads");
            let slow = jq::run(input, &config_query(key, 8), &[]);
            assert_eq!(
                (String::from_utf8_lossy(&fast.stdout), fast.status),
                (String::from_utf8_lossy(&slow.stdout), slow.status),
                "{key}"
            );
            assert_eq!(fast.stderr, slow.stderr, "{key}");
        }
    }

    #[test]
    fn a_text_read_again_is_kept_whole() {
        let doc = b"{\"k\":[1,2],\"s\":\"x\"}\n";
        let other = b"{\"k\":3}\n";
        let answers = |input: &[u8]| {
            ["k", "k[1]", "s", "s.x", "missing"].map(|key| run_config_query(input, key))
        };
        // Met once, a text is not kept; met again, even after another, it is.
        assert!(remembered(doc).is_none());
        assert!(remembered(other).is_none());
        assert!(remembered(doc).is_some());
        assert!(remembered(other).is_some());
        let first = answers(other);
        assert!(remembered(doc).is_some());
        // The answers from a kept document are those read in one pass.
        let kept = answers(doc);
        assert_eq!(
            kept,
            std::thread::spawn(move || answers(doc)).join().unwrap()
        );
        assert_eq!(
            first[0].as_ref().map(|o| o.stdout.as_slice()),
            Some(&b"3\n"[..])
        );
        assert_eq!(
            kept[1].as_ref().map(|o| o.stdout.as_slice()),
            Some(&b"2\n"[..])
        );
    }

    /// Inputs that are not one JSON text serde reads as jq does.
    pub(in crate::engine) const NOT_ONE_JSON_TEXT: &[&[u8]] = &[
        b"",
        b"{",
        b"1 2",
        b"\"\\ud800x\"",
        b"{\"a\":1}}",
        b"nan",
        b"{\"a\":\"\\x\"}",
    ];

    #[test]
    fn non_plain_input_is_left_to_jq() {
        for input in NOT_ONE_JSON_TEXT {
            assert!(run_config_query(input, "a").is_none(), "{input:?}");
        }
        assert!(run_config_query(b"{}", "a | b").is_none());
    }
}
