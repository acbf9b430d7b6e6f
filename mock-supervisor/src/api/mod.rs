//! The Supervisor's endpoints, as the mock answers them.
//!
//! Each submodule covers one area of the real API; this module joins them
//! into one router and gives unknown paths and wrong methods the
//! Supervisor's error envelope instead of the HTTP library's plain text.

mod addon_options;
mod addons;
mod auth;
mod discovery;
mod generic;
mod logs;
mod services;
mod store;

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::Router;

use crate::envelope::{self, ApiError};
use crate::state::Shared;

pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .merge(addons::routes())
        .merge(store::routes())
        .merge(services::routes())
        .merge(discovery::routes())
        .merge(auth::routes())
        .merge(logs::routes())
        .merge(generic::routes())
        .fallback(generic::unrouted)
        .method_not_allowed_fallback(|| async {
            envelope::error(StatusCode::METHOD_NOT_ALLOWED, "405: Method Not Allowed")
        })
        .with_state(shared)
}

type Routes = Router<Arc<Shared>>;

/// The `{name}` segments of the matched route; a malformed one (invalid
/// percent-encoding) is a 400 in the Supervisor's envelope.
struct Params(HashMap<String, String>);

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        match Path::<HashMap<String, String>>::from_request_parts(parts, state).await {
            Ok(Path(params)) => Ok(Self(params)),
            Err(rejection) => Err(ApiError::bad_request(rejection.body_text())),
        }
    }
}

impl Params {
    fn get(&self, name: &str) -> &str {
        self.0.get(name).map_or("", String::as_str)
    }

    fn slug(&self) -> &str {
        self.get("slug")
    }
}
