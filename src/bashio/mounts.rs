//! bashio's mounts.sh: network storage the Supervisor mounts (CIFS, NFS).
//! The document and its getters are rows; creating, reloading and removing
//! mounts are native. Mount definitions carry credentials, so those calls
//! trace only their name.

use super::blob::Blob;
use super::{actions, log};
use crate::ctx::{Args, Ctx, Ret};
use crate::table::{Body::*, Function};

pub static INFO: Blob = Blob {
    function: "bashio::mounts",
    resource: "/mounts",
    base_key: "mounts.info",
    what: "mounts info",
};

pub const FUNCTIONS: &[Function] = &[
    Function::new(
        "bashio::mounts",
        BlobFetch(&INFO),
        "[CACHE_KEY=mounts.info] [FILTER]: the configured mounts, filtered",
    ),
    Function::new(
        "bashio::mounts.list",
        BlobGet {
            blob: &INFO,
            key: "mounts.info.list",
            filter: ".mounts[].name",
        },
        ": the names of the configured mounts",
    ),
    Function::new(
        "bashio::mounts.default_backup_mount",
        BlobGet {
            blob: &INFO,
            key: "mounts.info.default_backup_mount",
            filter: ".default_backup_mount",
        },
        ": the mount backups go to by default",
    ),
    Function::new(
        "bashio::mounts.create",
        Native(create),
        "MOUNT_JSON: add a mount",
    ),
    Function::new(
        "bashio::mounts.options",
        Native(options),
        "OPTIONS_JSON: set the mount manager's options",
    ),
    Function::new(
        "bashio::mount.reload",
        Native(reload),
        "NAME: reload a mount",
    ),
    Function::new(
        "bashio::mount.delete",
        Native(delete),
        "NAME: remove a mount",
    ),
];

fn create(ctx: &mut Ctx, args: &Args) -> Ret {
    actions::require("bashio::mounts.create", args, 1)?;
    log::trace_name(ctx, "bashio::mounts.create");
    actions::then_flush(ctx, "POST", "/mounts", args.bytes(0))
}

fn options(ctx: &mut Ctx, args: &Args) -> Ret {
    actions::require("bashio::mounts.options", args, 1)?;
    log::trace_name(ctx, "bashio::mounts.options");
    actions::then_flush(ctx, "POST", "/mounts/options", args.bytes(0))
}

fn reload(ctx: &mut Ctx, args: &Args) -> Ret {
    actions::require("bashio::mount.reload", args, 1)?;
    log::trace(ctx, "bashio::mount.reload", args);
    let resource = format!("/mounts/{}/reload", args.str(0));
    actions::then_flush(ctx, "POST", &resource, b"")
}

fn delete(ctx: &mut Ctx, args: &Args) -> Ret {
    actions::require("bashio::mount.delete", args, 1)?;
    log::trace(ctx, "bashio::mount.delete", args);
    let resource = format!("/mounts/{}", args.str(0));
    actions::then_flush(ctx, "DELETE", &resource, b"")
}
