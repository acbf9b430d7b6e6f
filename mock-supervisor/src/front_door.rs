//! What happens to every request before an endpoint sees it.
//!
//! The order matters and is the mock's contract: admin requests bypass
//! everything; every other request is recorded first (so tests see exactly
//! what the client sent, even when it then fails), then faults apply, then
//! the token is checked, then canned responses from the world win over the
//! built-in endpoints.

use std::error::Error;
use std::fmt;
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{ready, Context, Poll};
use std::time::Duration;

use axum::body::{to_bytes, Body};
use axum::http::{header, request, HeaderMap, HeaderValue, Request, StatusCode};
use axum::response::Response;
use axum::Router;
use bytes::Bytes;
use http_body::Frame;
use tokio::time::Sleep;
use tower::ServiceExt;

use crate::envelope;
use crate::fault::Fault;
use crate::paths;
use crate::recording::RecordedRequest;
use crate::response_spec::ResponseSpec;
use crate::state::Shared;
use crate::world::World;

/// Request bodies larger than this are refused by closing the connection.
const MAX_BODY_BYTES: usize = 64 * 1024 * 1024;

/// How long a cut-short body waits before the connection is closed, so the
/// part that was sent reaches the client first.
const CUT_SHORT_PAUSE: Duration = Duration::from_millis(50);

/// Everything a connection needs to answer requests.
pub(crate) struct App {
    pub(crate) shared: Arc<Shared>,
    api: Router,
    admin: Router,
}

impl App {
    pub(crate) fn new(shared: Arc<Shared>) -> Self {
        Self {
            api: crate::api::router(shared.clone()),
            admin: crate::admin::router(shared.clone()),
            shared,
        }
    }
}

/// Returned instead of a response to make the HTTP layer close the
/// connection without answering.
#[derive(Debug)]
pub(crate) struct ConnectionDropped;

impl fmt::Display for ConnectionDropped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("connection dropped on purpose")
    }
}

impl Error for ConnectionDropped {}

pub(crate) async fn handle<B>(
    app: Arc<App>,
    request: Request<B>,
) -> Result<Response, ConnectionDropped>
where
    B: http_body::Body<Data = Bytes> + Send + 'static,
    B::Error: Into<axum::BoxError>,
{
    let request = request.map(Body::new);
    if is_admin_path(request.uri().path()) {
        return Ok(call(&app.admin, request).await);
    }

    let path_and_query = request.uri().path_and_query().map_or_else(
        || request.uri().path().to_string(),
        |pq| pq.as_str().to_string(),
    );
    let (parts, body) = request.into_parts();
    let body = to_bytes(body, MAX_BODY_BYTES)
        .await
        .map_err(|_| ConnectionDropped)?;
    // Have I Been Pwned's range API, which the mock also serves, takes no token.
    let auth_ok =
        is_authorized(&parts.headers, app.shared.token()) || is_public_path(&path_and_query);
    app.shared.record(RecordedRequest::new(
        parts.method.as_str(),
        &path_and_query,
        &parts.headers,
        &body,
        auth_ok,
    ));

    let mut cut_body_short = false;
    match app
        .shared
        .take_fault(parts.method.as_str(), &path_and_query)
    {
        None => {}
        Some(Fault::Delay(delay)) => tokio::time::sleep(delay).await,
        Some(Fault::Hang) => {
            app.shared.stopped().await;
            return Err(ConnectionDropped);
        }
        Some(Fault::DropConnection) => return Err(ConnectionDropped),
        Some(Fault::DropMidBody) => cut_body_short = true,
        Some(Fault::Status(status, body)) => return Ok(status_fault(status, body)),
        Some(Fault::Malformed(body)) => {
            return Ok(envelope::raw(
                StatusCode::OK,
                envelope::JSON_CONTENT_TYPE,
                body,
            ))
        }
        Some(Fault::ResultError { status, message }) => {
            return Ok(envelope::error(envelope::status_code(status), message))
        }
    }

    let response = answer(&app, parts, body, auth_ok, &path_and_query).await;
    if cut_body_short {
        Ok(cut_short(response).await)
    } else {
        Ok(response)
    }
}

fn is_public_path(path: &str) -> bool {
    path.starts_with("/range/")
}

fn is_admin_path(path: &str) -> bool {
    path == "/_mock" || path.starts_with("/_mock/")
}

async fn answer(
    app: &App,
    parts: request::Parts,
    body: Bytes,
    auth_ok: bool,
    path_and_query: &str,
) -> Response {
    if !auth_ok {
        return envelope::error(StatusCode::UNAUTHORIZED, "401: Unauthorized");
    }
    let canned = app
        .shared
        .with_world(|world| canned_response(world, parts.method.as_str(), path_and_query));
    if let Some(canned) = canned {
        return canned.to_response();
    }
    call(&app.api, Request::from_parts(parts, Body::from(body))).await
}

async fn call(router: &Router, request: Request<Body>) -> Response {
    match router.clone().oneshot(request).await {
        Ok(response) => response,
        Err(never) => match never {},
    }
}

/// The Supervisor takes its token as `Authorization: Bearer <token>` or as
/// `X-Supervisor-Token: <token>`.
fn is_authorized(headers: &HeaderMap, token: &str) -> bool {
    let header_text = |name| {
        headers
            .get(name)
            .and_then(|value: &HeaderValue| value.to_str().ok())
    };
    let bearer = header_text(header::AUTHORIZATION.as_str())
        .and_then(|value| value.trim().split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, credentials)| credentials.trim());
    bearer == Some(token) || header_text("x-supervisor-token").map(str::trim) == Some(token)
}

/// Splits a canned-response key into method and path: `"POST /x"` or
/// `"/x"` (meaning GET).
pub(crate) fn parse_response_key(key: &str) -> Option<(&str, &str)> {
    let key = key.trim();
    if key.starts_with('/') {
        return Some(("GET", key));
    }
    let (method, path) = key.split_once(' ')?;
    let path = path.trim();
    let method_ok = !method.is_empty() && method.bytes().all(|b| b.is_ascii_alphabetic());
    (method_ok && path.starts_with('/')).then_some((method, path))
}

/// The canned response for a request: a key with the same query string
/// wins over one without any.
fn canned_response(world: &World, method: &str, path_and_query: &str) -> Option<ResponseSpec> {
    let request = paths::resolve_self(path_and_query, &world.self_slug);
    let (request_path, _) = paths::split_query(&request);
    let candidates: Vec<(String, &ResponseSpec)> = world
        .responses
        .iter()
        .filter_map(|(key, spec)| {
            let (key_method, key_path) = parse_response_key(key)?;
            key_method
                .eq_ignore_ascii_case(method)
                .then(|| (paths::resolve_self(key_path, &world.self_slug), spec))
        })
        .collect();
    candidates
        .iter()
        .find(|(key_path, _)| *key_path == request)
        .or_else(|| {
            candidates
                .iter()
                .find(|(key_path, _)| !key_path.contains('?') && key_path == request_path)
        })
        .map(|(_, spec)| (*spec).clone())
}

fn status_fault(status: u16, body: String) -> Response {
    let content_type = if serde_json::from_str::<serde_json::Value>(&body).is_ok() {
        envelope::JSON_CONTENT_TYPE
    } else {
        envelope::TEXT_CONTENT_TYPE
    };
    envelope::raw(envelope::status_code(status), content_type, body)
}

/// The response's head with its full `Content-Length`, then half its body,
/// then a failure that makes the HTTP layer close the connection.
async fn cut_short(response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    let mut full = to_bytes(body, usize::MAX).await.unwrap_or_default();
    if full.len() < 2 {
        full = Bytes::from_static(br#"{"result":"ok","data":{}}"#);
    }
    let part = full.slice(..full.len() / 2);
    parts
        .headers
        .insert(header::CONTENT_LENGTH, HeaderValue::from(full.len()));
    Response::from_parts(parts, Body::new(CutShortBody::new(part)))
}

struct CutShortBody {
    part: Option<Bytes>,
    pause: Pin<Box<Sleep>>,
}

impl CutShortBody {
    fn new(part: Bytes) -> Self {
        Self {
            part: Some(part),
            pause: Box::pin(tokio::time::sleep(CUT_SHORT_PAUSE)),
        }
    }
}

impl http_body::Body for CutShortBody {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, io::Error>>> {
        let this = self.get_mut();
        if let Some(part) = this.part.take() {
            return Poll::Ready(Some(Ok(Frame::data(part))));
        }
        ready!(this.pause.as_mut().poll(cx));
        Poll::Ready(Some(Err(io::Error::new(
            io::ErrorKind::ConnectionAborted,
            "body cut short on purpose",
        ))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn response_keys() {
        assert_eq!(parse_response_key("/x"), Some(("GET", "/x")));
        assert_eq!(parse_response_key("POST /x?y=1"), Some(("POST", "/x?y=1")));
        assert_eq!(parse_response_key("POST x"), None);
        assert_eq!(parse_response_key("GET"), None);
        assert_eq!(parse_response_key("P0ST /x"), None);
    }

    #[test]
    fn bearer_and_supervisor_token_headers_are_accepted() {
        let mut headers = HeaderMap::new();
        assert!(!is_authorized(&headers, "t"));
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static("Bearer t"));
        assert!(is_authorized(&headers, "t"));
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static("Basic t"));
        assert!(!is_authorized(&headers, "t"));
        headers.insert("x-supervisor-token", HeaderValue::from_static("t"));
        assert!(is_authorized(&headers, "t"));
    }

    #[test]
    fn canned_responses_prefer_the_exact_query() {
        let mut world = World::default_world();
        world.set_response("/core/logs", ResponseSpec::text(200, "plain"));
        world.set_response("GET /core/logs?lines=1", ResponseSpec::text(200, "one"));
        world.set_response(
            "POST /addons/self/restart",
            ResponseSpec::json(500, "x".into()),
        );
        let text_of = |spec: Option<ResponseSpec>| spec.map(|spec| spec.body);
        assert_eq!(
            text_of(canned_response(&world, "GET", "/core/logs?lines=1")),
            Some(crate::ResponseBody::Text("one".into()))
        );
        assert_eq!(
            text_of(canned_response(&world, "GET", "/core/logs?lines=2")),
            Some(crate::ResponseBody::Text("plain".into()))
        );
        assert!(canned_response(&world, "POST", "/addons/local_example/restart").is_some());
        assert!(canned_response(&world, "GET", "/addons/self/restart").is_none());
    }
}
