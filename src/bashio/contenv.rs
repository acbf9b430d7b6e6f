//! Beyond bashio: the container environment from a script's side. Add-on
//! scripts hand settings to their services by writing files that with-contenv
//! loads (`printf '%s' "$value" > /run/s6/container_environment/NAME`), each
//! author with a hand-written helper. These functions do it once, safely:
//! names are checked, writes are atomic, and `set` exports the variable into
//! the calling shell too. They refuse names a shell could not use.

#![forbid(unsafe_code)]

use super::log;
use crate::ctx::{Args, Ctx, Ret, NOK, OK};
use crate::s6::envdir;
use crate::table::row::{Body::*, Function};
use std::os::unix::ffi::OsStrExt;
use std::path::PathBuf;

pub const FUNCTIONS: &[Function] = &[
    Function::extension(
        "bashio::contenv.set",
        Shell(SET_SHELL),
        "NAME VALUE: set NAME for the services (and export it here)",
    ),
    Function::extension(
        "bashio::contenv.__write",
        Native(write),
        "NAME VALUE: write NAME into the container environment",
    ),
    Function::extension(
        "bashio::contenv.get",
        Native(get),
        "NAME: the value services will get for NAME",
    ),
    Function::extension(
        "bashio::contenv.unset",
        Shell(UNSET_SHELL),
        "NAME: remove NAME from the services' environment (and unset it here)",
    ),
    Function::extension(
        "bashio::contenv.__remove",
        Native(remove),
        "NAME: remove NAME from the container environment",
    ),
    Function::extension(
        "bashio::contenv.list",
        Native(list),
        ": the names in the container environment, one per line",
    ),
];

// The variable must also change in the calling shell, so these run there.
const SET_SHELL: &str = r#"    __bashio_call bashio::contenv.__write "$@" || return "$?"
    export "${1}=${2}""#;
const UNSET_SHELL: &str = r#"    __bashio_call bashio::contenv.__remove "$@" || return "$?"
    unset "${1}""#;

fn directory() -> PathBuf {
    envdir::container_environment_dir()
}

/// A name a shell can export: a letter or `_`, then letters, digits, `_`.
fn valid_name(name: &[u8]) -> bool {
    match name.split_first() {
        Some((first, rest)) => {
            (first.is_ascii_alphabetic() || *first == b'_')
                && rest.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'_')
        }
        None => false,
    }
}

fn checked_name(ctx: &mut Ctx, name: &[u8]) -> Option<String> {
    if valid_name(name) {
        return Some(String::from_utf8_lossy(name).into_owned());
    }
    let shown: String = String::from_utf8_lossy(name)
        .chars()
        .map(|c| if c.is_control() || c == '\\' { '?' } else { c })
        .collect();
    log::error(ctx, format!("Invalid environment variable name: '{shown}'"));
    None
}

fn write(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(
        ctx,
        "bashio::contenv.set",
        &Args(vec![args.bytes(0).to_vec()]),
    );
    let Some(name) = checked_name(ctx, args.bytes(0)) else {
        return NOK;
    };
    let dir = directory();
    if let Err(e) = crate::atomic::write(&dir.join(&name), args.bytes(1), 0o644) {
        log::error(
            ctx,
            format!(
                "Cannot write {name} into {}: {}",
                dir.display(),
                crate::errors::plain(&e)
            ),
        );
        return NOK;
    }
    OK
}

fn get(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::contenv.get", args);
    let Some(name) = checked_name(ctx, args.bytes(0)) else {
        return NOK;
    };
    match std::fs::read(directory().join(&name)) {
        Ok(mut value) => {
            // What with-contenv will set: one trailing newline dropped, NULs as newlines.
            if value.last() == Some(&b'\n') {
                value.pop();
            }
            for byte in value.iter_mut().filter(|b| **b == 0) {
                *byte = b'\n';
            }
            ctx.print(&value);
            OK
        }
        Err(_) => NOK,
    }
}

fn remove(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::contenv.unset", args);
    let Some(name) = checked_name(ctx, args.bytes(0)) else {
        return NOK;
    };
    let dir = directory();
    match std::fs::remove_file(dir.join(&name)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            log::error(
                ctx,
                format!(
                    "Cannot remove {name} from {}: {}",
                    dir.display(),
                    crate::errors::plain(&e)
                ),
            );
            NOK
        }
        _ => OK,
    }
}

fn list(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::contenv.list", args);
    let dir = directory();
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) => {
            log::error(
                ctx,
                format!(
                    "Cannot read {}: {}",
                    dir.display(),
                    crate::errors::plain(&e)
                ),
            );
            return NOK;
        }
    };
    let mut names: Vec<Vec<u8>> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|t| !t.is_dir()))
        .map(|entry| entry.file_name().as_bytes().to_vec())
        .filter(|name| !name.starts_with(b".") && !name.contains(&b'='))
        .collect();
    names.sort();
    for name in names {
        ctx.echo(&name);
    }
    OK
}

#[cfg(test)]
mod tests {
    use super::valid_name;

    #[test]
    fn names_a_shell_can_export() {
        assert!(valid_name(b"DB_HOST"));
        assert!(valid_name(b"_x1"));
        assert!(!valid_name(b"1X"));
        assert!(!valid_name(b"A-B"));
        assert!(!valid_name(b"../etc"));
        assert!(!valid_name(b""));
    }
}
