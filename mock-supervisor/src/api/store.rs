//! `/store/...` and the store-backed `/addons/<slug>/...` endpoints.
//!
//! The store knows every add-on, installed or not; installing and updating
//! go through it, and so do an add-on's changelog and documentation.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use serde_json::{json, Value};

use super::addons::pick;
use super::{Params, Routes};
use crate::envelope::{self, ApiError, ApiResult};
use crate::state::Shared;
use crate::world::{Addon, World};

/// The fields the store lists for each add-on, besides `installed` and
/// `version`, which depend on whether it is installed.
const STORE_FIELDS: &[&str] = &[
    "advanced",
    "arch",
    "available",
    "build",
    "description",
    "documentation",
    "homeassistant",
    "icon",
    "logo",
    "name",
    "repository",
    "slug",
    "stage",
    "update_available",
    "url",
    "version_latest",
];

pub(super) fn routes() -> Routes {
    Routes::new()
        .route("/store", get(store))
        .route("/store/addons", get(list))
        .route("/store/addons/{slug}", get(addon_info))
        .route("/store/addons/{slug}/changelog", get(changelog))
        .route("/store/addons/{slug}/documentation", get(documentation))
        .route("/store/addons/{slug}/availability", get(availability))
        .route("/store/addons/{slug}/install", post(install))
        .route("/store/addons/{slug}/update", post(update))
        .route("/addons/{slug}/changelog", get(changelog))
        .route("/addons/{slug}/documentation", get(documentation))
        .route("/addons/{slug}/install", post(install))
        .route("/addons/{slug}/update", post(update))
}

fn not_in_store(slug: &str) -> ApiError {
    ApiError::not_found(format!("App {slug} does not exist in the store"))
        .with_error_key("store_app_not_found_error", json!({"app": slug}))
}

/// Runs `use_addon` on the add-on the request names, installed or not,
/// with the world's `self` slug.
fn with_store_addon<R>(
    shared: &Shared,
    slug: &str,
    use_addon: impl FnOnce(&mut Addon, &str) -> R,
) -> Result<R, ApiError> {
    shared.with_world(|world| {
        let self_slug = world.self_slug.clone();
        match world.addon_mut(slug) {
            Some(addon) => Ok(use_addon(addon, &self_slug)),
            None => Err(not_in_store(slug)),
        }
    })
}

fn store_entry(addon: &Addon) -> Value {
    let mut entry = pick(&addon.info, STORE_FIELDS);
    entry["installed"] = json!(addon.installed);
    entry["version"] = if addon.installed {
        addon.info.get("version").cloned().unwrap_or(Value::Null)
    } else {
        entry["update_available"] = json!(false);
        Value::Null
    };
    entry
}

fn store_entries(world: &World) -> Vec<Value> {
    world.addons.iter().map(store_entry).collect()
}

async fn store(State(shared): State<Arc<Shared>>) -> Response {
    let data = shared.with_world(|world| {
        let repositories = world
            .resources
            .get("/store/repositories")
            .cloned()
            .unwrap_or_else(|| json!([]));
        json!({"addons": store_entries(world), "repositories": repositories})
    });
    envelope::ok(data)
}

async fn list(State(shared): State<Arc<Shared>>) -> Response {
    let addons = shared.with_world(|world| store_entries(world));
    envelope::ok(json!({ "addons": addons }))
}

async fn addon_info(State(shared): State<Arc<Shared>>, params: Params) -> ApiResult {
    let entry = with_store_addon(&shared, params.slug(), |addon, _| store_entry(addon))?;
    Ok(envelope::ok(entry))
}

/// Like the Supervisor, a missing changelog is a 200 saying so.
async fn changelog(State(shared): State<Arc<Shared>>, params: Params) -> ApiResult {
    text_or_note(&shared, params.slug(), "changelog", |addon| {
        addon.changelog.clone()
    })
}

async fn documentation(State(shared): State<Arc<Shared>>, params: Params) -> ApiResult {
    text_or_note(&shared, params.slug(), "documentation", |addon| {
        addon.documentation.clone()
    })
}

fn text_or_note(
    shared: &Shared,
    slug: &str,
    what: &str,
    text_of: impl FnOnce(&Addon) -> Option<String>,
) -> ApiResult {
    let text = with_store_addon(shared, slug, |addon, _| {
        text_of(addon).unwrap_or_else(|| format!("No {what} found for app {}!", addon.slug()))
    })?;
    Ok(envelope::text(StatusCode::OK, text))
}

async fn availability(State(shared): State<Arc<Shared>>, params: Params) -> ApiResult {
    let available = with_store_addon(&shared, params.slug(), |addon, _| {
        addon.info.get("available") != Some(&Value::Bool(false))
    })?;
    if !available {
        return Err(ApiError::bad_request(format!(
            "App {} is not available on this system",
            params.slug()
        )));
    }
    Ok(envelope::ok_empty())
}

async fn install(State(shared): State<Arc<Shared>>, params: Params) -> ApiResult {
    with_store_addon(&shared, params.slug(), |addon, _| {
        if !addon.installed {
            addon.installed = true;
            let latest = addon
                .info
                .get("version_latest")
                .cloned()
                .unwrap_or(Value::Null);
            addon.info.insert("version".into(), latest);
            addon.info.insert("update_available".into(), json!(false));
            addon.info.insert("state".into(), json!("stopped"));
        }
    })?;
    Ok(envelope::ok_empty())
}

/// Brings an installed add-on to its latest version; an add-on cannot
/// update itself.
async fn update(State(shared): State<Arc<Shared>>, params: Params) -> ApiResult {
    let slug = params.slug();
    with_store_addon(&shared, slug, |addon, self_slug| {
        if !addon.installed {
            return Err(ApiError::bad_request(format!(
                "App {slug} is not installed"
            )));
        }
        if addon.slug() == self_slug {
            return Err(ApiError::forbidden(format!(
                "App {self_slug} can't update itself!"
            )));
        }
        let latest = addon
            .info
            .get("version_latest")
            .cloned()
            .unwrap_or(Value::Null);
        addon.info.insert("version".into(), latest);
        addon.info.insert("update_available".into(), json!(false));
        Ok(())
    })??;
    Ok(envelope::ok_empty())
}
