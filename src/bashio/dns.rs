//! bashio's dns.sh: the DNS plugin (CoreDNS). Its info and stats documents
//! and their getters are rows; the actions and the options setter are
//! native. Options may hold anything, so their trace line is the name only.

#![forbid(unsafe_code)]

use super::blob::{blob_get, blob_stat, with_stats, Blob};
use crate::table::row::{Action, Body::*, Function, Payload};

pub static INFO: Blob = Blob {
    function: "bashio::dns",
    resource: "/dns/info",
    base_key: "dns.info",
    what: "dns info",
};

pub static STATS: Blob = Blob {
    function: "bashio::dns.stats",
    resource: "/dns/stats",
    base_key: "dns.stats",
    what: "dns stats",
};

macro_rules! info {
    ($field:literal, $filter:literal, $what:literal) => {
        blob_get!("dns", INFO, "dns.info", $field, $filter, $what)
    };
}

pub const FUNCTIONS: &[Function] = &with_stats!(
    blob_stat("dns", STATS, "the DNS server's"),
    Function::new(
        "bashio::dns.update",
        Action(Action::update("/dns/update")),
        "[VERSION]: update the DNS server (to VERSION, or the latest)",
    ),
    Function::new(
        "bashio::dns.reset",
        Action(Action::post_flush("/dns/reset")),
        ": reset the DNS server's configuration",
    ),
    Function::new(
        "bashio::dns.restart",
        Action(Action::post_flush("/dns/restart")),
        ": restart the DNS server",
    ),
    Function::new(
        "bashio::dns.options",
        Action(Action::post_flush("/dns/options").with(Payload::Argument)),
        "OPTIONS_JSON: set the DNS server's options",
    ),
    Function::new(
        "bashio::dns.logs",
        Action(Action::raw("/dns/logs")),
        ": the DNS server's log"
    ),
    Function::new(
        "bashio::dns",
        BlobFetch(&INFO),
        "[CACHE_KEY=dns.info] [FILTER]: the DNS server's info, filtered",
    ),
    info!("host", ".host", "the DNS server's address"),
    info!("version", ".version", "the DNS server's version"),
    info!(
        "version_latest",
        ".version_latest", "the DNS server's latest version"
    ),
    Function::new(
        "bashio::dns.update_available",
        BlobGet {
            blob: &INFO,
            key: "dns.info.update_available",
            filter: ".update_available // false",
            trace_args: true,
        },
        ": whether an update of the DNS server is available",
    ),
    info!("locals", ".locals[]", "the local DNS servers it uses"),
    info!("servers", ".servers[]", "the DNS servers it uses"),
    Function::new(
        "bashio::dns.stats",
        BlobFetch(&STATS),
        "[CACHE_KEY=dns.stats] [FILTER]: the DNS server's resource usage, filtered",
    ),
);
