//! What tests switch and read while the sandbox runs: the fault mode
//! (`PUT /__sandbox/faults`, the `--faults` text; empty: off) and the API
//! requests that reached it (`GET /__sandbox/requests`: "METHOD /path
//! status", oldest first; never headers or query strings).

use super::faults::Faults;
use super::problem::Problem;
use super::AppState;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::get;
use axum::{Json, Router};
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

/// The fault mode's switch.
pub const FAULTS: &str = "/__sandbox/faults";
/// The API requests seen.
pub const REQUESTS: &str = "/__sandbox/requests";
/// How many requests are remembered.
const KEPT: usize = 5_000;

/// The API requests seen, oldest first.
pub type RequestLog = Arc<Mutex<VecDeque<String>>>;

/// Middleware on the API: remembers each request's method, path and status.
pub async fn record(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let line = format!("{} {}", req.method(), req.uri().path());
    let res = next.run(req).await;
    if let Ok(mut log) = state.requests.lock() {
        if log.len() == KEPT {
            log.pop_front();
        }
        log.push_back(format!("{line} {}", res.status().as_u16()));
    }
    res
}

async fn requests(State(state): State<AppState>) -> Json<Vec<String>> {
    Json(
        state
            .requests
            .lock()
            .map(|l| l.iter().cloned().collect())
            .unwrap_or_default(),
    )
}

async fn switch_faults(State(state): State<AppState>, spec: String) -> Result<StatusCode, Problem> {
    let faults = match spec.trim() {
        "" => None,
        spec => Some(Faults::parse(spec).map_err(Problem::bad_request)?),
    };
    tracing::info!(?faults, "fault mode switched");
    state.faults.set(faults);
    Ok(StatusCode::NO_CONTENT)
}

/// The two routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(FAULTS, axum::routing::put(switch_faults))
        .route(REQUESTS, get(requests))
}
