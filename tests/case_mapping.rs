//! `bashio::string.upper` and `.lower` are bash's `${s^^}` and `${s,,}`: this
//! asks the bash on this machine for the expected bytes, in the C locale and
//! in C.UTF-8, for the letters whose case rules are special (ß, dotted and
//! dotless i, final sigma, title-case letters, Greek with iota subscript)
//! and for byte strings that are not UTF-8 (stray bytes, sequences cut short,
//! overlong forms, surrogates), then runs our binary on each.

use std::os::unix::ffi::OsStrExt;
use std::process::{Command, Stdio};

const SPECIAL: &[&str] = &[
    "ß",
    "straße",
    "ẞ",
    "İstanbul",
    "ıi",
    "IİıiI",
    "ΣΑΣ",
    "σας",
    "ς",
    "ǅungla",
    "ǆ",
    "Ǆ",
    "ǈǋǲ",
    "ﬁx",
    "ŉ",
    "ǰ",
    "ΐ",
    "ᾳ",
    "ῼ",
    "K",
    "Å",
    "ſ",
    "ϐ",
    "ⓐⒶ",
    "ꭰᎠ",
    "𐐨𐐀",
    "Ω",
    "café ÄÖÜ",
    "Ⱥⱥ",
    "ɐ",
    "$@`~",
    "",
];

/// Byte strings built from pieces of characters, deterministically.
fn byte_strings() -> Vec<Vec<u8>> {
    const PIECES: &[u8] = &[
        b'a', b'Z', 0xc3, 0x9f, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0, 0xff,
        0xc4, 0xb0, 0xf4, 0x90, 0xf8, 0x88, 0xc0, 0xe0, 0xcf, 0x82,
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    (0..400)
        .map(|_| {
            let len = 1 + (next() % 6) as usize;
            (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect()
        })
        .collect()
}

/// bash's `${s^^}` and `${s,,}` of each string, under LC_ALL=`locale`. The
/// strings go in as arguments: `read` would let a cut-short character swallow
/// the delimiter after it.
fn bash_mapped(locale: &str, strings: &[Vec<u8>]) -> Vec<(Vec<u8>, Vec<u8>)> {
    let output = Command::new("bash")
        .args([
            "-c",
            r#"for s in "$@"; do printf '%s\0%s\0' "${s^^}" "${s,,}"; done"#,
            "bash",
        ])
        .args(strings.iter().map(|s| std::ffi::OsStr::from_bytes(s)))
        .env_clear()
        .env("LC_ALL", locale)
        .stderr(Stdio::null())
        .output()
        .expect("bash runs");
    let fields: Vec<&[u8]> = output.stdout.split(|&b| b == 0).collect();
    assert_eq!(
        fields.len(),
        2 * strings.len() + 1,
        "bash printed every string"
    );
    (0..strings.len())
        .map(|i| (fields[2 * i].to_vec(), fields[2 * i + 1].to_vec()))
        .collect()
}

fn ours(locale: &str, function: &str, value: &[u8]) -> Vec<u8> {
    let output = Command::new(crate::util::binary())
        .arg(function)
        .arg(std::ffi::OsStr::from_bytes(value))
        .env_clear()
        .env("LC_ALL", locale)
        .output()
        .expect("bashio runs");
    assert!(output.status.success(), "{function} {value:?} failed");
    output.stdout
}

fn compare(locale: &str) {
    let mut strings: Vec<Vec<u8>> = SPECIAL.iter().map(|s| s.as_bytes().to_vec()).collect();
    strings.extend(byte_strings());
    let expected = bash_mapped(locale, &strings);
    let mut differences = Vec::new();
    for (value, (upper, lower)) in strings.iter().zip(expected) {
        for (function, want) in [("string.upper", upper), ("string.lower", lower)] {
            let got = ours(locale, function, value);
            if got != want {
                differences.push(format!(
                    "{function} {:x?}: bash {:x?}, ours {:x?}",
                    value, want, got
                ));
            }
        }
    }
    assert!(
        differences.is_empty(),
        "LC_ALL={locale}:\n{}",
        differences.join("\n")
    );
}

#[test]
fn upper_and_lower_match_bash_in_the_c_locale() {
    compare("C");
}

#[test]
fn upper_and_lower_match_bash_in_c_utf8() {
    compare("C.UTF-8");
}

#[test]
fn a_locale_that_is_not_installed_is_the_c_locale() {
    // bash falls back to C for a locale the system lacks; so do we.
    let value = "straße é".as_bytes();
    let want = bash_mapped("xx_NOWHERE.UTF-8", &[value.to_vec()]);
    assert_eq!(ours("xx_NOWHERE.UTF-8", "string.upper", value), want[0].0);
    assert_eq!(want[0].0, "STRAßE é".as_bytes());
}
