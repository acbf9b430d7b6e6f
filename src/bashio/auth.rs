//! bashio's auth.sh: Home Assistant users, through the Supervisor's auth
//! backend. Passwords travel only in request bodies: the trace line shows a
//! placeholder in their place.

#![forbid(unsafe_code)]

use super::{actions, api, log};
use crate::ctx::{Args, Ctx, Ret};
use crate::table::row::{Action, Body::*, Function, Then};

pub const FUNCTIONS: &[Function] = &[
    Function::new(
        "bashio::auth",
        Native(auth),
        "USERNAME PASSWORD: succeed when the credentials are a Home Assistant user's",
    ),
    Function::new(
        "bashio::auth.list",
        Native(list),
        ": the Home Assistant users",
    ),
    Function::new(
        "bashio::auth.reset",
        Native(reset),
        "USERNAME PASSWORD: set a user's password",
    ),
    Function::new(
        "bashio::auth.cache.reset",
        Action(Action::status("DELETE", "/auth/cache").then(Then::Ok)),
        ": clear the Supervisor's cache of checked credentials",
    ),
];

/// POSTs `{"username","password"}` to RESOURCE; the status is the answer.
fn credentials(ctx: &mut Ctx, name: &str, args: &Args, resource: &str) -> Ret {
    actions::require(name, args, 2)?;
    let username = args.bytes(0);
    let traced = Args(vec![username.to_vec(), b"<REDACTED PASSWORD>".to_vec()]);
    log::trace(ctx, name, &traced);
    let body = actions::json(ctx, &[b"username", username, b"password", args.bytes(1)])?;
    actions::then_ok(ctx, "POST", resource, body.as_bytes())
}

fn auth(ctx: &mut Ctx, args: &Args) -> Ret {
    credentials(ctx, "bashio::auth", args, "/auth")
}

fn reset(ctx: &mut Ctx, args: &Args) -> Ret {
    credentials(ctx, "bashio::auth.reset", args, "/auth/reset")
}

fn list(ctx: &mut Ctx, _args: &Args) -> Ret {
    log::trace_name(ctx, "bashio::auth.list");
    api::supervisor(ctx, "GET", "/auth/list", b"false", ".users")
}
