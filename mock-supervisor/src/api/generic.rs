//! Every other Supervisor endpoint, answered from the world's data.
//!
//! Most of the API is "GET returns some data" or "POST does something and
//! answers ok". Listing the real paths and methods here means a client's
//! wrong method is a 405 and a typo is a 404, as with the real Supervisor,
//! while the data itself stays in the world where tests can change it.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{Method, StatusCode, Uri};
use axum::response::Response;
use axum::routing::{on, MethodFilter};
use serde_json::Value;

use super::Routes;
use crate::envelope::{self, ApiError, ApiResult};
use crate::state::Shared;

const GET: MethodFilter = MethodFilter::GET;
const POST: MethodFilter = MethodFilter::POST;
const PUT: MethodFilter = MethodFilter::PUT;
const DELETE: MethodFilter = MethodFilter::DELETE;

/// The Supervisor's remaining endpoints (API v1 paths) and their methods.
const ENDPOINTS: &[(MethodFilter, &str)] = &[
    (GET, "/info"),
    (GET, "/available_updates"),
    (POST, "/reload_updates"),
    (POST, "/refresh_updates"),
    (GET, "/supervisor/ping"),
    (GET, "/supervisor/info"),
    (GET, "/supervisor/stats"),
    (GET, "/supervisor/available_updates"),
    (POST, "/supervisor/update"),
    (POST, "/supervisor/reload"),
    (POST, "/supervisor/restart"),
    (POST, "/supervisor/options"),
    (POST, "/supervisor/repair"),
    (GET, "/core/info"),
    (GET, "/core/stats"),
    (POST, "/core/options"),
    (POST, "/core/update"),
    (POST, "/core/restart"),
    (POST, "/core/stop"),
    (POST, "/core/start"),
    (POST, "/core/check"),
    (POST, "/core/rebuild"),
    (GET, "/homeassistant/info"),
    (GET, "/homeassistant/stats"),
    (POST, "/homeassistant/options"),
    (POST, "/homeassistant/update"),
    (POST, "/homeassistant/restart"),
    (POST, "/homeassistant/stop"),
    (POST, "/homeassistant/start"),
    (POST, "/homeassistant/check"),
    (POST, "/homeassistant/rebuild"),
    (GET, "/host/info"),
    (GET, "/host/services"),
    (GET, "/host/logs/identifiers"),
    (GET, "/host/logs/boots"),
    (GET, "/host/disks/{disk}/usage"),
    (POST, "/host/reboot"),
    (POST, "/host/shutdown"),
    (POST, "/host/reload"),
    (POST, "/host/options"),
    (GET, "/network/info"),
    (POST, "/network/reload"),
    (GET, "/network/interface/{interface}/info"),
    (POST, "/network/interface/{interface}/update"),
    (GET, "/network/interface/{interface}/accesspoints"),
    (POST, "/network/interface/{interface}/vlan/{vlan}"),
    (GET, "/os/info"),
    (POST, "/os/update"),
    (GET.or(POST), "/os/config/swap"),
    (POST, "/os/config/sync"),
    (POST, "/os/datadisk/move"),
    (GET, "/os/datadisk/list"),
    (POST, "/os/datadisk/wipe"),
    (POST, "/os/boot-slot"),
    (GET.or(POST), "/os/boards/{board}"),
    (GET, "/security/info"),
    (POST, "/security/options"),
    (POST, "/security/integrity"),
    (GET, "/jobs/info"),
    (POST, "/jobs/options"),
    (POST, "/jobs/reset"),
    (GET.or(DELETE), "/jobs/{uuid}"),
    (GET, "/cli/info"),
    (GET, "/cli/stats"),
    (POST, "/cli/update"),
    (GET, "/observer/info"),
    (GET, "/observer/stats"),
    (POST, "/observer/update"),
    (GET, "/multicast/info"),
    (GET, "/multicast/stats"),
    (POST, "/multicast/update"),
    (POST, "/multicast/restart"),
    (GET, "/hardware/info"),
    (GET, "/hardware/audio"),
    (GET, "/resolution/info"),
    (POST, "/resolution/check/{check}/options"),
    (POST, "/resolution/check/{check}/run"),
    (GET, "/resolution/issue/{issue}/suggestions"),
    (DELETE, "/resolution/issue/{issue}"),
    (POST.or(DELETE), "/resolution/suggestion/{suggestion}"),
    (POST, "/resolution/healthcheck"),
    (GET, "/auth/list"),
    (GET, "/dns/info"),
    (GET, "/dns/stats"),
    (POST, "/dns/update"),
    (POST, "/dns/options"),
    (POST, "/dns/restart"),
    (POST, "/dns/reset"),
    (GET, "/audio/info"),
    (GET, "/audio/stats"),
    (POST, "/audio/update"),
    (POST, "/audio/restart"),
    (POST, "/audio/reload"),
    (POST, "/audio/profile"),
    (POST, "/audio/volume/{source}"),
    (POST, "/audio/volume/{source}/application"),
    (POST, "/audio/mute/{source}"),
    (POST, "/audio/mute/{source}/application"),
    (POST, "/audio/default/{source}"),
    (GET.or(POST), "/mounts"),
    (POST, "/mounts/options"),
    (PUT.or(DELETE), "/mounts/{mount}"),
    (POST, "/mounts/{mount}/reload"),
    (POST, "/addons/reload"),
    (POST, "/store/reload"),
    (GET.or(POST), "/store/repositories"),
    (GET.or(DELETE), "/store/repositories/{repository}"),
    (POST, "/store/repositories/{repository}/repair"),
    (GET, "/backups"),
    (GET, "/backups/info"),
    (POST, "/backups/options"),
    (POST, "/backups/reload"),
    (POST, "/backups/freeze"),
    (POST, "/backups/thaw"),
    (POST, "/backups/new/full"),
    (POST, "/backups/new/partial"),
    (GET, "/backups/{slug}/info"),
    (DELETE, "/backups/{slug}"),
    (POST, "/backups/{slug}/restore/full"),
    (POST, "/backups/{slug}/restore/partial"),
    (GET, "/docker/info"),
    (POST, "/docker/options"),
    (GET.or(POST), "/docker/registries"),
    (DELETE, "/docker/registries/{hostname}"),
    (POST, "/ingress/session"),
    (POST, "/ingress/validate_session"),
    (GET, "/ingress/panels"),
];

pub(super) fn routes() -> Routes {
    ENDPOINTS
        .iter()
        .fold(Routes::new(), |routes, (methods, path)| {
            routes.route(path, on(*methods, endpoint))
        })
}

/// GET serves the world's data for the path; DELETE forgets it; anything
/// else is an action that succeeds, and `<part>/options` also stores its
/// body into `<part>/info` so the change shows in the next read.
async fn endpoint(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    body: Bytes,
) -> ApiResult {
    let path = uri.path();
    if method == Method::GET || method == Method::HEAD {
        return serve_resource(&shared, path)
            .ok_or_else(|| ApiError::not_found(format!("The mock world has no data for {path}")));
    }
    if method == Method::DELETE {
        shared.with_world(|world| {
            if let Some(key) = world.resource_key(path) {
                world.resources.shift_remove(&key);
            }
        });
        return Ok(envelope::ok_empty());
    }
    if let Some(part) = path.strip_suffix("/options") {
        let changes = envelope::parse_json_object(&body)?;
        shared.with_world(|world| {
            let info = world.resource_key(&format!("{part}/info"));
            if let Some(Value::Object(info)) = info.and_then(|key| world.resources.get_mut(&key)) {
                info.extend(changes);
            }
        });
    }
    Ok(envelope::ok_empty())
}

/// The world's JSON data or text for a path, if it has any.
fn serve_resource(shared: &Shared, path: &str) -> Option<Response> {
    shared.with_world(|world| {
        if let Some(key) = world.resource_key(path) {
            return Some(envelope::ok(world.resources[&key].clone()));
        }
        world
            .text_for(path)
            .map(|text| envelope::text(StatusCode::OK, text.clone()))
    })
}

/// Paths no route knows: a GET still finds anything the world has for it.
pub(super) async fn unrouted(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
) -> ApiResult {
    if method == Method::GET || method == Method::HEAD {
        if let Some(response) = serve_resource(&shared, uri.path()) {
            return Ok(response);
        }
    }
    Err(ApiError::not_found("404: Not Found"))
}
