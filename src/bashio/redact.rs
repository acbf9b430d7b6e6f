//! The rules that keep secrets out of debug and trace lines, on bytes alone
//! (no settings, no files), so that they can be tested and fuzzed apart from
//! the log: which JSON keys name a secret, their values hidden in place, and
//! known values hidden wherever they recur. `log_redact` applies them.

#![forbid(unsafe_code)]

/// What a hidden value becomes in a log line.
pub const MARK: &[u8] = b"<REDACTED>";

/// The shortest known value replaced wherever it appears: shorter ones
/// would shred unrelated text.
pub const MIN_KNOWN: usize = 4;

/// Nesting deeper than this is not parsed (rule 2 still applies).
const MAX_DEPTH: usize = 256;

/// Key parts that name a secret on their own.
pub const SECRET_WORDS: &[&str] = &[
    "password",
    "passwords",
    "passwd",
    "pass",
    "pwd",
    "passphrase",
    "psk",
    "secret",
    "secrets",
    "token",
    "apikey",
    "apikeys",
    "privatekey",
    "credential",
    "credentials",
];

/// Pairs of consecutive key parts that name a secret together (`api_key`,
/// `private-key`, `apiKey`).
pub const SECRET_PAIRS: &[(&str, &str)] = &[
    ("api", "key"),
    ("api", "keys"),
    ("private", "key"),
    ("private", "keys"),
];

/// The parts of a key, lower case: split at `_`, `-`, `.`, spaces, camelCase
/// boundaries (`dbPassword`, `DBPassword`: `db`, `password`) and where
/// digits follow letters (`password2`: `password`, `2`).
fn key_parts(key: &str) -> Vec<String> {
    let chars: Vec<char> = key.chars().collect();
    let mut parts = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if matches!(c, '_' | '-' | '.' | ' ') {
            if !current.is_empty() {
                parts.push(std::mem::take(&mut current));
            }
            continue;
        }
        if c.is_ascii_digit() && i > 0 && chars[i - 1].is_alphabetic() && !current.is_empty() {
            parts.push(std::mem::take(&mut current));
        }
        if c.is_uppercase() && !current.is_empty() {
            let previous = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            if previous.is_lowercase()
                || previous.is_ascii_digit()
                || (previous.is_uppercase() && next_lower)
            {
                parts.push(std::mem::take(&mut current));
            }
        }
        current.extend(c.to_lowercase());
    }
    if !current.is_empty() {
        parts.push(current);
    }
    parts
}

/// Whether an object key names a secret: one of its parts is in
/// `SECRET_WORDS`, or two consecutive parts are a pair of `SECRET_PAIRS`.
/// Case does not matter. `tokens` is not a secret word: `max_tokens`,
/// `tokens_used` count things.
pub fn is_secret_key(key: &str) -> bool {
    // Most keys hold none of the words: they are settled without splitting.
    const STEMS: &[&[u8]] = &[
        b"pass",
        b"pwd",
        b"psk",
        b"secret",
        b"token",
        b"key",
        b"credential",
    ];
    let bytes = key.as_bytes();
    if key.is_ascii()
        && !STEMS.iter().any(|stem| {
            bytes
                .windows(stem.len())
                .any(|w| w.eq_ignore_ascii_case(stem))
        })
    {
        return false;
    }
    let parts = key_parts(key);
    parts
        .iter()
        .any(|part| SECRET_WORDS.contains(&part.as_str()))
        || parts.windows(2).any(|pair| {
            SECRET_PAIRS
                .iter()
                .any(|(a, b)| pair[0] == *a && pair[1] == *b)
        })
}

/// The text of a JSON string's contents (between its quotes), escapes decoded.
fn decode_string(raw: &[u8]) -> Vec<u8> {
    if !raw.contains(&b'\\') {
        return raw.to_vec();
    }
    let quoted = [&b"\""[..], raw, b"\""].concat();
    match serde_json::from_slice::<String>(&quoted) {
        Ok(text) => text.into_bytes(),
        Err(_) => raw.to_vec(),
    }
}

fn hex(byte: u8) -> bool {
    byte.is_ascii_hexdigit()
}

/// A parser over JSON text that records where secret-keyed values stand.
struct Scanner<'a> {
    text: &'a [u8],
    at: usize,
    /// Byte ranges of the values to hide, in order.
    spans: Vec<(usize, usize)>,
    /// The values hidden (as written and decoded).
    found: Vec<Vec<u8>>,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Some(())
        } else {
            None
        }
    }

    /// A string; returns the range of its contents.
    fn string(&mut self) -> Option<(usize, usize)> {
        self.expect(b'"')?;
        let start = self.at;
        loop {
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    return Some((start, self.at - 1));
                }
                b'\\' => {
                    self.at += 1;
                    match self.peek()? {
                        b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => self.at += 1,
                        b'u' => {
                            let digits = self.text.get(self.at + 1..self.at + 5)?;
                            if !digits.iter().all(|&b| hex(b)) {
                                return None;
                            }
                            self.at += 5;
                        }
                        _ => return None,
                    }
                }
                _ => self.at += 1,
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Option<()> {
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek()? {
            b'0' => self.at += 1,
            b'1'..=b'9' => {
                self.digits();
            }
            _ => return None,
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return None;
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return None;
            }
        }
        Some(())
    }

    fn literal(&mut self, word: &[u8]) -> Option<()> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Some(())
        } else {
            None
        }
    }

    fn hide(&mut self, start: usize, end: usize, contents: (usize, usize)) {
        self.spans.push((start, end));
        let raw = &self.text[contents.0..contents.1];
        let decoded = decode_string(raw);
        if decoded != raw {
            self.found.push(decoded);
        }
        self.found.push(raw.to_vec());
    }

    /// One value; `secret` when it stands under a secret key (directly or
    /// inside an object or array there), so a string or number is hidden.
    fn value(&mut self, depth: usize, secret: bool) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.whitespace();
        let start = self.at;
        match self.peek()? {
            b'{' => {
                self.at += 1;
                self.whitespace();
                if self.peek() == Some(b'}') {
                    self.at += 1;
                    return Some(());
                }
                loop {
                    self.whitespace();
                    let (from, to) = self.string()?;
                    let key = decode_string(&self.text[from..to]);
                    let secret = secret || is_secret_key(&String::from_utf8_lossy(&key));
                    self.whitespace();
                    self.expect(b':')?;
                    self.value(depth + 1, secret)?;
                    self.whitespace();
                    match self.peek()? {
                        b',' => self.at += 1,
                        b'}' => {
                            self.at += 1;
                            return Some(());
                        }
                        _ => return None,
                    }
                }
            }
            b'[' => {
                self.at += 1;
                self.whitespace();
                if self.peek() == Some(b']') {
                    self.at += 1;
                    return Some(());
                }
                loop {
                    self.value(depth + 1, secret)?;
                    self.whitespace();
                    match self.peek()? {
                        b',' => self.at += 1,
                        b']' => {
                            self.at += 1;
                            return Some(());
                        }
                        _ => return None,
                    }
                }
            }
            b'"' => {
                let contents = self.string()?;
                // An empty value hides nothing, and shows it is not set.
                if secret && contents.0 < contents.1 {
                    self.hide(start, self.at, contents);
                }
                Some(())
            }
            b'-' | b'0'..=b'9' => {
                self.number()?;
                if secret {
                    self.hide(start, self.at, (start, self.at));
                }
                Some(())
            }
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            _ => None,
        }
    }
}

/// Rule 1: every JSON object or array in `text` parsed where it starts, the
/// ranges of its secret-keyed values and those values. Parsing is tried at
/// each `{` or `[` outside a text already parsed; the work spent on starts
/// that do not parse is bounded by a few times the text's length.
pub fn secret_spans(text: &[u8]) -> (Vec<(usize, usize)>, Vec<Vec<u8>>) {
    let (mut spans, mut found) = (Vec::new(), Vec::new());
    let mut budget = text.len().saturating_mul(4).saturating_add(4096);
    let mut at = 0;
    while let Some(offset) = text[at..].iter().position(|&b| b == b'{' || b == b'[') {
        let start = at + offset;
        let mut scanner = Scanner {
            text,
            at: start,
            spans: Vec::new(),
            found: Vec::new(),
        };
        if scanner.value(0, false).is_some() {
            spans.append(&mut scanner.spans);
            found.append(&mut scanner.found);
            at = scanner.at;
        } else {
            let spent = scanner.at - start + 1;
            if spent > budget {
                break;
            }
            budget -= spent;
            at = start + 1;
        }
    }
    (spans, found)
}

/// `text` with each range replaced by `"<REDACTED>"`.
fn replace_spans(text: &[u8], spans: &[(usize, usize)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut at = 0;
    for &(start, end) in spans {
        out.extend_from_slice(&text[at..start]);
        out.push(b'"');
        out.extend_from_slice(MARK);
        out.push(b'"');
        at = end;
    }
    out.extend_from_slice(&text[at..]);
    out
}

/// Rule 1 on its own: `text` with the values of secret keys in its JSON
/// hidden, and the values hidden.
pub fn redact_json(text: &[u8]) -> (Vec<u8>, Vec<Vec<u8>>) {
    let (spans, found) = secret_spans(text);
    if spans.is_empty() {
        return (text.to_vec(), found);
    }
    (replace_spans(text, &spans), found)
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let first = needle[0];
    let mut at = from;
    while at + needle.len() <= haystack.len() {
        let offset = haystack[at..=haystack.len() - needle.len()]
            .iter()
            .position(|&b| b == first)?;
        at += offset;
        if haystack[at..].starts_with(needle) {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// Rule 2 on a piece of text without marks: each known value (of at least
/// `MIN_KNOWN` bytes) replaced by `<REDACTED>`; overlapping finds merge.
fn replace_known_in(piece: &[u8], known: &[Vec<u8>], out: &mut Vec<u8>) {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for value in known.iter().filter(|v| v.len() >= MIN_KNOWN) {
        let mut from = 0;
        while let Some(at) = find(piece, value, from) {
            ranges.push((at, at + value.len()));
            from = at + value.len();
        }
    }
    if ranges.is_empty() {
        out.extend_from_slice(piece);
        return;
    }
    ranges.sort_unstable();
    let mut at = 0;
    let mut ranges = ranges.into_iter().peekable();
    while let Some((start, mut end)) = ranges.next() {
        while let Some(&(next_start, next_end)) = ranges.peek() {
            if next_start >= end {
                break;
            }
            end = end.max(next_end);
            ranges.next();
        }
        out.extend_from_slice(&piece[at..start]);
        out.extend_from_slice(MARK);
        at = end;
    }
    out.extend_from_slice(&piece[at..]);
}

/// Rule 2: every known value in `text` replaced by `<REDACTED>`, outside
/// the marks already there.
pub fn redact_known(text: &[u8], known: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = find(rest, MARK, 0) {
        replace_known_in(&rest[..at], known, &mut out);
        out.extend_from_slice(MARK);
        rest = &rest[at + MARK.len()..];
    }
    replace_known_in(rest, known, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(text: &str) -> String {
        String::from_utf8(redact_json(text.as_bytes()).0).unwrap()
    }

    fn known(text: &str, values: &[&str]) -> String {
        let values: Vec<Vec<u8>> = values.iter().map(|v| v.as_bytes().to_vec()).collect();
        String::from_utf8(redact_known(text.as_bytes(), &values)).unwrap()
    }

    #[test]
    fn keys_that_name_secrets() {
        for key in [
            "password",
            "db_password",
            "mqtt_pass",
            "API_KEY",
            "apikey",
            "apiKey",
            "access_token",
            "accessToken",
            "DBPassword",
            "client_secret",
            "private-key",
            "credentials",
            "wifi.psk",
            "Passwd",
            "pwd",
            "secret_access_key",
            "passwords",
            "password2",
            "ÜberPassword",
        ] {
            assert!(is_secret_key(key), "{key} should be secret");
        }
    }

    #[test]
    fn keys_that_do_not() {
        for key in [
            "passage",
            "keyboard",
            "tokens_used",
            "max_tokens",
            "bypass",
            "username",
            "keyfile",
            "certfile",
            "key",
            "api",
            "api_url",
            "compass",
            "secretary",
            "",
        ] {
            assert!(!is_secret_key(key), "{key} should not be secret");
        }
    }

    #[test]
    fn key_parts_split_at_separators_and_case() {
        assert_eq!(key_parts("mqtt_pass"), ["mqtt", "pass"]);
        assert_eq!(key_parts("DBPassword"), ["db", "password"]);
        assert_eq!(key_parts("apiKey2"), ["api", "key", "2"]);
        assert_eq!(key_parts("password2"), ["password", "2"]);
        assert_eq!(key_parts("a--b..c"), ["a", "b", "c"]);
    }

    #[test]
    fn values_of_secret_keys_are_hidden_in_place() {
        assert_eq!(
            json(
                r#"API Response: {"result":"ok","data":{"database":{"host":"x","password":"wonderland"}}}"#
            ),
            r#"API Response: {"result":"ok","data":{"database":{"host":"x","password":"<REDACTED>"}}}"#
        );
        // Formatting, escapes and key order stay as they were.
        assert_eq!(
            json("{\n  \"a\" : \"caf\\u00e9\",\n  \"Token\" :  1234.5e3 ,\"n\":[1, 2]\n}\n"),
            "{\n  \"a\" : \"caf\\u00e9\",\n  \"Token\" :  \"<REDACTED>\" ,\"n\":[1, 2]\n}\n"
        );
    }

    #[test]
    fn json_among_other_arguments() {
        assert_eq!(
            json(r#"bashio::jq {"database":{"password":"wonderland"}} .database.password"#),
            r#"bashio::jq {"database":{"password":"<REDACTED>"}} .database.password"#
        );
        assert_eq!(
            json(r#"bashio::cache.set k [{"api_key":"abcd"},{"x":"y"}]"#),
            r#"bashio::cache.set k [{"api_key":"<REDACTED>"},{"x":"y"}]"#
        );
    }

    #[test]
    fn what_is_not_hidden() {
        // Booleans, null and empty strings say nothing secret.
        let text = r#"{"password":"","token":null,"secret":true,"credentials":{"ok":false}}"#;
        assert_eq!(json(text), text);
        // Whatever a secret key holds is hidden, value by value.
        assert_eq!(
            json(
                r#"{"tokens_used":5,"passwords":["abcd",7,{"name":"n"}],"credentials":{"user":"u"}}"#
            ),
            r#"{"tokens_used":5,"passwords":["<REDACTED>","<REDACTED>",{"name":"<REDACTED>"}],"credentials":{"user":"<REDACTED>"}}"#
        );
    }

    #[test]
    fn escaped_keys_and_values() {
        let (text, found) = redact_json(br#"{"pass\u0077ord":"a\"b\\c"}"#);
        assert_eq!(text, br#"{"pass\u0077ord":"<REDACTED>"}"#);
        assert!(found.contains(&br#"a"b\c"#.to_vec()));
        assert!(found.contains(&br#"a\"b\\c"#.to_vec()));
    }

    #[test]
    fn text_that_does_not_parse_is_left_alone() {
        for text in [
            r#"{"password":"abcd""#,
            r#"{"password":abcd}"#,
            r#"{password:"abcd"}"#,
            "{{{{[[[[",
            "Filtering response using: {password}",
        ] {
            assert_eq!(json(text), text);
        }
        // A whole object inside a broken one still parses on its own.
        assert_eq!(
            json(r#"{"data": {"token":"abcdef"}, broken"#),
            r#"{"data": {"token":"<REDACTED>"}, broken"#
        );
    }

    #[test]
    fn deep_or_long_broken_text_stays_cheap() {
        let deep = "[".repeat(100_000);
        assert_eq!(json(&deep), deep);
        let open = r#"{"a":"#.repeat(20_000);
        assert_eq!(json(&open), open);
    }

    #[test]
    fn known_values_are_hidden_anywhere() {
        assert_eq!(
            known("bashio::var.has_value S3cret-value", &["S3cret-value"]),
            "bashio::var.has_value <REDACTED>"
        );
        assert_eq!(
            known(
                "bashio::string.length xS3cret-valueS3cret-value",
                &["S3cret-value"]
            ),
            "bashio::string.length x<REDACTED><REDACTED>"
        );
        // Overlapping values merge; short ones are never replaced.
        assert_eq!(known("abcdefgh", &["abcdef", "defgh", "gh"]), "<REDACTED>");
        assert_eq!(known("a abc b", &["abc"]), "a abc b");
        // Marks already in the line stay whole.
        assert_eq!(
            known("x <REDACTED> REDACTED", &["REDACTED"]),
            "x <REDACTED> <REDACTED>"
        );
    }

    #[test]
    fn passage_keyboard_and_counts_stay_visible() {
        let text = r#"{"passage":"abcd","keyboard":"efgh","tokens_used":1234}"#;
        assert_eq!(json(text), text);
    }
}
