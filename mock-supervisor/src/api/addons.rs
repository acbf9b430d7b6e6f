//! `/addons/...`: installed add-ons, their info, options, state and logs.
//!
//! These are the endpoints add-on scripts use most, so they keep state: a
//! changed option or a stopped add-on shows in the next read.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use serde_json::{json, Map, Value};

use super::{addon_options, Params, Routes};
use crate::envelope::{self, ApiError, ApiResult};
use crate::state::Shared;
use crate::world::Addon;

/// The fields `/addons` lists for each installed add-on.
const LIST_FIELDS: &[&str] = &[
    "name",
    "slug",
    "description",
    "advanced",
    "stage",
    "version",
    "version_latest",
    "update_available",
    "available",
    "detached",
    "homeassistant",
    "state",
    "repository",
    "build",
    "url",
    "icon",
    "logo",
    "system_managed",
];

pub(super) fn routes() -> Routes {
    let mut routes = Routes::new()
        .route("/addons", get(list))
        .route("/addons/{slug}/info", get(info))
        .route("/addons/{slug}/stats", get(stats))
        .route("/addons/{slug}/options", post(set_options))
        .route("/addons/{slug}/options/config", get(options_config))
        .route("/addons/{slug}/options/validate", post(validate_options))
        .route("/addons/{slug}/start", post(start))
        .route("/addons/{slug}/stop", post(stop))
        .route("/addons/{slug}/restart", post(start))
        .route("/addons/{slug}/uninstall", post(uninstall))
        .route("/addons/{slug}/security", post(security))
        .route("/addons/{slug}/rebuild", post(acknowledge))
        .route("/addons/{slug}/stdin", post(acknowledge))
        .route("/addons/{slug}/sys_options", post(acknowledge));
    for logs in [
        "/logs",
        "/logs/follow",
        "/logs/latest",
        "/logs/boots/{bootid}",
        "/logs/boots/{bootid}/follow",
    ] {
        routes = routes.route(&format!("/addons/{{slug}}{logs}"), get(logs_text));
    }
    routes
}

/// Runs `use_addon` on the installed add-on the request names, or refuses
/// as the Supervisor does when there is none.
pub(super) fn with_installed<R>(
    shared: &Shared,
    slug: &str,
    use_addon: impl FnOnce(&mut Addon) -> R,
) -> Result<R, ApiError> {
    shared.with_world(|world| match world.addon_mut(slug) {
        None if slug == "self" => Err(ApiError::bad_request("Self is not an App")),
        None => Err(ApiError::not_found(format!("App {slug} does not exist"))),
        Some(addon) if !addon.installed => Err(ApiError::bad_request("App is not installed")),
        Some(addon) => Ok(use_addon(addon)),
    })
}

async fn list(State(shared): State<Arc<Shared>>) -> Response {
    let addons: Vec<Value> = shared.with_world(|world| {
        world
            .addons
            .iter()
            .filter(|addon| addon.installed)
            .map(|addon| pick(&addon.info, LIST_FIELDS))
            .collect()
    });
    envelope::ok(json!({ "addons": addons }))
}

/// The named fields of `info`, `null` where it has none.
pub(super) fn pick(info: &Map<String, Value>, fields: &[&str]) -> Value {
    let picked = fields
        .iter()
        .map(|field| {
            (
                field.to_string(),
                info.get(*field).cloned().unwrap_or(Value::Null),
            )
        })
        .collect();
    Value::Object(picked)
}

async fn info(State(shared): State<Arc<Shared>>, params: Params) -> ApiResult {
    let mut info = with_installed(&shared, params.slug(), |addon| addon.info.clone())?;
    // The raw schema is the world's, for validation; the Supervisor never shows it.
    info.shift_remove(addon_options::RAW_SCHEMA);
    Ok(envelope::ok(Value::Object(info)))
}

async fn stats(State(shared): State<Arc<Shared>>, params: Params) -> ApiResult {
    let stats = with_installed(&shared, params.slug(), |addon| addon.stats.clone())?;
    Ok(envelope::ok(Value::Object(stats)))
}

async fn set_options(State(shared): State<Arc<Shared>>, params: Params, body: Bytes) -> ApiResult {
    let body = envelope::parse_json_object(&body)?;
    with_installed(&shared, params.slug(), |addon| {
        addon_options::apply(&mut addon.info, body)
    })?
    .map_err(|refusal| {
        let error = ApiError::bad_request(refusal.message());
        match refusal {
            addon_options::Refusal::Body(_) => error,
            addon_options::Refusal::Options {
                app,
                validation_error,
            } => error.with_error_key(
                "app_configuration_invalid_error",
                json!({"app": app, "validation_error": validation_error}),
            ),
        }
    })?;
    Ok(envelope::ok_empty())
}

/// The Supervisor shows an add-on its options only when it asks as `self`.
async fn options_config(State(shared): State<Arc<Shared>>, params: Params) -> ApiResult {
    if params.slug() != "self" {
        return Err(ApiError::forbidden(
            "This can be only read by the app itself!",
        ));
    }
    let options = with_installed(&shared, "self", |addon| addon.options().cloned())?;
    Ok(envelope::ok(options.unwrap_or_else(|| json!({}))))
}

/// The body is the options to check (empty: the add-on's own); they are
/// checked against the add-on's raw schema when the world gives one.
async fn validate_options(
    State(shared): State<Arc<Shared>>,
    params: Params,
    body: Bytes,
) -> ApiResult {
    let body = envelope::parse_json_body(&body)?;
    let answer = with_installed(&shared, params.slug(), |addon| {
        addon_options::validation_answer(&addon.info, body)
    })?;
    Ok(envelope::ok(answer))
}

fn set_state(shared: &Shared, slug: &str, state: &str) -> ApiResult {
    with_installed(shared, slug, |addon| {
        addon.info.insert("state".into(), json!(state));
    })?;
    Ok(envelope::ok_empty())
}

async fn start(State(shared): State<Arc<Shared>>, params: Params) -> ApiResult {
    set_state(&shared, params.slug(), "started")
}

async fn stop(State(shared): State<Arc<Shared>>, params: Params) -> ApiResult {
    set_state(&shared, params.slug(), "stopped")
}

async fn uninstall(State(shared): State<Arc<Shared>>, params: Params) -> ApiResult {
    with_installed(&shared, params.slug(), |addon| {
        addon.installed = false;
        addon.info.insert("state".into(), json!("unknown"));
        addon.info.insert("version".into(), Value::Null);
        addon.info.insert("update_available".into(), json!(false));
    })?;
    Ok(envelope::ok_empty())
}

async fn security(State(shared): State<Arc<Shared>>, params: Params, body: Bytes) -> ApiResult {
    let body = envelope::parse_json_object(&body)?;
    if let Some(key) = body.keys().find(|key| *key != "protected") {
        return Err(ApiError::bad_request(format!(
            "extra keys not allowed @ data['{key}']"
        )));
    }
    let protected = match body.get("protected") {
        None => None,
        Some(Value::Bool(protected)) => Some(*protected),
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "expected boolean for dictionary value @ data['protected']. Got {other}"
            )))
        }
    };
    with_installed(&shared, params.slug(), |addon| {
        if let Some(protected) = protected {
            addon.info.insert("protected".into(), json!(protected));
        }
    })?;
    Ok(envelope::ok_empty())
}

async fn acknowledge(State(shared): State<Arc<Shared>>, params: Params) -> ApiResult {
    with_installed(&shared, params.slug(), |_| ())?;
    Ok(envelope::ok_empty())
}

async fn logs_text(State(shared): State<Arc<Shared>>, params: Params) -> ApiResult {
    let logs = with_installed(&shared, params.slug(), |addon| addon.logs.clone())?;
    Ok(envelope::text(StatusCode::OK, logs))
}
