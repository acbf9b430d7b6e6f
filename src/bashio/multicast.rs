//! bashio's multicast.sh: the Multicast plugin (mDNS relay). Its info and
//! stats documents and their getters are rows; updating, restarting and its
//! log are native.

#![forbid(unsafe_code)]

use super::blob::{blob_get, blob_stat, with_stats, Blob};
use crate::table::row::{Action, Body::*, Function};

pub static INFO: Blob = Blob {
    function: "bashio::multicast",
    resource: "/multicast/info",
    base_key: "multicast.info",
    what: "multicast info",
};

pub static STATS: Blob = Blob {
    function: "bashio::multicast.stats",
    resource: "/multicast/stats",
    base_key: "multicast.stats",
    what: "multicast stats",
};

macro_rules! info {
    ($field:literal, $filter:literal, $what:literal) => {
        blob_get!("multicast", INFO, "multicast.info", $field, $filter, $what)
    };
}

pub const FUNCTIONS: &[Function] = &with_stats!(
    blob_stat("multicast", STATS, "the Multicast plugin's"),
    memory = " in bytes",
    Function::new(
        "bashio::multicast.update",
        Action(Action::update("/multicast/update")),
        "[VERSION]: update the Multicast plugin (to VERSION, or the latest)",
    ),
    Function::new(
        "bashio::multicast.restart",
        Action(Action::post_flush("/multicast/restart")),
        ": restart the Multicast plugin",
    ),
    Function::new(
        "bashio::multicast.logs",
        Action(Action::raw("/multicast/logs")),
        ": the Multicast plugin's log",
    ),
    Function::new(
        "bashio::multicast",
        BlobFetch(&INFO),
        "[CACHE_KEY=multicast.info] [FILTER]: the Multicast plugin's information, filtered",
    ),
    info!("version", ".version", "the Multicast plugin's version"),
    info!(
        "version_latest",
        ".version_latest", "the Multicast plugin's latest version"
    ),
    Function::new(
        "bashio::multicast.update_available",
        BlobGet {
            blob: &INFO,
            key: "multicast.info.update_available",
            filter: ".update_available // false",
            trace_args: true,
        },
        ": whether a Multicast plugin update is available",
    ),
    Function::new(
        "bashio::multicast.stats",
        BlobFetch(&STATS),
        "[CACHE_KEY=multicast.stats] [FILTER]: the Multicast plugin's resource usage, filtered",
    ),
);
