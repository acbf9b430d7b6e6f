//! bashio's resolution.sh: the Supervisor's resolution center (what is
//! unsupported or unhealthy, issues, suggestions, checks). The document and
//! its lists are rows; applying, dismissing and running checks are native.

use super::blob::{blob_get, Blob};
use super::{actions, log};
use crate::ctx::{Args, Ctx, Ret};
use crate::table::{Body::*, Function};

pub static INFO: Blob = Blob {
    function: "bashio::resolution",
    resource: "/resolution/info",
    base_key: "resolution.info",
    what: "resolution info",
};

macro_rules! list {
    ($field:literal, $what:literal) => {
        blob_get!(
            "resolution",
            INFO,
            "resolution.info",
            $field,
            concat!(".", $field, "[]"),
            concat!($what, ", one a line")
        )
    };
}

pub const FUNCTIONS: &[Function] = &[
    Function::new(
        "bashio::resolution",
        BlobFetch(&INFO),
        "[CACHE_KEY=resolution.info] [FILTER]: the resolution center's state, filtered",
    ),
    list!("unsupported", "why the system is unsupported"),
    list!("unhealthy", "why the system is unhealthy"),
    list!("issues", "the current issues"),
    list!("suggestions", "the current suggestions"),
    list!("checks", "the available checks"),
    Function::new(
        "bashio::resolution.suggestion.apply",
        Native(suggestion_apply),
        "UUID: apply a suggestion",
    ),
    Function::new(
        "bashio::resolution.suggestion.dismiss",
        Native(suggestion_dismiss),
        "UUID: dismiss a suggestion",
    ),
    Function::new(
        "bashio::resolution.issue.dismiss",
        Native(issue_dismiss),
        "UUID: dismiss an issue",
    ),
    Function::new(
        "bashio::resolution.check",
        Native(check),
        "SLUG: run a check",
    ),
    Function::new(
        "bashio::resolution.healthcheck",
        Native(healthcheck),
        ": run the Supervisor's health check",
    ),
];

/// `NAME ID`: METHOD on the resource ID names, then the cache goes.
fn act_on(ctx: &mut Ctx, args: &Args, name: &str, method: &str, resource: &str) -> Ret {
    actions::require(name, args, 1)?;
    log::trace(ctx, name, args);
    let resource = resource.replace("{}", &args.str(0));
    actions::then_flush(ctx, method, &resource, b"")
}

fn suggestion_apply(ctx: &mut Ctx, args: &Args) -> Ret {
    act_on(
        ctx,
        args,
        "bashio::resolution.suggestion.apply",
        "POST",
        "/resolution/suggestion/{}",
    )
}

fn suggestion_dismiss(ctx: &mut Ctx, args: &Args) -> Ret {
    act_on(
        ctx,
        args,
        "bashio::resolution.suggestion.dismiss",
        "DELETE",
        "/resolution/suggestion/{}",
    )
}

fn issue_dismiss(ctx: &mut Ctx, args: &Args) -> Ret {
    act_on(
        ctx,
        args,
        "bashio::resolution.issue.dismiss",
        "DELETE",
        "/resolution/issue/{}",
    )
}

fn check(ctx: &mut Ctx, args: &Args) -> Ret {
    act_on(
        ctx,
        args,
        "bashio::resolution.check",
        "POST",
        "/resolution/check/{}/run",
    )
}

fn healthcheck(ctx: &mut Ctx, _args: &Args) -> Ret {
    actions::post_flush(
        ctx,
        "bashio::resolution.healthcheck",
        "/resolution/healthcheck",
    )
}
