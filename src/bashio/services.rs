//! bashio's services.sh: service discovery (MQTT, MySQL...) through the
//! Supervisor: reading a service's connection details, publishing, removing.

use super::{actions, api, cache, config, log};
use crate::ctx::{status, Args, Ctx, Ret, NOK, OK};
use crate::table::{Body::*, Function};

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
    let ok = ctx
        .cond(|c| without_stderr(|| c.quiet(|c| api::supervisor(c, "GET", &resource, b"", ""))))?;
    status(ok)
}

/// Runs `f` with stderr pointed at /dev/null, as bashio's `2>&1 >/dev/null`
/// around the request does: a transport failure or an answer that is not
/// JSON leaves no line there (log lines go to LOG_FD and still show).
fn without_stderr<T>(f: impl FnOnce() -> T) -> T {
    let null = std::fs::OpenOptions::new().write(true).open("/dev/null");
    // SAFETY: dup and dup2 only duplicate descriptors; the saved copy of
    // stderr is put back and closed before returning.
    let saved = match &null {
        Ok(null) => unsafe {
            let saved = libc::dup(2);
            if saved >= 0 && libc::dup2(std::os::fd::AsRawFd::as_raw_fd(null), 2) < 0 {
                libc::close(saved);
                -1
            } else {
                saved
            }
        },
        Err(_) => -1,
    };
    let result = f();
    if saved >= 0 {
        // SAFETY: as above.
        unsafe {
            libc::dup2(saved, 2);
            libc::close(saved);
        }
    }
    result
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
