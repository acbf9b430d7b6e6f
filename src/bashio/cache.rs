//! bashio's cache.sh: API responses kept as `KEY.cache` files under the cache
//! directory (default /tmp/.bashio), owner-only, so a script's later calls
//! skip the Supervisor. Keys are single path components; nothing else is
//! accepted, so no key can reach outside the directory. Writes are atomic:
//! a reader sees the old file or the new one, never half of one.

#![forbid(unsafe_code)]

use super::{exit, fs, log};
use crate::ctx::{status, Args, Ctx, Ret, NOK, OK};
use crate::table::row::{Body::*, Function};
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::PathBuf;

pub const FUNCTIONS: &[Function] = &[
    Function::new(
        "bashio::cache.__valid_key",
        Native(valid_key_fn),
        "KEY: succeed when KEY is a safe cache key",
    ),
    Function::new(
        "bashio::cache.exists",
        Native(exists_fn),
        "KEY: succeed when KEY is cached",
    ),
    Function::new(
        "bashio::cache.get",
        Native(get_fn),
        "KEY: the cached value of KEY",
    ),
    Function::new(
        "bashio::cache.set",
        Native(set_fn),
        "KEY VALUE: cache VALUE under KEY",
    ),
    Function::new(
        "bashio::cache.flush",
        Native(flush_fn),
        "KEY: remove KEY from the cache",
    ),
    Function::new(
        "bashio::cache.flush_all",
        Native(flush_all_fn),
        ": remove every cached value",
    ),
];

fn file_of(ctx: &Ctx, key: &str) -> PathBuf {
    PathBuf::from(format!("{}/{}.cache", ctx.settings.cache_dir, key))
}

/// Whether a symbolic link stands at `path`. Someone else may plant one
/// where the cache lives (a shared /tmp); it is never followed.
fn is_link(path: &std::path::Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// A planted link at the directory or the entry makes the entry absent.
fn planted_link(ctx: &Ctx, key: &str) -> bool {
    is_link(std::path::Path::new(&ctx.settings.cache_dir)) || is_link(&file_of(ctx, key))
}

/// The file of a cached KEY for a quiet read (nothing is logged), or None
/// when a link is planted at the directory or the entry.
pub fn entry_path(ctx: &Ctx, key: &str) -> Option<PathBuf> {
    (!planted_link(ctx, key)).then(|| file_of(ctx, key))
}

/// `bashio::cache.__valid_key KEY`: letters, digits, dots, underscores and
/// hyphens only; a rejected key is logged with control characters masked.
fn valid_key(ctx: &mut Ctx, key: &str) -> bool {
    let safe = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b));
    if !safe {
        let display: String = key
            .chars()
            .map(|c| if c.is_control() || c == '\\' { '?' } else { c })
            .collect();
        log::error(ctx, format!("Invalid cache key: '{display}'"));
    }
    safe
}

/// `bashio::cache.exists KEY`.
pub fn exists(ctx: &mut Ctx, key: &str) -> bool {
    log::trace(ctx, "bashio::cache.exists", &Args::of(&[key]));
    if !valid_key(ctx, key) {
        return false;
    }
    let file = file_of(ctx, key);
    // A file, and no link planted at the entry or at the directory.
    fs::is_file_not_link(ctx, file.as_os_str().as_encoded_bytes())
        && !is_link(std::path::Path::new(&ctx.settings.cache_dir))
}

/// `bashio::cache.get KEY` as a value: None when KEY is not cached.
pub fn get(ctx: &mut Ctx, key: &str) -> Option<Vec<u8>> {
    log::trace(ctx, "bashio::cache.get", &Args::of(&[key]));
    if !exists(ctx, key) {
        return None;
    }
    // `$(<file)`: the content without its trailing newlines.
    let mut value = std::fs::read(file_of(ctx, key)).unwrap_or_default();
    while value.last() == Some(&b'\n') {
        value.pop();
    }
    Some(value)
}

/// `bashio::cache.get KEY` as a command: prints the value.
pub fn print(ctx: &mut Ctx, key: &str) -> Ret {
    match get(ctx, key) {
        Some(value) => {
            ctx.print(&value);
            OK
        }
        None => NOK,
    }
}

fn prepare_directory(ctx: &mut Ctx) -> Result<(), Ret> {
    let dir = ctx.settings.cache_dir.clone();
    if !fs::is_directory(ctx, dir.as_bytes()) {
        let created = std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&dir);
        if created.is_err() {
            return Err(exit::nok(ctx, b"Could not create cache folder"));
        }
    }
    if std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).is_err() {
        return Err(exit::nok(
            ctx,
            b"Could not restrict permissions on the cache folder",
        ));
    }
    Ok(())
}

/// `bashio::cache.set KEY VALUE`.
pub fn set(ctx: &mut Ctx, key: &str, value: &[u8]) -> Ret {
    log::trace(
        ctx,
        "bashio::cache.set",
        &Args(vec![key.as_bytes().to_vec(), value.to_vec()]),
    );
    if !valid_key(ctx, key) {
        return NOK;
    }
    if is_link(std::path::Path::new(&ctx.settings.cache_dir)) {
        log::warning(
            ctx,
            format!("An error occurred while storing {key} to cache"),
        );
        return NOK;
    }
    if let Err(stopped) = prepare_directory(ctx) {
        return stopped;
    }
    if crate::atomic::write(&file_of(ctx, key), value, 0o600).is_err() {
        log::warning(
            ctx,
            format!("An error occurred while storing {key} to cache"),
        );
        return NOK;
    }
    OK
}

/// `bashio::cache.flush_all`.
pub fn flush_all(ctx: &mut Ctx) -> Ret {
    log::trace_name(ctx, "bashio::cache.flush_all");
    let dir = ctx.settings.cache_dir.clone();
    if !fs::is_directory(ctx, dir.as_bytes()) {
        return OK;
    }
    if std::fs::remove_dir_all(&dir).is_err() && std::path::Path::new(&dir).exists() {
        return exit::nok(ctx, b"Could not flush cache");
    }
    OK
}

fn valid_key_fn(ctx: &mut Ctx, args: &Args) -> Ret {
    status(valid_key(ctx, &args.str(0)))
}

fn exists_fn(ctx: &mut Ctx, args: &Args) -> Ret {
    status(exists(ctx, &args.str(0)))
}

fn get_fn(ctx: &mut Ctx, args: &Args) -> Ret {
    print(ctx, &args.str(0))
}

fn set_fn(ctx: &mut Ctx, args: &Args) -> Ret {
    set(ctx, &args.str(0), args.bytes(1))
}

fn flush_fn(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::cache.flush", args);
    let key = args.str(0);
    if !valid_key(ctx, &key) {
        return NOK;
    }
    match std::fs::remove_file(file_of(ctx, &key)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => exit::nok(
            ctx,
            format!("An error occurred while flushing {key} from cache").as_bytes(),
        ),
        _ => OK,
    }
}

fn flush_all_fn(ctx: &mut Ctx, _args: &Args) -> Ret {
    flush_all(ctx)
}
