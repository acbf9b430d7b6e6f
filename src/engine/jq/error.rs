//! jq 1.8's compile errors, as it writes them on stderr: each message with
//! where it happened (`at <top-level>, line L, column C:`), the line of the
//! program it is on, a caret line under the offending text, and a closing
//! count (`jq: 2 compile errors`). Scripts and people search their logs for
//! these lines, so they are jq's to the byte: columns count bytes from 1, the
//! carets stop at the end of the line, a multi-line program shows only the
//! line in question.
//!
//! Syntax errors are found by `syntax`, with jq's own wording; names that
//! are not defined come from the compiler and are put back in jq's order.
//! Where jq 1.8 differs on the fringe (the arguments of `select` are not
//! checked by jq when its name is bound, names in definitions never called,
//! `reduce` reporting its initial value first), ours reports in source
//! order.

#![forbid(unsafe_code)]

use super::lex::{tokens, Kind, Span};

/// `locfile_locate`: one message with its place in `src`.
pub fn locate(src: &str, span: Span, message: &str) -> String {
    if span == super::syntax::NOWHERE {
        return format!("jq: error: {message}\n");
    }
    let b = src.as_bytes();
    let start = span.start.min(b.len());
    let line_start = b[..start]
        .iter()
        .rposition(|&c| c == b'\n')
        .map_or(0, |at| at + 1);
    let line_end = b[line_start..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(b.len(), |at| line_start + at);
    // lines end at a newline, so this is whole characters
    let line = String::from_utf8_lossy(&b[line_start..line_end]);
    let number = 1 + b[..line_start].iter().filter(|&&c| c == b'\n').count();
    let span = Span {
        start,
        end: span.end.max(start),
    };
    // the underline stops at the end of the line, but is one caret at least
    let end = span.end.min(line_end.max(span.start + 1));
    let carets = end.saturating_sub(span.start);
    let width = end.saturating_sub(line_start);
    format!(
        "jq: error: {message} at <top-level>, line {number}, column {}:\n    {line}\n    {}{}\n",
        span.start - line_start + 1,
        " ".repeat(width - carets),
        "^".repeat(carets)
    )
}

/// Every message, then jq's count of them.
pub fn report(src: &str, messages: &[(Span, String)]) -> String {
    let mut out: String = messages
        .iter()
        .map(|(span, message)| locate(src, *span, message))
        .collect();
    out.push_str(&count(messages.len()));
    out
}

/// `jq: 1 compile error`, `jq: 2 compile errors`.
pub fn count(n: usize) -> String {
    if n == 1 {
        "jq: 1 compile error\n".to_string()
    } else {
        format!("jq: {n} compile errors\n")
    }
}

/// jq's report of the syntax errors in `src`, if it has any.
pub fn syntax(src: &str) -> Option<String> {
    let messages = super::syntax::diagnose(src);
    (!messages.is_empty()).then(|| report(src, &messages))
}

/// jq's report of names the program uses but nothing defines: `undefined`
/// holds, for each, where its name starts in `code` (the text the compiler
/// read, which may differ from `src` by inserted parentheses) and the
/// message (`foo/0 is not defined`, `$x is not defined`). None when none of
/// them can be placed.
pub fn undefined(src: &str, code: &str, undefined: &[(usize, String)]) -> Option<String> {
    let in_code = names(code);
    let in_src = names(src);
    let mut found: Vec<(Span, String, Option<Span>)> = Vec::new();
    for (offset, message) in undefined {
        let Some(index) = in_code.iter().position(|(span, _)| span.start == *offset) else {
            continue;
        };
        let Some((span, args)) = in_src.get(index) else {
            continue;
        };
        if found.iter().any(|(s, _, _)| s == span) {
            continue;
        }
        found.push((*span, message.clone(), *args));
    }
    found.sort_by_key(|(span, _, _)| span.start);
    // jq does not look into the arguments of a function it cannot find
    let calls: Vec<Span> = found.iter().filter_map(|(_, _, args)| *args).collect();
    found.retain(|(span, _, _)| {
        !calls
            .iter()
            .any(|args| args.start < span.start && span.end <= args.end)
    });
    if found.is_empty() {
        return None;
    }
    // jq compiles the program, then each function inside it, and stops at
    // the first part with errors
    let undefined_calls: Vec<Span> = found
        .iter()
        .filter(|(_, _, args)| args.is_some())
        .map(|(span, _, _)| *span)
        .collect();
    let mut parts = super::units::closures(src, &undefined_calls);
    parts.sort_by_key(|p| (p.start, std::cmp::Reverse(p.end)));
    parts.dedup();
    let found: Vec<(Span, String)> = found.into_iter().map(|(s, m, _)| (s, m)).collect();
    let messages = reported(&parts, None, &found);
    Some(report(src, &messages))
}

/// The innermost part holding `span`, if any.
fn part_of(parts: &[Span], span: Span, outside: Option<usize>) -> Option<usize> {
    parts
        .iter()
        .enumerate()
        .filter(|(i, p)| Some(*i) != outside && p.start <= span.start && span.end <= p.end)
        .min_by_key(|(_, p)| p.end - p.start)
        .map(|(i, _)| i)
}

/// What jq reports for `part` (None: the program's body): its own errors,
/// or when it has none, those of the parts directly inside it, in order.
fn reported(parts: &[Span], part: Option<usize>, found: &[(Span, String)]) -> Vec<(Span, String)> {
    let own: Vec<(Span, String)> = found
        .iter()
        .filter(|(span, _)| part_of(parts, *span, None) == part)
        .cloned()
        .collect();
    if !own.is_empty() {
        return own;
    }
    let mut inner: Vec<usize> = (0..parts.len())
        .filter(|&i| Some(i) != part && part_of(parts, parts[i], Some(i)) == part)
        .collect();
    inner.sort_by_key(|&i| parts[i].start);
    inner.dedup_by_key(|i| parts[*i]);
    inner
        .into_iter()
        .flat_map(|i| reported(parts, Some(i), found))
        .collect()
}

/// The names in a program (identifiers and `$variables`), in order, each
/// with the span of its argument list when a `(` follows it.
fn names(src: &str) -> Vec<(Span, Option<Span>)> {
    let toks = tokens(src);
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if !matches!(t.kind, Kind::Ident | Kind::Binding) {
            continue;
        }
        let args = (t.kind == Kind::Ident
            && toks.get(i + 1).is_some_and(|n| n.kind == Kind::Char(b'(')))
        .then(|| {
            let mut depth = 0usize;
            let start = toks[i + 1].span.start;
            for n in &toks[i + 1..] {
                match n.kind {
                    Kind::Char(b'(')
                    | Kind::Char(b'[')
                    | Kind::Char(b'{')
                    | Kind::QqInterpStart => depth += 1,
                    Kind::Char(b')') | Kind::Char(b']') | Kind::Char(b'}') | Kind::QqInterpEnd => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            return Span {
                                start,
                                end: n.span.end,
                            };
                        }
                    }
                    _ => {}
                }
            }
            Span {
                start,
                end: src.len(),
            }
        });
        out.push((t.span, args));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_points_at_its_place() {
        assert_eq!(
            locate(".a | foo | bar", Span { start: 5, end: 8 }, "foo/0 is not defined"),
            "jq: error: foo/0 is not defined at <top-level>, line 1, column 6:\n    .a | foo | bar\n         ^^^\n"
        );
        // the end of a program: one caret under its last character
        assert_eq!(
            locate(".[", Span { start: 1, end: 2 }, "x"),
            "jq: error: x at <top-level>, line 1, column 2:\n    .[\n     ^\n"
        );
        // a span running past its line stops at the line's end
        assert_eq!(
            locate("if .\nthen", Span { start: 0, end: 9 }, "y"),
            "jq: error: y at <top-level>, line 1, column 1:\n    if .\n    ^^^^\n"
        );
        assert_eq!(
            locate("a\n  bc d", Span { start: 4, end: 6 }, "z"),
            "jq: error: z at <top-level>, line 2, column 3:\n      bc d\n      ^^\n"
        );
    }

    #[test]
    fn counts() {
        assert_eq!(count(1), "jq: 1 compile error\n");
        assert_eq!(count(12), "jq: 12 compile errors\n");
    }

    #[test]
    fn undefined_names_in_source_order() {
        let text = undefined(
            "foo(bar) | baz",
            "foo(bar) | baz",
            &[
                (11, "baz/0 is not defined".into()),
                (0, "foo/1 is not defined".into()),
                (4, "bar/0 is not defined".into()),
            ],
        );
        assert_eq!(
            text.as_deref().unwrap_or_default(),
            "jq: error: foo/1 is not defined at <top-level>, line 1, column 1:\n    foo(bar) | baz\n    ^^^\n\
             jq: error: baz/0 is not defined at <top-level>, line 1, column 12:\n    foo(bar) | baz\n               ^^^\n\
             jq: 2 compile errors\n"
        );
    }
}

#[cfg(test)]
mod recorded {
    /// Cases recorded from jq 1.8 by `tests/data/record_jq_cases.sh`.
    const CASES: &str = include_str!("../../../tests/data/jq_cases.json");

    /// Every compile error recorded from jq 1.8 comes out byte for byte.
    #[test]
    fn compile_errors_match_jq() {
        let cases: Vec<serde_json::Value> = serde_json::from_str(CASES).expect("cases parse");
        let mut checked = 0;
        let mut failures = Vec::new();
        for case in &cases {
            if case["status"] != 3 || case.get("known_difference").is_some() {
                continue;
            }
            let filter = case["filter"].as_str().unwrap_or_default();
            let args: Vec<&str> = case
                .get("args")
                .and_then(|a| a.as_array())
                .map(|a| a.iter().filter_map(|x| x.as_str()).collect())
                .unwrap_or_default();
            let input = case["input"].as_str().unwrap_or_default().as_bytes();
            let out = match super::super::parse_invocation(&args, filter) {
                Ok((vars, program)) => super::super::run(input, &program, &vars),
                Err(out) => out,
            };
            let want = case["stderr"].as_str().unwrap_or_default();
            checked += 1;
            if out.status != 3 || String::from_utf8_lossy(&out.stderr) != want {
                failures.push(format!(
                    "filter {filter:?}\n--- jq 1.8\n{want}--- ours (status {})\n{}",
                    out.status,
                    String::from_utf8_lossy(&out.stderr)
                ));
            }
        }
        assert!(checked >= 275, "only {checked} compile errors recorded");
        assert!(
            failures.is_empty(),
            "{} of {checked} compile errors differ from jq 1.8:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}
