//! bash's arithmetic over numbers, where bashio hands a value to it: the
//! offsets of `${s:p:l}` (`bashio::string.substring`) and LOG_LEVEL, which
//! bashio compares with `[[ LEVEL -gt ... ]]`, so that `+6`, ` 6 `, `0x7`
//! and `3+3` are levels and `-1` is below every level.

#![forbid(unsafe_code)]

/// A bash arithmetic expression without variables: integer
/// literals (decimal, 0x hex, 0 octal), `+ - * / % **`, unary signs and
/// parentheses; empty is 0. None for what it cannot evaluate (a variable
/// name, a syntax error, division by zero).
pub fn evaluate(value: &str) -> Option<i64> {
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
        } else if word.bytes().all(|b| b.is_ascii_digit()) {
            // bash lets a decimal literal wrap around, as its arithmetic does
            Some(word.bytes().fold(0i64, |value, digit| {
                value.wrapping_mul(10).wrapping_add(i64::from(digit - b'0'))
            }))
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::evaluate;

    #[test]
    fn numbers_and_operators() {
        assert_eq!(evaluate(""), Some(0));
        assert_eq!(evaluate(" -3"), Some(-3));
        assert_eq!(evaluate("1+1"), Some(2));
        assert_eq!(evaluate("2*(3+4) - 010 % 3"), Some(12));
        assert_eq!(evaluate("-2**2"), Some(4));
        assert_eq!(evaluate("2**3**2"), Some(512));
        assert_eq!(evaluate("0x1f"), Some(31));
        assert_eq!(evaluate("x"), None);
        assert_eq!(evaluate("1/0"), None);
        assert_eq!(evaluate("(1"), None);
        assert_eq!(evaluate("+6"), Some(6));
        assert_eq!(evaluate("--1"), Some(1));
        assert_eq!(evaluate("99999999999999999999"), Some(7766279631452241919));
        assert_eq!(evaluate("08"), None);
        assert_eq!(evaluate("6.0"), None);
    }
}
