//! `with-contenv PROG ARGS` before the C library's start: the environment
//! with-contenv gives PROG (src/s6/with_contenv.rs, src/s6/envdir.rs), made
//! the same way: unless `S6_KEEP_ENV` keeps the current one, `PATH` alone,
//! then each variable file of the container-environment directory in
//! directory order, read whole (one trailing newline dropped, NUL bytes made
//! newlines, an empty file unsetting its variable), each replacing the first
//! entry of its name by the last one and then added at the end. Anything
//! but a regular file in the directory, or any error, declines: the binary
//! then does the same work and says what went wrong.

use crate::bytes::{c_bytes, has, name_of, same, value_of, Arena, Buffer, Pointers};
use crate::{sys, ContenvPlan as Plan, PATH_MAX};

/// Most bytes of all the variables' values; more declines (exec would
/// refuse far fewer).
pub const MOST_BYTES: usize = 8 << 20;

/// Puts into OUT the environment with-contenv gives its program, from
/// CURRENT; false to decline.
///
/// # Safety
/// CURRENT holds NUL-terminated strings that live as long as the process.
pub unsafe fn environment<const N: usize>(
    current: &[*const u8],
    plan: &Plan,
    arena: &mut Arena,
    out: &mut Pointers<N>,
) -> bool {
    let first = |name: &[u8]| {
        current
            .iter()
            .find_map(|entry| value_of(c_bytes(*entry), name))
    };
    if keeps_current_environment(first(plan.keep)) {
        return current.iter().all(|entry| out.push(*entry));
    }
    let directory: &[u8] = match first(plan.directory_variable) {
        Some(value) if !value.is_empty() => value,
        _ => {
            let [primary, legacy] = plan.directories;
            let chosen =
                if sys::stat(primary.as_ptr()).is_none() && sys::stat(legacy.as_ptr()).is_some() {
                    legacy
                } else {
                    primary
                };
            chosen.split_last().map_or(&[][..], |(_, path)| path)
        }
    };
    if let Some(path) = current
        .iter()
        .find(|entry| value_of(c_bytes(**entry), b"PATH").is_some())
    {
        if !out.push(*path) {
            return false;
        }
    }
    let mut path = Buffer::<{ PATH_MAX + 64 }>::new();
    if !path.push(&[directory, b"\0"]) {
        return false;
    }
    let fd = sys::open(
        path.pointer(),
        sys::O_RDONLY | sys::O_DIRECTORY | sys::O_NONBLOCK | sys::O_CLOEXEC,
    );
    if fd < 0 {
        return false;
    }
    let done = read_directory(fd, directory, arena, out);
    sys::close(fd);
    done
}

/// Whether `S6_KEEP_ENV` keeps the environment: a non-zero digit in the
/// leading run of digits, as execline's `eltest` reads `0${S6_KEEP_ENV}`.
fn keeps_current_environment(value: Option<&[u8]>) -> bool {
    value
        .unwrap_or_default()
        .iter()
        .take_while(|byte| byte.is_ascii_digit())
        .any(|&digit| digit != b'0')
}

/// Applies each variable file of the open directory FD (DIRECTORY) to OUT.
unsafe fn read_directory<const N: usize>(
    fd: isize,
    directory: &[u8],
    arena: &mut Arena,
    out: &mut Pointers<N>,
) -> bool {
    let mut entries = Buffer::<2048>::new();
    loop {
        entries.length = 0;
        let read = sys::getdents(fd, entries.room());
        if read < 0 {
            return false;
        }
        if read == 0 {
            return true;
        }
        entries.length = read as usize;
        let mut rest = entries.bytes();
        // Each `struct linux_dirent64`: inode (8), offset (8), record length
        // (2), type (1), the NUL-terminated name.
        while let Some((&[l0, l1], &[kind, ..])) = rest.get(16..18).zip(rest.get(18..19)) {
            let length = u16::from_ne_bytes([l0, l1]) as usize;
            let Some((record, after)) = rest.split_at_checked(length) else {
                return false;
            };
            rest = after;
            let name = record.get(19..).unwrap_or_default();
            let name = name.split(|b| *b == 0).next().unwrap_or_default();
            // As s6-envdir: hidden files and names that hold `=` are skipped.
            if name.is_empty() || name.first() == Some(&b'.') || has(name, b'=') {
                continue;
            }
            if kind != sys::DT_REG || !apply(directory, name, arena, out) {
                return false;
            }
        }
    }
}

/// Reads the file NAME of DIRECTORY and applies it to OUT.
unsafe fn apply<const N: usize>(
    directory: &[u8],
    name: &[u8],
    arena: &mut Arena,
    out: &mut Pointers<N>,
) -> bool {
    let mut path = Buffer::<{ PATH_MAX + 64 }>::new();
    if !path.push(&[directory, b"/", name, b"\0"]) {
        return false;
    }
    let entry = arena.length;
    let entry_pointer = arena.next().cast_const();
    if !arena.push(name) || !arena.push(b"=") {
        return false;
    }
    let value = arena.length;
    let fd = sys::open(
        path.pointer(),
        sys::O_RDONLY | sys::O_NONBLOCK | sys::O_CLOEXEC,
    );
    if fd < 0 {
        return false;
    }
    let read_whole = loop {
        let room = arena.room();
        if room.is_empty() {
            break false;
        }
        match sys::read(fd, room) {
            0 => break true,
            read if read < 0 => break false,
            read => arena.length += read as usize,
        }
    };
    sys::close(fd);
    if !read_whole {
        return false;
    }
    if let Some(at) = out
        .items()
        .iter()
        .position(|other| name_of(c_bytes(*other)).is_some_and(|other| same(other, name)))
    {
        out.swap_remove(at);
    }
    // An empty file unsets the variable.
    if arena.length == value {
        arena.length = entry;
        return true;
    }
    if arena.since(value).last() == Some(&b'\n') {
        arena.length -= 1;
    }
    for byte in arena.since(value) {
        if *byte == 0 {
            *byte = b'\n';
        }
    }
    arena.push(b"\0") && out.push(entry_pointer)
}
