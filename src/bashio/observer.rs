//! bashio's observer.sh: the Observer plugin, which watches the Supervisor
//! from outside. Its info and stats documents and their getters are rows;
//! updating it is native.

use super::actions;
use super::blob::{self, Blob};
use crate::ctx::{Args, Ctx, Ret};
use crate::table::{Body::*, Function};

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
    ($name:literal, $filter:literal, $what:literal) => {
        Function::new(
            concat!("bashio::observer.", $name),
            BlobGet {
                blob: &INFO,
                key: concat!("observer.info.", $name),
                filter: $filter,
            },
            concat!(": ", $what),
        )
    };
}

macro_rules! stat {
    ($name:literal, $what:literal) => {
        Function::new(
            concat!("bashio::observer.", $name),
            BlobGet {
                blob: &STATS,
                key: concat!("observer.stats.", $name),
                filter: concat!(".", $name),
            },
            concat!(": the Observer plugin's ", $what),
        )
    };
}

pub const FUNCTIONS: &[Function] = &[
    Function::new(
        "bashio::observer.update",
        Native(update),
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
        Native(update_available),
        ": whether an Observer plugin update is available",
    ),
    Function::new(
        "bashio::observer.host",
        Native(host),
        ": the Observer plugin's host address",
    ),
    Function::new(
        "bashio::observer.stats",
        BlobFetch(&STATS),
        "[CACHE_KEY=observer.stats] [FILTER]: the Observer plugin's resource usage, filtered",
    ),
    stat!("cpu_percent", "CPU usage in percent"),
    stat!("memory_usage", "memory usage in bytes"),
    stat!("memory_limit", "memory limit in bytes"),
    stat!("memory_percent", "memory usage in percent"),
    stat!("network_tx", "bytes sent"),
    stat!("network_rx", "bytes received"),
    stat!("blk_read", "bytes read from disk"),
    stat!("blk_write", "bytes written to disk"),
];

fn update(ctx: &mut Ctx, args: &Args) -> Ret {
    actions::update(ctx, "bashio::observer.update", args, "/observer/update")
}

fn update_available(ctx: &mut Ctx, args: &Args) -> Ret {
    blob::get_traced(
        ctx,
        "bashio::observer.update_available",
        args,
        &INFO,
        "observer.info.update_available",
        ".update_available // false",
    )
}

fn host(ctx: &mut Ctx, args: &Args) -> Ret {
    blob::get_traced(
        ctx,
        "bashio::observer.host",
        args,
        &INFO,
        "observer.info.host",
        ".host",
    )
}
