//! bashio's ingress.sh: the add-on panels shown in Home Assistant's sidebar
//! and ingress sessions. A session id is a credential: it never appears in
//! a trace line.
//!
//! The panels document is cached like the other documents, except that
//! bashio keeps only the `.panels` part of the answer, so it has its own
//! fetch here.

use super::{actions, api, cache, jq, log, var};
use crate::ctx::{Args, Ctx, Ret, NOK, OK};
use crate::table::{Body::*, Function};

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
        Native(validate_session),
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

    let info = if cache::exists(ctx, BASE_KEY) {
        ctx.assign(|c| cache::print(c, BASE_KEY))?.into_bytes()
    } else {
        let (response, code) =
            ctx.capture(|c| api::supervisor(c, "GET", "/ingress/panels", b"false", ".panels"));
        ctx.check(code)?;
        if code != 0 {
            log::error(ctx, "Failed to get ingress panels from Supervisor API");
            return NOK;
        }
        let code = cache::set(ctx, BASE_KEY, &response)?;
        ctx.check(code)?;
        response
    };

    let mut response = info.clone();
    if var::has_value(ctx, filter.as_bytes()) {
        let (filtered, code) = ctx.capture(|c| jq::query(c, &info, &filter, &[]));
        ctx.check(code)?;
        if code != 0 {
            log::error(ctx, "Failed to execute the jq filter");
            return NOK;
        }
        response = filtered;
    }

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

fn validate_session(ctx: &mut Ctx, args: &Args) -> Ret {
    let name = "bashio::ingress.validate_session";
    actions::require(name, args, 1)?;
    log::trace_name(ctx, name);
    let body = actions::json(ctx, &[b"session", args.bytes(0)])?;
    actions::then_ok(ctx, "POST", "/ingress/validate_session", body.as_bytes())
}
