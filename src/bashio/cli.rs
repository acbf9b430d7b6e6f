//! bashio's cli.sh: the Home Assistant CLI plugin. Its info and stats
//! documents and their getters are rows; updating it is native.

#![forbid(unsafe_code)]

use super::blob::{blob_get, blob_stat, with_stats, Blob};
use crate::table::row::{Action, Body::*, Function};

pub static INFO: Blob = Blob {
    function: "bashio::cli",
    resource: "/cli/info",
    base_key: "cli.info",
    what: "cli info",
};

pub static STATS: Blob = Blob {
    function: "bashio::cli.stats",
    resource: "/cli/stats",
    base_key: "cli.stats",
    what: "cli stats",
};

macro_rules! info {
    ($field:literal, $filter:literal, $what:literal) => {
        blob_get!("cli", INFO, "cli.info", $field, $filter, $what)
    };
}

pub const FUNCTIONS: &[Function] = &with_stats!(
    blob_stat("cli", STATS, "the CLI's"),
    Function::new(
        "bashio::cli.update",
        Action(Action::update("/cli/update")),
        "[VERSION]: update the CLI (to VERSION, or the latest)",
    ),
    Function::new(
        "bashio::cli",
        BlobFetch(&INFO),
        "[CACHE_KEY=cli.info] [FILTER]: the CLI's info, filtered",
    ),
    info!("version", ".version", "the CLI's version"),
    info!(
        "version_latest",
        ".version_latest", "the CLI's latest version"
    ),
    Function::new(
        "bashio::cli.update_available",
        BlobGet {
            blob: &INFO,
            key: "cli.info.update_available",
            filter: ".update_available // false",
            trace_args: true,
        },
        ": whether an update of the CLI is available",
    ),
    Function::new(
        "bashio::cli.stats",
        BlobFetch(&STATS),
        "[CACHE_KEY=cli.stats] [FILTER]: the CLI's resource usage, filtered",
    ),
);
