//! Getting a filter ready for jaq: the prelude definitions it needs (and only
//! those, since compiling a whole standard library costs more than running a
//! typical filter), and the rewrites that make jaq read the text as jq does.

#![forbid(unsafe_code)]

use super::value::V;
use super::write::to_json;
use jaq_core::load::lex::{StrPart, Tok, Token};
use jaq_core::load::{self, Lexer};
use std::collections::HashSet;

/// jq's standard definitions, written for jaq: one definition a line, each
/// using only natives and the definitions above it.
pub(super) const PRELUDE: &str = include_str!("prelude.jq");

/// Names that a piece of jq text may call (over-approximated: any word).
fn identifiers(text: &str) -> impl Iterator<Item = &str> {
    let b = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() {
            let c = b[i];
            if c.is_ascii_alphabetic() || c == b'_' || c == b'@' || c == b'$' {
                let start = i;
                i += 1;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                    i += 1;
                }
                if b[start] != b'$' {
                    return Some(&text[start..i]);
                }
            } else {
                i += 1;
            }
        }
        None
    })
}

/// The prelude definitions (as source text) that a set of names needs,
/// adding to the set every name those definitions use in turn.
pub(super) fn select_prelude(needed: &mut HashSet<&str>) -> String {
    let mut taken: Vec<&str> = Vec::new();
    // a definition only uses definitions above it, so one backward pass suffices
    for line in PRELUDE.lines().rev() {
        let Some(rest) = line.strip_prefix("def ") else {
            continue;
        };
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '@'))
            .unwrap_or(rest.len());
        let (name, body) = rest.split_at(end);
        if needed.contains(name) {
            taken.push(line);
            needed.extend(identifiers(body));
        }
    }
    let mut text = String::new();
    for line in taken.iter().rev() {
        text.push_str(line);
        text.push('\n');
    }
    text
}

/// Formats that jq knows; others fail when used, not when compiled.
const FORMATS: &[&str] = &[
    "@text", "@json", "@html", "@uri", "@urid", "@csv", "@tsv", "@sh", "@base64", "@base64d",
    "@base32", "@base32d",
];

/// The filter as handed to jaq, with the names it uses and the values of the
/// global variables that the rewriting introduced.
pub(super) struct Prepared {
    pub(super) code: String,
    pub(super) idents: HashSet<String>,
    pub(super) extra_defs: String,
}

/// Adapt the filter's text to jaq without changing its meaning in jq:
/// `$__loc__` becomes its value, and formats jq does not know fail at run time.
pub(super) fn prepare(filter: &str) -> Prepared {
    let mut p = Prepared {
        code: filter.to_string(),
        idents: HashSet::new(),
        extra_defs: String::new(),
    };
    let Ok(tokens) = Lexer::new(filter).lex() else {
        return p;
    };
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    walk_tokens(filter, &tokens, &mut p, &mut edits);
    let mut unknown: Vec<&String> = p
        .idents
        .iter()
        .filter(|i| i.starts_with('@') && !FORMATS.contains(&i.as_str()))
        .collect();
    unknown.sort();
    for name in unknown {
        p.extra_defs.push_str(&format!(
            "def {name}: _format_error({});\n",
            to_json(&V::str(&name[1..]))
        ));
    }
    if !p.extra_defs.is_empty() {
        p.idents.insert("_format_error".into());
    }
    edits.sort_by_key(|e| e.0);
    let mut out = String::with_capacity(filter.len() + 16 * edits.len());
    let mut at = 0;
    for (start, len, text) in edits {
        if start < at {
            continue;
        }
        out.push_str(&filter[at..start]);
        out.push_str(&text);
        at = start + len;
    }
    out.push_str(&filter[at..]);
    p.code = out;
    p
}

/// Operators that jq binds tighter than `//` (jaq binds them looser).
const ASSIGN_OPS: &[&str] = &["=", "|=", "+=", "-=", "*=", "/=", "%=", "//="];
/// Tokens that end an operator expression at one nesting level.
const SEGMENT_SYMS: &[&str] = &["|", ",", ";", ":", ")", "]", "}"];
const SEGMENT_WORDS: &[&str] = &[
    "if", "then", "elif", "else", "end", "try", "catch", "reduce", "foreach", "def", "label", "as",
];

/// In jq, `a = b // c` means `(a = b) // c` and `a // b = c` means
/// `a // (b = c)`; jaq groups both the other way. Parenthesise every operand
/// of `//` that holds an assignment so that jaq reads it as jq does.
fn group_alternatives(
    whole: &str,
    tokens: &[Token<&str>],
    edits: &mut Vec<(usize, usize, String)>,
) {
    let is_sym = |t: &Token<&str>, set: &[&str]| matches!(t, Token(s, Tok::Sym) if set.contains(s));
    let mut start = 0;
    for i in 0..=tokens.len() {
        let boundary = i == tokens.len()
            || is_sym(&tokens[i], SEGMENT_SYMS)
            || matches!(&tokens[i], Token(s, Tok::Word) if SEGMENT_WORDS.contains(s));
        if !boundary {
            continue;
        }
        let seg = &tokens[start..i];
        start = i + 1;
        let has_alt = seg.iter().any(|t| is_sym(t, &["//"]));
        if !has_alt || !seg.iter().any(|t| is_sym(t, ASSIGN_OPS)) {
            continue;
        }
        for part in seg.split(|t| is_sym(t, &["//"])) {
            if let (Some(first), Some(last)) = (part.first(), part.last()) {
                if part.iter().any(|t| is_sym(t, ASSIGN_OPS)) {
                    edits.push((load::span(whole, first.0).start, 0, "(".into()));
                    edits.push((load::span(whole, last.0).end, 0, ")".into()));
                }
            }
        }
    }
}

fn walk_tokens(
    whole: &str,
    tokens: &[Token<&str>],
    p: &mut Prepared,
    edits: &mut Vec<(usize, usize, String)>,
) {
    group_alternatives(whole, tokens, edits);
    for (i, Token(s, tok)) in tokens.iter().enumerate() {
        let span = load::span(whole, s);
        match tok {
            Tok::Word | Tok::Fmt => {
                p.idents.insert(s.to_string());
            }
            Tok::Var if *s == "$__loc__" => {
                let line = 1 + whole[..span.start].matches('\n').count();
                let value = format!("{{\"file\":\"<top-level>\",\"line\":{line}}}");
                // `{$__loc__}` is shorthand for `{"__loc__": $__loc__}`
                let prev = i.checked_sub(1).map(|j| tokens[j].0);
                let next = tokens.get(i + 1).map(|t| t.0);
                let in_object = whole[..span.start].trim_end().ends_with('{')
                    || (prev == Some(",") && next.is_none_or(|n| n == ","));
                let shorthand = in_object && next.is_none_or(|n| n == "," || n == "}");
                let text = if shorthand {
                    format!("\"__loc__\": {value}")
                } else {
                    value
                };
                edits.push((span.start, span.len(), text));
            }
            Tok::Str(parts) => {
                for part in parts {
                    if let StrPart::Term(t) = part {
                        walk_tokens(whole, std::slice::from_ref(t), p, edits);
                    }
                }
            }
            Tok::Block(inner) => walk_tokens(whole, inner, p, edits),
            Tok::Var | Tok::Num | Tok::Sym => {}
        }
    }
}
