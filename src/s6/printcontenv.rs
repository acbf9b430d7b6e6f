//! `printcontenv NAME`: print one variable of the container environment.
//!
//! s6-overlay ships this as a small shell script; scripts use it to read a
//! single container variable without switching their whole environment. This
//! is the same program: when `S6_KEEP_ENV` is a non-zero integer it prints the
//! variable from the current environment (exit 1 if unset or empty), otherwise
//! it prints the raw bytes of the variable's file, as-is, plus a newline.
//!
//! It refuses to interpret the file the way `with-contenv` would (no newline
//! trimming, no NUL translation), to evaluate NAME as shell code, and to say
//! anything on stderr when the file cannot be read: like the original, it only
//! fails with a status (1 cannot open, 111 cannot read or write).

#![forbid(unsafe_code)]

use std::ffi::{OsStr, OsString};
use std::io::{self, Read, Write};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};

use super::envdir;
use super::with_contenv::{fatal, write_stderr};

const PROGRAM: &str = "printcontenv";

const EXIT_UNSET: i32 = 1;
const EXIT_CANNOT_OPEN: i32 = 1;
const EXIT_USAGE: i32 = 100;
const EXIT_SYSTEM: i32 = 111;

/// `printcontenv NAME`, as s6-overlay's: the binary runs it by its link
/// name. Returns the exit status.
pub fn main(args: &[OsString]) -> i32 {
    let Some(name) = args.first() else {
        write_stderr(format!("{PROGRAM}: fatal: too few arguments\n").as_bytes());
        return EXIT_USAGE;
    };
    if is_nonzero_shell_integer(std::env::var_os("S6_KEEP_ENV").as_deref()) {
        print_from_environment(name)
    } else {
        print_from_container_file(name)
    }
}

/// Whether the script's `test "0$S6_KEEP_ENV" -ne 0` is true.
///
/// `test` wants the whole operand to be a decimal integer that fits in 64 bits
/// (trailing whitespace allowed); anything else is an error, which the
/// script's `if` treats as false. So `1` and `1 ` keep the environment, while
/// `1abc`, `-1` and overlong numbers read the container file instead.
pub fn is_nonzero_shell_integer(value: Option<&OsStr>) -> bool {
    let bytes = value.map(OsStr::as_bytes).unwrap_or_default();
    let digits_end = bytes
        .iter()
        .position(|byte| !byte.is_ascii_digit())
        .unwrap_or(bytes.len());
    let (digits, rest) = bytes.split_at(digits_end);
    if !rest.iter().all(|&byte| is_c_space(byte)) {
        return false;
    }
    let significant = match digits.iter().position(|&digit| digit != b'0') {
        Some(first) => &digits[first..],
        None => return false,
    };
    fits_in_i64(significant)
}

/// `isspace` in the C locale, which is what `test` skips after a number.
fn is_c_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// Whether a run of digits without leading zeros is at most `i64::MAX`.
fn fits_in_i64(digits: &[u8]) -> bool {
    const MAX: &[u8] = b"9223372036854775807";
    digits.len() < MAX.len() || (digits.len() == MAX.len() && digits <= MAX)
}

fn print_from_environment(name: &OsStr) -> i32 {
    match environment_value(name) {
        Some(value) if !value.is_empty() => {
            let line = [value.as_bytes(), b"\n"].concat();
            match write_stdout(&line) {
                Ok(()) => 0,
                Err(error) => {
                    fatal(PROGRAM, &[b"write to stdout"], &error);
                    EXIT_SYSTEM
                }
            }
        }
        _ => EXIT_UNSET,
    }
}

/// The variable `name`, or `None` if unset or if `name` cannot be a name.
fn environment_value(name: &OsStr) -> Option<OsString> {
    let bytes = name.as_bytes();
    if bytes.is_empty() || bytes.contains(&b'=') || bytes.contains(&0) {
        return None;
    }
    std::env::var_os(name)
}

fn print_from_container_file(name: &OsStr) -> i32 {
    let path = file_in_dir(&envdir::container_environment_dir(), name);
    let Ok(mut file) = envdir::open_for_reading(&path) else {
        return EXIT_CANNOT_OPEN;
    };
    let mut contents = Vec::new();
    if file.read_to_end(&mut contents).is_err() {
        return EXIT_SYSTEM;
    }
    contents.push(b'\n');
    match write_stdout(&contents) {
        Ok(()) => 0,
        Err(_) => EXIT_SYSTEM,
    }
}

/// `DIR/NAME` by plain concatenation, as the original script builds it, so an
/// absolute NAME stays under DIR instead of replacing it.
fn file_in_dir(dir: &Path, name: &OsStr) -> PathBuf {
    let joined = [dir.as_os_str().as_bytes(), b"/", name.as_bytes()].concat();
    PathBuf::from(OsString::from_vec(joined))
}

fn write_stdout(bytes: &[u8]) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    stdout.write_all(bytes)?;
    stdout.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nonzero(value: &str) -> bool {
        is_nonzero_shell_integer(Some(OsStr::new(value)))
    }

    #[test]
    fn keep_env_follows_shell_test() {
        for value in ["1", "007", "1 ", "1\t", "1\x0b", "9223372036854775807"] {
            assert!(nonzero(value), "{value:?} should keep");
        }
        for value in ["", "0", "00", "abc", "1abc", "-1", "+1", " 1", "1 x"] {
            assert!(!nonzero(value), "{value:?} should read the file");
        }
        assert!(!nonzero("9223372036854775808"));
        assert!(!is_nonzero_shell_integer(None));
    }

    #[test]
    fn absolute_name_stays_inside_dir() {
        let path = file_in_dir(Path::new("/d"), OsStr::new("/etc/x"));
        assert_eq!(path.as_os_str(), OsStr::new("/d//etc/x"));
    }
}
