//! bashio's core.sh: Home Assistant Core. Its info and stats documents and
//! their getters are rows; the actions (start, stop, restart, rebuild,
//! check, update) and the getters that also set (image, watchdog) are
//! native.

#![forbid(unsafe_code)]

use super::blob::{blob_get, blob_stat, with_stats, Blob};
use super::setting::{Kind, Setting};
use crate::ctx::{Args, Ctx, Ret};
use crate::table::row::{Action, Body::*, Function};

pub static INFO: Blob = Blob {
    function: "bashio::core",
    resource: "/core/info",
    base_key: "core.info",
    what: "core info",
};

pub static STATS: Blob = Blob {
    function: "bashio::core.stats",
    resource: "/core/stats",
    base_key: "core.stats",
    what: "core stats",
};

macro_rules! info {
    ($field:literal, $filter:literal, $what:literal) => {
        blob_get!("core", INFO, "core.info", $field, $filter, $what)
    };
}

pub const FUNCTIONS: &[Function] = &with_stats!(
    blob_stat("core", STATS, "Home Assistant's"),
    Function::new(
        "bashio::core.start",
        Action(Action::status("POST", "/core/start")),
        ": start Home Assistant",
    ),
    Function::new(
        "bashio::core.stop",
        Action(Action::status("POST", "/core/stop")),
        ": stop Home Assistant"
    ),
    Function::new(
        "bashio::core.restart",
        Action(Action::status("POST", "/core/restart")),
        ": restart Home Assistant",
    ),
    Function::new(
        "bashio::core.rebuild",
        Action(Action::status("POST", "/core/rebuild")),
        ": rebuild Home Assistant's container",
    ),
    Function::new(
        "bashio::core.update",
        Action(Action::update("/core/update")),
        "[VERSION]: update Home Assistant (to VERSION, or the latest)",
    ),
    Function::new(
        "bashio::core.check",
        Action(Action::status("POST", "/core/check")),
        ": check Home Assistant's configuration",
    ),
    Function::new(
        "bashio::core.logs",
        Action(Action::raw("/core/logs")),
        ": Home Assistant's log"
    ),
    Function::new(
        "bashio::core",
        BlobFetch(&INFO),
        "[CACHE_KEY=core.info] [FILTER]: Home Assistant's info, filtered",
    ),
    info!("version", ".version", "Home Assistant's version"),
    info!(
        "version_latest",
        ".version_latest", "Home Assistant's latest version"
    ),
    Function::new(
        "bashio::core.update_available",
        BlobGet {
            blob: &INFO,
            key: "core.info.update_available",
            filter: ".update_available // false",
            trace_args: true,
        },
        ": whether an update of Home Assistant is available",
    ),
    info!("arch", ".arch", "Home Assistant's architecture"),
    info!("machine", ".machine", "the machine Home Assistant runs on"),
    Function::new(
        "bashio::core.image",
        Native(image),
        "[IMAGE]: get or set Home Assistant's container image",
    ),
    info!(
        "custom",
        ".custom // false", "whether Home Assistant is a custom version"
    ),
    info!(
        "boot",
        ".boot // false", "whether Home Assistant starts at boot"
    ),
    info!("port", ".port", "the port Home Assistant listens on"),
    info!("ssl", ".ssl // false", "whether Home Assistant uses SSL"),
    Function::new(
        "bashio::core.watchdog",
        Native(watchdog),
        "[true|false]: get or set whether the watchdog guards Home Assistant",
    ),
    Function::new(
        "bashio::core.stats",
        BlobFetch(&STATS),
        "[CACHE_KEY=core.stats] [FILTER]: Home Assistant's resource usage, filtered",
    ),
);

fn image(ctx: &mut Ctx, args: &Args) -> Ret {
    Setting {
        name: "bashio::core.image",
        resource: "/core/options",
        key: "image",
        kind: Kind::Text,
        blob: &INFO,
        cache_key: "core.info.image",
        filter: ".image",
    }
    .run(ctx, args)
}

fn watchdog(ctx: &mut Ctx, args: &Args) -> Ret {
    Setting {
        name: "bashio::core.watchdog",
        resource: "/core/options",
        key: "watchdog",
        kind: Kind::Flag,
        blob: &INFO,
        cache_key: "core.info.watchdog",
        filter: ".watchdog // false",
    }
    .run(ctx, args)
}
