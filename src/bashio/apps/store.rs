//! Add-on and store documents: `bashio::apps SLUG CACHE_KEY FILTER` fetches
//! the store listing or one add-on's info (cached), filters it, and backs
//! every add-on getter row; the stats document likewise.

#![forbid(unsafe_code)]

use crate::bashio::{api, blob, cache, jq, local, log, var};
use crate::ctx::{Args, Ctx, Ret, Stop, NOK, OK};
use crate::table::row::{Body, Body::*};

// The store API says `"installed": false`; the add-on API has no such field.
pub(super) const INSTALLED: Body = AppGet {
    key: "installed",
    filter: "if (.installed != null) then .installed else true end",
};

/// Runs a data row of this module.
pub fn run_row(ctx: &mut Ctx, name: &str, body: Body, args: &Args) -> Ret {
    match body {
        AppGet { key, filter } => {
            log::trace(ctx, name, args);
            let slug = args.or(0, "self");
            match key.strip_prefix("stats.") {
                Some(_) => stats(
                    ctx,
                    &Args::of(&[&slug, &format!("addons.{slug}.{key}"), filter]),
                ),
                None => apps(
                    ctx,
                    &Args::of(&[&slug, &format!("addons.{slug}.{key}"), filter]),
                ),
            }
        }
        _ => NOK,
    }
}

/// The arguments of a store listing (`bashio::apps`, `bashio::repositories`):
/// `SLUG CACHE_KEY FILTER`, where no filter means the list of slugs (cached as
/// `list_key`) without a slug, or the one slug with it.
pub fn listing(
    ctx: &mut Ctx,
    args: &Args,
    list_filter: &str,
    list_key: &str,
) -> (String, String, String) {
    let slug = args.or(0, "false");
    let mut cache_key = args.or(1, "false");
    let mut filter = args.str(2);
    if var::is_empty(ctx, filter.as_bytes()) {
        if var::is_false(ctx, slug.as_bytes()) {
            filter = list_filter.to_string();
            if var::is_false(ctx, cache_key.as_bytes()) {
                cache_key = list_key.to_string();
            }
        } else {
            filter = ".slug".to_string();
        }
    }
    (slug, cache_key, filter)
}

/// `bashio::apps SLUG CACHE_KEY FILTER`.
pub fn apps(ctx: &mut Ctx, args: &Args) -> Ret {
    let (slug, cache_key, filter) = listing(ctx, args, ".addons[].slug", "addons.list");
    log::trace(ctx, "bashio::apps", args);

    if !var::is_false(ctx, cache_key.as_bytes()) && cache::exists(ctx, &cache_key) {
        cache::print(ctx, &cache_key)?;
        return OK;
    }

    let slug_info_key = format!("addons.{slug}.info");
    let mut info = Vec::new();
    let needs_store = var::is_false(ctx, slug.as_bytes())
        || (!var::equals(ctx, slug.as_bytes(), b"self") && !cache::exists(ctx, &slug_info_key));
    if needs_store {
        if cache::exists(ctx, "store.addons.info") {
            info = ctx
                .assign(|c| cache::print(c, "store.addons.info"))?
                .into_bytes();
        } else {
            let (response, code) = ctx.capture(|c| fetch(c, "/store/addons"));
            ctx.check(code)?;
            if code != 0 {
                log::error(ctx, "Failed to get addons info from Supervisor API");
                return NOK;
            }
            info = response;
            let code = cache::set(ctx, "store.addons.info", &info)?;
            ctx.check(code)?;
        }
    }

    if !var::is_false(ctx, slug.as_bytes()) {
        if cache::exists(ctx, &slug_info_key) {
            info = ctx
                .assign(|c| cache::print(c, &slug_info_key))?
                .into_bytes();
        } else {
            let installed = if var::equals(ctx, slug.as_bytes(), b"self") {
                "true".to_string()
            } else {
                let filter = format!(".addons[] | select(.slug == \"{slug}\") | .installed");
                let store = info.clone();
                ctx.assign(|c| jq::query(c, &store, &filter, &[]))?
            };
            let source = if var::is_true(ctx, installed.as_bytes()) {
                format!("/addons/{slug}/info")
            } else {
                format!("/store/addons/{slug}")
            };
            let (response, code) = ctx.capture(|c| fetch(c, &source));
            ctx.check(code)?;
            if code != 0 {
                log::error(ctx, "Failed to get addon info from Supervisor API");
                return NOK;
            }
            info = response;
            let code = cache::set(ctx, &slug_info_key, &info)?;
            ctx.check(code)?;
        }
    }

    filtered(ctx, &info, &filter, &cache_key)
}

/// The end of a store listing: INFO through FILTER (unless `false`), the
/// result cached under CACHE_KEY (unless `false`), then printed.
pub fn filtered(ctx: &mut Ctx, info: &[u8], filter: &str, cache_key: &str) -> Ret {
    let mut response = info.to_vec();
    if !var::is_false(ctx, filter.as_bytes()) {
        let (output, code) = ctx.capture(|c| jq::query(c, info, filter, &[]));
        ctx.check(code)?;
        if code != 0 {
            log::error(ctx, "Failed to execute the jq filter");
            return NOK;
        }
        response = output;
        if !var::is_false(ctx, cache_key.as_bytes()) {
            let code = cache::set(ctx, cache_key, &response)?;
            ctx.check(code)?;
        }
    }
    ctx.print(&response);
    OK
}

/// `bashio::api.supervisor GET RESOURCE false`, or this add-on's own facts
/// from its config file when no Supervisor is there.
pub(super) fn fetch(ctx: &mut Ctx, resource: &str) -> Ret {
    if local::active(ctx) {
        return local::addon_info(ctx, resource);
    }
    api::supervisor(ctx, "GET", resource, b"false", "")
}

/// The store answers for real slugs only, so `self` is resolved first.
pub fn store_slug(ctx: &mut Ctx, args: &Args) -> Result<String, Stop> {
    let slug = args.or(0, "self");
    if var::equals(ctx, slug.as_bytes(), b"self") {
        return ctx.assign(|c| slug_fn(c, &Args::default()));
    }
    Ok(slug)
}

pub fn installed_list(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::apps.installed", args);
    let slug = args.or(0, "false");
    if var::is_false(ctx, slug.as_bytes()) {
        apps(
            ctx,
            &Args::of(&[
                "false",
                "addons.info.installed",
                ".addons[] | select(.installed) | .slug",
            ]),
        )
    } else {
        run_row(ctx, "bashio::app.installed", INSTALLED, &Args::of(&[&slug]))
    }
}

pub(super) fn slug_fn(ctx: &mut Ctx, _args: &Args) -> Ret {
    log::trace_name(ctx, "bashio::app.slug");
    apps(ctx, &Args::of(&["self", "addons.self.slug", ".slug"]))
}

/// `bashio::app.stats SLUG CACHE_KEY FILTER`.
pub(super) fn stats(ctx: &mut Ctx, args: &Args) -> Ret {
    let slug = args.or(0, "self");
    let base_key = format!("addons.{slug}.stats");
    let cache_key = args.or(1, &base_key);
    let filter = args.str(2);
    log::trace(ctx, "bashio::app.stats", args);
    if cache::exists(ctx, &cache_key) {
        cache::print(ctx, &cache_key)?;
        return OK;
    }
    let resource = format!("/addons/{slug}/stats");
    let Some(response) =
        blob::filtered_document(ctx, &resource, "", &base_key, "addon stats", &filter)?
    else {
        return NOK;
    };
    let code = cache::set(ctx, &cache_key, &response)?;
    ctx.check(code)?;
    ctx.print(&response);
    OK
}
