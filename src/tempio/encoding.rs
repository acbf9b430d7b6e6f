//! Base64 and base32 (standard alphabets, padded) with Go's decode error
//! texts, which sprig returns in place of the decoded text, and adler32.
//! A few dozen lines each, so no crate for them.

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

fn encode(bytes: &[u8], alphabet: &[u8], bits: u32) -> String {
    let group = if bits == 6 { 3 } else { 5 };
    let chars_per_group = if bits == 6 { 4 } else { 8 };
    let mut out = String::new();
    for chunk in bytes.chunks(group) {
        let mut buffer: u64 = 0;
        for (n, &b) in chunk.iter().enumerate() {
            buffer |= (b as u64) << (8 * (group - 1 - n));
        }
        let used = (chunk.len() * 8).div_ceil(bits as usize);
        for n in 0..chars_per_group {
            if n < used {
                let shift = bits as usize * (chars_per_group - 1 - n);
                out.push(alphabet[((buffer >> shift) & ((1 << bits) - 1)) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

pub fn b64_encode(bytes: &[u8]) -> String {
    encode(bytes, B64, 6)
}

pub fn b32_encode(bytes: &[u8]) -> String {
    encode(bytes, B32, 5)
}

/// Decodes as Go's StdEncoding.DecodeString, or gives its error text.
fn decode(text: &str, alphabet: &[u8], bits: u32) -> Result<Vec<u8>, String> {
    let chars_per_group = if bits == 6 { 4 } else { 8 };
    // Go skips newlines and carriage returns.
    let input: Vec<(usize, u8)> = text
        .bytes()
        .enumerate()
        .filter(|(_, b)| *b != b'\n' && *b != b'\r')
        .collect();
    let illegal = |at: usize| {
        Err(format!(
            "illegal base{} data at input byte {at}",
            if bits == 6 { 64 } else { 32 }
        ))
    };
    let mut out = Vec::new();
    for (g, group) in input.chunks(chars_per_group).enumerate() {
        let mut buffer: u64 = 0;
        let mut count = 0;
        let mut padded = false;
        for (n, &(at, b)) in group.iter().enumerate() {
            if b == b'=' {
                let valid_pad = if bits == 6 {
                    n >= 2
                } else {
                    matches!(n, 2 | 4 | 5 | 7)
                };
                if !valid_pad || group.len() != chars_per_group {
                    return illegal(at);
                }
                if group[n..].iter().any(|&(_, c)| c != b'=') {
                    let bad = group[n..]
                        .iter()
                        .find(|(_, c)| *c != b'=')
                        .map_or(at, |(a, _)| *a);
                    return illegal(bad.saturating_sub(1).max(at));
                }
                if g * chars_per_group + chars_per_group < input.len() {
                    return illegal(input[g * chars_per_group + chars_per_group].0);
                }
                padded = true;
                break;
            }
            let Some(value) = alphabet.iter().position(|&c| c == b) else {
                return illegal(at);
            };
            buffer = (buffer << bits) | value as u64;
            count += 1;
        }
        if !padded && group.len() < chars_per_group {
            return illegal(group[0].0);
        }
        let total_bits = count * bits as usize;
        let bytes = total_bits / 8;
        if bits == 6 && count == 1 || bits == 5 && matches!(count, 1 | 3 | 6) {
            return illegal(group[0].0);
        }
        buffer <<= (chars_per_group - count) * bits as usize;
        let group_bytes = chars_per_group * bits as usize / 8;
        for n in 0..bytes {
            out.push((buffer >> (8 * (group_bytes - 1 - n))) as u8);
        }
    }
    Ok(out)
}

pub fn b64_decode(text: &str) -> String {
    match decode(text, B64, 6) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => e,
    }
}

pub fn b32_decode(text: &str) -> String {
    match decode(text, B32, 5) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => e,
    }
}

pub fn adler32(bytes: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in bytes {
        a = (a + byte as u32) % 65521;
        b = (b + a) % 65521;
    }
    (b << 16) | a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        assert_eq!(b64_encode(b"hello"), "aGVsbG8=");
        assert_eq!(b64_decode("aGVsbG8="), "hello");
        assert_eq!(b32_encode(b"hello"), "NBSWY3DP");
        assert_eq!(b32_decode("NBSWY3DP"), "hello");
        assert_eq!(b64_decode("a"), "illegal base64 data at input byte 1");
        assert_eq!(adler32(b"abc"), 38600999);
    }
}
