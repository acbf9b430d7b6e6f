//! bashio's discovery.sh: publishing a service's connection details for
//! Home Assistant to discover, and withdrawing them. The configuration can
//! hold credentials, so the trace line names only the service.

#![forbid(unsafe_code)]

use super::{actions, cache, log};
use crate::ctx::{Args, Ctx, Ret, NOK};
use crate::table::row::{Action, Body::*, Function};

pub const FUNCTIONS: &[Function] = &[
    Function::new(
        "bashio::discovery",
        Native(discovery),
        "SERVICE CONFIG_JSON: publish a service for discovery; prints its UUID",
    ),
    Function::new(
        "bashio::discovery.delete",
        Action(Action::delete("/discovery/{1}")),
        "UUID: withdraw a published service",
    ),
];

fn discovery(ctx: &mut Ctx, args: &Args) -> Ret {
    actions::require("bashio::discovery", args, 2)?;
    let service = args.bytes(0);
    log::trace(ctx, "bashio::discovery", &Args(vec![service.to_vec()]));
    let config = actions::raw(args.bytes(1));
    let body = actions::json(ctx, &[b"service", service, b"config", &config])?;
    if !actions::request_ok(ctx, "POST", "/discovery", body.as_bytes(), ".uuid")? {
        return NOK;
    }
    cache::flush_all(ctx)
}
