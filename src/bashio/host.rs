//! bashio's host.sh: the machine under the Supervisor. Its info, services
//! and disk usage documents and their getters are rows; the power actions
//! and the hostname setter are native.

#![forbid(unsafe_code)]

use super::blob::{blob_get, Blob};
use super::setting::{Kind, Setting};
use crate::ctx::{Args, Ctx, Ret};
use crate::table::row::{Action, Body::*, Function};

pub static INFO: Blob = Blob {
    function: "bashio::host",
    resource: "/host/info",
    base_key: "host.info",
    what: "host info",
};

pub static SERVICES: Blob = Blob {
    function: "bashio::host.services",
    resource: "/host/services",
    base_key: "host.services",
    what: "host services",
};

pub static DISK_USAGE: Blob = Blob {
    function: "bashio::host.disk_usage",
    resource: "/host/disks/default/usage",
    base_key: "host.disk_usage",
    what: "host disk usage",
};

macro_rules! info {
    ($field:literal, $filter:literal, $what:literal) => {
        blob_get!("host", INFO, "host.info", $field, $filter, $what)
    };
}

pub const FUNCTIONS: &[Function] = &[
    Function::new(
        "bashio::host.reload",
        Action(Action::status("POST", "/host/reload")),
        ": reload what the Supervisor knows of the host",
    ),
    Function::new(
        "bashio::host.shutdown",
        Action(Action::status("POST", "/host/shutdown")),
        ": shut the host down",
    ),
    Function::new(
        "bashio::host.reboot",
        Action(Action::status("POST", "/host/reboot")),
        ": reboot the host",
    ),
    Function::new(
        "bashio::host.logs",
        Action(Action::raw("/host/logs")),
        ": the host's log",
    ),
    Function::new(
        "bashio::host",
        BlobFetch(&INFO),
        "[CACHE_KEY=host.info] [FILTER]: the host's info, filtered",
    ),
    Function::new(
        "bashio::host.services",
        BlobFetch(&SERVICES),
        "[CACHE_KEY=host.services] [FILTER]: the host's systemd services, filtered",
    ),
    Function::new(
        "bashio::host.disk_usage",
        BlobFetch(&DISK_USAGE),
        "[CACHE_KEY=host.disk_usage] [FILTER]: what uses the host's disk, filtered",
    ),
    Function::new(
        "bashio::host.hostname",
        Native(hostname),
        "[HOSTNAME]: get or set the host's name",
    ),
    info!(
        "features",
        ".features[]", "what the host supports, one a line"
    ),
    info!(
        "operating_system",
        ".operating_system", "the host's operating system"
    ),
    info!("kernel", ".kernel", "the host's kernel"),
    info!("chassis", ".chassis", "the host's chassis type"),
    info!("deployment", ".deployment", "the host's deployment"),
    info!("cpe", ".cpe", "the host's CPE name"),
    info!("disk_free", ".disk_free", "free disk space, in GB"),
    info!("disk_total", ".disk_total", "total disk space, in GB"),
    info!("disk_used", ".disk_used", "used disk space, in GB"),
];

fn hostname(ctx: &mut Ctx, args: &Args) -> Ret {
    Setting {
        name: "bashio::host.hostname",
        resource: "/host/options",
        key: "hostname",
        kind: Kind::Text,
        blob: &INFO,
        cache_key: "host.info.hostname",
        filter: ".hostname",
    }
    .run(ctx, args)
}
