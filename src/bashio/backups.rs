//! bashio's backups.sh: the list of backups (never cached, it changes all
//! the time), one backup's details (cached per slug), and the actions on
//! them: create, restore, delete, freeze and thaw, the staleness setting.
//! Every getter takes the slug, so they are native: one shared shape below.

#![forbid(unsafe_code)]

use super::{actions, api, apps, cache, log, var};
use crate::ctx::{Args, Ctx, Ret, NOK, OK};
use crate::table::row::{Action, Body::*, Function};

pub const FUNCTIONS: &[Function] = &[
    Function::new(
        "bashio::backups.reload",
        Action(Action::post_flush("/backups/reload")),
        ": reload the backups from disk",
    ),
    Function::new(
        "bashio::backups.freeze",
        Native(freeze),
        "[TIMEOUT]: freeze the system for an external backup",
    ),
    Function::new(
        "bashio::backups.thaw",
        Action(Action::post_flush("/backups/thaw")),
        ": end a freeze",
    ),
    Function::new(
        "bashio::backups.days_until_stale",
        Native(days_until_stale),
        "[DAYS]: get or set after how many days a backup is stale",
    ),
    Function::new(
        "bashio::backups",
        Native(backups),
        "[SLUG=false] [CACHE_KEY=false] [FILTER]: the backups, or one backup's details, filtered",
    ),
    Function::new(
        "bashio::backup.type",
        Native(kind),
        "SLUG: a backup's type (full or partial)",
    ),
    Function::new("bashio::backup.name", Native(name), "SLUG: a backup's name"),
    Function::new("bashio::backup.date", Native(date), "SLUG: a backup's date"),
    Function::new(
        "bashio::backup.size",
        Native(size),
        "SLUG: a backup's size in megabytes",
    ),
    Function::new(
        "bashio::backup.size_bytes",
        Native(size_bytes),
        "SLUG: a backup's size in bytes",
    ),
    Function::new(
        "bashio::backup.protected",
        Native(protected),
        "SLUG: whether a backup has a password",
    ),
    Function::new(
        "bashio::backup.location",
        Native(location),
        "SLUG: where a backup is stored",
    ),
    Function::new(
        "bashio::backup.homeassistant_version",
        Native(homeassistant_version),
        "SLUG: the Home Assistant version a backup was made with",
    ),
    Function::new(
        "bashio::backup.supervisor_version",
        Native(supervisor_version),
        "SLUG: the Supervisor version a backup was made with",
    ),
    Function::new(
        "bashio::backup.addons",
        Native(addons),
        "SLUG: the add-ons in a backup",
    ),
    Function::new(
        "bashio::backup.repositories",
        Native(repositories),
        "SLUG: the repositories in a backup",
    ),
    Function::new(
        "bashio::backup.folders",
        Native(folders),
        "SLUG: the folders in a backup",
    ),
    Function::new(
        "bashio::backup.homeassistant_exclude_database",
        Native(homeassistant_exclude_database),
        "SLUG: whether a backup left out Home Assistant's database",
    ),
    Function::new(
        "bashio::backup.compressed",
        Native(compressed),
        "SLUG: whether a backup is compressed",
    ),
    Function::new(
        "bashio::backup.homeassistant",
        Native(homeassistant),
        "SLUG: whether a backup holds Home Assistant",
    ),
    Function::new(
        "bashio::backup.new_full",
        Native(new_full),
        "OPTIONS_JSON: make a full backup",
    ),
    Function::new(
        "bashio::backup.new_partial",
        Native(new_partial),
        "OPTIONS_JSON: make a partial backup",
    ),
    Function::new(
        "bashio::backup.delete",
        Action(Action::delete("/backups/{1}")),
        "SLUG: delete a backup",
    ),
    Function::new(
        "bashio::backup.restore_full",
        Native(restore_full),
        "SLUG OPTIONS_JSON: restore all of a backup",
    ),
    Function::new(
        "bashio::backup.restore_partial",
        Native(restore_partial),
        "SLUG OPTIONS_JSON: restore part of a backup",
    ),
];

/// A count given by the caller, or false after logging it was not one.
fn valid_count(ctx: &mut Ctx, what: &str, value: &[u8]) -> bool {
    if actions::is_count(value) {
        return true;
    }
    let mut line = format!("Invalid {what}, expected a non-negative integer: '").into_bytes();
    line.extend_from_slice(&actions::masked(value));
    line.push(b'\'');
    log::error(ctx, line);
    false
}

fn freeze(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::backups.freeze", args);
    let timeout = args.bytes(0);
    let mut options = String::new();
    if var::has_value(ctx, timeout) {
        if !valid_count(ctx, "timeout", timeout) {
            return NOK;
        }
        options = actions::json(ctx, &[b"timeout", &actions::raw(timeout)])?;
    }
    actions::then_flush(ctx, "POST", "/backups/freeze", options.as_bytes())
}

fn days_until_stale(ctx: &mut Ctx, args: &Args) -> Ret {
    log::trace(ctx, "bashio::backups.days_until_stale", args);
    let days = args.bytes(0);
    if var::has_value(ctx, days) {
        if !valid_count(ctx, "days_until_stale", days) {
            return NOK;
        }
        let body = actions::json(ctx, &[b"days_until_stale", &actions::raw(days)])?;
        actions::then_flush(ctx, "POST", "/backups/options", body.as_bytes())
    } else {
        backups(
            ctx,
            &Args::of(&[
                "false",
                "backups.days_until_stale",
                ".days_until_stale // empty",
            ]),
        )
    }
}

/// `GET RESOURCE false` into a value under errexit; None after logging
/// `failure` when the Supervisor did not answer.
fn fetch(
    ctx: &mut Ctx,
    resource: &str,
    failure: &str,
) -> Result<Option<Vec<u8>>, crate::ctx::Stop> {
    let (response, code) = ctx.capture(|c| api::supervisor(c, "GET", resource, b"false", ""));
    ctx.check(code)?;
    if code != 0 {
        log::error(ctx, failure);
        return Ok(None);
    }
    Ok(Some(response))
}

/// `bashio::backups [SLUG] [CACHE_KEY] [FILTER]`: without a slug the list
/// (default filter: the slugs), with one that backup's details (default:
/// unfiltered). A filter of `false` means none; only filtered results are
/// cached under CACHE_KEY.
pub fn backups(ctx: &mut Ctx, args: &Args) -> Ret {
    let slug = args.or(0, "false");
    let cache_key = args.or(1, "false");
    let mut filter = args.str(2);
    if var::is_empty(ctx, filter.as_bytes()) {
        filter = match var::is_false(ctx, slug.as_bytes()) {
            true => ".backups[].slug".to_string(),
            false => "false".to_string(),
        };
    }
    log::trace(ctx, "bashio::backups", args);

    if !var::is_false(ctx, cache_key.as_bytes()) && cache::exists(ctx, &cache_key) {
        cache::print(ctx, &cache_key)?;
        return OK;
    }

    let info = if var::is_false(ctx, slug.as_bytes()) {
        match fetch(
            ctx,
            "/backups/info",
            "Failed to get backups from Supervisor API",
        )? {
            Some(info) => info,
            None => return NOK,
        }
    } else {
        let key = format!("backups.{slug}.info");
        if cache::exists(ctx, &key) {
            ctx.assign(|c| cache::print(c, &key))?.into_bytes()
        } else {
            let resource = format!("/backups/{slug}/info");
            let failure = "Failed to get backup info from Supervisor API";
            let Some(info) = fetch(ctx, &resource, failure)? else {
                return NOK;
            };
            let code = cache::set(ctx, &key, &info)?;
            ctx.check(code)?;
            info
        }
    };

    apps::filtered(ctx, &info, &filter, &cache_key)
}

/// A getter of one backup: `bashio::backups SLUG backups.SLUG.FIELD FILTER`.
fn detail(ctx: &mut Ctx, args: &Args, field: &str, filter: &str) -> Ret {
    let name = format!("bashio::backup.{field}");
    actions::require(&name, args, 1)?;
    log::trace(ctx, &name, args);
    let slug = args.str(0);
    let key = format!("backups.{slug}.{field}");
    backups(ctx, &Args::of(&[&slug, &key, filter]))
}

fn kind(ctx: &mut Ctx, args: &Args) -> Ret {
    detail(ctx, args, "type", ".type")
}

fn name(ctx: &mut Ctx, args: &Args) -> Ret {
    detail(ctx, args, "name", ".name")
}

fn date(ctx: &mut Ctx, args: &Args) -> Ret {
    detail(ctx, args, "date", ".date")
}

fn size(ctx: &mut Ctx, args: &Args) -> Ret {
    detail(ctx, args, "size", ".size")
}

fn size_bytes(ctx: &mut Ctx, args: &Args) -> Ret {
    detail(ctx, args, "size_bytes", ".size_bytes")
}

fn protected(ctx: &mut Ctx, args: &Args) -> Ret {
    detail(ctx, args, "protected", ".protected")
}

fn location(ctx: &mut Ctx, args: &Args) -> Ret {
    detail(ctx, args, "location", ".location // empty")
}

fn homeassistant_version(ctx: &mut Ctx, args: &Args) -> Ret {
    detail(
        ctx,
        args,
        "homeassistant_version",
        ".homeassistant // empty",
    )
}

fn supervisor_version(ctx: &mut Ctx, args: &Args) -> Ret {
    detail(
        ctx,
        args,
        "supervisor_version",
        ".supervisor_version // empty",
    )
}

fn addons(ctx: &mut Ctx, args: &Args) -> Ret {
    detail(
        ctx,
        args,
        "addons",
        "if (.addons | length) > 0 then .addons else empty end",
    )
}

fn repositories(ctx: &mut Ctx, args: &Args) -> Ret {
    detail(
        ctx,
        args,
        "repositories",
        "if (.repositories | length) > 0 then .repositories else empty end",
    )
}

fn folders(ctx: &mut Ctx, args: &Args) -> Ret {
    detail(
        ctx,
        args,
        "folders",
        "if (.folders | length) > 0 then .folders else empty end",
    )
}

fn homeassistant_exclude_database(ctx: &mut Ctx, args: &Args) -> Ret {
    detail(
        ctx,
        args,
        "homeassistant_exclude_database",
        ".homeassistant_exclude_database // false",
    )
}

fn compressed(ctx: &mut Ctx, args: &Args) -> Ret {
    detail(ctx, args, "compressed", ".compressed")
}

/// Read from the list, not the details: the slug is spliced into the filter
/// as bashio splices it.
fn homeassistant(ctx: &mut Ctx, args: &Args) -> Ret {
    let name = "bashio::backup.homeassistant";
    actions::require(name, args, 1)?;
    log::trace(ctx, name, args);
    let slug = args.str(0);
    let key = format!("backups.{slug}.homeassistant");
    let filter = format!(".backups[] | select(.slug == \"{slug}\") | .content.homeassistant");
    backups(ctx, &Args::of(&["false", &key, &filter]))
}

/// A POST as a statement, then its own check: under errexit a failure stops
/// at the request; in a condition it is logged as `failure`.
fn post_checked(ctx: &mut Ctx, resource: &str, body: &[u8], failure: &str) -> Ret {
    let code = api::supervisor(ctx, "POST", resource, body, "")?;
    ctx.check(code)?;
    if code != 0 {
        log::error(ctx, failure);
        return NOK;
    }
    cache::flush_all(ctx)
}

fn new_backup(ctx: &mut Ctx, args: &Args, kind: &str) -> Ret {
    let name = format!("bashio::backup.new_{kind}");
    actions::require(&name, args, 1)?;
    log::trace(ctx, &name, args);
    post_checked(
        ctx,
        &format!("/backups/new/{kind}"),
        args.bytes(0),
        "Failed to create new backup with Supervisor API",
    )
}

fn new_full(ctx: &mut Ctx, args: &Args) -> Ret {
    new_backup(ctx, args, "full")
}

fn new_partial(ctx: &mut Ctx, args: &Args) -> Ret {
    new_backup(ctx, args, "partial")
}

fn restore(ctx: &mut Ctx, args: &Args, kind: &str) -> Ret {
    let name = format!("bashio::backup.restore_{kind}");
    actions::require(&name, args, 2)?;
    log::trace(ctx, &name, args);
    post_checked(
        ctx,
        &format!("/backups/{}/restore/{kind}", args.str(0)),
        args.bytes(1),
        "Failed to restore backup with Supervisor API",
    )
}

fn restore_full(ctx: &mut Ctx, args: &Args) -> Ret {
    restore(ctx, args, "full")
}

fn restore_partial(ctx: &mut Ctx, args: &Args) -> Ret {
    restore(ctx, args, "partial")
}
