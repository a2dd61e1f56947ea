//! The HTTP edge: the Marketplace API's routes (thin handlers over the
//! store), bearer authentication (the caller is an extractor), problem
//! details, request logging, the fault mode, and the console's static files.

pub mod auth;
pub mod body;
mod catalog;
pub mod console;
pub mod faults;
pub mod hosting;
mod icons;
pub mod inspect;
mod lists;
pub mod problem;
pub mod proxy;
mod records;
mod shown;
mod tokens;

use crate::domain::access::Operation;
use crate::domain::objects::{Account, ApiToken, AuditRecord, Module};
use crate::store::Db;
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, Uri};
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use problem::Problem;

/// Shared state of the handlers.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    /// Refuse logos sent as data URLs (`--no-data-url-icons`).
    pub refuse_data_url_icons: bool,
    /// CSP violation reports the console's pages sent.
    pub csp_reports: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
    /// The fault mode (off unless `--faults` or `PUT /__sandbox/faults`).
    pub faults: std::sync::Arc<faults::Injector>,
    /// The API requests seen.
    pub requests: inspect::RequestLog,
}

const TOKEN_ICON: &str = "/public/v1/accounts/api-tokens/{id}/icon";

/// The API under `/public/v1`. Every handler but the public logo's takes the
/// [`store::Caller`](crate::store::Caller), so it answers only authenticated
/// requests. Logos are served without authentication, as a CDN serves them,
/// unless `private_icons`.
pub fn api(private_icons: bool) -> Router<AppState> {
    let mut authed = Router::new()
        .route(
            "/public/v1/accounts/api-tokens",
            lists::route::<ApiToken>(None).post(tokens::create),
        )
        .route(
            "/public/v1/accounts/api-tokens/{id}",
            get(tokens::get_one).put(tokens::update).delete(tokens::delete),
        )
        .route("/public/v1/accounts/api-tokens/{id}/enable", post(tokens::enable))
        .route("/public/v1/accounts/api-tokens/{id}/disable", post(tokens::disable))
        .route(
            "/public/v1/accounts/modules",
            lists::route::<Module>(Some(Operation::ListModules)),
        )
        .route("/public/v1/accounts/modules/{id}", get(catalog::get_module))
        .route("/public/v1/accounts/accounts", lists::route::<Account>(None))
        .route("/public/v1/accounts/accounts/{id}", get(catalog::get_account))
        .route(
            "/public/v1/audit/records",
            lists::route::<AuditRecord>(None).post(records::create),
        )
        .route("/public/v1/audit/records/{id}", get(records::get_one));
    let mut public = Router::new();
    if private_icons {
        authed = authed.route(TOKEN_ICON, get(icons::private));
    } else {
        public = public.route(TOKEN_ICON, get(icons::public));
    }
    authed.method_not_allowed_fallback(method_not_allowed).merge(public)
}

async fn method_not_allowed(method: Method, uri: Uri) -> Problem {
    Problem::new(
        axum::http::StatusCode::METHOD_NOT_ALLOWED,
        "Method Not Allowed",
        format!("{method} is not supported on {}.", uri.path()),
    )
}

/// 404 for any other path under `/public/`.
pub async fn unknown_endpoint(uri: Uri) -> Problem {
    Problem::not_found(format!("There is no endpoint at {}.", uri.path()))
}

/// Middleware on every API response: `nosniff`, and `no-store` on what may
/// carry a token's secret (every answer about API tokens but their logos),
/// so no cache keeps it.
pub async fn api_headers(req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let secret_bearing = path.starts_with("/public/v1/accounts/api-tokens") && !path.ends_with("/icon");
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    if secret_bearing {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

/// Middleware: one log line per request (method, path, status, time); never
/// headers or query strings, so no credential or search text is logged.
pub async fn log(req: Request, next: Next) -> Response {
    let (method, path) = (req.method().clone(), req.uri().path().to_string());
    let started = std::time::Instant::now();
    let res = next.run(req).await;
    tracing::debug!(%method, path, status = res.status().as_u16(), ms = started.elapsed().as_millis() as u64, "request");
    res
}
