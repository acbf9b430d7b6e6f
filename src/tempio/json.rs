//! JSON as Go's encoding/json reads and writes it: numbers become float64,
//! objects `map[string]interface {}`, and syntax errors carry Go's texts
//! (`invalid character 'x' looking for beginning of value`, `unexpected
//! EOF`), which tempio prints. Writing follows `json.Marshal`: sorted keys,
//! HTML-safe escapes, Go's float format.

#![forbid(unsafe_code)]

use super::value::{Map, Value};

pub struct Reader<'a> {
    bytes: &'a [u8],
    pub at: usize,
    /// Unmarshal (whole input) or a Decoder (stream) wording at the end.
    stream: bool,
}

fn quote_char(c: u8, bytes: &[u8], at: usize) -> String {
    match c {
        b'\'' => "'\\''".into(),
        b'"' => "'\"'".into(),
        _ => {
            // Go's scanner reads bytes: a byte shows as the rune of its value.
            let _ = (bytes, at);
            let quoted = super::gofmt::quote(&(c as char).to_string());
            format!("'{}'", &quoted[1..quoted.len() - 1])
        }
    }
}

type R<T> = Result<T, String>;

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8], stream: bool) -> Reader<'a> {
        Reader {
            bytes,
            at: 0,
            stream,
        }
    }
    fn eof(&self) -> String {
        if self.stream {
            "unexpected EOF".into()
        } else {
            "unexpected end of JSON input".into()
        }
    }
    fn invalid(&self, context: &str) -> String {
        let c = self.bytes[self.at];
        format!(
            "invalid character {} {context}",
            quote_char(c, self.bytes, self.at)
        )
    }
    fn skip_space(&mut self) {
        while matches!(self.bytes.get(self.at), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            self.at += 1;
        }
    }
    pub fn at_end(&mut self) -> bool {
        self.skip_space();
        self.at >= self.bytes.len()
    }
    pub fn value(&mut self, depth: usize) -> R<Value> {
        self.skip_space();
        let Some(&c) = self.bytes.get(self.at) else {
            return Err(self.eof());
        };
        if depth > 10000 {
            return Err("exceeded max depth".into());
        }
        match c {
            b'{' => self.object(depth),
            b'[' => self.array(depth),
            b'"' => self.string().map(Value::string),
            b't' => self.literal("true", Value::Bool(true)),
            b'f' => self.literal("false", Value::Bool(false)),
            b'n' => self.literal("null", Value::Nil),
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(self.invalid("looking for beginning of value")),
        }
    }
    fn literal(&mut self, word: &str, value: Value) -> R<Value> {
        for (n, expected) in word.bytes().enumerate() {
            match self.bytes.get(self.at) {
                None => return Err(self.eof()),
                Some(&b) if b == expected => self.at += 1,
                Some(_) => {
                    let context = format!(
                        "in literal {word} (expecting {})",
                        quote_char(expected, &[expected], 0)
                    );
                    let _ = n;
                    return Err(self.invalid(&context));
                }
            }
        }
        Ok(value)
    }
    fn number(&mut self) -> R<Value> {
        let start = self.at;
        if self.bytes[self.at] == b'-' {
            self.at += 1;
        }
        let digits = |r: &mut Self| {
            while matches!(r.bytes.get(r.at), Some(b'0'..=b'9')) {
                r.at += 1;
            }
        };
        match self.bytes.get(self.at) {
            None => return Err(self.eof()),
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => digits(self),
            Some(_) => return Err(self.invalid("in numeric literal")),
        }
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            match self.bytes.get(self.at) {
                None => return Err(self.eof()),
                Some(b'0'..=b'9') => digits(self),
                Some(_) => return Err(self.invalid("after decimal point in numeric literal")),
            }
        }
        if matches!(self.bytes.get(self.at), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.bytes.get(self.at), Some(b'+' | b'-')) {
                self.at += 1;
            }
            match self.bytes.get(self.at) {
                None => return Err(self.eof()),
                Some(b'0'..=b'9') => digits(self),
                Some(_) => return Err(self.invalid("in exponent of numeric literal")),
            }
        }
        let text = std::str::from_utf8(&self.bytes[start..self.at]).unwrap_or("0");
        match text.parse::<f64>() {
            Ok(f) if f.is_finite() => Ok(Value::Float(f)),
            _ => Err(format!(
                "json: cannot unmarshal number {text} into Go value of type float64"
            )),
        }
    }
    fn hex4(&mut self) -> R<u32> {
        let mut v = 0;
        for _ in 0..4 {
            let Some(&b) = self.bytes.get(self.at) else {
                return Err(self.eof());
            };
            let d = (b as char)
                .to_digit(16)
                .ok_or_else(|| self.invalid("in \\u hexadecimal character escape"))?;
            v = v * 16 + d;
            self.at += 1;
        }
        Ok(v)
    }
    fn string(&mut self) -> R<String> {
        self.at += 1;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let Some(&b) = self.bytes.get(self.at) else {
                return Err(self.eof());
            };
            match b {
                b'"' => {
                    self.at += 1;
                    return Ok(String::from_utf8_lossy(&out).into_owned());
                }
                b'\\' => {
                    self.at += 1;
                    let Some(&e) = self.bytes.get(self.at) else {
                        return Err(self.eof());
                    };
                    self.at += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let first = self.hex4()?;
                            let mut c = char::from_u32(first);
                            if (0xd800..0xdc00).contains(&first)
                                && self.bytes.get(self.at..self.at + 2) == Some(b"\\u")
                            {
                                let save = self.at;
                                self.at += 2;
                                let second = self.hex4()?;
                                if (0xdc00..0xe000).contains(&second) {
                                    c = char::from_u32(
                                        0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00),
                                    );
                                } else {
                                    self.at = save;
                                    c = None;
                                }
                            }
                            c.unwrap_or('\u{fffd}')
                        }
                        _ => {
                            self.at -= 1;
                            return Err(self.invalid("in string escape code"));
                        }
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                0..=0x1f => return Err(self.invalid("in string literal")),
                _ => {
                    out.push(b);
                    self.at += 1;
                }
            }
        }
    }
    fn object(&mut self, depth: usize) -> R<Value> {
        self.at += 1;
        let mut map = Map::new();
        self.skip_space();
        if self.bytes.get(self.at) == Some(&b'}') {
            self.at += 1;
            return Ok(Value::map(map));
        }
        loop {
            self.skip_space();
            match self.bytes.get(self.at) {
                None => return Err(self.eof()),
                Some(b'"') => {}
                Some(_) => return Err(self.invalid("looking for beginning of object key string")),
            }
            let key = self.string()?;
            self.skip_space();
            match self.bytes.get(self.at) {
                None => return Err(self.eof()),
                Some(b':') => self.at += 1,
                Some(_) => return Err(self.invalid("after object key")),
            }
            let value = self.value(depth + 1)?;
            map.insert(key, value);
            self.skip_space();
            match self.bytes.get(self.at) {
                None => return Err(self.eof()),
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::map(map));
                }
                Some(_) => return Err(self.invalid("after object key:value pair")),
            }
        }
    }
    fn array(&mut self, depth: usize) -> R<Value> {
        self.at += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.bytes.get(self.at) == Some(&b']') {
            self.at += 1;
            return Ok(Value::list(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.skip_space();
            match self.bytes.get(self.at) {
                None => return Err(self.eof()),
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::list(items));
                }
                Some(_) => return Err(self.invalid("after array element")),
            }
        }
    }
}

/// `json.Unmarshal` into `interface {}`.
pub fn unmarshal(bytes: &[u8]) -> R<Value> {
    let mut reader = Reader::new(bytes, false);
    if reader.at_end() {
        return Err("unexpected end of JSON input".into());
    }
    let value = reader.value(0)?;
    if !reader.at_end() {
        return Err(reader.invalid("after top-level value"));
    }
    Ok(value)
}

fn escape_into(s: &str, html: bool, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' | '>' | '&' if html => out.push_str(&format!("\\u{:04x}", c as u32)),
            '\u{2028}' | '\u{2029}' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Go's float encoding in JSON: `%f`-like below 1e21, exponent otherwise.
pub fn format_float(f: f64) -> String {
    let abs = f.abs();
    if abs != 0.0 && !(1e-6..1e21).contains(&abs) {
        let text = super::value::format_float_e(f, None, false);
        // Go writes e-07 as e-7.
        if let Some(at) = text.find("e-0") {
            return format!("{}e-{}", &text[..at], &text[at + 3..]);
        }
        if let Some(at) = text.find("e+0") {
            return format!("{}e+{}", &text[..at], &text[at + 3..]);
        }
        return text;
    }
    super::value::format_float_f(f, None)
}

/// `json.Marshal` (`html`: escape <, >, &), or MarshalIndent with `indent`.
pub fn marshal(v: &Value, html: bool, indent: Option<&str>) -> R<String> {
    let mut out = String::new();
    write(v, html, indent, 0, &mut out)?;
    Ok(out)
}

fn newline(indent: Option<&str>, level: usize, out: &mut String) {
    if let Some(unit) = indent {
        out.push('\n');
        for _ in 0..level {
            out.push_str(unit);
        }
    }
}

fn write(v: &Value, html: bool, indent: Option<&str>, level: usize, out: &mut String) -> R<()> {
    match v {
        Value::Nil => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i, _) => out.push_str(&i.to_string()),
        Value::Float(f) => {
            if !f.is_finite() {
                return Err(format!(
                    "json: unsupported value: {}",
                    super::value::format_float_g(*f, None, false)
                ));
            }
            out.push_str(&format_float(*f));
        }
        Value::Str(s) => escape_into(s, html, out),
        Value::List(items, _) => {
            out.push('[');
            for (n, item) in items.iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                newline(indent, level + 1, out);
                write(item, html, indent, level + 1, out)?;
            }
            if !items.is_empty() {
                newline(indent, level, out);
            }
            out.push(']');
        }
        Value::Map(map, _) => {
            let map = map.borrow();
            out.push('{');
            for (n, (k, item)) in map.iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                newline(indent, level + 1, out);
                escape_into(k, html, out);
                out.push(':');
                if indent.is_some() {
                    out.push(' ');
                }
                write(item, html, indent, level + 1, out)?;
            }
            if !map.is_empty() {
                newline(indent, level, out);
            }
            out.push('}');
        }
    }
    Ok(())
}
