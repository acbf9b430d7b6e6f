//! The JSON reader: a stream of JSON texts read with jq's grammar, its
//! depth limit and its parse error messages (which scripts see on stderr).

#![forbid(unsafe_code)]

use super::num::parse_literal;
use super::value::{num_from_literal, ObjMap, Str, V};
use super::MAX_DEPTH;
use std::rc::Rc;

/// A stream of JSON texts, read with jq's grammar and error messages.
pub(super) struct Reader<'a> {
    buf: &'a [u8],
    pub(super) pos: usize,
    /// set after a parse error: jq stops reading
    failed: bool,
}

enum Frame {
    Arr(Vec<V>, bool),
    Obj(ObjMap, Option<Str>, ObjState),
}

#[derive(Clone, Copy, PartialEq)]
enum ObjState {
    /// after `{` or `,`: a key must follow (`{` may also close)
    Key,
    /// after a key: `:` must follow
    Colon,
    /// after `:`: a value must follow
    Value,
    /// after a value: `,` or `}` must follow
    Next,
}

pub(super) fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n')
}

fn is_structure(c: u8) -> bool {
    matches!(c, b'[' | b',' | b']' | b'{' | b':' | b'}')
}

impl<'a> Reader<'a> {
    pub(super) fn new(buf: &'a [u8]) -> Self {
        let buf = buf.strip_prefix(b"\xef\xbb\xbf").unwrap_or(buf);
        Self {
            buf,
            pos: 0,
            failed: false,
        }
    }

    fn err(&self, msg: &str, at: usize) -> String {
        self.err_eof(msg, at, at >= self.buf.len())
    }

    fn err_eof(&self, msg: &str, at: usize, at_eof: bool) -> String {
        let at = at.min(self.buf.len());
        let before = &self.buf[..at];
        let line = 1 + before.iter().filter(|c| **c == b'\n').count();
        let col = at
            - before
                .iter()
                .rposition(|c| *c == b'\n')
                .map_or(0, |p| p + 1);
        let eof = if at_eof { " at EOF" } else { "" };
        format!("{msg}{eof} at line {line}, column {col}")
    }

    /// Number of lines jq has read when it hands over a value ending at `end`.
    fn line_at(&self, end: usize) -> usize {
        let nl = self.buf[end.min(self.buf.len())..]
            .iter()
            .position(|c| *c == b'\n')
            .map_or(self.buf.len(), |p| end + p + 1);
        self.buf[..nl].iter().filter(|c| **c == b'\n').count()
    }

    fn string(&mut self) -> Result<V, String> {
        // self.buf[self.pos] == b'"'
        let mut i = self.pos + 1;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let Some(&c) = self.buf.get(i) else {
                self.pos = self.buf.len();
                return Err(self.err("Unfinished string", self.buf.len()));
            };
            match c {
                b'"' => break,
                b'\\' => {
                    let Some(&e) = self.buf.get(i + 1) else {
                        self.pos = self.buf.len();
                        return Err(self.err("Unfinished string", self.buf.len()));
                    };
                    i += 2;
                    let ch = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hex = |at: usize| -> Option<u32> {
                                let h = self.buf.get(at..at + 4)?;
                                u32::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()
                            };
                            let Some(u) = hex(i) else {
                                return Err(self.skip_string_err(i, "Invalid escape"));
                            };
                            i += 4;
                            if (0xD800..0xDC00).contains(&u) {
                                let low = if self.buf.get(i..i + 2) == Some(b"\\u") {
                                    hex(i + 2).filter(|l| (0xDC00..0xE000).contains(l))
                                } else {
                                    None
                                };
                                let Some(low) = low else {
                                    return Err(self.skip_string_err(
                                        i,
                                        "Invalid \\uXXXX\\uXXXX surrogate pair escape",
                                    ));
                                };
                                i += 6;
                                char::from_u32(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00))
                                    .unwrap_or('\u{fffd}')
                            } else {
                                char::from_u32(u).unwrap_or('\u{fffd}')
                            }
                        }
                        _ => return Err(self.skip_string_err(i, "Invalid escape")),
                    };
                    let mut b = [0; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut b).as_bytes());
                }
                c if c < 0x20 => {
                    return Err(self.skip_string_err(
                        i,
                        "Invalid string: control characters from U+0000 through U+001F must be escaped",
                    ));
                }
                c => {
                    out.push(c);
                    i += 1;
                }
            }
        }
        self.pos = i + 1;
        let s = match String::from_utf8(out) {
            Ok(s) => s,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        };
        Ok(V::from(s))
    }

    /// jq reports string errors once the whole string is read.
    fn skip_string_err(&mut self, mut i: usize, msg: &str) -> String {
        while i < self.buf.len() && self.buf[i] != b'"' {
            i += if self.buf[i] == b'\\' { 2 } else { 1 };
        }
        if i >= self.buf.len() {
            self.pos = self.buf.len();
            return self.err("Unfinished string", self.buf.len());
        }
        let at = (i + 1).min(self.buf.len());
        self.pos = at;
        self.err(msg, at)
    }

    fn literal(&mut self) -> Result<V, String> {
        let start = self.pos;
        let mut end = start;
        while end < self.buf.len() {
            let c = self.buf[end];
            if is_ws(c) || is_structure(c) || c == b'"' {
                break;
            }
            end += 1;
        }
        self.pos = end;
        let tok = &self.buf[start..end];
        let at = if end < self.buf.len() { end + 1 } else { end };
        let check = |pattern: &[u8], v: V| {
            if tok == pattern {
                Ok(v)
            } else {
                Err("Invalid literal")
            }
        };
        let r = match tok[0] {
            b't' => check(b"true", V::Bool(true)),
            b'f' => check(b"false", V::Bool(false)),
            b'\'' => Err("Invalid string literal; expected \", but got '"),
            b'n' if tok.get(1) == Some(&b'u') => check(b"null", V::Null),
            _ => std::str::from_utf8(tok)
                .ok()
                .and_then(parse_literal)
                .map(num_from_literal)
                .ok_or("Invalid numeric literal"),
        };
        r.map_err(|m| self.err_eof(m, at, end >= self.buf.len()))
    }

    /// The next JSON text of the stream and the input line jq reports for it.
    pub(super) fn next_value(&mut self) -> Option<Result<(V, usize), String>> {
        if self.failed {
            return None;
        }
        let r = self.parse_value();
        if matches!(r, Some(Err(_))) {
            self.failed = true;
        }
        r.map(|r| r.map(|v| (v, self.line_at(self.pos))))
    }

    pub(super) fn parse_value(&mut self) -> Option<Result<V, String>> {
        let mut stack: Vec<Frame> = Vec::new();
        loop {
            while self.pos < self.buf.len() && is_ws(self.buf[self.pos]) {
                self.pos += 1;
            }
            let Some(&c) = self.buf.get(self.pos) else {
                if stack.is_empty() {
                    return None;
                }
                return Some(Err(self.err("Unfinished JSON term", self.buf.len())));
            };
            let here = self.pos + 1;
            let value = match c {
                b'[' | b'{' => {
                    if let Err(m) = self.expect_value(&stack, c) {
                        return Some(Err(self.err(m, here)));
                    }
                    if stack.len() >= MAX_DEPTH {
                        return Some(Err(self.err("Exceeds depth limit for parsing", here)));
                    }
                    self.pos += 1;
                    stack.push(if c == b'[' {
                        Frame::Arr(Vec::new(), false)
                    } else {
                        Frame::Obj(ObjMap::default(), None, ObjState::Key)
                    });
                    continue;
                }
                b']' => {
                    self.pos += 1;
                    match stack.pop() {
                        Some(Frame::Arr(items, comma)) => {
                            if comma {
                                return Some(Err(self.err("Expected another array element", here)));
                            }
                            V::Arr(Rc::new(items))
                        }
                        Some(Frame::Obj(..)) => return Some(Err(self.err("Unmatched ']'", here))),
                        None => return Some(Err(self.err("Unmatched ']'", here))),
                    }
                }
                b'}' => {
                    self.pos += 1;
                    match stack.pop() {
                        Some(Frame::Obj(map, _, ObjState::Next)) => V::Obj(Rc::new(map)),
                        Some(Frame::Obj(map, None, ObjState::Key)) if map.is_empty() => {
                            V::Obj(Rc::new(map))
                        }
                        Some(Frame::Obj(_, _, ObjState::Key)) => {
                            return Some(Err(self.err("Expected another key-value pair", here)))
                        }
                        Some(Frame::Obj(..)) => {
                            return Some(Err(
                                self.err("Objects must consist of key:value pairs", here)
                            ))
                        }
                        Some(Frame::Arr(..)) => {
                            return Some(Err(
                                self.err("Objects must consist of key:value pairs", here)
                            ))
                        }
                        None => return Some(Err(self.err("Unmatched '}'", here))),
                    }
                }
                b',' => {
                    self.pos += 1;
                    match stack.last_mut() {
                        Some(Frame::Arr(items, comma)) if !items.is_empty() && !*comma => {
                            *comma = true
                        }
                        Some(Frame::Obj(_, _, st @ ObjState::Next)) => *st = ObjState::Key,
                        Some(_) => return Some(Err(self.err("Expected value before ','", here))),
                        None => return Some(Err(self.err("Expected value before ','", here))),
                    }
                    continue;
                }
                b':' => {
                    self.pos += 1;
                    match stack.last_mut() {
                        Some(Frame::Obj(_, Some(_), st @ ObjState::Colon)) => *st = ObjState::Value,
                        Some(Frame::Obj(..)) => {
                            return Some(Err(self.err("Expected string key before ':'", here)))
                        }
                        _ => return Some(Err(self.err("Expected string key before ':'", here))),
                    }
                    continue;
                }
                b'"' => {
                    if let Err(m) = self.expect_value(&stack, c) {
                        return Some(Err(self.err(m, here)));
                    }
                    match self.string() {
                        Ok(v) => v,
                        Err(e) => return Some(Err(e)),
                    }
                }
                _ => {
                    if let Err(m) = self.expect_value(&stack, c) {
                        return Some(Err(self.err(m, here)));
                    }
                    match self.literal() {
                        Ok(v) => v,
                        Err(e) => return Some(Err(e)),
                    }
                }
            };
            // place the completed value
            match stack.last_mut() {
                None => return Some(Ok(value)),
                Some(Frame::Arr(items, comma)) => {
                    items.push(value);
                    *comma = false;
                }
                Some(Frame::Obj(map, key, st)) => match *st {
                    ObjState::Key => {
                        let V::Str(k) = value else {
                            return Some(Err(self.err("Object keys must be strings", self.pos)));
                        };
                        *key = Some(k);
                        *st = ObjState::Colon;
                    }
                    ObjState::Value => {
                        if let Some(k) = key.take() {
                            map.insert(k, value);
                        }
                        *st = ObjState::Next;
                    }
                    ObjState::Colon => {
                        return Some(Err(
                            self.err("Objects must consist of key:value pairs", self.pos)
                        ))
                    }
                    ObjState::Next => {
                        return Some(Err(self.err("Expected separator between values", self.pos)))
                    }
                },
            }
        }
    }

    fn expect_value(&self, stack: &[Frame], c: u8) -> Result<(), &'static str> {
        match stack.last() {
            Some(Frame::Arr(items, false)) if !items.is_empty() => {
                Err("Expected separator between values")
            }
            Some(Frame::Obj(_, _, ObjState::Next)) => Err("Expected separator between values"),
            Some(Frame::Obj(_, _, ObjState::Colon)) => {
                Err("Objects must consist of key:value pairs")
            }
            Some(Frame::Obj(map, _, ObjState::Key)) if c == b'[' || c == b'{' => {
                if map.is_empty() {
                    Err(if c == b'[' {
                        "Expected string key after '{', not '['"
                    } else {
                        "Expected string key after '{', not '{'"
                    })
                } else if c == b'[' {
                    Err("Expected string key after ',' in object, not '['")
                } else {
                    Err("Expected string key after ',' in object, not '{'")
                }
            }
            _ => Ok(()),
        }
    }
}

/// Parse exactly one JSON text (as `fromjson` and `--argjson` do).
pub(super) fn parse_json_text(b: &[u8]) -> Result<V, String> {
    let mut r = Reader::new(b);
    match r.next_value() {
        None => Err("Expected JSON value".into()),
        Some(Err(e)) => Err(e),
        Some(Ok((v, _))) => match r.next_value() {
            None => Ok(v),
            Some(Ok(_)) => Err("Unexpected extra JSON values".into()),
            Some(Err(e)) => Err(e),
        },
    }
}
