//! `bashio::require.protected` and `bashio::require.unprotected`: end the
//! script unless this add-on's protection mode is as it needs.

#![forbid(unsafe_code)]

use super::store::run_row;
use crate::bashio::{exit, log, var};
use crate::ctx::{Args, Ctx, Ret, Stop, OK};
use crate::table::row::Body::AppGet;

/// `bashio::app.protected self` as a value.
pub(super) fn protection(ctx: &mut Ctx) -> Result<String, Stop> {
    let row = AppGet {
        key: "protected",
        filter: ".protected // false",
    };
    ctx.assign(|c| run_row(c, "bashio::app.protected", row, &Args::of(&["self"])))
}

pub(super) fn require_protected(ctx: &mut Ctx, _args: &Args) -> Ret {
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

pub(super) fn require_unprotected(ctx: &mut Ctx, _args: &Args) -> Ret {
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
