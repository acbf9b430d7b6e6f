//! bashio's api.sh: one request to the Supervisor and bashio's reading of the
//! answer (status checks, the `{"result","data"}` envelope, an optional jq
//! filter), with the same log lines. Unlike bashio's curl call it cannot hang:
//! connecting and reading have time limits. The token travels only in the
//! request header; it is never logged or put in a process's arguments.

use super::{jq, local, log, var};
use crate::ctx::{Args, Ctx, Ret, Settings, NOK, OK};
use crate::table::{Body::*, Function};
use std::time::Duration;

pub const FUNCTIONS: &[Function] = &[Function::new(
    "bashio::api.supervisor",
    Native(supervisor_fn),
    "METHOD RESOURCE [RAW|BODY] [FILTER]: call the Supervisor API",
)];

/// Seconds from an environment variable; 0 means no limit.
fn seconds(name: &str, default: u64) -> Option<Duration> {
    let value = crate::env::var(name)
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(default);
    (value > 0).then(|| Duration::from_secs(value))
}

/// The HTTP side of a Supervisor call.
pub struct Client {
    http: Option<reqwest::blocking::Client>,
    token: String,
}

/// What came back, or why nothing did.
pub type Reply = Result<(u16, Vec<u8>), String>;

impl Client {
    pub fn new(settings: &Settings) -> Client {
        Client {
            http: None,
            token: settings.supervisor_token.clone(),
        }
    }

    fn http(&mut self) -> Result<&reqwest::blocking::Client, String> {
        if self.http.is_none() {
            let client = reqwest::blocking::Client::builder()
                .connect_timeout(seconds("BASHIO_API_CONNECT_TIMEOUT", 10))
                .timeout(None)
                .build()
                .map_err(|e| format!("unable to set up HTTP: {e}"))?;
            self.http = Some(client);
        }
        Ok(self.http.as_ref().expect("client was just built"))
    }

    /// Sends what bashio's curl call sends: the method, a bearer token, a
    /// JSON content type and a body (`{}` unless a POST carries one).
    pub fn send(
        &mut self,
        method: &str,
        url: &str,
        body: Vec<u8>,
    ) -> Result<(u16, Vec<u8>), Failure> {
        let method = reqwest::Method::from_bytes(method.as_bytes())
            .map_err(|_| format!("invalid method {method}"))?;
        // Reads that never end must end: GETs are bounded, while actions
        // (updates, backups) may legitimately take long.
        let total = match method {
            reqwest::Method::POST => seconds("BASHIO_API_POST_TIMEOUT", 0),
            _ => seconds("BASHIO_API_TIMEOUT", 60),
        };
        let authorization = match self.token.is_empty() {
            true => "Bearer".to_string(),
            false => format!("Bearer {}", self.token),
        };
        let mut request = self
            .http()?
            .request(method.clone(), url)
            .header("Authorization", authorization)
            .header("Content-Type", "application/json")
            .body(body);
        if let Some(total) = total {
            request = request.timeout(total);
        }
        let retries = if method == reqwest::Method::GET {
            retries()
        } else {
            0
        };
        let mut attempt = 0;
        let response = loop {
            let this_try = request.try_clone().ok_or("request cannot be repeated")?;
            match this_try.send() {
                // Only a connection that never opened is tried again: the
                // Supervisor saw nothing, so a retry cannot repeat an action.
                Err(e) if e.is_connect() && attempt < retries => {
                    attempt += 1;
                    std::thread::sleep(Duration::from_millis(250 << attempt));
                }
                other => break other.map_err(describe)?,
            }
        };
        let mut response = response;
        let status = response.status().as_u16();
        let mut bytes = Vec::new();
        match std::io::Read::read_to_end(&mut response, &mut bytes) {
            Ok(_) => Ok((status, bytes)),
            // What curl leaves when a body breaks off: the part that came,
            // then its status line.
            Err(e) => Err(Failure {
                reason: format!("the answer broke off: {e}"),
                output: [&bytes[..], b"\n", status.to_string().as_bytes()].concat(),
            }),
        }
    }
}

/// Why a request got no whole answer, and what curl's output would hold then
/// (`\n000` when nothing came), which bashio logs at debug level.
pub struct Failure {
    pub reason: String,
    pub output: Vec<u8>,
}

impl From<String> for Failure {
    fn from(reason: String) -> Failure {
        Failure {
            reason,
            output: b"\n000".to_vec(),
        }
    }
}

impl From<&str> for Failure {
    fn from(reason: &str) -> Failure {
        Failure::from(reason.to_string())
    }
}

/// How often a GET whose connection could not be opened is tried again.
fn retries() -> u32 {
    crate::env::var("BASHIO_API_RETRIES")
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(2)
}

impl Client {
    /// A GET without the Supervisor's token, for other services (HIBP).
    pub fn get_plain(&mut self, url: &str) -> Reply {
        let mut request = self.http()?.get(url);
        if let Some(total) = seconds("BASHIO_API_TIMEOUT", 60) {
            request = request.timeout(total);
        }
        let response = request.send().map_err(describe)?;
        let status = response.status().as_u16();
        let bytes = response.bytes().map_err(describe)?;
        Ok((status, bytes.to_vec()))
    }
}

/// A transport error in one line: its kind and its deepest cause.
fn describe(error: reqwest::Error) -> String {
    use std::error::Error;
    let kind = if error.is_timeout() {
        "timed out"
    } else if error.is_connect() {
        "could not connect"
    } else {
        "request failed"
    };
    let mut cause: &dyn Error = &error;
    while let Some(deeper) = cause.source() {
        cause = deeper;
    }
    format!("{kind}: {cause}")
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
    // curl refuses a URL with whitespace or control characters in it
    // ("URL using bad/illegal format"), sending nothing; so does this.
    let reply = if url.bytes().any(|b| b <= b' ' || b == 0x7f) {
        Err(Failure::from(
            "the URL holds whitespace or control characters",
        ))
    } else {
        let target = format!(
            "{}{}",
            ctx.settings.supervisor_api,
            percent_encode_non_ascii(resource)
        );
        ctx.http().send(method, &target, body)
    };
    let (status, mut response) = match reply {
        Ok(reply) => reply,
        Err(Failure { reason, output }) => {
            eprintln!("bashio: unable to reach the Supervisor API at {url}: {reason}");
            // What bashio's curl call left in its output.
            log::debug(ctx, output);
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

    let mut result = ctx.assign(|c| {
        jq::query(
            c,
            &response,
            "if .data == {} then empty else .data end",
            &[],
        )
    })?;

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

/// Bytes outside ASCII as curl sends them, `%xx` in lower case; the HTTP
/// client would spell them in upper case.
fn percent_encode_non_ascii(resource: &str) -> String {
    let mut out = String::with_capacity(resource.len());
    for c in resource.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut buffer = [0u8; 4];
            for byte in c.encode_utf8(&mut buffer).bytes() {
                out.push_str(&format!("%{byte:02x}"));
            }
        }
    }
    out
}

fn fail(ctx: &mut Ctx, message: &str) -> Ret {
    log::error(ctx, message);
    NOK
}

fn supervisor_fn(ctx: &mut Ctx, args: &Args) -> Ret {
    supervisor(ctx, &args.str(0), &args.str(1), args.bytes(2), &args.str(3))
}
