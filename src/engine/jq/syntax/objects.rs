//! The parts of jq's grammar with keys: object constructions (`{a: 1}`,
//! with jq's recovery that asks for parentheses around a key it cannot
//! read) and destructuring patterns (`. as [$a, {b: $c}]`).

#![forbid(unsafe_code)]

use super::{is_char, Parser, Stop, DICT, KEY_NOTE, PAREN, PATTERN, R};
use crate::engine::jq::lex::{Kind, Span};

impl Parser<'_> {
    pub(super) fn patterns(&mut self) -> R<()> {
        self.pattern()?;
        while self.next_word("?//") {
            self.bump();
            self.pattern()?;
        }
        Ok(())
    }

    fn pattern(&mut self) -> R<()> {
        let t = self.peek();
        match t.kind {
            Kind::Binding => {
                self.bump();
                Ok(())
            }
            Kind::Char(b'[') => {
                self.bump();
                loop {
                    self.pattern()?;
                    if self.next_is(b',') {
                        self.bump();
                        continue;
                    }
                    return self.expect(b']', &["','", "']'"]);
                }
            }
            Kind::Char(b'{') => {
                self.bump();
                let first = self.at;
                let mut entry_start = first;
                loop {
                    let start = match self.object_pattern_entry() {
                        Ok(()) => {
                            if self.next_is(b',') {
                                self.bump();
                                entry_start = self.at;
                                continue;
                            }
                            match self.expect(b'}', &["','", "'}'"]) {
                                Ok(()) => return Ok(()),
                                Err(Stop::Abort) => return Err(Stop::Abort),
                                Err(Stop::Error) => self.toks[first].span.start,
                            }
                        }
                        Err(Stop::Abort) => return Err(Stop::Abort),
                        Err(Stop::Error) if self.at > entry_start => {
                            self.toks[entry_start].span.start.min(self.last_error.start)
                        }
                        Err(Stop::Error) => self.last_error.start,
                    };
                    // jq's `error ':' Pattern`: up to a `:`, then a pattern
                    self.silent = 3;
                    while !self.next_is(b':') {
                        if self.peek().is(Kind::Eof) {
                            return Err(Stop::Abort);
                        }
                        self.at += 1;
                    }
                    self.bump();
                    self.pattern()?;
                    let end = self.toks[self.at.saturating_sub(1)].span.end;
                    self.messages
                        .push((Span { start, end }, KEY_NOTE.to_string()));
                    if self.next_is(b',') {
                        self.bump();
                        entry_start = self.at;
                        continue;
                    }
                    return self.expect(b'}', &["','", "'}'"]);
                }
            }
            _ => Err(self.fail(PATTERN)),
        }
    }

    /// One entry of an object pattern: `$name`, `$name: P`, `key: P`,
    /// `"key": P`, `(query): P`.
    fn object_pattern_entry(&mut self) -> R<()> {
        let key = self.peek();
        match key.kind {
            Kind::Binding => {
                self.bump();
                if self.next_is(b':') {
                    self.bump();
                    self.pattern()?;
                }
                Ok(())
            }
            Kind::Ident | Kind::Word(_) | Kind::QqStart => {
                if key.is(Kind::QqStart) {
                    self.string()?;
                } else {
                    self.bump();
                }
                self.expect(b':', &["':'"])?;
                self.pattern()
            }
            Kind::Char(b'(') => {
                self.bump();
                self.query()?;
                self.expect(b')', PAREN)?;
                self.expect(b':', &["':'"])?;
                self.pattern()
            }
            _ => Err(self.fail(&[])),
        }
    }

    /// `{...}`: pairs, with jq's recovery at `{` (up to `}` or a `:`) and
    /// after each `,` (up to a `:`), where a `:` makes jq ask for
    /// parentheses around the key it could not read.
    pub(super) fn object(&mut self) -> R<()> {
        self.bump();
        let first = self.at;
        if self.next_is(b'}') {
            self.bump();
            return Ok(());
        }
        let mut pair_start = first;
        let mut after_comma = false;
        let mut pair_done = false;
        loop {
            let pair = if pair_done { Ok(()) } else { self.pair() };
            pair_done = false;
            let (start, after_comma_now) = match pair {
                Ok(()) => {
                    if self.next_is(b',') {
                        self.bump();
                        pair_start = self.at;
                        after_comma = true;
                        continue;
                    }
                    match self.expect(b'}', DICT) {
                        Ok(()) => return Ok(()),
                        Err(Stop::Abort) => return Err(Stop::Abort),
                        // every pair is given up, back to the `{`
                        Err(Stop::Error) => (self.toks[first].span.start, false),
                    }
                }
                Err(Stop::Abort) => return Err(Stop::Abort),
                Err(Stop::Error) => {
                    let start = if self.at > pair_start {
                        self.toks[pair_start].span.start.min(self.last_error.start)
                    } else {
                        self.last_error.start
                    };
                    (start, after_comma)
                }
            };
            self.silent = 3;
            let mut end = self.last_error.end;
            loop {
                let t = self.peek();
                if is_char(t, b'}') && !after_comma_now {
                    self.bump();
                    return Ok(());
                }
                if is_char(t, b':') {
                    break;
                }
                if t.is(Kind::Eof) {
                    return Err(Stop::Abort);
                }
                end = t.span.end;
                self.at += 1;
            }
            self.bump();
            self.dict_value()?;
            self.messages
                .push((Span { start, end }, KEY_NOTE.to_string()));
            pair_done = true;
        }
    }

    fn pair(&mut self) -> R<()> {
        let t = self.peek();
        match t.kind {
            Kind::Ident | Kind::Word(_) | Kind::Binding => {
                if matches!(t.kind, Kind::Word(w) if !w.chars().all(|c| c.is_ascii_alphabetic() || c == '$' || c == '_'))
                {
                    return Err(self.fail(&[]));
                }
                self.bump();
            }
            Kind::QqStart | Kind::Format => self.string()?,
            Kind::Char(b'(') => {
                self.bump();
                self.query()?;
                self.expect(b')', PAREN)?;
                self.expect(b':', &["':'"])?;
                return self.dict_value();
            }
            _ => return Err(self.fail(&[])),
        }
        if self.next_is(b':') {
            self.bump();
            self.dict_value()?;
        }
        Ok(())
    }

    /// An object value: expressions without `,` (which ends the pair) or
    /// `as`, joined by `|`.
    fn dict_value(&mut self) -> R<()> {
        loop {
            self.exp(3, false)?;
            if !self.next_is(b'|') {
                return Ok(());
            }
            self.bump();
        }
    }
}
