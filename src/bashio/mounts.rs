//! bashio's mounts.sh: network storage the Supervisor mounts (CIFS, NFS).
//! The document and its getters are rows; creating, reloading and removing
//! mounts are native. Mount definitions carry credentials, so those calls
//! trace only their name.

#![forbid(unsafe_code)]

use super::blob::Blob;
use crate::table::row::{Action, Body::*, Function, Payload};

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
            trace_args: false,
        },
        ": the names of the configured mounts",
    ),
    Function::new(
        "bashio::mounts.default_backup_mount",
        BlobGet {
            blob: &INFO,
            key: "mounts.info.default_backup_mount",
            filter: ".default_backup_mount",
            trace_args: false,
        },
        ": the mount backups go to by default",
    ),
    Function::new(
        "bashio::mounts.create",
        Action(Action::post_flush("/mounts").with(Payload::Argument)),
        "MOUNT_JSON: add a mount",
    ),
    Function::new(
        "bashio::mounts.options",
        Action(Action::post_flush("/mounts/options").with(Payload::Argument)),
        "OPTIONS_JSON: set the mount manager's options",
    ),
    Function::new(
        "bashio::mount.reload",
        Action(Action::post_flush("/mounts/{1}/reload").traced()),
        "NAME: reload a mount",
    ),
    Function::new(
        "bashio::mount.delete",
        Action(Action::delete("/mounts/{1}")),
        "NAME: remove a mount",
    ),
];
