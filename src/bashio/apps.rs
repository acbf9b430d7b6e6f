//! bashio's apps.sh: facts about add-ons (this one, `self`, or another by
//! slug), their settings, actions on them, and the protection-mode checks.
//! Most getters are rows: a cache key and a jq filter over the add-on's info.
//! The deprecated `bashio::addon.*` names are rows too (aliases in the shim).

use super::blob::with_stats;
use super::{actions, api, blob, cache, exit, jq, local, log, var};
use crate::ctx::{Args, Ctx, Ret, Stop, NOK, OK};
use crate::table::{Action, Body, Body::*, Function, Then};

macro_rules! get {
    ($name:literal, $key:literal, $filter:literal, $what:literal) => {
        Function::new(
            concat!("bashio::app.", $name),
            AppGet {
                key: $key,
                filter: $filter,
            },
            concat!("[SLUG=self]: ", $what),
        )
    };
}

// A row of an add-on's stats document, for `with_stats!`.
macro_rules! stat {
    ($field:literal, $what:expr) => {
        Function::new(
            concat!("bashio::app.", $field),
            AppGet {
                key: concat!("stats.", $field),
                filter: concat!(".", $field),
            },
            concat!("[SLUG=self]: ", $what),
        )
    };
}

pub const FUNCTIONS: &[Function] = &with_stats!(
    stat,
    [
        Function::new(
            "bashio::apps.reload",
            Action(Action::status("POST", "/addons/reload").then(Then::CheckedFlush)),
            ": reload the add-on store",
        ),
        Function::new(
            "bashio::app.start",
            Action(Action::status("POST", "/addons/{slug}/start")),
            "[SLUG=self]: start an add-on",
        ),
        Function::new(
            "bashio::app.restart",
            Action(Action::status("POST", "/addons/{slug}/restart")),
            "[SLUG=self]: restart an add-on",
        ),
        Function::new(
            "bashio::app.stop",
            Action(Action::status("POST", "/addons/{slug}/stop")),
            "[SLUG=self]: stop an add-on",
        ),
        Function::new(
            "bashio::app.install",
            Action(Action::status("POST", "/store/addons/{1}/install").then(Then::CheckedFlush)),
            "SLUG: install an add-on",
        ),
        Function::new(
            "bashio::app.rebuild",
            Action(Action::status("POST", "/addons/{slug}/rebuild")),
            "[SLUG=self]: rebuild an add-on",
        ),
        Function::new(
            "bashio::app.uninstall",
            Action(Action::status("POST", "/addons/{slug}/uninstall").then(Then::CheckedFlush)),
            "[SLUG=self]: uninstall an add-on",
        ),
        Function::new(
            "bashio::app.update",
            Action(
                Action::status("POST", "/store/addons/{store_slug}/update")
                    .then(Then::CheckedFlush)
            ),
            "[SLUG=self]: update an add-on",
        ),
        Function::new(
            "bashio::app.logs",
            Action(Action::raw("/addons/{slug}/logs")),
            "[SLUG=self]: an add-on's container log",
        ),
        Function::new(
            "bashio::app.documentation",
            Action(Action::raw("/addons/{store_slug}/documentation")),
            "[SLUG=self]: an add-on's documentation",
        ),
        Function::new(
            "bashio::app.changelog",
            Action(Action::raw("/addons/{store_slug}/changelog")),
            "[SLUG=self]: an add-on's changelog",
        ),
        Function::new(
            "bashio::apps",
            Native(apps),
            "[SLUG=false] [CACHE_KEY=false] [FILTER]: add-on info, filtered",
        ),
        Function::new(
            "bashio::apps.installed",
            Native(installed_list),
            "[SLUG=false]: installed add-ons, or whether SLUG is installed",
        ),
        Function::new(
            "bashio::app.installed",
            INSTALLED,
            "[SLUG=self]: whether an add-on is installed",
        ),
        Function::new("bashio::app.slug", Native(slug_fn), ": this add-on's slug"),
        get!("name", "name", ".name", "an add-on's name"),
        get!("hostname", "hostname", ".hostname", "an add-on's hostname"),
        get!("dns", "dns", ".dns // empty | .[]", "an add-on's DNS names"),
        get!(
            "description",
            "description",
            ".description",
            "an add-on's description"
        ),
        get!(
            "long_description",
            "long_description",
            ".long_description",
            "an add-on's long description"
        ),
        Function::new(
            "bashio::app.auto_update",
            Native(auto_update),
            "[SLUG=self] [true|false]: get or set automatic updates",
        ),
        get!("url", "url", ".url", "an add-on's URL"),
        get!(
            "detached",
            "detached",
            ".detached // false",
            "whether an add-on is detached"
        ),
        get!(
            "available",
            "available",
            ".available // false",
            "whether an add-on is available"
        ),
        get!(
            "advanced",
            "advanced",
            ".advanced // false",
            "whether an add-on is advanced"
        ),
        get!("stage", "stage", ".stage", "an add-on's stage"),
        get!(
            "startup",
            "startup",
            ".startup",
            "an add-on's startup phase"
        ),
        get!("arch", "arch", ".arch[]", "an add-on's architectures"),
        get!(
            "machine",
            "machine",
            ".machine[]",
            "an add-on's machine types"
        ),
        get!(
            "repository",
            "repository",
            ".repository",
            "an add-on's repository"
        ),
        get!("version", "version", ".version", "an add-on's version"),
        get!(
            "version_latest",
            "version_latest",
            ".version_latest",
            "an add-on's latest version"
        ),
        get!(
            "update_available",
            "update_available",
            ".update_available // false",
            "whether an update is available"
        ),
        get!("state", "state", ".state", "an add-on's state"),
        Function::new(
            "bashio::app.boot",
            Native(boot),
            "[SLUG=self] [BOOT]: get or set the boot mode",
        ),
        get!(
            "build",
            "build",
            ".build // false",
            "whether an add-on is built locally"
        ),
        Function::new(
            "bashio::app.options",
            Native(options),
            "[SLUG=self] [OPTIONS_JSON={}]: get or set an add-on's options",
        ),
        Function::new(
            "bashio::app.option",
            Native(option),
            "KEY [VALUE] [SLUG=self]: set (or with no VALUE remove) one option",
        ),
        Function::new(
            "bashio::app.config",
            Native(config_fn),
            ": this add-on's options as JSON",
        ),
        Function::new(
            "bashio::app.network",
            Native(network),
            "[SLUG=self] [NETWORK_JSON=null]: get or set the port map",
        ),
        get!(
            "network_description",
            "network_description",
            ".network_description // empty",
            "port descriptions"
        ),
        Function::new(
            "bashio::app.port",
            Native(port),
            "PORT [SLUG=self] [HOST_PORT=null]: get or set the host port of a container port",
        ),
        Function::new(
            "bashio::app.port_description",
            Native(port_description),
            "PORT [SLUG=self]: the description of a port",
        ),
        get!(
            "host_network",
            "host_network",
            ".host_network // false",
            "whether it runs on the host network"
        ),
        get!(
            "host_pid",
            "host_pid",
            ".host_pid // false",
            "whether it shares the host PID namespace"
        ),
        get!(
            "host_ipc",
            "host_ipc",
            ".host_ipc // false",
            "whether it has IPC access"
        ),
        get!(
            "host_dbus",
            "host_dbus",
            ".host_dbus // false",
            "whether it has host D-Bus access"
        ),
        get!(
            "privileged",
            "privileged",
            ".privileged[]",
            "its hardware privileges"
        ),
        get!("apparmor", "apparmor", ".apparmor", "its AppArmor state"),
        get!(
            "devices",
            "devices",
            ".devices // empty | .[]",
            "its devices"
        ),
        get!(
            "udev",
            "udev",
            ".udev // false",
            "whether it has its own udev"
        ),
        get!(
            "uart",
            "uart",
            ".uart // false",
            "whether UART is available"
        ),
        get!("usb", "usb", ".usb // false", "whether USB is available"),
        get!("icon", "icon", ".icon // false", "whether it has an icon"),
        get!("logo", "logo", ".logo // false", "whether it has a logo"),
        get!(
            "has_documentation",
            "documentation",
            ".documentation // false",
            "whether it has documentation"
        ),
        get!(
            "has_changelog",
            "changelog",
            ".changelog // false",
            "whether it has a changelog"
        ),
        get!(
            "hassio_api",
            "hassio_api",
            ".hassio_api // false",
            "whether it may use the Supervisor API"
        ),
        get!(
            "hassio_role",
            "hassio_role",
            ".hassio_role",
            "its Supervisor API role"
        ),
        get!(
            "homeassistant",
            "homeassistant",
            ".homeassistant",
            "the Home Assistant version it needs"
        ),
        get!(
            "homeassistant_api",
            "homeassistant_api",
            ".homeassistant_api // false",
            "whether it may use the Home Assistant API"
        ),
        get!(
            "auth_api",
            "auth_api",
            ".auth_api // false",
            "whether it may use the auth API"
        ),
        get!(
            "protected",
            "protected",
            ".protected // false",
            "whether it runs in protected mode"
        ),
        get!("rating", "rating", ".rating", "its security rating"),
        get!(
            "stdin",
            "stdin",
            ".stdin // false",
            "whether it takes STDIN"
        ),
        get!(
            "full_access",
            "full_access",
            ".full_access // false",
            "whether it has full access"
        ),
        get!("webui", "webui", ".webui // empty", "its web interface URL"),
        get!(
            "gpio",
            "gpio",
            ".gpio // false",
            "whether it can access GPIO"
        ),
        get!(
            "kernel_modules",
            "kernel_modules",
            ".kernel_modules // false",
            "whether it can load kernel modules"
        ),
        get!(
            "devicetree",
            "devicetree",
            ".devicetree // false",
            "whether it can access the device tree"
        ),
        get!(
            "docker_api",
            "docker_api",
            ".docker_api // false",
            "whether it can access Docker"
        ),
        get!(
            "video",
            "video",
            ".video // false",
            "whether it can access video devices"
        ),
        get!(
            "audio",
            "audio",
            ".audio // false",
            "whether it can access audio"
        ),
        Function::new(
            "bashio::app.audio_input",
            Native(audio_input),
            "[SLUG=self] [DEVICE=^null]: get or set the audio input",
        ),
        Function::new(
            "bashio::app.audio_output",
            Native(audio_output),
            "[SLUG=self] [DEVICE=^null]: get or set the audio output",
        ),
        get!(
            "ip_address",
            "ip_address",
            ".ip_address // empty",
            "its IP address"
        ),
        get!(
            "ingress",
            "ingress",
            ".ingress // false",
            "whether it supports ingress"
        ),
        get!(
            "ingress_entry",
            "ingress_entry",
            ".ingress_entry // empty",
            "its ingress entry point"
        ),
        get!(
            "ingress_url",
            "ingress_url",
            ".ingress_url // empty",
            "its ingress URL"
        ),
        get!(
            "ingress_port",
            "ingress_port",
            ".ingress_port // empty",
            "its ingress port"
        ),
        Function::new(
            "bashio::app.ingress_panel",
            Native(ingress_panel),
            "[SLUG=self] [true|false]: get or set the ingress panel",
        ),
        Function::new(
            "bashio::app.watchdog",
            Native(watchdog),
            "[SLUG=self] [true|false]: get or set the watchdog",
        ),
        Function::new(
            "bashio::app.stats",
            Native(stats),
            "[SLUG=self] [CACHE_KEY=addons.SLUG.stats] [FILTER]: resource usage",
        ),
    ],
    [
        Function::new(
            "bashio::require.protected",
            Native(require_protected),
            ": exit unless protection mode is on",
        ),
        Function::new(
            "bashio::require.unprotected",
            Native(require_unprotected),
            ": exit unless protection mode is off",
        ),
        Function::new(
            "bashio::apps.__deprecated",
            Shell(DEPRECATED_SHELL),
            "OLD NEW: warn once that OLD is deprecated",
        ),
    ]
);

// The store API says `"installed": false`; the add-on API has no such field.
const INSTALLED: Body = AppGet {
    key: "installed",
    filter: "if (.installed != null) then .installed else true end",
};

// The set of names already warned about lives in the calling shell.
const DEPRECATED_SHELL: &str = r#"    local old=${1} new=${2}
    if [[ -z "${__BASHIO_APP_DEPRECATION_WARNED[${old}]:-}" ]]; then
        __BASHIO_APP_DEPRECATION_WARNED[${old}]=1
        bashio::log.warning "${old} is deprecated, use ${new} instead."
    fi"#;

/// The deprecated name of an app function (`bashio::app.x` → `bashio::addon.x`).
pub fn deprecated_name(name: &str) -> Option<String> {
    if name.contains("__") {
        return None;
    }
    if name == "bashio::apps" {
        return Some("bashio::addons".to_string());
    }
    if let Some(rest) = name.strip_prefix("bashio::apps.") {
        return Some(format!("bashio::addons.{rest}"));
    }
    name.strip_prefix("bashio::app.")
        .map(|rest| format!("bashio::addon.{rest}"))
}

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
fn fetch(ctx: &mut Ctx, resource: &str) -> Ret {
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

fn installed_list(ctx: &mut Ctx, args: &Args) -> Ret {
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

fn slug_fn(ctx: &mut Ctx, _args: &Args) -> Ret {
    log::trace_name(ctx, "bashio::app.slug");
    apps(ctx, &Args::of(&["self", "addons.self.slug", ".slug"]))
}

/// POSTs one setting to `/addons/SLUG/options`, then empties the cache.
fn post_options(ctx: &mut Ctx, slug: &str, body: &str) -> Ret {
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
fn json_pair(ctx: &mut Ctx, key: &str, value: &[u8]) -> Result<String, Stop> {
    let items = vec![key.as_bytes().to_vec(), value.to_vec()];
    var::json_object(ctx, &items).ok_or(Stop::Abort(1))
}

/// Getters that set a boolean when given a second argument.
fn toggle(ctx: &mut Ctx, args: &Args, field: &str, filter: &str) -> Ret {
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

fn auto_update(ctx: &mut Ctx, args: &Args) -> Ret {
    toggle(ctx, args, "auto_update", ".auto_update // false")
}

fn ingress_panel(ctx: &mut Ctx, args: &Args) -> Ret {
    toggle(ctx, args, "ingress_panel", ".ingress_panel // false")
}

fn watchdog(ctx: &mut Ctx, args: &Args) -> Ret {
    toggle(ctx, args, "watchdog", ".watchdog // false")
}

fn boot(ctx: &mut Ctx, args: &Args) -> Ret {
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
fn set_by_count(ctx: &mut Ctx, args: &Args, field: &str, default: &str, filter: &str) -> Ret {
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

fn options(ctx: &mut Ctx, args: &Args) -> Ret {
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

fn network(ctx: &mut Ctx, args: &Args) -> Ret {
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

fn audio_input(ctx: &mut Ctx, args: &Args) -> Ret {
    set_by_count(ctx, args, "audio_input", "^null", ".audio_input // empty")
}

fn audio_output(ctx: &mut Ctx, args: &Args) -> Ret {
    set_by_count(ctx, args, "audio_output", "^null", ".audio_output // empty")
}

/// `bashio::app.option KEY [VALUE] [SLUG]`: the value goes in as a jq
/// variable, so it can never add keys of its own.
fn option(ctx: &mut Ctx, args: &Args) -> Ret {
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

fn config_fn(ctx: &mut Ctx, _args: &Args) -> Ret {
    config(ctx)
}

/// A port as bashio names it: `8080` means `8080/tcp`.
fn with_protocol(port: &str) -> String {
    if port.contains('/') {
        port.to_string()
    } else {
        format!("{port}/tcp")
    }
}

fn port(ctx: &mut Ctx, args: &Args) -> Ret {
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

fn port_description(ctx: &mut Ctx, args: &Args) -> Ret {
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

/// `bashio::app.stats SLUG CACHE_KEY FILTER`.
fn stats(ctx: &mut Ctx, args: &Args) -> Ret {
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

/// `bashio::app.protected self` as a value.
fn protection(ctx: &mut Ctx) -> Result<String, Stop> {
    let row = AppGet {
        key: "protected",
        filter: ".protected // false",
    };
    ctx.assign(|c| run_row(c, "bashio::app.protected", row, &Args::of(&["self"])))
}

fn require_protected(ctx: &mut Ctx, _args: &Args) -> Ret {
    let protected = protection(ctx)?;
    if var::is_true(ctx, protected.as_bytes()) {
        return OK;
    }
    log::fatal_lines(
        ctx,
        &[
            "PROTECTION MODE IS DISABLED!",
            "",
            "We are trying to help you to protect your system the",
            "best we can. Therefore, this app checks if",
            "protection mode is enabled on this app.",
            "",
            "Unfortunately, it has been disabled.",
            "Please enable it again!",
            "",
            "Steps:",
            " - Go to the Supervisor Panel.",
            " - Click on this app.",
            " - Set the 'Protection mode' switch to on.",
            " - Restart the app.",
            "",
        ],
    );
    exit::nok_silent(ctx)
}

fn require_unprotected(ctx: &mut Ctx, _args: &Args) -> Ret {
    let protected = protection(ctx)?;
    if var::is_false(ctx, protected.as_bytes()) {
        return OK;
    }
    log::fatal_lines(
        ctx,
        &[
            "PROTECTION MODE IS ENABLED!",
            "",
            "To be able to use this app, you'll need to disable",
            "protection mode on this app. Without it, the app",
            "is unable to access Docker.",
            "",
            "Steps:",
            " - Go to the Supervisor Panel.",
            " - Click on this app.",
            " - Set the 'Protection mode' switch to off.",
            " - Restart the app.",
            "",
            "Access to Docker allows you to do really powerful things",
            "including complete destruction of your system.",
            "Please, be sure you know what you are doing before",
            "enabling this feature (and this app)!",
            "",
        ],
    );
    exit::nok_silent(ctx)
}
