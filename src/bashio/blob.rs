//! The shape most of bashio's API modules share: one function fetches a JSON
//! document (`/info`, `/core/stats`, ...) once, caches it under a base key, and
//! filters it; getters are that function with their own cache key and filter.
//! A `Blob` describes such a document; the fetch logic lives here once.

use super::{api, cache, log, var};
use crate::ctx::{Args, Ctx, Ret, NOK, OK};

/// One cached Supervisor document and the function that fetches it.
pub struct Blob {
    /// The fetching function, e.g. `bashio::info`.
    pub function: &'static str,
    /// The API resource, e.g. `/info`.
    pub resource: &'static str,
    /// The cache key of the unfiltered document, also the default key.
    pub base_key: &'static str,
    /// What the document is, for "Failed to get ... from Supervisor API".
    pub what: &'static str,
}

/// The fetching function: `FUNCTION [CACHE_KEY] [FILTER]`.
pub fn fetch(ctx: &mut Ctx, blob: &Blob, args: &Args) -> Ret {
    let cache_key = args.or(0, blob.base_key);
    let filter = args.str(1);
    log::trace(ctx, blob.function, args);
    fetch_document(
        ctx,
        blob.resource,
        blob.base_key,
        blob.what,
        &cache_key,
        &filter,
    )
}

/// The fetch after its trace line, for a document whose resource and base
/// key are known only at call time (one per network interface).
pub fn fetch_document(
    ctx: &mut Ctx,
    resource: &str,
    base_key: &str,
    what: &str,
    cache_key: &str,
    filter: &str,
) -> Ret {
    if cache::exists(ctx, cache_key) {
        // The base key holds the whole document: it answers filtered calls
        // only under another key.
        if cache_key != base_key || !var::has_value(ctx, filter.as_bytes()) {
            cache::print(ctx, cache_key)?;
            return OK;
        }
    }

    let info = if cache::exists(ctx, base_key) {
        ctx.assign(|c| cache::print(c, base_key))?.into_bytes()
    } else {
        let (response, code) = ctx.capture(|c| api::supervisor(c, "GET", resource, b"false", ""));
        ctx.check(code)?;
        if code != 0 {
            log::error(ctx, format!("Failed to get {what} from Supervisor API"));
            return NOK;
        }
        let code = cache::set(ctx, base_key, &response)?;
        ctx.check(code)?;
        response
    };

    let mut response = info.clone();
    if var::has_value(ctx, filter.as_bytes()) {
        let (filtered, code) = ctx.capture(|c| super::jq::query(c, &info, filter, &[]));
        ctx.check(code)?;
        if code != 0 {
            log::error(ctx, "Failed to execute the jq filter");
            return NOK;
        }
        response = filtered;
    }

    if cache_key != base_key {
        let code = cache::set(ctx, cache_key, &response)?;
        ctx.check(code)?;
    }
    ctx.print(&response);
    OK
}

/// A getter row: its trace line, then the fetch with its key and filter.
pub fn get(ctx: &mut Ctx, name: &str, blob: &Blob, key: &str, filter: &str) -> Ret {
    log::trace_name(ctx, name);
    fetch(ctx, blob, &Args::of(&[key, filter]))
}

/// A getter whose bashio function traces its arguments too
/// (`bashio::os.update_available "$@"`), so it is native, not a row.
pub fn get_traced(
    ctx: &mut Ctx,
    name: &str,
    args: &Args,
    blob: &Blob,
    key: &str,
    filter: &str,
) -> Ret {
    log::trace(ctx, name, args);
    fetch(ctx, blob, &Args::of(&[key, filter]))
}
