//! bashio's docker.sh: the Supervisor's Docker settings and the container
//! registries it logs in to. The two documents and their getters are rows;
//! setting options and adding or removing a registry are native. Registry
//! passwords go only into the request body, never the trace line.

#![forbid(unsafe_code)]

use super::blob::{blob_get, Blob};
use super::{actions, log};
use crate::ctx::{Args, Ctx, Ret};
use crate::table::row::{Action, Body::*, Function, Payload};

pub static INFO: Blob = Blob {
    function: "bashio::docker",
    resource: "/docker/info",
    base_key: "docker.info",
    what: "docker info",
};

pub static REGISTRIES: Blob = Blob {
    function: "bashio::docker.registries",
    resource: "/docker/registries",
    base_key: "docker.registries",
    what: "docker registries",
};

macro_rules! info {
    ($field:literal, $filter:literal, $what:literal) => {
        blob_get!("docker", INFO, "docker.info", $field, $filter, $what)
    };
}

pub const FUNCTIONS: &[Function] = &[
    Function::new(
        "bashio::docker",
        BlobFetch(&INFO),
        "[CACHE_KEY=docker.info] [FILTER]: the Docker settings, filtered",
    ),
    info!("version", ".version", "Docker's version"),
    info!("storage", ".storage", "Docker's storage driver"),
    info!("logging", ".logging", "Docker's logging driver"),
    info!(
        "enable_ipv6",
        ".enable_ipv6 // false", "whether the Docker network has IPv6"
    ),
    info!("mtu", ".mtu", "the Docker network's MTU"),
    Function::new(
        "bashio::docker.options",
        Action(
            Action::post_flush("/docker/options")
                .with(Payload::Argument)
                .traced(),
        ),
        "OPTIONS_JSON: set Docker options",
    ),
    Function::new(
        "bashio::docker.registries",
        BlobFetch(&REGISTRIES),
        "[CACHE_KEY=docker.registries] [FILTER]: the configured registries, filtered",
    ),
    Function::new(
        "bashio::docker.registries.add",
        Native(add_registry),
        "HOSTNAME USERNAME PASSWORD: log in to a registry",
    ),
    Function::new(
        "bashio::docker.registries.delete",
        Action(Action::delete("/docker/registries/{1}")),
        "HOSTNAME: forget a registry",
    ),
];

/// `{"HOSTNAME": {"username": ..., "password": ...}}`, every value escaped.
fn add_registry(ctx: &mut Ctx, args: &Args) -> Ret {
    let name = "bashio::docker.registries.add";
    actions::require(name, args, 3)?;
    let hostname = args.bytes(0);
    log::trace(ctx, name, &Args(vec![hostname.to_vec()]));
    let credentials = actions::json(
        ctx,
        &[b"username", args.bytes(1), b"password", args.bytes(2)],
    )?;
    let credentials = actions::raw(credentials.as_bytes());
    let body = actions::json(ctx, &[hostname, &credentials])?;
    actions::then_flush(ctx, "POST", "/docker/registries", body.as_bytes())
}
