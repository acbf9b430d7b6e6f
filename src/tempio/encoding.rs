//! Base64 and base32 (standard alphabets, padded) with Go's decode error
//! texts, which sprig returns in place of the decoded text; adler32 and
//! SHA-256. A few dozen lines each, so no crate for them.

#![forbid(unsafe_code)]

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

const K256: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

/// SHA-256 as lower-case hex (sprig's `sha256sum`): FIPS 180-4, short
/// enough to keep here rather than add a crate for one function.
pub fn sha256_hex(data: &[u8]) -> String {
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in message.chunks(64) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let mut v = h;
        for i in 0..64 {
            let s1 = v[4].rotate_right(6) ^ v[4].rotate_right(11) ^ v[4].rotate_right(25);
            let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
            let t1 = v[7]
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K256[i])
                .wrapping_add(w[i]);
            let s0 = v[0].rotate_right(2) ^ v[0].rotate_right(13) ^ v[0].rotate_right(22);
            let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            let t2 = s0.wrapping_add(maj);
            v = [
                t1.wrapping_add(t2),
                v[0],
                v[1],
                v[2],
                v[3].wrapping_add(t1),
                v[4],
                v[5],
                v[6],
            ];
        }
        for (slot, value) in h.iter_mut().zip(v) {
            *slot = slot.wrapping_add(value);
        }
    }
    h.iter().map(|x| format!("{x:08x}")).collect()
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
        assert_eq!(b64_decode("a"), "illegal base64 data at input byte 0");
        assert_eq!(adler32(b"abc"), 38600999);
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            sha256_hex(&[b'a'; 1000]),
            "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"
        );
    }
}
