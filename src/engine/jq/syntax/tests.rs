//! The syntax diagnosis against any text, and against bashio's config query.

#![forbid(unsafe_code)]

use super::diagnose;
use crate::engine::jq::error::report;

/// Any text at all is diagnosed without a panic, and every message
/// renders, whatever characters it cuts through.
#[test]
fn any_text_is_diagnosed() {
    const PIECES: &[&str] = &[
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        "\"",
        "\\(",
        "\\",
        "|",
        ",",
        ".",
        "..",
        ":",
        ";",
        "$",
        "$x",
        "foo",
        "if",
        "then",
        "else",
        "elif",
        "end",
        "as",
        "reduce",
        "foreach",
        "try",
        "catch",
        "def",
        "label",
        "break",
        "?//",
        "//",
        "=",
        "==",
        "é",
        "ö\u{301}",
        "\u{1F600}",
        "#",
        "\n",
        " ",
        "1",
        ".5",
        "@base64",
        "-",
        "\t",
        "\\u12",
        "\\é",
        "$__loc__",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..20_000 {
        let mut text = String::new();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let len = 1 + seed % 12;
        for _ in 0..len {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
        }
        let messages = diagnose(&text);
        let _ = report(&text, &messages);
    }
}

#[test]
fn config_key_errors_repeat_as_jq_recovers() {
    let query = "if (.a b == null) then\n    null\n  elif (.a b | type == \"string\") then\n    .a b // empty\n  else\n    .a b\n  end";
    let messages: Vec<String> = diagnose(query).into_iter().map(|(_, m)| m).collect();
    assert_eq!(
        messages,
        [
            "syntax error, unexpected IDENT, expecting '|' or ',' or ')'",
            "syntax error, unexpected IDENT, expecting '|' or ',' or ')'",
            "syntax error, unexpected IDENT",
            "Possibly unterminated 'if' statement",
        ]
    );
}
