//! bash's `printf '%b'`: the escape handling every bashio log line goes
//! through, so `\033[32m` in a format or `\t` in a message renders as bashio's does.

#![forbid(unsafe_code)]

/// Expands backslash escapes as bash's `printf '%b'` does. Returns the bytes
/// and whether `\c` asked to stop all further output.
pub fn expand_b(input: &[u8]) -> (Vec<u8>, bool) {
    // only `\u` and `\U` depend on the locale: most lines never ask for it
    let unicode = input
        .windows(2)
        .any(|w| w[0] == b'\\' && (w[1] == b'u' || w[1] == b'U'));
    expand(input, unicode && utf8_locale())
}

/// Whether the locale treats text as UTF-8 (bash then works on characters, not bytes).
pub fn utf8_locale() -> bool {
    super::ctype::utf8()
}

/// `expand_b` in a locale that is UTF-8 (`utf8`) or not, which decides how
/// `\u` and `\U` come out.
pub fn expand(input: &[u8], utf8: bool) -> (Vec<u8>, bool) {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        let byte = input[i];
        if byte != b'\\' || i + 1 >= input.len() {
            out.push(byte);
            i += 1;
            continue;
        }
        let next = input[i + 1];
        i += 2;
        match next {
            b'a' => out.push(0x07),
            b'b' => out.push(0x08),
            b'e' | b'E' => out.push(0x1b),
            b'f' => out.push(0x0c),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(0x0b),
            b'\\' => out.push(b'\\'),
            b'c' => return (out, true),
            // %b takes octal as \0NNN (up to three digits after the 0) and,
            // like echo -e, also \NNN with a leading non-zero digit.
            b'0'..=b'7' => {
                let limit = if next == b'0' { 3 } else { 2 };
                let mut value: u32 = if next == b'0' {
                    0
                } else {
                    (next - b'0') as u32
                };
                let mut taken = 0;
                while taken < limit && i < input.len() && (b'0'..=b'7').contains(&input[i]) {
                    value = value * 8 + (input[i] - b'0') as u32;
                    i += 1;
                    taken += 1;
                }
                out.push((value & 0xff) as u8);
            }
            b'x' => {
                let (value, used) = hex_digits(&input[i..], 2);
                if used == 0 {
                    out.extend_from_slice(b"\\x");
                } else {
                    out.push(value as u8);
                    i += used;
                }
            }
            b'u' | b'U' => {
                let (value, used) = hex_digits(&input[i..], if next == b'u' { 4 } else { 8 });
                if used == 0 {
                    out.push(b'\\');
                    out.push(next);
                } else {
                    i += used;
                    push_unicode(&mut out, value, utf8);
                }
            }
            other => {
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    (out, false)
}

fn hex_digits(input: &[u8], limit: usize) -> (u32, usize) {
    let mut value = 0u32;
    let mut used = 0;
    while used < limit && used < input.len() {
        match (input[used] as char).to_digit(16) {
            Some(digit) => value = value.wrapping_mul(16).wrapping_add(digit),
            None => break,
        }
        used += 1;
    }
    (value, used)
}

/// A `\u`/`\U` escape as bash writes it: UTF-8 in a UTF-8 locale; elsewhere
/// ASCII as itself and anything else as the escape, in upper case.
fn push_unicode(out: &mut Vec<u8>, value: u32, utf8: bool) {
    if value >= 0x80 && !utf8 {
        let escape = if value < 0x10000 {
            format!("\\u{value:04X}")
        } else {
            format!("\\U{value:08X}")
        };
        out.extend_from_slice(escape.as_bytes());
        return;
    }
    match char::from_u32(value) {
        Some(c) => {
            let mut buffer = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
        }
        // Lone surrogates: bash still writes their three-byte form.
        None if (0xD800..0xE000).contains(&value) => out.extend_from_slice(&[
            0xE0 | (value >> 12) as u8,
            0x80 | ((value >> 6) & 0x3f) as u8,
            0x80 | (value & 0x3f) as u8,
        ]),
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::{expand, expand_b};

    fn b(s: &str) -> Vec<u8> {
        expand(s.as_bytes(), true).0
    }

    #[test]
    fn colours_and_common_escapes() {
        assert_eq!(b("\\033[32mhi\\033[0m"), b"\x1b[32mhi\x1b[0m");
        assert_eq!(b("a\\tb\\nc"), b"a\tb\nc");
        assert_eq!(b("back\\\\slash"), b"back\\slash");
        assert_eq!(b("\\x41\\x4a"), b"AJ");
        assert_eq!(b("\\0101"), b"A");
        assert_eq!(b("\\101"), b"A");
        assert_eq!(b("\\u00e9"), "é".as_bytes());
        assert_eq!(b("keep \\q and trailing \\"), b"keep \\q and trailing \\");
    }

    #[test]
    fn unicode_escapes_outside_a_utf8_locale() {
        let c = |s: &str| expand(s.as_bytes(), false).0;
        assert_eq!(c("\\u00e9 \\u0041"), b"\\u00E9 A");
        assert_eq!(c("\\U0001f600"), b"\\U0001F600");
    }

    #[test]
    fn backslash_c_stops_output() {
        assert_eq!(expand_b(b"one\\ctwo"), (b"one".to_vec(), true));
    }
}
