//! bashio's supervisor.sh: the Supervisor itself. Its info and stats
//! documents and their plain getters are rows; its actions, logs and the
//! options it can get or set are native.

#![forbid(unsafe_code)]

use super::blob::{blob_get, blob_stat, with_stats, Blob};
use super::setting::{Kind, Setting};
use super::{apps, log, repositories};
use crate::ctx::{Args, Ctx, Ret};
use crate::table::row::{Action, Body::*, Function};

pub static INFO: Blob = Blob {
    function: "bashio::supervisor",
    resource: "/supervisor/info",
    base_key: "supervisor.info",
    what: "supervisor info",
};

pub static STATS: Blob = Blob {
    function: "bashio::supervisor.stats",
    resource: "/supervisor/stats",
    base_key: "supervisor.stats",
    what: "supervisor stats",
};

macro_rules! info {
    ($field:literal, $filter:literal, $what:literal) => {
        blob_get!(
            "supervisor",
            INFO,
            "supervisor.info",
            $field,
            $filter,
            $what
        )
    };
}

pub const FUNCTIONS: &[Function] = &with_stats!(
    blob_stat("supervisor", STATS, "the Supervisor's"),
    memory = " in bytes",
    Function::new(
        "bashio::supervisor.ping",
        Action(Action::status("GET", "/supervisor/ping")),
        ": succeed when the Supervisor answers",
    ),
    Function::new(
        "bashio::supervisor.update",
        Action(Action::update("/supervisor/update")),
        "[VERSION]: update the Supervisor (to VERSION, or the latest)",
    ),
    Function::new(
        "bashio::supervisor.reload",
        Action(Action::post_flush("/supervisor/reload")),
        ": reload the Supervisor",
    ),
    Function::new(
        "bashio::supervisor.restart",
        Action(Action::post_flush("/supervisor/restart")),
        ": restart the Supervisor",
    ),
    Function::new(
        "bashio::supervisor.repair",
        Action(Action::post_flush("/supervisor/repair")),
        ": repair the Supervisor",
    ),
    Function::new(
        "bashio::supervisor.logs",
        Action(Action::raw("/supervisor/logs")),
        ": the Supervisor's log",
    ),
    Function::new(
        "bashio::supervisor.logs_latest",
        Action(Action::raw("/supervisor/logs/latest")),
        ": the Supervisor's log since its latest start",
    ),
    Function::new(
        "bashio::supervisor",
        BlobFetch(&INFO),
        "[CACHE_KEY=supervisor.info] [FILTER]: the Supervisor's information, filtered",
    ),
    info!("version", ".version", "the Supervisor's version"),
    info!(
        "version_latest",
        ".version_latest", "the Supervisor's latest version"
    ),
    Function::new(
        "bashio::supervisor.update_available",
        BlobGet {
            blob: &INFO,
            key: "supervisor.info.update_available",
            filter: ".update_available // false",
            trace_args: true,
        },
        ": whether a Supervisor update is available",
    ),
    info!("arch", ".arch", "the system's architecture"),
    info!("supported", ".supported", "whether the system is supported"),
    info!("healthy", ".healthy", "whether the system is healthy"),
    Function::new(
        "bashio::supervisor.channel",
        Native(channel),
        "[CHANNEL]: get or set the update channel (stable, beta, dev)",
    ),
    Function::new(
        "bashio::supervisor.timezone",
        Native(timezone),
        "[TIMEZONE]: get or set the system's time zone",
    ),
    Function::new(
        "bashio::supervisor.country",
        Native(country),
        "[COUNTRY]: get or set the system's country",
    ),
    Function::new(
        "bashio::supervisor.logging",
        Native(logging),
        "[LEVEL]: get or set the Supervisor's log level",
    ),
    info!("ip_address", ".ip_address", "the Supervisor's IP address"),
    Function::new(
        "bashio::supervisor.debug",
        Native(debug),
        "[true|false]: get or set the Supervisor's debug mode",
    ),
    Function::new(
        "bashio::supervisor.debug_block",
        Native(debug_block),
        "[true|false]: get or set whether debugging blocks the Supervisor's start",
    ),
    Function::new(
        "bashio::supervisor.diagnostics",
        Native(diagnostics),
        "[true|false]: get or set whether diagnostics are shared",
    ),
    Function::new(
        "bashio::supervisor.auto_update",
        Native(auto_update),
        "[true|false]: get or set the Supervisor's automatic updates",
    ),
    Function::new(
        "bashio::supervisor.detect_blocking_io",
        Native(detect_blocking_io),
        "[on|off|on-at-startup]: get or set blocking I/O detection",
    ),
    Function::new(
        "bashio::supervisor.addons",
        Native(addons),
        ": the slugs of the installed add-ons (older name of bashio::apps.installed)",
    ),
    Function::new(
        "bashio::supervisor.addons_repositories",
        Native(addons_repositories),
        ": the add-on repositories, one {name, slug} object a line",
    ),
    Function::new(
        "bashio::supervisor.stats",
        BlobFetch(&STATS),
        "[CACHE_KEY=supervisor.stats] [FILTER]: the Supervisor's resource usage, filtered",
    ),
);

/// A get-or-set function over `/supervisor/options` and the info document.
macro_rules! option {
    ($function:ident, $key:literal, $kind:ident, $filter:literal) => {
        fn $function(ctx: &mut Ctx, args: &Args) -> Ret {
            Setting {
                name: concat!("bashio::supervisor.", $key),
                resource: "/supervisor/options",
                key: $key,
                kind: Kind::$kind,
                blob: &INFO,
                cache_key: concat!("supervisor.info.", $key),
                filter: $filter,
            }
            .run(ctx, args)
        }
    };
}

option!(channel, "channel", Text, ".channel // false");
option!(timezone, "timezone", Text, ".timezone");
option!(country, "country", Text, ".country");
option!(logging, "logging", Text, ".logging");
option!(debug, "debug", Flag, ".debug // false");
option!(debug_block, "debug_block", Flag, ".debug_block // false");
option!(diagnostics, "diagnostics", Flag, ".diagnostics");
option!(auto_update, "auto_update", Flag, ".auto_update");
option!(
    detect_blocking_io,
    "detect_blocking_io",
    Text,
    ".detect_blocking_io"
);

fn addons(ctx: &mut Ctx, _args: &Args) -> Ret {
    log::trace_name(ctx, "bashio::supervisor.addons");
    apps::installed(ctx, &Args::default())
}

fn addons_repositories(ctx: &mut Ctx, _args: &Args) -> Ret {
    log::trace_name(ctx, "bashio::supervisor.addons_repositories");
    repositories::repositories(
        ctx,
        &Args::of(&[
            "false",
            "supervisor.info.addons_repositories",
            ".[] | {name, slug}",
        ]),
    )
}
