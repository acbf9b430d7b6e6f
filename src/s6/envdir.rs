//! Loading a container-environment directory the way `s6-envdir -Lf` does.
//!
//! s6-overlay stores the container's environment as one file per variable and
//! rebuilds it with `s6-envdir -Lf`; add-on scripts depend on the exact result,
//! so this module reproduces that reading rule byte for byte: the whole file is
//! the value (no 4096-byte clamp, no first-line cut), exactly one trailing
//! newline is dropped, trailing spaces and tabs are kept, NUL bytes become
//! newlines, and an empty file unsets the variable. Names starting with `.` or
//! containing `=` are ignored.
//!
//! It refuses to be lenient where s6-envdir is strict: any entry that cannot be
//! read (a subdirectory, a dangling symlink, an unreadable file) fails the whole
//! load, and it never decodes names or values as text.

use std::ffi::{CStr, OsStr, OsString};
use std::fs::File;
use std::io::{self, Read};
use std::os::fd::AsRawFd;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// Overrides the directory, so tests and unusual images can point elsewhere.
pub const DIR_OVERRIDE_VARIABLE: &str = "BASHIO_CONTENV_DIR";

/// Where s6-overlay v3 writes the container environment.
pub const PRIMARY_DIR: &CStr = c"/run/s6/container_environment";

/// Where older images (s6-overlay v2) keep it.
pub const LEGACY_DIR: &CStr = c"/var/run/s6/container_environment";

/// One change the directory asks for: set `name` to `Some(value)`, or unset it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Modification {
    /// The variable's name: the file's name.
    pub name: OsString,
    /// Its new value, or None when an empty file unsets it.
    pub value: Option<OsString>,
}

/// The container-environment directory to use.
///
/// `BASHIO_CONTENV_DIR`, when set and non-empty, wins outright. Otherwise the
/// s6-overlay v3 location is used, falling back to the legacy one only if the
/// first is absent; when neither exists the v3 path is returned so errors name it.
pub fn container_environment_dir() -> PathBuf {
    if let Some(dir) = crate::env::var_os(DIR_OVERRIDE_VARIABLE).filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    let primary = Path::new(OsStr::from_bytes(PRIMARY_DIR.to_bytes()));
    let legacy = Path::new(OsStr::from_bytes(LEGACY_DIR.to_bytes()));
    if !primary.exists() && legacy.exists() {
        return legacy.to_path_buf();
    }
    primary.to_path_buf()
}

/// Reads every variable file in `dir`, in directory order; any unreadable
/// entry fails the whole read.
pub fn read(dir: &Path) -> io::Result<Vec<Modification>> {
    let mut modifications = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let name = entry?.file_name();
        if !is_variable_name(&name) {
            continue;
        }
        let contents = read_variable_file(&dir.join(&name))?;
        modifications.push(Modification {
            value: value_from_contents(contents),
            name,
        });
    }
    Ok(modifications)
}

/// Applies `modifications` to an environment held as raw `NAME=VALUE` entries.
///
/// Mirrors skalibs' merge order: the first entry with the same name is replaced
/// by the last entry, then the new definition (if any) is appended.
pub fn apply(environment: &mut Vec<OsString>, modifications: &[Modification]) {
    for modification in modifications {
        if let Some(index) = environment
            .iter()
            .position(|entry| entry_name(entry) == Some(modification.name.as_os_str()))
        {
            environment.swap_remove(index);
        }
        if let Some(value) = &modification.value {
            environment.push(entry_from(&modification.name, value));
        }
    }
}

/// Opens `path` for reading without blocking on a FIFO that has no writer.
///
/// The open itself is non-blocking (as skalibs does); reads are made blocking
/// again afterwards so a FIFO with no writer reads as empty rather than failing.
pub fn open_for_reading(path: &Path) -> io::Result<File> {
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)?;
    clear_nonblocking(&file)?;
    Ok(file)
}

/// Skips hidden files and names that could not form a `NAME=VALUE` pair.
fn is_variable_name(name: &OsStr) -> bool {
    let bytes = name.as_bytes();
    !bytes.is_empty() && bytes[0] != b'.' && !bytes.contains(&b'=')
}

/// Reads one variable file completely.
///
/// A file that disappears between listing and opening is reported as
/// "identifier removed", like s6-envdir, rather than as a missing directory.
fn read_variable_file(path: &Path) -> io::Result<Vec<u8>> {
    let mut file = open_for_reading(path).map_err(|error| {
        if error.kind() == io::ErrorKind::NotFound {
            io::Error::from_raw_os_error(libc::EIDRM)
        } else {
            error
        }
    })?;
    let mut contents = Vec::new();
    file.read_to_end(&mut contents)?;
    Ok(contents)
}

/// Turns file contents into a value: empty means unset; otherwise one trailing
/// newline is dropped and NUL bytes (which cannot live in the environment)
/// become newlines.
fn value_from_contents(mut contents: Vec<u8>) -> Option<OsString> {
    if contents.is_empty() {
        return None;
    }
    if contents.last() == Some(&b'\n') {
        contents.pop();
    }
    for byte in &mut contents {
        if *byte == 0 {
            *byte = b'\n';
        }
    }
    Some(OsString::from_vec(contents))
}

/// The name part of a `NAME=VALUE` entry, or `None` for a malformed entry.
fn entry_name(entry: &OsStr) -> Option<&OsStr> {
    let bytes = entry.as_bytes();
    let split = bytes.iter().position(|&b| b == b'=')?;
    Some(OsStr::from_bytes(&bytes[..split]))
}

fn entry_from(name: &OsStr, value: &OsStr) -> OsString {
    let mut entry = Vec::with_capacity(name.len() + 1 + value.len());
    entry.extend_from_slice(name.as_bytes());
    entry.push(b'=');
    entry.extend_from_slice(value.as_bytes());
    OsString::from_vec(entry)
}

fn clear_nonblocking(file: &File) -> io::Result<()> {
    let fd = file.as_raw_fd();
    // SAFETY: `fd` is an open descriptor owned by `file` for this whole call.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: as above; only the O_NONBLOCK status flag is changed.
    if unsafe { libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) } < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(bytes: &[u8]) -> Option<Vec<u8>> {
        value_from_contents(bytes.to_vec()).map(OsString::into_vec)
    }

    #[test]
    fn empty_file_unsets() {
        assert_eq!(value(b""), None);
    }

    #[test]
    fn only_one_trailing_newline_is_dropped() {
        assert_eq!(value(b"\n"), Some(b"".to_vec()));
        assert_eq!(value(b"a\n\n"), Some(b"a\n".to_vec()));
        assert_eq!(value(b"a"), Some(b"a".to_vec()));
    }

    #[test]
    fn trailing_blanks_are_kept() {
        assert_eq!(value(b"a \t\n"), Some(b"a \t".to_vec()));
    }

    #[test]
    fn nul_becomes_newline_after_chomping() {
        assert_eq!(value(b"x\0y\0"), Some(b"x\ny\n".to_vec()));
    }

    #[test]
    fn hidden_and_equals_names_are_skipped() {
        assert!(!is_variable_name(OsStr::new(".hidden")));
        assert!(!is_variable_name(OsStr::new("A=B")));
        assert!(is_variable_name(OsStr::new("A.B")));
    }

    #[test]
    fn apply_replaces_unsets_and_appends() {
        let mut environment: Vec<OsString> = ["A=1", "B=2", "C=3"].map(OsString::from).to_vec();
        let modifications = [
            Modification {
                name: "A".into(),
                value: Some("x".into()),
            },
            Modification {
                name: "B".into(),
                value: None,
            },
            Modification {
                name: "D".into(),
                value: None,
            },
        ];
        apply(&mut environment, &modifications);
        assert_eq!(environment, ["C=3", "A=x"].map(OsString::from).to_vec());
    }
}
