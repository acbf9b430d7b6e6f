//! bashio's os.sh: Home Assistant OS. Its documents (the OS, swap, data
//! disks, the Green and Yellow boards) and their getters are rows; updates,
//! data disk moves, boot slots and board options are native. Option objects
//! are the caller's own, so those calls trace only their name.

#![forbid(unsafe_code)]

use super::blob::{blob_get, Blob};
use crate::table::row::{Action, Body::*, Function, Payload};

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
        Action(Action::update("/os/update")),
        "[VERSION]: update the operating system (to VERSION, or the latest)",
    ),
    Function::new(
        "bashio::os.config_sync",
        Action(Action::status("POST", "/os/config/sync")),
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
        BlobGet {
            blob: &INFO,
            key: "os.info.update_available",
            filter: ".update_available // false",
            trace_args: true,
        },
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
        Action(Action::post_flush("/os/config/swap").with(Payload::Argument)),
        "OPTIONS_JSON: change the swap settings",
    ),
    Function::new(
        "bashio::os.datadisk.list",
        BlobFetch(&DATADISKS),
        "[CACHE_KEY=os.datadisk.list] [FILTER]: the disks that can hold the data, filtered",
    ),
    Function::new(
        "bashio::os.datadisk.move",
        Action(
            Action::post_flush("/os/datadisk/move")
                .with(Payload::Field("device"))
                .traced(),
        ),
        "DEVICE: move the data to another disk",
    ),
    Function::new(
        "bashio::os.datadisk.wipe",
        Action(Action::post_flush("/os/datadisk/wipe")),
        ": wipe the data disk",
    ),
    Function::new(
        "bashio::os.boot_slot",
        Action(
            Action::post_flush("/os/boot-slot")
                .with(Payload::Field("boot_slot"))
                .traced(),
        ),
        "SLOT: boot from another slot (A or B) next time",
    ),
    Function::new(
        "bashio::os.boards.green",
        BlobFetch(&GREEN),
        "[CACHE_KEY=os.boards.green] [FILTER]: the Green board's settings, filtered",
    ),
    Function::new(
        "bashio::os.boards.green.options",
        Action(Action::post_flush("/os/boards/green").with(Payload::Argument)),
        "OPTIONS_JSON: change the Green board's settings",
    ),
    Function::new(
        "bashio::os.boards.yellow",
        BlobFetch(&YELLOW),
        "[CACHE_KEY=os.boards.yellow] [FILTER]: the Yellow board's settings, filtered",
    ),
    Function::new(
        "bashio::os.boards.yellow.options",
        Action(Action::post_flush("/os/boards/yellow").with(Payload::Argument)),
        "OPTIONS_JSON: change the Yellow board's settings",
    ),
];
