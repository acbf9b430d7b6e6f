//! bashio's string.sh: case, replacement, length and substrings with bash's
//! own semantics (`${s,,}`, `${s//"x"/y}`, `${#s}`, `${s:p:l}`), characters
//! cut and mapped by the script's locale (see `ctype`).

use super::{ctype, log};
use crate::ctx::{Args, Ctx, Ret, NOK, OK};
use crate::table::{Body::*, Function};

pub const FUNCTIONS: &[Function] = &[
    Function::new(
        "bashio::string.lower",
        Native(lower),
        "STRING: STRING in lower case",
    ),
    Function::new(
        "bashio::string.upper",
        Native(upper),
        "STRING: STRING in upper case",
    ),
    Function::new(
        "bashio::string.replace",
        Native(replace),
        "STRING NEEDLE REPLACEMENT: every NEEDLE in STRING replaced",
    ),
    Function::new(
        "bashio::string.length",
        Native(length),
        "STRING: the number of characters in STRING",
    ),
    Function::new(
        "bashio::string.substring",
        Native(substring),
        "STRING POSITION [LENGTH]: part of STRING",
    ),
];

/// The trace line of `bashio::string.lower`, for callers that lower-case in place.
pub fn trace_lower(ctx: &mut Ctx, value: &str) {
    log::trace(ctx, "bashio::string.lower", &Args::of(&[value]));
}

fn lower(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::string.lower", args);
    ctx.print(&ctype::map_case(args.bytes(0), false));
    OK
}

fn upper(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::string.upper", args);
    ctx.print(&ctype::map_case(args.bytes(0), true));
    OK
}

/// The replacement as bash 5.2 reads an unquoted one: `&` stands for the
/// match, `\&` and `\\` are escapes, any other backslash is kept.
fn expand_replacement(replacement: &[u8], matched: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < replacement.len() {
        match replacement[i] {
            b'\\' if matches!(replacement.get(i + 1), Some(b'&' | b'\\')) => {
                out.push(replacement[i + 1]);
                i += 2;
            }
            b'&' => {
                out.extend_from_slice(matched);
                i += 1;
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    out
}

fn replace(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::string.replace", args);
    let (text, needle) = (args.bytes(0), args.bytes(1));
    if needle.is_empty() {
        ctx.print(text);
        return OK;
    }
    let replacement = expand_replacement(args.bytes(2), needle);
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if text[i..].starts_with(needle) {
            out.extend_from_slice(&replacement);
            i += needle.len();
        } else {
            out.push(text[i]);
            i += 1;
        }
    }
    ctx.print(&out);
    OK
}

/// The string as bash counts it: characters in a UTF-8 locale, else bytes.
fn units(bytes: &[u8]) -> Vec<&[u8]> {
    match std::str::from_utf8(bytes) {
        Ok(text) if ctype::utf8() => text
            .char_indices()
            .map(|(i, c)| &bytes[i..i + c.len_utf8()])
            .collect(),
        _ => bytes.chunks(1).collect(),
    }
}

fn length(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::string.length", args);
    ctx.print(units(args.bytes(0)).len().to_string().as_bytes());
    OK
}

/// A bash arithmetic expression as substring offsets take them: integer
/// literals (decimal, 0x hex, 0 octal), `+ - * / % **`, unary signs and
/// parentheses; empty is 0. None for what it cannot evaluate (a variable
/// name, a syntax error, division by zero).
fn arithmetic(value: &str) -> Option<i64> {
    let mut parser = Arithmetic {
        text: value.as_bytes(),
        at: 0,
    };
    parser.skip_space();
    if parser.at == parser.text.len() {
        return Some(0);
    }
    let result = parser.sum()?;
    parser.skip_space();
    (parser.at == parser.text.len()).then_some(result)
}

struct Arithmetic<'a> {
    text: &'a [u8],
    at: usize,
}

impl Arithmetic<'_> {
    fn skip_space(&mut self) {
        while self.text.get(self.at).is_some_and(u8::is_ascii_whitespace) {
            self.at += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_space();
        self.text.get(self.at).copied()
    }

    fn rest_starts(&self, token: &[u8]) -> bool {
        self.text[self.at..].starts_with(token)
    }

    fn sum(&mut self) -> Option<i64> {
        let mut value = self.product()?;
        loop {
            match self.peek() {
                Some(b'+') if !self.rest_starts(b"++") => {
                    self.at += 1;
                    value = value.wrapping_add(self.product()?);
                }
                Some(b'-') if !self.rest_starts(b"--") => {
                    self.at += 1;
                    value = value.wrapping_sub(self.product()?);
                }
                _ => return Some(value),
            }
        }
    }

    fn product(&mut self) -> Option<i64> {
        let mut value = self.power()?;
        loop {
            match self.peek() {
                Some(b'*') if !self.rest_starts(b"**") => {
                    self.at += 1;
                    value = value.wrapping_mul(self.power()?);
                }
                Some(operator @ (b'/' | b'%')) => {
                    self.at += 1;
                    let divisor = self.power()?;
                    if divisor == 0 {
                        return None;
                    }
                    value = if operator == b'/' {
                        value.wrapping_div(divisor)
                    } else {
                        value.wrapping_rem(divisor)
                    };
                }
                _ => return Some(value),
            }
        }
    }

    /// `**` binds right to left, and looser than a unary sign (`-2**2` is 4).
    fn power(&mut self) -> Option<i64> {
        let base = self.unary()?;
        if self.peek() == Some(b'*') && self.rest_starts(b"**") {
            self.at += 2;
            let exponent = self.power()?;
            return u32::try_from(exponent)
                .ok()
                .map(|exponent| base.wrapping_pow(exponent));
        }
        Some(base)
    }

    fn unary(&mut self) -> Option<i64> {
        match self.peek()? {
            b'+' => {
                self.at += 1;
                self.unary()
            }
            b'-' => {
                self.at += 1;
                self.unary().map(i64::wrapping_neg)
            }
            b'(' => {
                self.at += 1;
                let value = self.sum()?;
                (self.peek() == Some(b')')).then(|| self.at += 1)?;
                Some(value)
            }
            b'0'..=b'9' => self.literal(),
            _ => None,
        }
    }

    fn literal(&mut self) -> Option<i64> {
        let start = self.at;
        while self
            .text
            .get(self.at)
            .is_some_and(|b| b.is_ascii_alphanumeric())
        {
            self.at += 1;
        }
        let word = std::str::from_utf8(&self.text[start..self.at]).ok()?;
        if let Some(hex) = word.strip_prefix("0x").or(word.strip_prefix("0X")) {
            i64::from_str_radix(hex, 16).ok()
        } else if word.len() > 1 && word.starts_with('0') {
            i64::from_str_radix(&word[1..], 8).ok()
        } else {
            word.parse().ok()
        }
    }
}

fn substring(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::string.substring", args);
    let length = args.str(2);
    let with_length = super::var::has_value(ctx, length.as_bytes());
    let parts = units(args.bytes(0));
    let count = parts.len() as i64;
    let Some(position) = arithmetic(&args.str(1)) else {
        eprintln!("bashio: {}: arithmetic syntax error", args.str(1));
        return NOK;
    };
    let start = if position < 0 {
        count + position
    } else {
        position
    };
    if start < 0 || start > count {
        return OK;
    }
    let end = if !with_length {
        count
    } else {
        let Some(length) = arithmetic(&length) else {
            eprintln!("bashio: {length}: arithmetic syntax error");
            return NOK;
        };
        if length < 0 {
            let end = count + length;
            if end < start {
                eprintln!("bashio: {length}: substring expression < 0");
                return NOK;
            }
            end
        } else {
            (start + length).min(count)
        }
    };
    ctx.print(&parts[start as usize..end as usize].concat());
    OK
}

#[cfg(test)]
mod tests {
    use super::{arithmetic, expand_replacement};

    #[test]
    fn offsets_are_arithmetic() {
        assert_eq!(arithmetic(""), Some(0));
        assert_eq!(arithmetic(" -3"), Some(-3));
        assert_eq!(arithmetic("1+1"), Some(2));
        assert_eq!(arithmetic("2*(3+4) - 010 % 3"), Some(12));
        assert_eq!(arithmetic("-2**2"), Some(4));
        assert_eq!(arithmetic("2**3**2"), Some(512));
        assert_eq!(arithmetic("0x1f"), Some(31));
        assert_eq!(arithmetic("x"), None);
        assert_eq!(arithmetic("1/0"), None);
        assert_eq!(arithmetic("(1"), None);
    }

    #[test]
    fn replacement_follows_bash_52() {
        assert_eq!(expand_replacement(b"[&]", b"-"), b"[-]");
        assert_eq!(expand_replacement(b"x\\&y", b"-"), b"x&y");
        assert_eq!(expand_replacement(b"x\\\\y\\n", b"-"), b"x\\y\\n");
    }
}
