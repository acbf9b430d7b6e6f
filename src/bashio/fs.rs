//! bashio's fs.sh: tests on paths, following symlinks as bash's `[[ -f ]]` does.

#![forbid(unsafe_code)]

use super::log;
use crate::ctx::{status, Args, Ctx, Ret};
use crate::table::row::{Body::*, Function};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::FileTypeExt;
use std::path::Path;

pub const FUNCTIONS: &[Function] = &[
    Function::new(
        "bashio::fs.directory_exists",
        Native(directory_exists),
        "PATH: succeed when PATH is a directory",
    ),
    Function::new(
        "bashio::fs.file_exists",
        Native(file_exists),
        "PATH: succeed when PATH is a regular file",
    ),
    Function::new(
        "bashio::fs.file_non_empty",
        Native(file_non_empty),
        "PATH: succeed when PATH exists and is not empty",
    ),
    Function::new(
        "bashio::fs.device_exists",
        Native(device_exists),
        "PATH: succeed when PATH is a block or character device",
    ),
    Function::new(
        "bashio::fs.socket_exists",
        Native(socket_exists),
        "PATH: succeed when PATH is a socket",
    ),
];

fn metadata(path: &[u8]) -> Option<std::fs::Metadata> {
    if path.is_empty() {
        return None;
    }
    std::fs::metadata(Path::new(std::ffi::OsStr::from_bytes(path))).ok()
}

/// `bashio::fs.directory_exists PATH`.
pub fn is_directory(ctx: &mut Ctx, path: &[u8]) -> bool {
    log::trace(
        ctx,
        "bashio::fs.directory_exists",
        &Args(vec![path.to_vec()]),
    );
    metadata(path).is_some_and(|m| m.is_dir())
}

/// `bashio::fs.file_exists PATH`.
pub fn is_file(ctx: &mut Ctx, path: &[u8]) -> bool {
    log::trace(ctx, "bashio::fs.file_exists", &Args(vec![path.to_vec()]));
    metadata(path).is_some_and(|m| m.is_file())
}

/// `bashio::fs.file_exists PATH` when a symbolic link at PATH counts as no
/// file: one `lstat`, where the check and a check for a link took two calls
/// and a third to follow the link.
pub fn is_file_not_link(ctx: &mut Ctx, path: &[u8]) -> bool {
    log::trace(ctx, "bashio::fs.file_exists", &Args(vec![path.to_vec()]));
    !path.is_empty()
        && std::fs::symlink_metadata(Path::new(std::ffi::OsStr::from_bytes(path)))
            .is_ok_and(|m| m.is_file())
}

fn directory_exists(ctx: &mut Ctx, args: &Args) -> Ret {
    status(is_directory(ctx, args.bytes(0)))
}

fn file_exists(ctx: &mut Ctx, args: &Args) -> Ret {
    status(is_file(ctx, args.bytes(0)))
}

fn file_non_empty(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::fs.file_non_empty", args);
    status(metadata(args.bytes(0)).is_some_and(|m| m.len() > 0))
}

fn device_exists(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::fs.device_exists", args);
    status(metadata(args.bytes(0)).is_some_and(|m| {
        let kind = m.file_type();
        kind.is_block_device() || kind.is_char_device()
    }))
}

fn socket_exists(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::fs.socket_exists", args);
    status(metadata(args.bytes(0)).is_some_and(|m| m.file_type().is_socket()))
}
