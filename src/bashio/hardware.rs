//! bashio's hardware.sh: the host's devices and its audio hardware, as
//! cached documents whose getters are rows.

#![forbid(unsafe_code)]

use super::blob::{blob_get, Blob};
use crate::table::row::{Body::*, Function};

pub static INFO: Blob = Blob {
    function: "bashio::hardware",
    resource: "/hardware/info",
    base_key: "hardware.info",
    what: "hardware info",
};

pub static AUDIO: Blob = Blob {
    function: "bashio::hardware.audio",
    resource: "/hardware/audio",
    base_key: "hardware.audio",
    what: "audio hardware",
};

macro_rules! list {
    ($field:literal, $what:literal) => {
        blob_get!(
            "hardware",
            INFO,
            "hardware.info",
            $field,
            concat!(".", $field, "[]"),
            concat!("the host's ", $what, ", one a line")
        )
    };
}

pub const FUNCTIONS: &[Function] = &[
    Function::new(
        "bashio::hardware",
        BlobFetch(&INFO),
        "[CACHE_KEY=hardware.info] [FILTER]: the host's hardware, filtered",
    ),
    Function::new(
        "bashio::hardware.audio",
        BlobFetch(&AUDIO),
        "[CACHE_KEY=hardware.audio] [FILTER]: the host's audio devices, filtered",
    ),
    list!("serial", "serial devices"),
    list!("input", "input devices"),
    list!("disk", "disks"),
    list!("gpio", "GPIO pins"),
    list!("usb", "USB devices"),
];
