//! bashio's updates.sh: which components have an update available, and
//! asking the Supervisor to look for new versions.

#![forbid(unsafe_code)]

use super::blob::Blob;
use crate::table::row::{Action, Body::*, Function};

pub static AVAILABLE: Blob = Blob {
    function: "bashio::updates",
    resource: "/available_updates",
    base_key: "updates.available",
    what: "available updates",
};

pub const FUNCTIONS: &[Function] = &[
    Function::new(
        "bashio::updates",
        BlobFetch(&AVAILABLE),
        "[CACHE_KEY=updates.available] [FILTER]: the components with an update available, filtered",
    ),
    Function::new(
        "bashio::updates.refresh",
        Action(Action::post_flush("/refresh_updates")),
        ": fetch the latest versions from the version server",
    ),
    Function::new(
        "bashio::updates.reload",
        Action(Action::post_flush("/reload_updates")),
        ": reload the add-on stores and the latest versions",
    ),
];
