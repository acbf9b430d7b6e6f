//! The character type of the locale the script runs in, as bash sees it.
//!
//! bash decides from LC_ALL, LC_CTYPE and LANG, through the C library, how it
//! cuts a string into characters (`${#s}`, `${s:p:l}`, `printf '\u...'`) and
//! how it changes their case (`${s^^}`, `${s,,}`). A locale that is named but
//! not installed is the C locale to bash, so a name alone does not tell: the
//! C library is asked, through a locale object of our own (the process's
//! global locale is left alone). Case mapping then uses the C library's own
//! `towupper`/`towlower` one character at a time, as bash does: 'ß' stays
//! 'ß', 'İ' lowers to 'i', 'ǅ' uppers to 'Ǆ'. Bytes that are not a character
//! of the locale are kept as they are.

use std::sync::Mutex;

extern "C" {
    fn towupper_l(wc: u32, locale: libc::locale_t) -> u32;
    fn towlower_l(wc: u32, locale: libc::locale_t) -> u32;
    fn toupper_l(c: libc::c_int, locale: libc::locale_t) -> libc::c_int;
    fn tolower_l(c: libc::c_int, locale: libc::locale_t) -> libc::c_int;
    fn iswlower_l(wc: u32, locale: libc::locale_t) -> libc::c_int;
    fn iswupper_l(wc: u32, locale: libc::locale_t) -> libc::c_int;
}

/// The environment's LC_CTYPE, loaded once.
struct Ctype {
    locale: libc::locale_t,
    utf8: bool,
}

// SAFETY: each locale object is created once, never changed or freed, and
// the C library's `_l` functions only read it.
unsafe impl Send for Ctype {}
unsafe impl Sync for Ctype {}

/// The locale the script's variables name for LC_CTYPE: LC_ALL, else
/// LC_CTYPE, else LANG (the first that is set and not empty), as the C
/// library picks it; read through crate::env, so a builtin sees the shell's.
fn locale_name() -> Vec<u8> {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|name| crate::env::var_bytes(name).filter(|v| !v.is_empty()))
        .unwrap_or_else(|| b"C".to_vec())
}

/// The LC_CTYPE of the script's locale, each locale loaded once per process.
fn ctype() -> &'static Ctype {
    static LOADED: Mutex<Vec<(Vec<u8>, &'static Ctype)>> = Mutex::new(Vec::new());
    let name = locale_name();
    let mut loaded = LOADED.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, ctype)) = loaded.iter().find(|(n, _)| *n == name) {
        return ctype;
    }
    let ctype: &'static Ctype = Box::leak(Box::new(load(&name)));
    loaded.push((name, ctype));
    ctype
}

fn load(name: &[u8]) -> Ctype {
    let name = std::ffi::CString::new(name).unwrap_or_else(|_| c"C".to_owned());
    // SAFETY: newlocale returns a new object or null; nl_langinfo_l returns
    // a string owned by that object.
    unsafe {
        let mut locale = libc::newlocale(libc::LC_CTYPE_MASK, name.as_ptr(), std::ptr::null_mut());
        if locale.is_null() {
            locale = libc::newlocale(libc::LC_CTYPE_MASK, c"C".as_ptr(), std::ptr::null_mut());
        }
        let utf8 = !locale.is_null() && {
            let codeset = libc::nl_langinfo_l(libc::CODESET, locale);
            !codeset.is_null() && {
                let name = std::ffi::CStr::from_ptr(codeset).to_bytes();
                name.eq_ignore_ascii_case(b"UTF-8") || name.eq_ignore_ascii_case(b"UTF8")
            }
        };
        Ctype { locale, utf8 }
    }
}

/// Whether the script's locale is UTF-8 (characters, not bytes).
pub fn utf8() -> bool {
    ctype().utf8
}

/// `${s^^}` (upper) or `${s,,}`.
pub fn map_case(bytes: &[u8], upper: bool) -> Vec<u8> {
    let ctype = ctype();
    if ctype.locale.is_null() {
        return if upper {
            bytes.to_ascii_uppercase()
        } else {
            bytes.to_ascii_lowercase()
        };
    }
    let mut out = Vec::with_capacity(bytes.len());
    if !ctype.utf8 {
        for &byte in bytes {
            // SAFETY: the locale object is valid; the value is an unsigned char.
            let mapped = unsafe {
                if upper {
                    toupper_l(libc::c_int::from(byte), ctype.locale)
                } else {
                    tolower_l(libc::c_int::from(byte), ctype.locale)
                }
            };
            out.push(u8::try_from(mapped).unwrap_or(byte));
        }
        return out;
    }
    let map = |wc: u32| -> u32 {
        // SAFETY: the locale object is valid; any wint_t may be passed.
        unsafe {
            if upper && iswlower_l(wc, ctype.locale) != 0 {
                towupper_l(wc, ctype.locale)
            } else if !upper && iswupper_l(wc, ctype.locale) != 0 {
                towlower_l(wc, ctype.locale)
            } else {
                wc
            }
        }
    };
    // bash's loop: decode a character with a conversion state it keeps from
    // one character to the next, map it, then step over it by decoding again
    // (restoring the state when that fails). A sequence cut short at the end
    // leaves its bytes pending in the state, so the next byte completes it:
    // bash prints "\xe2\x82" upper-cased as "\xe2\xe2\x82\x82". Kept as bash has it.
    let mut state = Pending::default();
    let mut start = 0;
    while start < bytes.len() {
        match state.decode(&bytes[start..]) {
            Decoded::Char(wc, _) => encode(map(wc), &mut out),
            Decoded::Invalid | Decoded::Incomplete => out.push(bytes[start]),
        }
        if bytes[start] < 0x80 {
            start += 1;
            continue;
        }
        let saved = state.clone();
        match state.decode(&bytes[start..]) {
            Decoded::Char(_, used) => start += used,
            Decoded::Invalid | Decoded::Incomplete => {
                state = saved;
                start += 1;
            }
        }
    }
    out
}

/// `wcrtomb` in UTF-8, which writes values past U+10FFFF in the old five-
/// and six-byte forms as glibc does.
fn encode(value: u32, out: &mut Vec<u8>) {
    let len = match value {
        0..=0x7f => {
            out.push(value as u8);
            return;
        }
        0x80..=0x7ff => 2,
        0x800..=0xffff => 3,
        0x1_0000..=0x1f_ffff => 4,
        0x20_0000..=0x3ff_ffff => 5,
        _ => 6,
    };
    let lead: u8 = [0, 0, 0xc0, 0xe0, 0xf0, 0xf8, 0xfc][len];
    out.push(lead | (value >> (6 * (len - 1))) as u8);
    for i in (0..len - 1).rev() {
        out.push(0x80 | ((value >> (6 * i)) & 0x3f) as u8);
    }
}

/// What one step of the C library's UTF-8 decoder gave.
enum Decoded {
    /// A character, and how many of the given bytes it took.
    Char(u32, usize),
    Invalid,
    /// The bytes ran out inside a character; they are kept pending.
    Incomplete,
}

/// The bytes of a character begun but not finished (an `mbstate_t`), as
/// glibc's decoder keeps them: lead bytes up to six-byte forms are taken
/// (values past U+10FFFF included), overlong forms and surrogates are refused
/// at their second byte.
#[derive(Clone, Default)]
struct Pending(Vec<u8>);

impl Pending {
    fn decode(&mut self, input: &[u8]) -> Decoded {
        let mut seq = std::mem::take(&mut self.0);
        for (used, &byte) in input.iter().enumerate() {
            seq.push(byte);
            let lead = seq[0];
            let need = match lead {
                0x00..=0x7f => 1,
                0xc2..=0xdf => 2,
                0xe0..=0xef => 3,
                0xf0..=0xf7 => 4,
                0xf8..=0xfb => 5,
                0xfc..=0xfd => 6,
                _ => return Decoded::Invalid,
            };
            if seq.len() > 1 {
                let floor = match (lead, seq.len()) {
                    (0xe0, 2) => 0xa0,
                    (0xf0, 2) => 0x90,
                    (0xf8, 2) => 0x88,
                    (0xfc, 2) => 0x84,
                    _ => 0x80,
                };
                let ceiling = if (lead, seq.len()) == (0xed, 2) {
                    0x9f
                } else {
                    0xbf
                };
                if byte < floor || byte > ceiling {
                    return Decoded::Invalid;
                }
            }
            if seq.len() == need {
                let value = if need == 1 {
                    u32::from(lead)
                } else {
                    seq[1..]
                        .iter()
                        .fold(u32::from(lead) & (0x7f >> need), |v, b| {
                            (v << 6) | u32::from(b & 0x3f)
                        })
                };
                return Decoded::Char(value, used + 1);
            }
        }
        self.0 = seq;
        Decoded::Incomplete
    }
}

#[cfg(test)]
mod tests {
    use super::map_case;

    #[test]
    fn ascii_maps_in_any_locale() {
        assert_eq!(map_case(b"MiXeD 123 _-", true), b"MIXED 123 _-");
        assert_eq!(map_case(b"MiXeD 123 _-", false), b"mixed 123 _-");
        assert_eq!(map_case(b"\xff\xfeAb", false), b"\xff\xfeab");
    }
}
