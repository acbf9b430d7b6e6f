//! `/services/...`: service data add-ons publish for each other (MQTT, MySQL).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use serde_json::{json, Value};

use super::{Params, Routes};
use crate::envelope::{self, ApiError, ApiResult};
use crate::state::Shared;
use crate::world::World;

/// The services the Supervisor knows, published or not.
const KNOWN_SERVICES: &[&str] = &["mqtt", "mysql"];

pub(super) fn routes() -> Routes {
    Routes::new().route("/services", get(list)).route(
        "/services/{service}",
        get(read).post(publish).delete(withdraw),
    )
}

/// A service is known if the Supervisor has it built in or the world
/// publishes it.
fn is_known(world: &World, name: &str) -> bool {
    KNOWN_SERVICES.contains(&name) || world.services.contains_key(name)
}

fn does_not_exist() -> ApiError {
    ApiError::not_found("Service does not exist")
}

async fn list(State(shared): State<Arc<Shared>>) -> Response {
    let services: Vec<Value> = shared.with_world(|world| {
        let mut names: Vec<&str> = KNOWN_SERVICES.to_vec();
        names.extend(
            world
                .services
                .keys()
                .map(String::as_str)
                .filter(|name| !KNOWN_SERVICES.contains(name)),
        );
        names
            .into_iter()
            .map(|name| {
                let data = world.services.get(name);
                let providers: Vec<&Value> = data
                    .and_then(|data| data.get("addon"))
                    .into_iter()
                    .collect();
                json!({"slug": name, "available": data.is_some(), "providers": providers})
            })
            .collect()
    });
    envelope::ok(json!({ "services": services }))
}

/// A known service nobody published is "not enabled" (400), as with the
/// Supervisor; an unknown one does not exist (404).
async fn read(State(shared): State<Arc<Shared>>, params: Params) -> ApiResult {
    let name = params.get("service");
    shared.with_world(|world| match world.services.get(name) {
        Some(data) => Ok(envelope::ok(data.clone())),
        None if is_known(world, name) => Err(ApiError::bad_request("Service not enabled")),
        None => Err(does_not_exist()),
    })
}

/// Stores the body verbatim as the service's data.
async fn publish(State(shared): State<Arc<Shared>>, params: Params, body: Bytes) -> ApiResult {
    let name = params.get("service");
    shared.with_world(|world| {
        if !is_known(world, name) {
            return Err(does_not_exist());
        }
        let data = envelope::parse_json_object(&body)?;
        world.set_service(name, Value::Object(data));
        Ok(envelope::ok_empty())
    })
}

async fn withdraw(State(shared): State<Arc<Shared>>, params: Params) -> ApiResult {
    let name = params.get("service");
    shared.with_world(|world| {
        if !is_known(world, name) {
            return Err(does_not_exist());
        }
        world.remove_service(name);
        Ok(envelope::ok_empty())
    })
}
