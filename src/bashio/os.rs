//! bashio's os.sh: Home Assistant OS. Its documents (the OS, swap, data
//! disks, the Green and Yellow boards) and their getters are rows; updates,
//! data disk moves, boot slots and board options are native. Option objects
//! are the caller's own, so those calls trace only their name.

use super::blob::{self, blob_get, Blob};
use super::{actions, log};
use crate::ctx::{Args, Ctx, Ret};
use crate::table::{Body::*, Function};

pub static INFO: Blob = Blob {
    function: "bashio::os",
    resource: "/os/info",
    base_key: "os.info",
    what: "os info",
};

pub static SWAP: Blob = Blob {
    function: "bashio::os.swap",
    resource: "/os/config/swap",
    base_key: "os.swap",
    what: "swap settings",
};

pub static DATADISKS: Blob = Blob {
    function: "bashio::os.datadisk.list",
    resource: "/os/datadisk/list",
    base_key: "os.datadisk.list",
    what: "data disk list",
};

pub static GREEN: Blob = Blob {
    function: "bashio::os.boards.green",
    resource: "/os/boards/green",
    base_key: "os.boards.green",
    what: "green board info",
};

pub static YELLOW: Blob = Blob {
    function: "bashio::os.boards.yellow",
    resource: "/os/boards/yellow",
    base_key: "os.boards.yellow",
    what: "yellow board info",
};

macro_rules! info {
    ($field:literal, $filter:literal, $what:literal) => {
        blob_get!("os", INFO, "os.info", $field, $filter, $what)
    };
}

pub const FUNCTIONS: &[Function] = &[
    Function::new(
        "bashio::os.update",
        Native(update),
        "[VERSION]: update the operating system (to VERSION, or the latest)",
    ),
    Function::new(
        "bashio::os.config_sync",
        Native(config_sync),
        ": load the OS configuration from a USB stick",
    ),
    Function::new(
        "bashio::os",
        BlobFetch(&INFO),
        "[CACHE_KEY=os.info] [FILTER]: the operating system's information, filtered",
    ),
    info!("version", ".version", "the operating system's version"),
    info!(
        "version_latest",
        ".version_latest", "the operating system's latest version"
    ),
    Function::new(
        "bashio::os.update_available",
        Native(update_available),
        ": whether an operating system update is available",
    ),
    info!("board", ".board", "the board the system runs on"),
    info!("boot", ".boot", "the slot the system booted from"),
    Function::new(
        "bashio::os.swap",
        BlobFetch(&SWAP),
        "[CACHE_KEY=os.swap] [FILTER]: the swap settings, filtered",
    ),
    Function::new(
        "bashio::os.swap.options",
        Native(swap_options),
        "OPTIONS_JSON: change the swap settings",
    ),
    Function::new(
        "bashio::os.datadisk.list",
        BlobFetch(&DATADISKS),
        "[CACHE_KEY=os.datadisk.list] [FILTER]: the disks that can hold the data, filtered",
    ),
    Function::new(
        "bashio::os.datadisk.move",
        Native(datadisk_move),
        "DEVICE: move the data to another disk",
    ),
    Function::new(
        "bashio::os.datadisk.wipe",
        Native(datadisk_wipe),
        ": wipe the data disk",
    ),
    Function::new(
        "bashio::os.boot_slot",
        Native(boot_slot),
        "SLOT: boot from another slot (A or B) next time",
    ),
    Function::new(
        "bashio::os.boards.green",
        BlobFetch(&GREEN),
        "[CACHE_KEY=os.boards.green] [FILTER]: the Green board's settings, filtered",
    ),
    Function::new(
        "bashio::os.boards.green.options",
        Native(green_options),
        "OPTIONS_JSON: change the Green board's settings",
    ),
    Function::new(
        "bashio::os.boards.yellow",
        BlobFetch(&YELLOW),
        "[CACHE_KEY=os.boards.yellow] [FILTER]: the Yellow board's settings, filtered",
    ),
    Function::new(
        "bashio::os.boards.yellow.options",
        Native(yellow_options),
        "OPTIONS_JSON: change the Yellow board's settings",
    ),
];

fn update(ctx: &mut Ctx, args: &Args) -> Ret {
    actions::update(ctx, "bashio::os.update", args, "/os/update")
}

fn config_sync(ctx: &mut Ctx, _args: &Args) -> Ret {
    actions::call(
        ctx,
        "bashio::os.config_sync",
        "POST",
        "/os/config/sync",
        b"",
    )
}

fn update_available(ctx: &mut Ctx, args: &Args) -> Ret {
    blob::get_traced(
        ctx,
        "bashio::os.update_available",
        args,
        &INFO,
        "os.info.update_available",
        ".update_available // false",
    )
}

/// `NAME OPTIONS_JSON`: POSTs the caller's object as it is, tracing only NAME.
fn options(ctx: &mut Ctx, args: &Args, name: &str, resource: &str) -> Ret {
    actions::require(name, args, 1)?;
    log::trace_name(ctx, name);
    actions::then_flush(ctx, "POST", resource, args.bytes(0))
}

fn swap_options(ctx: &mut Ctx, args: &Args) -> Ret {
    options(ctx, args, "bashio::os.swap.options", "/os/config/swap")
}

fn green_options(ctx: &mut Ctx, args: &Args) -> Ret {
    options(
        ctx,
        args,
        "bashio::os.boards.green.options",
        "/os/boards/green",
    )
}

fn yellow_options(ctx: &mut Ctx, args: &Args) -> Ret {
    options(
        ctx,
        args,
        "bashio::os.boards.yellow.options",
        "/os/boards/yellow",
    )
}

/// `NAME VALUE`: POSTs `{"KEY": VALUE}`.
fn post_value(ctx: &mut Ctx, args: &Args, name: &str, key: &str, resource: &str) -> Ret {
    actions::require(name, args, 1)?;
    log::trace(ctx, name, args);
    let body = actions::json(ctx, &[key.as_bytes(), args.bytes(0)])?;
    actions::then_flush(ctx, "POST", resource, body.as_bytes())
}

fn datadisk_move(ctx: &mut Ctx, args: &Args) -> Ret {
    post_value(
        ctx,
        args,
        "bashio::os.datadisk.move",
        "device",
        "/os/datadisk/move",
    )
}

fn datadisk_wipe(ctx: &mut Ctx, _args: &Args) -> Ret {
    actions::post_flush(ctx, "bashio::os.datadisk.wipe", "/os/datadisk/wipe")
}

fn boot_slot(ctx: &mut Ctx, args: &Args) -> Ret {
    post_value(
        ctx,
        args,
        "bashio::os.boot_slot",
        "boot_slot",
        "/os/boot-slot",
    )
}
