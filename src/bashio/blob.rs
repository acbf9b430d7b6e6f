//! The shape most of bashio's API modules share: one function fetches a JSON
//! document (`/info`, `/core/stats`, ...) once, caches it under a base key, and
//! filters it; getters are that function with their own cache key and filter.
//! A `Blob` describes such a document; the fetch logic lives here once, and
//! so do the macros that build the getter rows of the function table.

#![forbid(unsafe_code)]

use super::{api, cache, log, var};
use crate::ctx::{Args, Ctx, Ret, Stop, NOK, OK};

pub use crate::table::row::Blob;

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

    let Some(response) = filtered_document(ctx, resource, "", base_key, what, filter)? else {
        return NOK;
    };

    if cache_key != base_key {
        let code = cache::set(ctx, cache_key, &response)?;
        ctx.check(code)?;
    }
    ctx.print(&response);
    OK
}

/// The middle every document fetch shares: the whole document from its base
/// key when cached, else fetched (`api_filter` applied by the API call, as
/// bashio's `bashio::api.supervisor GET RESOURCE false FILTER`) and cached
/// there; then `filter` applied when it has a value. `None` when a step
/// failed and said so; the caller then returns NOK.
pub fn filtered_document(
    ctx: &mut Ctx,
    resource: &str,
    api_filter: &str,
    base_key: &str,
    what: &str,
    filter: &str,
) -> Result<Option<Vec<u8>>, Stop> {
    let info = if cache::exists(ctx, base_key) {
        ctx.assign(|c| cache::print(c, base_key))?.into_bytes()
    } else {
        let (response, code) =
            ctx.capture(|c| api::supervisor(c, "GET", resource, b"false", api_filter));
        ctx.check(code)?;
        if code != 0 {
            log::error(ctx, format!("Failed to get {what} from Supervisor API"));
            return Ok(None);
        }
        let code = cache::set(ctx, base_key, &response)?;
        ctx.check(code)?;
        response
    };
    if !var::has_value(ctx, filter.as_bytes()) {
        return Ok(Some(info));
    }
    let (filtered, code) = ctx.capture(|c| super::jq::query(c, &info, filter, &[]));
    ctx.check(code)?;
    if code != 0 {
        log::error(ctx, "Failed to execute the jq filter");
        return Ok(None);
    }
    Ok(Some(filtered))
}

// The row macros. The table is a `const` whose names, cache keys and usage
// texts are joined at compile time by `concat!`, so rows that differ only in
// their strings are built by macros, not functions.

/// A getter row over one field of a document: `bashio::MODULE.FIELD` runs
/// the document's fetch with the cache key `KEY_BASE.FIELD` and `FILTER`;
/// its usage is `": WHAT"`.
macro_rules! blob_get {
    ($module:literal, $blob:path, $key_base:expr, $field:literal, $filter:expr, $what:expr) => {
        $crate::table::row::Function::new(
            concat!("bashio::", $module, ".", $field),
            $crate::table::row::Body::BlobGet {
                blob: &$blob,
                key: concat!($key_base, ".", $field),
                filter: $filter,
                trace_args: false,
            },
            concat!(": ", $what),
        )
    };
}
pub(crate) use blob_get;

/// A row of a plugin's stats document: `bashio::MODULE.FIELD`, cached as
/// `MODULE.stats.FIELD`, filtered by `.FIELD`, described as OWNER's WHAT.
macro_rules! blob_stat {
    ($module:literal, $blob:path, $owner:literal, $field:literal, $what:expr) => {
        $crate::bashio::blob::blob_get!(
            $module,
            $blob,
            concat!($module, ".stats"),
            $field,
            concat!(".", $field),
            concat!($owner, " ", $what)
        )
    };
}
pub(crate) use blob_stat;

/// A module's table with the eight rows of a stats document (a container's
/// resource usage: the same fields for every plugin and for add-ons) placed
/// among its own rows, so that those fields and their descriptions are
/// written once. `ROW` or `ROW(ARGS)` names the macro that builds one such
/// row, called as `ROW!(ARGS, FIELD, WHAT)`: `blob_stat(MODULE, STATS,
/// OWNER)` for a plugin, apps.rs's `stat` for an add-on.
///
/// - `with_stats!(ROW, rows...)`: the stats rows after the module's own;
/// - `with_stats!(ROW, memory = " in bytes", rows...)`: the same, the two
///   memory figures' descriptions ending in their unit;
/// - `with_stats!(ROW, [rows...], [rows...])`: between two lists of rows.
macro_rules! with_stats {
    // The fields, listed once; the arms below fill in what a call leaves out.
    (@ $row:ident [$($arg:tt)*], $unit:literal, [$($before:expr),*], [$($after:expr),*]) => {
        [
            $($before,)*
            $row!($($arg)* "cpu_percent", "CPU usage in percent"),
            $row!($($arg)* "memory_usage", concat!("memory usage", $unit)),
            $row!($($arg)* "memory_limit", concat!("memory limit", $unit)),
            $row!($($arg)* "memory_percent", "memory usage in percent"),
            $row!($($arg)* "network_tx", "bytes sent"),
            $row!($($arg)* "network_rx", "bytes received"),
            $row!($($arg)* "blk_read", "bytes read from disk"),
            $row!($($arg)* "blk_write", "bytes written to disk"),
            $($after,)*
        ]
    };
    ($row:ident $(($($arg:tt),*))?, memory = $unit:literal, $($rows:expr),+ $(,)?) => {
        $crate::bashio::blob::with_stats!(@ $row [$($($arg,)*)?], $unit, [$($rows),+], [])
    };
    // Before the last arm, which would take the two lists for two rows.
    ($row:ident $(($($arg:tt),*))?, [$($before:expr),* $(,)?], [$($after:expr),* $(,)?] $(,)?) => {
        $crate::bashio::blob::with_stats!(@ $row [$($($arg,)*)?], "", [$($before),*], [$($after),*])
    };
    ($row:ident $(($($arg:tt),*))?, $($rows:expr),+ $(,)?) => {
        $crate::bashio::blob::with_stats!(@ $row [$($($arg,)*)?], "", [$($rows),+], [])
    };
}
pub(crate) use with_stats;
