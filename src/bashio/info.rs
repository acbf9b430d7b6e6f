//! bashio's info.sh: what the Supervisor says about the whole system (`/info`).

#![forbid(unsafe_code)]

use super::blob::{blob_get, Blob};
use crate::table::row::{Body::*, Function};

pub static INFO: Blob = Blob {
    function: "bashio::info",
    resource: "/info",
    base_key: "info",
    what: "info",
};

// bashio caches these under `supervisor.info`, not the document's own key.
macro_rules! get {
    ($field:literal, $filter:literal, $what:literal) => {
        blob_get!("info", INFO, "supervisor.info", $field, $filter, $what)
    };
}

pub const FUNCTIONS: &[Function] = &[
    Function::new(
        "bashio::info",
        BlobFetch(&INFO),
        "[CACHE_KEY=info] [FILTER]: system information, filtered",
    ),
    get!("supervisor", ".supervisor", "the Supervisor's version"),
    get!(
        "homeassistant",
        ".homeassistant",
        "Home Assistant's version"
    ),
    get!("hassos", ".hassos", "the operating system's version"),
    get!("hostname", ".hostname", "the host's name"),
    get!("machine", ".machine", "the machine type"),
    get!("arch", ".arch", "the architecture"),
    get!("channel", ".channel", "the update channel"),
    get!(
        "supported_arch",
        ".supported_arch[]",
        "the supported architectures"
    ),
    get!("logging", ".logging", "the Supervisor's log level"),
    get!("timezone", ".timezone", "the system's time zone"),
    get!(
        "supported",
        ".supported",
        "whether the installation is supported"
    ),
    get!("docker", ".docker", "Docker's version"),
    get!(
        "operating_system",
        ".operating_system",
        "the operating system"
    ),
    get!("state", ".state", "the Supervisor's state"),
];
