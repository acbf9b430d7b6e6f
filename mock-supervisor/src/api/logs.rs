//! Plain-text logs of the system's parts: `/supervisor/logs`, `/core/logs`...
//!
//! Every variant of a log endpoint (`/follow`, `/latest`, `/boots/<id>`,
//! host identifiers) serves the world's text for that exact path if it has
//! one, else the text of the part's plain `/logs`.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::routing::get;

use super::Routes;
use crate::envelope::{self, ApiError, ApiResult};
use crate::state::Shared;

/// The parts of the system whose logs the Supervisor serves.
const LOG_SOURCES: &[&str] = &[
    "/supervisor",
    "/core",
    "/homeassistant",
    "/host",
    "/dns",
    "/audio",
    "/multicast",
];

const LOG_VARIANTS: &[&str] = &[
    "/logs",
    "/logs/follow",
    "/logs/latest",
    "/logs/boots/{bootid}",
    "/logs/boots/{bootid}/follow",
];

const HOST_ONLY_VARIANTS: &[&str] = &[
    "/logs/identifiers/{identifier}",
    "/logs/identifiers/{identifier}/follow",
    "/logs/boots/{bootid}/identifiers/{identifier}",
    "/logs/boots/{bootid}/identifiers/{identifier}/follow",
];

pub(super) fn routes() -> Routes {
    let mut routes = Routes::new();
    for source in LOG_SOURCES {
        for variant in LOG_VARIANTS {
            routes = routes.route(&format!("{source}{variant}"), get(log_text));
        }
    }
    for variant in HOST_ONLY_VARIANTS {
        routes = routes.route(&format!("/host{variant}"), get(log_text));
    }
    routes
}

async fn log_text(State(shared): State<Arc<Shared>>, uri: Uri) -> ApiResult {
    let path = uri.path();
    let base = path
        .find("/logs")
        .map_or(path, |end| &path[..end + "/logs".len()]);
    let text = shared.with_world(|world| {
        world
            .text_for(path)
            .or_else(|| world.text_for(base))
            .cloned()
    });
    let text = text.ok_or_else(|| {
        ApiError::not_found(format!("The mock world has no text for {}", uri.path()))
    })?;
    Ok(envelope::text(StatusCode::OK, text))
}
