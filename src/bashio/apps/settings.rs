//! The add-on getters that also set: given a value they POST it to
//! `/addons/SLUG/options` (booleans, counts, options, network and audio
//! settings, one option by key), and this add-on's own options and ports.

#![forbid(unsafe_code)]

use super::store::apps;
use crate::bashio::{actions, api, cache, jq, local, log, var};
use crate::ctx::{Args, Ctx, Ret, Stop, NOK, OK};

/// POSTs one setting to `/addons/SLUG/options`, then empties the cache.
pub(super) fn post_options(ctx: &mut Ctx, slug: &str, body: &str) -> Ret {
    let code = api::supervisor(
        ctx,
        "POST",
        &format!("/addons/{slug}/options"),
        body.as_bytes(),
        "",
    )?;
    if code != 0 {
        return NOK;
    }
    cache::flush_all(ctx)
}

/// `bashio::var.json KEY VALUE` as `$(...)` would give it.
pub(super) fn json_pair(ctx: &mut Ctx, key: &str, value: &[u8]) -> Result<String, Stop> {
    let items = vec![key.as_bytes().to_vec(), value.to_vec()];
    var::json_object(ctx, &items).ok_or(Stop::Abort(1))
}

/// Getters that set a boolean when given a second argument.
pub(super) fn toggle(ctx: &mut Ctx, args: &Args, field: &str, filter: &str) -> Ret {
    log::trace(ctx, &format!("bashio::app.{field}"), args);
    let slug = args.or(0, "self");
    let value = args.bytes(1).to_vec();
    if var::has_value(ctx, &value) {
        let raw: &[u8] = if var::is_true(ctx, &value) {
            b"^true"
        } else {
            b"^false"
        };
        let body = json_pair(ctx, field, raw)?;
        post_options(ctx, &slug, &body)
    } else {
        apps(
            ctx,
            &Args::of(&[&slug, &format!("addons.{slug}.{field}"), filter]),
        )
    }
}

pub(super) fn auto_update(ctx: &mut Ctx, args: &Args) -> Ret {
    toggle(ctx, args, "auto_update", ".auto_update // false")
}

pub(super) fn ingress_panel(ctx: &mut Ctx, args: &Args) -> Ret {
    toggle(ctx, args, "ingress_panel", ".ingress_panel // false")
}

pub(super) fn watchdog(ctx: &mut Ctx, args: &Args) -> Ret {
    toggle(ctx, args, "watchdog", ".watchdog // false")
}

pub(super) fn boot(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::app.boot", args);
    let slug = args.or(0, "self");
    let value = args.bytes(1).to_vec();
    if var::has_value(ctx, &value) {
        let body = json_pair(ctx, "boot", &value)?;
        post_options(ctx, &slug, &body)
    } else {
        apps(
            ctx,
            &Args::of(&[&slug, &format!("addons.{slug}.boot"), ".boot"]),
        )
    }
}

/// Setters whose presence is decided by the argument count (`$# == 2`).
pub(super) fn set_by_count(
    ctx: &mut Ctx,
    args: &Args,
    field: &str,
    default: &str,
    filter: &str,
) -> Ret {
    log::trace(ctx, &format!("bashio::app.{field}"), args);
    let slug = args.or(0, "self");
    let count = args.len().to_string();
    if var::equals(ctx, count.as_bytes(), b"2") {
        let value = args.or(1, default);
        let body = json_pair(ctx, field, value.as_bytes())?;
        post_options(ctx, &slug, &body)
    } else {
        apps(
            ctx,
            &Args::of(&[&slug, &format!("addons.{slug}.{field}"), filter]),
        )
    }
}

pub(super) fn options(ctx: &mut Ctx, args: &Args) -> Ret {
    // Options being set go into a POST body: they never reach the log.
    log::trace(ctx, "bashio::app.options", &log::redacted(args, &[1]));
    let slug = args.or(0, "self");
    let count = args.len().to_string();
    if var::equals(ctx, count.as_bytes(), b"2") {
        let value = format!("^{}", args.or(1, "{}"));
        let body = json_pair(ctx, "options", value.as_bytes())?;
        post_options(ctx, &slug, &body)
    } else {
        apps(
            ctx,
            &Args::of(&[&slug, &format!("addons.{slug}.options"), ".options"]),
        )
    }
}

pub(super) fn network(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::app.network", args);
    let slug = args.or(0, "self");
    let count = args.len().to_string();
    if var::equals(ctx, count.as_bytes(), b"2") {
        let value = format!("^{}", args.or(1, "null"));
        let body = json_pair(ctx, "network", value.as_bytes())?;
        post_options(ctx, &slug, &body)
    } else {
        let filter = ".network // empty | if . == {} then empty else . end";
        apps(
            ctx,
            &Args::of(&[&slug, &format!("addons.{slug}.network"), filter]),
        )
    }
}

pub(super) fn audio_input(ctx: &mut Ctx, args: &Args) -> Ret {
    set_by_count(ctx, args, "audio_input", "^null", ".audio_input // empty")
}

pub(super) fn audio_output(ctx: &mut Ctx, args: &Args) -> Ret {
    set_by_count(ctx, args, "audio_output", "^null", ".audio_output // empty")
}

/// `bashio::app.option KEY [VALUE] [SLUG]`: the value goes in as a jq
/// variable, so it can never add keys of its own.
pub(super) fn option(ctx: &mut Ctx, args: &Args) -> Ret {
    actions::require("bashio::app.option", args, 1)?;
    // The options end up in a POST body: their values never reach the log.
    log::trace(ctx, "bashio::app.option", &log::redacted(args, &[1]));
    let key = args.str(0);
    let value = args.bytes(1).to_vec();
    let slug = args.or(2, "self");
    let mut current = ctx.assign(|c| options(c, &Args::of(&[&slug])))?;
    let hidden = |filter: &str, extra: &[Vec<u8>]| {
        let mut traced = vec![log::REDACTED.to_vec(), filter.as_bytes().to_vec()];
        traced.extend(extra.iter().map(|arg| match arg.as_slice() {
            b"--arg" | b"--argjson" | b"value" => arg.clone(),
            _ => log::REDACTED.to_vec(),
        }));
        Args(traced)
    };
    if var::has_secret_value(ctx, &value) {
        let (kind, raw) = match value.strip_prefix(b"^") {
            Some(json) => ("--argjson", json.to_vec()),
            None => ("--arg", value.clone()),
        };
        let extra = vec![kind.as_bytes().to_vec(), b"value".to_vec(), raw];
        let path = format!(".{key}");
        let exists = ctx.cond(|c| {
            log::trace(c, "bashio::jq.exists", &hidden(&path, &[]));
            let (found, code) =
                c.capture(|c| jq::run(c, &hidden(&path, &[]), current.as_bytes(), &path, &[]));
            Ok(if code == 0 && !var::secret_equals(c, &found, b"null") {
                0
            } else {
                1
            })
        })?;
        let filter = if exists {
            format!(".{key} |= $value")
        } else {
            format!(".{key} = $value")
        };
        let before = current.clone();
        current = ctx.assign(|c| {
            jq::run(
                c,
                &hidden(&filter, &extra),
                before.as_bytes(),
                &filter,
                &extra,
            )
        })?;
    } else {
        let before = current.clone();
        let filter = format!("del(.{key})");
        current =
            ctx.assign(|c| jq::run(c, &hidden(&filter, &[]), before.as_bytes(), &filter, &[]))?;
    }
    options(ctx, &Args::of(&[&slug, &current]))
}

/// `bashio::app.config`: this add-on's options, from the cache, the
/// Supervisor, or the local options file.
pub fn config(ctx: &mut Ctx) -> Ret {
    log::trace_name(ctx, "bashio::app.config");
    if local::active(ctx) {
        return local::options(ctx);
    }
    let cache_key = "addons.self.options.config";
    if cache::exists(ctx, cache_key) {
        cache::print(ctx, cache_key)?;
        return OK;
    }
    let (mut response, code) =
        ctx.capture(|c| api::supervisor(c, "GET", "/addons/self/options/config", b"false", ""));
    ctx.check(code)?;
    if code != 0 {
        log::error(ctx, "Failed to get addon config from Supervisor API");
        return NOK;
    }
    // An add-on without options answers with nothing; bashio makes that `{}`.
    if var::is_empty(ctx, &response) {
        response = b"{}".to_vec();
    }
    let code = cache::set(ctx, cache_key, &response)?;
    ctx.check(code)?;
    ctx.print(&response);
    OK
}

pub(super) fn config_fn(ctx: &mut Ctx, _args: &Args) -> Ret {
    config(ctx)
}

/// A port as bashio names it: `8080` means `8080/tcp`.
pub(super) fn with_protocol(port: &str) -> String {
    if port.contains('/') {
        port.to_string()
    } else {
        format!("{port}/tcp")
    }
}

pub(super) fn port(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::app.port", args);
    let port = with_protocol(&args.str(0));
    let slug = args.or(1, "self");
    let count = args.len().to_string();
    if var::equals(ctx, count.as_bytes(), b"3") {
        let value = args.or(2, "null");
        let mut current = ctx.assign(|c| network(c, &Args::of(&[&slug])))?;
        if current.is_empty() {
            current = "{}".to_string();
        }
        let filter = format!(".\"{port}\" |= {value}");
        let updated = ctx.assign(|c| jq::query(c, current.as_bytes(), &filter, &[]))?;
        network(ctx, &Args::of(&[&slug, &updated]))
    } else {
        let key = format!("addons.{slug}.network.{}", port.replace('/', "-"));
        let filter = format!(".network[\"{port}\"] // empty");
        apps(ctx, &Args::of(&[&slug, &key, &filter]))
    }
}

pub(super) fn port_description(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::app.port_description", args);
    let port = with_protocol(&args.str(0));
    let slug = args.or(1, "self");
    let key = format!(
        "addons.{slug}.network_description.{}",
        port.replace('/', "-")
    );
    let filter = format!(".network_description[\"{port}\"] // empty");
    apps(ctx, &Args::of(&[&slug, &key, &filter]))
}
