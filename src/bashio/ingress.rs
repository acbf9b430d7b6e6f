//! bashio's ingress.sh: the add-on panels shown in Home Assistant's sidebar
//! and ingress sessions. A session id is a credential: it never appears in
//! a trace line.
//!
//! The panels document is cached like the other documents, except that
//! bashio keeps only the `.panels` part of the answer: the API call filters
//! it (`blob::filtered_document` with `.panels`).

#![forbid(unsafe_code)]

use super::{actions, blob, cache, log, var};
use crate::ctx::{Args, Ctx, Ret, NOK, OK};
use crate::table::row::{Action, Body::*, Function, Payload, Then};

pub const FUNCTIONS: &[Function] = &[
    Function::new(
        "bashio::ingress.panels",
        Native(panels),
        "[CACHE_KEY=ingress.panels] [FILTER]: the ingress panels by add-on, filtered",
    ),
    Function::new(
        "bashio::ingress.session",
        Native(session),
        ": open an ingress session; prints its id",
    ),
    Function::new(
        "bashio::ingress.validate_session",
        Action(
            Action::status("POST", "/ingress/validate_session")
                .with(Payload::Field("session"))
                .then(Then::Ok),
        ),
        "SESSION: succeed when SESSION is valid, extending it",
    ),
];

const BASE_KEY: &str = "ingress.panels";

fn panels(ctx: &mut Ctx, args: &Args) -> Ret {
    let cache_key = args.or(0, BASE_KEY);
    let filter = args.str(1);
    log::trace(ctx, "bashio::ingress.panels", args);

    if cache::exists(ctx, &cache_key)
        && (cache_key != BASE_KEY || !var::has_value(ctx, filter.as_bytes()))
    {
        cache::print(ctx, &cache_key)?;
        return OK;
    }

    let Some(response) = blob::filtered_document(
        ctx,
        "/ingress/panels",
        ".panels",
        BASE_KEY,
        "ingress panels",
        &filter,
    )?
    else {
        return NOK;
    };

    if cache_key != BASE_KEY {
        let code = cache::set(ctx, &cache_key, &response)?;
        ctx.check(code)?;
    }
    ctx.print(&response);
    OK
}

fn session(ctx: &mut Ctx, _args: &Args) -> Ret {
    log::trace_name(ctx, "bashio::ingress.session");
    match actions::request_ok(ctx, "POST", "/ingress/session", b"{}", ".session")? {
        true => OK,
        false => NOK,
    }
}
