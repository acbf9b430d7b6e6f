//! jq 1.8's tokens, as its scanner cuts a program, for the syntax-error
//! messages of `syntax`: which token was unexpected, its name in the
//! message and where it lies. jaq's own lexer accepts a slightly different
//! language and keeps no bracket stack; jq's scanner does, and turns a
//! closing bracket that does not match the innermost open one into
//! INVALID_CHARACTER, which decides much of what jq reports.

#![forbid(unsafe_code)]

/// A byte range of the program.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Eof,
    Invalid,
    Ident,
    Field,
    Binding,
    Literal,
    Format,
    QqStart,
    QqText,
    QqInterpStart,
    QqInterpEnd,
    QqEnd,
    /// A keyword or an operator of more than one character, by its text.
    Word(&'static str),
    /// A one-character token: `. ? = ; , : | + - * / % $ < > [ { ( ] } )`.
    Char(u8),
}

#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub kind: Kind,
    pub span: Span,
}

impl Token {
    /// The token as bison names it in "unexpected X" and "expecting X".
    pub fn name(&self) -> String {
        name(self.kind)
    }

    pub fn is(&self, kind: Kind) -> bool {
        self.kind == kind
    }
}

pub fn name(kind: Kind) -> String {
    match kind {
        Kind::Eof => "end of file".into(),
        Kind::Invalid => "INVALID_CHARACTER".into(),
        Kind::Ident => "IDENT".into(),
        Kind::Field => "FIELD".into(),
        Kind::Binding => "BINDING".into(),
        Kind::Literal => "LITERAL".into(),
        Kind::Format => "FORMAT".into(),
        Kind::QqStart => "QQSTRING_START".into(),
        Kind::QqText => "QQSTRING_TEXT".into(),
        Kind::QqInterpStart => "QQSTRING_INTERP_START".into(),
        Kind::QqInterpEnd => "QQSTRING_INTERP_END".into(),
        Kind::QqEnd => "QQSTRING_END".into(),
        Kind::Word(text) => text.into(),
        Kind::Char(c) => format!("'{}'", c as char),
    }
}

const KEYWORDS: &[&str] = &[
    "as", "import", "include", "module", "def", "if", "then", "else", "elif", "and", "or", "end",
    "reduce", "foreach", "try", "catch", "label", "break",
];

/// The assignment operators written with more than one character (`=` is a
/// one-character token).
pub const ASSIGNMENTS: &[&str] = &["|=", "+=", "-=", "*=", "/=", "%=", "//="];

/// Whether the token is an assignment operator (`=`, `|=`, `+=`, ...).
pub fn is_assignment(kind: Kind) -> bool {
    match kind {
        Kind::Char(b'=') => true,
        Kind::Word(w) => ASSIGNMENTS.contains(&w),
        _ => false,
    }
}

/// Operators of two or three characters, longest first.
const OPERATORS: &[&str] = &[
    "?//", "//=", "!=", "==", "//", "|=", "+=", "-=", "*=", "/=", "%=", "<=", ">=", "..",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    Paren,
    Bracket,
    Brace,
    Interp,
    String,
}

/// The program's tokens, ending with Eof; Eof lies where the scanner's last
/// match did (a token, a run of blanks or a comment character), as jq
/// reports it.
pub fn tokens(src: &str) -> Vec<Token> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut last = Span { start: 0, end: 0 };
    let mut i = 0;
    while i < b.len() {
        let start = i;
        let (kind, end) = if stack.last() == Some(&Open::String) {
            in_string(b, i, &mut stack)
        } else if b[i] == b'#' {
            // a comment: each character is a match of its own; a backslash
            // escapes a backslash or the newline
            let mut j = i + 1;
            last = Span { start: i, end: j };
            while j < b.len() && b[j] != b'\n' {
                let from = j;
                j += match (b[j], b.get(j + 1), b.get(j + 2)) {
                    (b'\\', Some(b'\\' | b'\n'), _) => 2,
                    (b'\\', Some(b'\r'), Some(b'\n')) => 3,
                    (b'\r', Some(b'\n'), _) => break,
                    _ => 1,
                };
                last = Span {
                    start: from,
                    end: j,
                };
            }
            if j < b.len() {
                let newline = if b[j] == b'\r' { 2 } else { 1 };
                last = Span {
                    start: j,
                    end: j + newline,
                };
                j += newline;
            }
            i = j;
            continue;
        } else if matches!(b[i], b' ' | b'\t' | b'\r' | b'\n') {
            while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\r' | b'\n') {
                i += 1;
            }
            last = Span { start, end: i };
            continue;
        } else {
            outside_string(src, i, &mut stack)
        };
        i = end.max(start + 1);
        last = Span { start, end: i };
        out.push(Token { kind, span: last });
    }
    out.push(Token {
        kind: Kind::Eof,
        span: last,
    });
    out
}

fn ident_start(b: &[u8], j: usize) -> bool {
    b.get(j)
        .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_')
}

/// `([a-zA-Z_][a-zA-Z_0-9]*::)*[a-zA-Z_][a-zA-Z_0-9]*` from `j`.
fn ident_end(b: &[u8], mut j: usize) -> usize {
    loop {
        j = field_end(b, j);
        if b.get(j) == Some(&b':') && b.get(j + 1) == Some(&b':') && ident_start(b, j + 2) {
            j += 2;
            continue;
        }
        return j;
    }
}

/// One token inside `"..."`: text, escapes, `\(` or the closing quote.
fn in_string(b: &[u8], i: usize, stack: &mut Vec<Open>) -> (Kind, usize) {
    if b[i] == b'"' {
        stack.pop();
        return (Kind::QqEnd, i + 1);
    }
    if b[i] == b'\\' && b.get(i + 1) == Some(&b'(') {
        stack.push(Open::Interp);
        return (Kind::QqInterpStart, i + 2);
    }
    if b[i] != b'\\' {
        let mut j = i;
        while j < b.len() && b[j] != b'\\' && b[j] != b'"' {
            j += 1;
        }
        return (Kind::QqText, j);
    }
    // (\\[^u(]|\\u[a-zA-Z0-9]{0,4})+
    let mut j = i;
    while j < b.len() && b[j] == b'\\' {
        match b.get(j + 1) {
            Some(b'u') => {
                j += 2;
                let mut n = 0;
                while n < 4 && b.get(j).is_some_and(u8::is_ascii_alphanumeric) {
                    j += 1;
                    n += 1;
                }
            }
            Some(b'(') | None => break,
            Some(_) => j += 2,
        }
    }
    if j == i {
        (Kind::Invalid, i + 1)
    } else {
        (Kind::QqText, j)
    }
}

/// One token outside strings, by the longest match (the earlier rule on a tie).
fn outside_string(src: &str, i: usize, stack: &mut Vec<Open>) -> (Kind, usize) {
    let b = src.as_bytes();
    let c = b[i];
    let rest = &b[i..];
    if rest.starts_with(b"$__loc__") && ident_end(b, i + 1) == i + 8 {
        return (Kind::Word("$__loc__"), i + 8);
    }
    if ident_start(b, i) {
        let end = ident_end(b, i);
        // an identifier is ASCII, so these are character boundaries
        let word = src.get(i..end).unwrap_or_default();
        return match KEYWORDS.iter().find(|k| **k == word) {
            Some(k) => (Kind::Word(k), end),
            None => (Kind::Ident, end),
        };
    }
    if c == b'$' && ident_start(b, i + 1) {
        return (Kind::Binding, ident_end(b, i + 1));
    }
    if c == b'.' && ident_start(b, i + 1) {
        return (Kind::Field, field_end(b, i + 1));
    }
    let number = number_end(b, i);
    if number > i {
        return (Kind::Literal, number);
    }
    if let Some(op) = OPERATORS.iter().find(|op| rest.starts_with(op.as_bytes())) {
        return (Kind::Word(op), i + op.len());
    }
    if c == b'@'
        && b.get(i + 1)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
    {
        return (Kind::Format, field_end(b, i + 1));
    }
    match c {
        b'"' => {
            stack.push(Open::String);
            (Kind::QqStart, i + 1)
        }
        b'(' | b'[' | b'{' => {
            stack.push(match c {
                b'(' => Open::Paren,
                b'[' => Open::Bracket,
                _ => Open::Brace,
            });
            (Kind::Char(c), i + 1)
        }
        b')' | b']' | b'}' => {
            let open = stack.last().copied();
            let matching = match open {
                Some(Open::Paren | Open::Interp) => c == b')',
                Some(Open::Bracket) => c == b']',
                Some(Open::Brace) => c == b'}',
                _ => false,
            };
            if !matching {
                return (Kind::Invalid, i + 1);
            }
            stack.pop();
            if open == Some(Open::Interp) {
                (Kind::QqInterpEnd, i + 1)
            } else {
                (Kind::Char(c), i + 1)
            }
        }
        _ if b".?=;,:|+-*/%$<>".contains(&c) => (Kind::Char(c), i + 1),
        _ => (Kind::Invalid, i + 1),
    }
}

/// Where `[0-9]+(\.[0-9]*)?([eE][+-]?[0-9]+)?` or `\.[0-9]+(...)` matching at `i` ends.
fn number_end(b: &[u8], i: usize) -> usize {
    let digits = |mut j: usize| {
        while b.get(j).is_some_and(u8::is_ascii_digit) {
            j += 1;
        }
        j
    };
    let mut j = digits(i);
    if j > i {
        if b.get(j) == Some(&b'.') {
            j = digits(j + 1);
        }
    } else if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
        j = digits(i + 1);
    } else {
        return i;
    }
    if matches!(b.get(j), Some(b'e' | b'E')) {
        let mut k = j + 1;
        if matches!(b.get(k), Some(b'+' | b'-')) {
            k += 1;
        }
        let e = digits(k);
        if e > k {
            j = e;
        }
    }
    j
}

/// A field name is `[a-zA-Z_][a-zA-Z_0-9]*` (no `::`).
fn field_end(b: &[u8], mut j: usize) -> usize {
    while b
        .get(j)
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
    {
        j += 1;
    }
    j
}
