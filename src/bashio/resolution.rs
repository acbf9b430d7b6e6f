//! bashio's resolution.sh: the Supervisor's resolution center (what is
//! unsupported or unhealthy, issues, suggestions, checks). The document and
//! its lists are rows; applying, dismissing and running checks are native.

#![forbid(unsafe_code)]

use super::blob::{blob_get, Blob};
use crate::table::row::{Action, Body::*, Function};

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
        Action(Action::post_flush("/resolution/suggestion/{1}").traced()),
        "UUID: apply a suggestion",
    ),
    Function::new(
        "bashio::resolution.suggestion.dismiss",
        Action(Action::delete("/resolution/suggestion/{1}")),
        "UUID: dismiss a suggestion",
    ),
    Function::new(
        "bashio::resolution.issue.dismiss",
        Action(Action::delete("/resolution/issue/{1}")),
        "UUID: dismiss an issue",
    ),
    Function::new(
        "bashio::resolution.check",
        Action(Action::post_flush("/resolution/check/{1}/run").traced()),
        "SLUG: run a check",
    ),
    Function::new(
        "bashio::resolution.healthcheck",
        Action(Action::post_flush("/resolution/healthcheck")),
        ": run the Supervisor's health check",
    ),
];
