//! bashio's observer.sh: the Observer plugin, which watches the Supervisor
//! from outside. Its info and stats documents and their getters are rows;
//! updating it is native.

#![forbid(unsafe_code)]

use super::blob::{blob_get, blob_stat, with_stats, Blob};
use crate::table::row::{Action, Body::*, Function};

pub static INFO: Blob = Blob {
    function: "bashio::observer",
    resource: "/observer/info",
    base_key: "observer.info",
    what: "observer info",
};

pub static STATS: Blob = Blob {
    function: "bashio::observer.stats",
    resource: "/observer/stats",
    base_key: "observer.stats",
    what: "observer stats",
};

macro_rules! info {
    ($field:literal, $filter:literal, $what:literal) => {
        blob_get!("observer", INFO, "observer.info", $field, $filter, $what)
    };
}

pub const FUNCTIONS: &[Function] = &with_stats!(
    blob_stat("observer", STATS, "the Observer plugin's"),
    memory = " in bytes",
    Function::new(
        "bashio::observer.update",
        Action(Action::update("/observer/update")),
        "[VERSION]: update the Observer plugin (to VERSION, or the latest)",
    ),
    Function::new(
        "bashio::observer",
        BlobFetch(&INFO),
        "[CACHE_KEY=observer.info] [FILTER]: the Observer plugin's information, filtered",
    ),
    info!("version", ".version", "the Observer plugin's version"),
    info!(
        "version_latest",
        ".version_latest", "the Observer plugin's latest version"
    ),
    Function::new(
        "bashio::observer.update_available",
        BlobGet {
            blob: &INFO,
            key: "observer.info.update_available",
            filter: ".update_available // false",
            trace_args: true,
        },
        ": whether an Observer plugin update is available",
    ),
    Function::new(
        "bashio::observer.host",
        BlobGet {
            blob: &INFO,
            key: "observer.info.host",
            filter: ".host",
            trace_args: true,
        },
        ": the Observer plugin's host address",
    ),
    Function::new(
        "bashio::observer.stats",
        BlobFetch(&STATS),
        "[CACHE_KEY=observer.stats] [FILTER]: the Observer plugin's resource usage, filtered",
    ),
);
