//! bashio's services.sh: service discovery (MQTT, MySQL...) through the
//! Supervisor: reading a service's connection details, publishing, removing.

#![forbid(unsafe_code)]

use super::{actions, api, cache, config, log};
use crate::ctx::{status, Args, Ctx, Ret, NOK, OK};
use crate::table::row::{Body::*, Function};

pub const FUNCTIONS: &[Function] = &[
    Function::new(
        "bashio::services",
        Native(services),
        "SERVICE [KEY]: a service's connection details, or one of them",
    ),
    Function::new(
        "bashio::services.available",
        Native(available),
        "SERVICE: succeed when the service is available",
    ),
    Function::new(
        "bashio::services.publish",
        Native(publish),
        "SERVICE CONFIG_JSON: publish this add-on's service",
    ),
    Function::new(
        "bashio::services.delete",
        Native(delete),
        "SERVICE: withdraw this add-on's service",
    ),
];

fn services(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::services", args);
    let service = args.str(0);
    let key = args.str(1);
    let cache_key = format!("service.info.{service}");
    let details = if cache::exists(ctx, &cache_key) {
        ctx.assign(|c| cache::print(c, &cache_key))?
    } else {
        let resource = format!("/services/{service}");
        let (response, code) =
            ctx.capture_str(|c| api::supervisor(c, "GET", &resource, b"false", ""));
        ctx.check(code)?;
        if code != 0 {
            log::error(ctx, "Failed to get services from Supervisor API");
            return NOK;
        }
        let code = cache::set(ctx, &cache_key, response.as_bytes())?;
        ctx.check(code)?;
        response
    };
    let mut response = details.clone();
    if super::var::has_value(ctx, key.as_bytes()) {
        response = ctx.assign(|c| config::value_of(c, details.as_bytes(), &key, 12))?;
    }
    ctx.print(response.as_bytes());
    OK
}

fn available(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::services.available", args);
    let resource = format!("/services/{}", args.str(0));
    // bashio: `bashio::api.supervisor GET ... >/dev/null 2>&1`.
    let ok = ctx.cond(|c| {
        c.quiet(|c| c.without_stderr(|c| api::supervisor(c, "GET", &resource, b"", "")))
    })?;
    status(ok)
}

fn publish(ctx: &mut Ctx, args: &Args) -> Ret {
    actions::require("bashio::services.publish", args, 2)?;
    // The service's details (credentials) go into a POST body, not the log.
    log::trace(ctx, "bashio::services.publish", &log::redacted(args, &[1]));
    let resource = format!("/services/{}", args.str(0));
    if api::supervisor(ctx, "POST", &resource, args.bytes(1), "")? != 0 {
        return NOK;
    }
    cache::flush_all(ctx)
}

fn delete(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::services.delete", args);
    let resource = format!("/services/{}", args.str(0));
    if api::supervisor(ctx, "DELETE", &resource, b"", "")? != 0 {
        return NOK;
    }
    cache::flush_all(ctx)
}
