//! bashio's updates.sh: which components have an update available, and
//! asking the Supervisor to look for new versions.

use super::actions;
use super::blob::Blob;
use crate::ctx::{Args, Ctx, Ret};
use crate::table::{Body::*, Function};

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
        Native(refresh),
        ": fetch the latest versions from the version server",
    ),
    Function::new(
        "bashio::updates.reload",
        Native(reload),
        ": reload the add-on stores and the latest versions",
    ),
];

fn refresh(ctx: &mut Ctx, _args: &Args) -> Ret {
    actions::post_flush(ctx, "bashio::updates.refresh", "/refresh_updates")
}

fn reload(ctx: &mut Ctx, _args: &Args) -> Ret {
    actions::post_flush(ctx, "bashio::updates.reload", "/reload_updates")
}
