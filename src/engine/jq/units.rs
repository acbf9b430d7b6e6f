//! Which parts of a jq program jq 1.8 compiles as functions of their own,
//! because that decides which undefined names it reports. jq compiles the
//! program's body first and stops at the first part with errors; only a part
//! without any goes on to the functions inside it: the arguments of a call to
//! a function written in jq (`map(f)`, `select(f)`, a `def`), the bodies of
//! definitions, both sides of `=` and `|=` and the left side of `+=` and its
//! kin (jq builds them from `_assign` and `_modify`). The arguments of the
//! functions jq implements in C (`has`, `getpath`, `split/1`, ...) are part of
//! the caller. So `select(foo) | bar` reports only `bar`, and `select(foo)`
//! alone reports `foo`.

#![forbid(unsafe_code)]

use super::lex::{is_assignment, tokens, Kind, Span, Token};

/// jq 1.8's functions written in C that take arguments, as NAME/ARITY.
const C_FUNCTIONS: &[&str] = &[
    "_group_by_impl/1",
    "_match_impl/3",
    "_max_by_impl/1",
    "_min_by_impl/1",
    "_sort_by_impl/1",
    "_strindices/1",
    "_unique_by_impl/1",
    "bsearch/1",
    "contains/1",
    "delpaths/1",
    "endswith/1",
    "format/1",
    "getpath/1",
    "halt_error/1",
    "has/1",
    "setpath/2",
    "split/1",
    "startswith/1",
    "strflocaltime/1",
    "strftime/1",
    "strptime/1",
];

/// The spans of the parts compiled as functions of their own. `undefined`
/// holds the name spans of calls to functions nothing defines (jq never
/// looks at their arguments).
pub fn closures(src: &str, undefined: &[Span]) -> Vec<Span> {
    let toks = tokens(src);
    let partner = partners(&toks);
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        match t.kind {
            Kind::Ident
                if toks.get(i + 1).is_some_and(|n| n.kind == Kind::Char(b'('))
                    && (i == 0 || toks[i - 1].kind != Kind::Word("def")) =>
            {
                let Some(close) = partner[i + 1] else {
                    continue;
                };
                let args = split_args(&toks, &partner, i + 2, close);
                let name = src.get(t.span.start..t.span.end).unwrap_or_default();
                let called = format!("{name}/{}", args.len());
                if undefined.contains(&t.span) || C_FUNCTIONS.contains(&called.as_str()) {
                    continue;
                }
                out.extend(args);
            }
            Kind::Word("def") => {
                if let Some(body) = def_body(&toks, &partner, i) {
                    out.push(body);
                }
            }
            Kind::Char(b'=') | Kind::Word("|=") => {
                out.extend(left_operand(&toks, &partner, i));
                out.extend(right_operand(&toks, &partner, i));
            }
            Kind::Word("+=" | "-=" | "*=" | "/=" | "%=" | "//=") => {
                out.extend(left_operand(&toks, &partner, i));
            }
            _ => {}
        }
    }
    out
}

/// For each bracket token, the index of the one that closes or opens it.
fn partners(toks: &[Token]) -> Vec<Option<usize>> {
    let mut partner = vec![None; toks.len()];
    let mut open: Vec<usize> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        match t.kind {
            Kind::Char(b'(' | b'[' | b'{') | Kind::QqInterpStart => open.push(i),
            Kind::Char(b')' | b']' | b'}') | Kind::QqInterpEnd => {
                if let Some(o) = open.pop() {
                    partner[o] = Some(i);
                    partner[i] = Some(o);
                }
            }
            _ => {}
        }
    }
    partner
}

fn is_open(t: &Token) -> bool {
    matches!(t.kind, Kind::Char(b'(' | b'[' | b'{') | Kind::QqInterpStart)
}

fn is_close(t: &Token) -> bool {
    matches!(t.kind, Kind::Char(b')' | b']' | b'}') | Kind::QqInterpEnd)
}

fn span_of(toks: &[Token], first: usize, last: usize) -> Option<Span> {
    (first <= last).then(|| Span {
        start: toks[first].span.start,
        end: toks[last].span.end,
    })
}

/// The arguments between tokens `from` and `close` (the call's `)`), split at
/// the `;` of this level.
fn split_args(toks: &[Token], partner: &[Option<usize>], from: usize, close: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = from;
    let mut i = from;
    while i < close {
        if is_open(&toks[i]) {
            i = partner[i].map_or(i + 1, |p| p + 1);
            continue;
        }
        if toks[i].kind == Kind::Char(b';') {
            out.extend(span_of(toks, start, i.saturating_sub(1)));
            start = i + 1;
        }
        i += 1;
    }
    out.extend(span_of(toks, start, close.saturating_sub(1)));
    out
}

/// `def NAME(PARAMS): BODY;`: the body.
fn def_body(toks: &[Token], partner: &[Option<usize>], at: usize) -> Option<Span> {
    let mut i = at + 2;
    if toks.get(i)?.kind == Kind::Char(b'(') {
        i = partner[i]? + 1;
    }
    if toks.get(i)?.kind != Kind::Char(b':') {
        return None;
    }
    let start = i + 1;
    let mut j = start;
    let mut depth = 0usize;
    while j < toks.len() {
        let t = &toks[j];
        if is_open(t) {
            j = partner[j].map_or(j + 1, |p| p + 1);
            continue;
        }
        match t.kind {
            Kind::Word("def") => depth += 1,
            Kind::Char(b';') if depth == 0 => return span_of(toks, start, j - 1),
            Kind::Char(b';') => depth -= 1,
            Kind::Eof => return None,
            _ if is_close(t) => return None,
            _ => {}
        }
        j += 1;
    }
    None
}

/// Tokens an operand of `=` cannot reach past: what binds more loosely, and
/// the edges of its construct.
fn ends_operand(t: &Token) -> bool {
    is_assignment(t.kind)
        || is_open(t)
        || is_close(t)
        || matches!(
            t.kind,
            Kind::Char(b'|' | b',' | b';' | b':')
                | Kind::Word(
                    "//" | "if"
                        | "then"
                        | "elif"
                        | "else"
                        | "end"
                        | "reduce"
                        | "foreach"
                        | "try"
                        | "catch"
                        | "label"
                        | "def"
                        | "as"
                )
                | Kind::Eof
                | Kind::Invalid
        )
}

fn left_operand(toks: &[Token], partner: &[Option<usize>], at: usize) -> Option<Span> {
    let last = at.checked_sub(1)?;
    let mut i = at;
    while i > 0 {
        let t = &toks[i - 1];
        if is_close(t) {
            match partner[i - 1] {
                Some(p) => {
                    i = p;
                    continue;
                }
                None => break,
            }
        }
        if ends_operand(t) {
            break;
        }
        i -= 1;
    }
    span_of(toks, i, last)
}

fn right_operand(toks: &[Token], partner: &[Option<usize>], at: usize) -> Option<Span> {
    let first = at + 1;
    let mut i = first;
    while i < toks.len() {
        let t = &toks[i];
        if is_open(t) {
            match partner[i] {
                Some(p) => {
                    i = p + 1;
                    continue;
                }
                None => break,
            }
        }
        if ends_operand(t) {
            break;
        }
        i += 1;
    }
    span_of(toks, first, i.checked_sub(1)?)
}

#[cfg(test)]
mod tests {
    use super::closures;

    fn texts(src: &str) -> Vec<&str> {
        closures(src, &[])
            .into_iter()
            .map(|s| &src[s.start..s.end])
            .collect()
    }

    #[test]
    fn the_parts_jq_compiles_apart() {
        assert_eq!(texts("select(.a == 1) | bar"), [".a == 1"]);
        assert_eq!(texts("has(foo) | limit(1; foo)"), ["1", "foo"]);
        assert_eq!(texts(".a.b = (1 | 2) | c"), [".a.b", "(1 | 2)"]);
        assert_eq!(texts(".a += foo"), [".a"]);
        assert_eq!(texts("def f(x): x | g; f(1)"), ["x | g", "1"]);
    }
}
