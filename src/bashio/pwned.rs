//! bashio's pwned.sh: checking a password against Have I Been Pwned's range
//! API (HIBP_ENDPOINT). Only the first five characters of the password's
//! SHA-1 leave the machine; the password is never logged, not even at trace.

#![forbid(unsafe_code)]

use super::log;
use crate::ctx::{Args, Ctx, Ret, NOK, OK};
use crate::table::row::{Body::*, Function};

pub const FUNCTIONS: &[Function] = &[
    Function::new(
        "bashio::pwned.is_safe_password",
        Native(is_safe_password_fn),
        "PASSWORD: succeed unless the password is known to be breached",
    ),
    Function::new(
        "bashio::pwned.occurrences",
        Native(occurrences),
        "PASSWORD: how often the password appears in breaches",
    ),
    Function::new(
        "bashio::pwned.occurances",
        Native(occurances),
        "PASSWORD: deprecated spelling of bashio::pwned.occurrences",
    ),
    Function::new(
        "bashio::pwned",
        Native(pwned_fn),
        "PASSWORD: look the password up, printing its breach count",
    ),
];

const REDACTED: &str = "<REDACTED PASSWORD>";

/// `bashio::pwned PASSWORD`.
fn pwned(ctx: &mut Ctx, password: &[u8]) -> Ret {
    log::trace(ctx, "bashio::pwned", &Args::of(&[REDACTED]));
    if password.is_empty() {
        log::warning(ctx, "Cannot check empty password against HaveIBeenPwned.");
        return NOK;
    }
    let hash = sha1_smol::Sha1::from(password)
        .digest()
        .to_string()
        .to_uppercase();
    let url = format!("{}/{}", ctx.settings.hibp_endpoint, &hash[..5]);
    let (status, body) = match crate::supervisor::get_plain(&url) {
        Ok(response) => (response.status, response.body),
        Err(failure) => {
            super::api::report_failure(ctx, "GET", &url, &failure);
            log::error(ctx, "Something went wrong contacting the HIBP API");
            return NOK;
        }
    };
    let mut response = body;
    response.push(b'\n');
    log::debug(ctx, format!("Requested API resource: {url}"));
    log::debug(ctx, format!("API HTTP Response code: {status}"));
    log::at_level(
        ctx,
        log::TRACE,
        &[&b"API Response: "[..], &response].concat(),
    );
    match status {
        429 => {
            log::error(ctx, "HIBP Rate limit exceeded.");
            return NOK;
        }
        503 => {
            log::error(ctx, "HIBP Service unavailable.");
            return NOK;
        }
        200 => {}
        _ => {
            log::error(ctx, "Unknown HIBP HTTP error occurred.");
            return NOK;
        }
    }
    let suffix = &hash[5..];
    let text = String::from_utf8_lossy(&response).into_owned();
    for entry in text.split_ascii_whitespace() {
        let (candidate, count) = entry.split_once(':').unwrap_or((entry, entry));
        if candidate == suffix {
            let count = count.replace('\r', "");
            log::warning(ctx, "Password is in the Have I Been Pwned database!");
            log::warning(ctx, format!("Password appeared {count} times!"));
            ctx.echo(count.as_bytes());
            return OK;
        }
    }
    ctx.echo(b"0");
    log::info(
        ctx,
        "Password is NOT in the Have I Been Pwned database! Nice!",
    );
    OK
}

/// `bashio::pwned.is_safe_password PASSWORD`.
pub fn is_safe_password(ctx: &mut Ctx, password: &[u8]) -> Ret {
    log::trace(
        ctx,
        "bashio::pwned.is_safe_password",
        &Args::of(&[REDACTED]),
    );
    let (count, code) = ctx.capture_str(|c| pwned(c, password));
    if code != 0 {
        log::warning(ctx, "Could not check password, assuming it is safe.");
        return OK;
    }
    if count.trim().parse::<i64>().unwrap_or(1) != 0 {
        return NOK;
    }
    OK
}

fn is_safe_password_fn(ctx: &mut Ctx, args: &Args) -> Ret {
    is_safe_password(ctx, args.bytes(0))
}

fn occurrences(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::pwned.occurrences", &Args::of(&[REDACTED]));
    let (count, code) = ctx.capture(|c| pwned(c, args.bytes(0)));
    ctx.print(if code == 0 { &count } else { b"0" });
    OK
}

fn occurances(ctx: &mut Ctx, args: &Args) -> Ret {
    log::warning(
        ctx,
        "bashio::pwned.occurances is deprecated, use bashio::pwned.occurrences instead.",
    );
    occurrences(ctx, args)
}

fn pwned_fn(ctx: &mut Ctx, args: &Args) -> Ret {
    pwned(ctx, args.bytes(0))
}
