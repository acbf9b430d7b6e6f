//! `/_mock/...`: control of a running mock over HTTP.
//!
//! Shell-driven tests cannot call Rust methods on the server, so everything
//! the library handle can do (read and clear recorded requests, set faults,
//! swap the world) is also an endpoint here. These endpoints need no token,
//! are never recorded and never faulted.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use serde_json::Value;

use crate::envelope::{self, ApiError, ApiResult};
use crate::fault::FaultRule;
use crate::state::Shared;
use crate::world::World;

pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/_mock/requests", get(list_requests).delete(clear_requests))
        .route(
            "/_mock/fault",
            get(list_faults).post(add_fault).delete(clear_faults),
        )
        .route("/_mock/world", get(get_world).put(put_world))
        .fallback(|| async { envelope::error(StatusCode::NOT_FOUND, "404: Not Found") })
        .method_not_allowed_fallback(|| async {
            envelope::error(StatusCode::METHOD_NOT_ALLOWED, "405: Method Not Allowed")
        })
        .with_state(shared)
}

async fn list_requests(State(shared): State<Arc<Shared>>) -> Response {
    let requests = serde_json::to_value(shared.requests()).unwrap_or(Value::Null);
    envelope::json_response(StatusCode::OK, &requests)
}

async fn clear_requests(State(shared): State<Arc<Shared>>) -> Response {
    shared.clear_requests();
    envelope::ok_empty()
}

async fn list_faults(State(shared): State<Arc<Shared>>) -> Response {
    let faults = shared.faults().iter().map(FaultRule::to_json).collect();
    envelope::json_response(StatusCode::OK, &Value::Array(faults))
}

/// Adds one rule; a body that is a JSON array adds several in order.
async fn add_fault(State(shared): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let rules: Vec<FaultRule> = match envelope::parse_json_body(&body)? {
        Value::Array(items) => items.iter().map(FaultRule::from_json).collect(),
        single => FaultRule::from_json(&single).map(|rule| vec![rule]),
    }
    .map_err(ApiError::bad_request)?;
    for rule in rules {
        shared.add_fault(rule);
    }
    Ok(envelope::ok_empty())
}

async fn clear_faults(State(shared): State<Arc<Shared>>) -> Response {
    shared.clear_faults();
    envelope::ok_empty()
}

async fn get_world(State(shared): State<Arc<Shared>>) -> Response {
    envelope::json_response(StatusCode::OK, &shared.world().to_json())
}

async fn put_world(State(shared): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let value = serde_json::from_slice(&body).map_err(|_| ApiError::bad_request("Invalid json"))?;
    let world = World::from_json(value).map_err(|err| ApiError::bad_request(format!("{err:#}")))?;
    shared.set_world(world);
    Ok(envelope::ok_empty())
}
