//! The lexer of the script reader: words with their quoting resolved and
//! whether they are literal, operators, newlines and here-documents, and the
//! token lists of command substitutions inside words.

#![forbid(unsafe_code)]

/// How deep `$(...)` may nest before its inside is skipped unread.
pub(super) const MAX_NESTING: usize = 32;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Word {
    /// The word with quotes and escapes removed; each expansion leaves a `$`.
    pub text: String,
    /// No expansion anywhere in the word.
    pub literal: bool,
    /// Some part of the word was quoted or escaped (so `"if"` is no keyword).
    pub quoted: bool,
    pub line: usize,
    /// The token lists of its command substitutions.
    pub subs: Vec<Vec<Tok>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tok {
    Word(Word),
    Op(&'static str),
    Newline,
}

/// Operators, longest first.
const OPERATORS: [&str; 21] = [
    ";;&", "&>>", "<<<", "<<-", "&&", "||", ";;", ";&", "|&", "&>", "<<", "<>", "<&", ">>", ">&",
    ">|", ";", "&", "|", "<", ">",
];

pub(super) struct Lexer<'a> {
    s: &'a [char],
    i: usize,
    line: usize,
    heredocs: Vec<(String, bool)>,
    want_delimiter: Option<bool>,
}

#[derive(Default)]
struct Building {
    word: Word,
    started: bool,
}

impl Building {
    fn start(&mut self, line: usize) {
        if !self.started {
            self.started = true;
            self.word.literal = true;
            self.word.line = line;
        }
    }
}

impl<'a> Lexer<'a> {
    pub(super) fn new(s: &'a [char], line: usize) -> Lexer<'a> {
        Lexer {
            s,
            i: 0,
            line,
            heredocs: Vec::new(),
            want_delimiter: None,
        }
    }

    fn peek(&self, k: usize) -> Option<char> {
        self.s.get(self.i + k).copied()
    }

    fn finish(&mut self, building: &mut Building, out: &mut Vec<Tok>) {
        if !building.started {
            return;
        }
        let word = std::mem::take(building).word;
        if let Some(strip) = self.want_delimiter.take() {
            self.heredocs.push((word.text.clone(), strip));
        }
        out.push(Tok::Word(word));
    }

    /// Tokens up to the end, or (`until_paren`) up to the `)` closing a `$(`.
    pub(super) fn tokens(&mut self, depth: usize, until_paren: bool) -> Vec<Tok> {
        let mut out = Vec::new();
        let mut w = Building::default();
        let mut parens = 0usize;
        while let Some(c) = self.peek(0) {
            match c {
                ' ' | '\t' | '\r' => {
                    self.finish(&mut w, &mut out);
                    self.i += 1;
                }
                '\n' => {
                    self.finish(&mut w, &mut out);
                    out.push(Tok::Newline);
                    self.i += 1;
                    self.line += 1;
                    self.skip_heredocs();
                }
                '#' if !w.started => {
                    while self.peek(0).is_some_and(|c| c != '\n') {
                        self.i += 1;
                    }
                }
                '\\' => {
                    if self.peek(1) == Some('\n') {
                        self.i += 2;
                        self.line += 1;
                    } else {
                        w.start(self.line);
                        w.word.quoted = true;
                        if let Some(next) = self.peek(1) {
                            w.word.text.push(next);
                        }
                        self.i += 2;
                    }
                }
                '\'' => {
                    w.start(self.line);
                    w.word.quoted = true;
                    self.i += 1;
                    while let Some(c) = self.peek(0) {
                        self.i += 1;
                        if c == '\'' {
                            break;
                        }
                        if c == '\n' {
                            self.line += 1;
                        }
                        w.word.text.push(c);
                    }
                }
                '"' => {
                    w.start(self.line);
                    w.word.quoted = true;
                    self.i += 1;
                    self.double_quoted(&mut w.word, depth);
                }
                '`' => {
                    w.start(self.line);
                    self.backtick(&mut w.word, depth);
                }
                '$' => {
                    w.start(self.line);
                    self.dollar(&mut w.word, depth);
                }
                '<' | '>' if self.peek(1) == Some('(') => {
                    w.start(self.line);
                    self.i += 2;
                    self.substitution(&mut w.word, depth);
                }
                '(' => {
                    self.finish(&mut w, &mut out);
                    if until_paren {
                        parens += 1;
                    }
                    out.push(Tok::Op("("));
                    self.i += 1;
                }
                ')' => {
                    self.finish(&mut w, &mut out);
                    self.i += 1;
                    if until_paren {
                        if parens == 0 {
                            return out;
                        }
                        parens -= 1;
                    }
                    out.push(Tok::Op(")"));
                }
                ';' | '&' | '|' | '<' | '>' => {
                    let op = OPERATORS
                        .iter()
                        .find(|op| op.chars().enumerate().all(|(k, c)| self.peek(k) == Some(c)))
                        .copied()
                        .unwrap_or(";");
                    if op.contains(['<', '>']) {
                        let text = &w.word.text;
                        let io_number = w.started
                            && w.word.literal
                            && !w.word.quoted
                            && !text.is_empty()
                            && (text.chars().all(|c| c.is_ascii_digit())
                                || (text.starts_with('{') && text.ends_with('}')));
                        if io_number {
                            w = Building::default();
                        }
                    }
                    self.finish(&mut w, &mut out);
                    if op == "<<" || op == "<<-" {
                        self.want_delimiter = Some(op == "<<-");
                    }
                    out.push(Tok::Op(op));
                    self.i += op.len();
                }
                _ => {
                    w.start(self.line);
                    w.word.text.push(c);
                    self.i += 1;
                }
            }
        }
        self.finish(&mut w, &mut out);
        out
    }

    /// After a newline: the bodies of the here-documents started on that line.
    fn skip_heredocs(&mut self) {
        for (delimiter, strip_tabs) in std::mem::take(&mut self.heredocs) {
            while self.i < self.s.len() {
                let start = self.i;
                while self.peek(0).is_some_and(|c| c != '\n') {
                    self.i += 1;
                }
                let line: String = self.s[start..self.i].iter().collect();
                if self.peek(0) == Some('\n') {
                    self.i += 1;
                    self.line += 1;
                }
                let line = if strip_tabs {
                    line.trim_start_matches('\t')
                } else {
                    &line
                };
                if line.trim_end_matches('\r') == delimiter {
                    break;
                }
            }
        }
    }

    /// Inside `"..."`, the opening quote consumed.
    fn double_quoted(&mut self, word: &mut Word, depth: usize) {
        while let Some(c) = self.peek(0) {
            match c {
                '"' => {
                    self.i += 1;
                    return;
                }
                '\\' => match self.peek(1) {
                    Some(next @ ('$' | '`' | '"' | '\\')) => {
                        word.text.push(next);
                        self.i += 2;
                    }
                    Some('\n') => {
                        self.i += 2;
                        self.line += 1;
                    }
                    _ => {
                        word.text.push('\\');
                        self.i += 1;
                    }
                },
                '$' => self.dollar(word, depth),
                '`' => self.backtick(word, depth),
                _ => {
                    if c == '\n' {
                        self.line += 1;
                    }
                    word.text.push(c);
                    self.i += 1;
                }
            }
        }
    }

    /// At a `$`.
    fn dollar(&mut self, word: &mut Word, depth: usize) {
        match self.peek(1) {
            Some('(') if self.peek(2) == Some('(') => {
                self.i += 3;
                self.skip_balanced('(', ')', 2);
                word.literal = false;
                word.text.push('$');
            }
            Some('(') => {
                self.i += 2;
                self.substitution(word, depth);
            }
            Some('{') => {
                self.i += 2;
                self.skip_balanced('{', '}', 1);
                word.literal = false;
                word.text.push('$');
            }
            Some('\'') => {
                word.quoted = true;
                self.i += 2;
                while let Some(c) = self.peek(0) {
                    self.i += 1;
                    match c {
                        '\\' => {
                            if let Some(next) = self.peek(0) {
                                word.text.push(next);
                                self.i += 1;
                            }
                        }
                        '\'' => break,
                        _ => {
                            if c == '\n' {
                                self.line += 1;
                            }
                            word.text.push(c);
                        }
                    }
                }
            }
            Some('"') => {
                word.quoted = true;
                self.i += 2;
                self.double_quoted(word, depth);
            }
            Some(c) if c.is_ascii_alphabetic() || c == '_' => {
                self.i += 1;
                while self
                    .peek(0)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
                {
                    self.i += 1;
                }
                word.literal = false;
                word.text.push('$');
            }
            Some(c) if c.is_ascii_digit() || "@*#?$!-".contains(c) => {
                self.i += 2;
                word.literal = false;
                word.text.push('$');
            }
            _ => {
                word.text.push('$');
                self.i += 1;
            }
        }
    }

    /// After `$(` or `<(`: the commands inside, up to the matching `)`.
    fn substitution(&mut self, word: &mut Word, depth: usize) {
        word.literal = false;
        word.text.push('$');
        if depth >= MAX_NESTING {
            self.skip_balanced('(', ')', 1);
            return;
        }
        let tokens = self.tokens(depth + 1, true);
        word.subs.push(tokens);
    }

    /// Skips to where `depth` opened `open`s are closed, counting lines.
    fn skip_balanced(&mut self, open: char, close: char, mut depth: usize) {
        while let Some(c) = self.peek(0) {
            self.i += 1;
            if c == '\\' {
                if self.peek(0) == Some('\n') {
                    self.line += 1;
                }
                self.i += 1;
            } else if c == '\n' {
                self.line += 1;
            } else if c == open {
                depth += 1;
            } else if c == close {
                depth -= 1;
                if depth == 0 {
                    return;
                }
            }
        }
    }

    /// At a backquote: the old command substitution, lexed on its own.
    fn backtick(&mut self, word: &mut Word, depth: usize) {
        word.literal = false;
        word.text.push('$');
        self.i += 1;
        let first_line = self.line;
        let mut inner = Vec::new();
        while let Some(c) = self.peek(0) {
            self.i += 1;
            match c {
                '\\' => {
                    if let Some(next) = self.peek(0) {
                        if !matches!(next, '`' | '\\' | '$') {
                            inner.push('\\');
                        }
                        if next == '\n' {
                            self.line += 1;
                        }
                        inner.push(next);
                        self.i += 1;
                    }
                }
                '`' => break,
                _ => {
                    if c == '\n' {
                        self.line += 1;
                    }
                    inner.push(c);
                }
            }
        }
        if depth < MAX_NESTING {
            let tokens = Lexer::new(&inner, first_line).tokens(depth + 1, false);
            word.subs.push(tokens);
        }
    }
}
