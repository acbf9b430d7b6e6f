//! bashio's api.sh: one request to the Supervisor and bashio's reading of the
//! answer (status checks, the `{"result","data"}` envelope, an optional jq
//! filter), with the same log lines; the request itself is `supervisor`'s.
//! Unlike bashio's curl call it cannot hang: connecting and reading have time
//! limits. The token travels only in the request header; it is never logged
//! or put in a process's arguments.

#![forbid(unsafe_code)]

use super::{jq, local, log, log_format, var};
use crate::ctx::{Args, Ctx, Ret, NOK, OK};
use crate::http::{Failure, Response};
use crate::supervisor;
use crate::table::row::{Body::*, Function};

pub const FUNCTIONS: &[Function] = &[Function::new(
    "bashio::api.supervisor",
    Native(supervisor_fn),
    "METHOD RESOURCE [RAW|BODY] [FILTER]: call the Supervisor API",
)];

/// What bashio's `curl --silent --show-error` leaves when a request fails:
/// curl's line on stderr, and curl's output (the body that came and the
/// status, `\n000` when nothing came) logged at debug level, as bashio logs
/// it. Our own account of the failure is a debug line on stderr, so the log
/// lines bashio writes stay exactly its own.
pub fn report_failure(ctx: &mut Ctx, method: &str, url: &str, failure: &Failure) {
    ctx.flush();
    if let Some(line) = failure.error.curl_line().filter(|_| !ctx.stderr_discarded) {
        eprintln!("{line}");
    }
    if ctx.settings.log_level >= log::DEBUG && !ctx.stderr_discarded {
        let tries = match failure.tries {
            1 => String::new(),
            n => format!(" ({n} tries)"),
        };
        let detail = format!("{method} {url}: {}{tries}", failure.error.detail());
        let stamp = log_format::timestamp(&ctx.settings.log_timestamp);
        let line = log_format::render(
            &ctx.settings.log_format,
            &stamp,
            log::DEBUG,
            detail.as_bytes(),
        );
        let _ = std::io::Write::write_all(&mut std::io::stderr(), &line);
    }
    log::debug(ctx, failure.curl_output());
}

/// `bashio::api.supervisor METHOD RESOURCE [RAW|BODY] [FILTER]`.
pub fn supervisor(ctx: &mut Ctx, method: &str, resource: &str, third: &[u8], filter: &str) -> Ret {
    log::trace(
        ctx,
        "bashio::api.supervisor",
        &Args::of(&[method, resource]),
    );
    if local::active(ctx) {
        return local::unavailable(ctx, &format!("{method} {resource}"));
    }
    let (body, raw) = if method == "POST" && !third.is_empty() {
        (third.to_vec(), &b""[..])
    } else {
        (b"{}".to_vec(), third)
    };
    let url = format!("{}{}", ctx.settings.supervisor_api, resource);
    let sent = supervisor::send(&ctx.settings.supervisor_token, method, &url, &body);
    let (status, mut response) = match sent {
        Ok(Response { status, body }) => (status, body),
        Err(failure) => {
            report_failure(ctx, method, &url, &failure);
            log::error(ctx, "Something went wrong contacting the API");
            return NOK;
        }
    };
    // bashio reads the body from curl's output, where a newline separates
    // it from the status code; that newline stays part of the response.
    response.push(b'\n');

    log::debug(ctx, format!("Requested API resource: {url}"));
    log::debug(ctx, format!("Request method: {method}"));
    log::debug(ctx, format!("API HTTP Response code: {status}"));
    log::debug(ctx, [&b"API Response: "[..], &response].concat());

    match status {
        401 => {
            return fail(
                ctx,
                "Unable to authenticate with the API, permission denied",
            )
        }
        403 => return fail(ctx, "Unable to access the API, forbidden"),
        404 => return fail(ctx, &format!("Requested resource {resource} was not found")),
        405 => {
            return fail(
                ctx,
                &format!("Requested resource {resource} was called using an unallowed method."),
            )
        }
        _ => {}
    }

    let raw_arg = raw;
    let raw = var::is_true(ctx, raw_arg);
    if !raw {
        let result = ctx.assign(|c| jq::query(c, &response, ".result", &[]))?;
        if var::equals(ctx, result.as_bytes(), b"error") {
            let (message, _) = ctx.capture(|c| jq::query(c, &response, ".message // empty", &[]));
            let mut line = b"Got unexpected response from the API: ".to_vec();
            line.extend_from_slice(&message);
            log::error(ctx, line);
            return NOK;
        }
    }

    if status != 200 {
        return fail(ctx, "Unknown HTTP error occurred");
    }

    if var::is_true(ctx, raw_arg) {
        ctx.echo(&response);
        return OK;
    }

    let mut result = ctx.assign(|c| jq::data(c, &response))?;

    if var::has_value(ctx, filter.as_bytes()) {
        log::debug(ctx, format!("Filtering response using: {filter}"));
        let (filtered, code) = ctx.capture_str(|c| jq::query(c, result.as_bytes(), filter, &[]));
        ctx.check(code)?;
        if code != 0 {
            return fail(ctx, "Failed to execute the jq filter");
        }
        result = filtered;
    }

    ctx.echo(result.as_bytes());
    OK
}

fn fail(ctx: &mut Ctx, message: &str) -> Ret {
    log::error(ctx, message);
    NOK
}

fn supervisor_fn(ctx: &mut Ctx, args: &Args) -> Ret {
    supervisor(ctx, &args.str(0), &args.str(1), args.bytes(2), &args.str(3))
}
