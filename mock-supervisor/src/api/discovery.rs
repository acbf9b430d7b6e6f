//! `/discovery/...`: messages add-ons send so Home Assistant finds them.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use serde_json::{json, Map, Value};

use super::{Params, Routes};
use crate::envelope::{self, ApiError, ApiResult};
use crate::state::Shared;
use crate::world::World;

pub(super) fn routes() -> Routes {
    Routes::new()
        .route("/discovery", get(list).post(send))
        .route("/discovery/{uuid}", get(read).delete(remove))
}

/// Which add-ons offer which discovery services, from their info.
fn offered_services(world: &World) -> Map<String, Value> {
    let mut services = Map::new();
    for addon in &world.addons {
        let offered = addon.info.get("discovery").and_then(Value::as_array);
        for service in offered.into_iter().flatten().filter_map(Value::as_str) {
            let providers = services
                .entry(service.to_string())
                .or_insert_with(|| json!([]));
            if let Value::Array(providers) = providers {
                providers.push(json!(addon.slug()));
            }
        }
    }
    services
}

async fn list(State(shared): State<Arc<Shared>>) -> Response {
    let data = shared.with_world(
        |world| json!({"discovery": world.discovery, "services": offered_services(world)}),
    );
    envelope::ok(data)
}

fn uuid_of(message: &Value) -> Option<&str> {
    message.get("uuid").and_then(Value::as_str)
}

async fn read(State(shared): State<Arc<Shared>>, params: Params) -> ApiResult {
    let uuid = params.get("uuid");
    shared.with_world(|world| {
        let message = world
            .discovery
            .iter()
            .find(|message| uuid_of(message) == Some(uuid))
            .ok_or_else(not_found)?;
        Ok(envelope::ok(message.clone()))
    })
}

fn not_found() -> ApiError {
    ApiError::not_found("Discovery message not found")
}

/// Stores `{"service": ..., "config": {...}}` as a message from the `self`
/// add-on and answers its new uuid.
async fn send(State(shared): State<Arc<Shared>>, body: Bytes) -> ApiResult {
    let body = envelope::parse_json_object(&body)?;
    if let Some(key) = body
        .keys()
        .find(|key| !["service", "config"].contains(&key.as_str()))
    {
        return Err(ApiError::bad_request(format!(
            "extra keys not allowed @ data['{key}']"
        )));
    }
    let service = match body.get("service") {
        Some(Value::String(service)) => service.clone(),
        Some(_) => return Err(invalid("expected str", "service")),
        None => return Err(invalid("required key not provided", "service")),
    };
    let config = match body.get("config") {
        Some(config @ Value::Object(_)) => config.clone(),
        Some(_) => return Err(invalid("expected dict", "config")),
        None => return Err(invalid("required key not provided", "config")),
    };
    let uuid = new_uuid();
    shared.with_world(|world| {
        let message = json!({
            "addon": world.self_slug,
            "service": service,
            "uuid": uuid,
            "config": config,
        });
        world.discovery.push(message);
    });
    Ok(envelope::ok(json!({ "uuid": uuid })))
}

fn invalid(problem: &str, key: &str) -> ApiError {
    ApiError::bad_request(format!("{problem} for dictionary value @ data['{key}']"))
}

/// Only the add-on that sent a message may remove it.
async fn remove(State(shared): State<Arc<Shared>>, params: Params) -> ApiResult {
    let uuid = params.get("uuid");
    shared.with_world(|world| {
        let index = world
            .discovery
            .iter()
            .position(|message| uuid_of(message) == Some(uuid))
            .ok_or_else(not_found)?;
        let sender = world.discovery[index].get("addon").and_then(Value::as_str);
        if sender != Some(world.self_slug.as_str()) {
            return Err(ApiError::forbidden("Can't remove discovery message"));
        }
        world.discovery.remove(index);
        Ok(envelope::ok_empty())
    })
}

/// A fresh id in the Supervisor's format (32 hex digits); unique within
/// the process, which is all the mock needs.
fn new_uuid() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_nanos() as u64);
    format!(
        "{nanos:016x}{:016x}",
        count.wrapping_mul(0x9e37_79b9_7f4a_7c15)
    )
}
