//! Fault mode: a share of API requests answered badly, to see the console cope.
//!
//! `--faults rate=0.3,kinds=slow+error+drop+malformed,latency=1500,seed=7` (or
//! `SANDBOX_FAULTS`). Each API request is faulty with probability `rate`; a faulty
//! one gets one of the `kinds`:
//! - `slow`: answered normally after `latency` milliseconds;
//! - `error`: a 500 problem, without being handled;
//! - `drop`: the connection is cut after the status line, without being handled;
//! - `malformed`: a read (`GET`) is handled and its JSON cut in half. Writes
//!   never get this one: a fault never half-applies a change, so retrying is
//!   always what a user may do;
//! - `busy`: `429 Too Many Requests` with `Retry-After: <retry>` seconds,
//!   without being handled;
//! - `unavailable`: `503 Service Unavailable`, likewise.
//!
//! `count=n` ends the mode after `n` faulty answers. Tests switch the mode
//! at run time with `PUT /__sandbox/faults` (the same text; empty: off) and
//! read which API requests reached the sandbox at `GET /__sandbox/requests`.

use super::problem::Problem;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

mod injector;
mod settings;

pub use injector::Injector;
pub use settings::{Faults, Kind, Target};

/// A refusal with `Retry-After`, as a rate limit or an overloaded server sends it.
fn refusal(status: StatusCode, title: &str, detail: &str, retry: u64) -> Response {
    let mut res = Problem::new(status, title, detail).into_response();
    if let Ok(value) = HeaderValue::from_str(&retry.to_string()) {
        res.headers_mut().insert(header::RETRY_AFTER, value);
    }
    res
}

/// Middleware on the API: applies the fault mode to each request.
pub async fn inject(State(injector): State<Arc<Injector>>, req: Request, next: Next) -> Response {
    let Some((kind, faults)) = injector.pick(req.method()) else {
        return next.run(req).await;
    };
    tracing::info!(fault = ?kind, method = %req.method(), path = req.uri().path(), "injected fault");
    match kind {
        Kind::Slow => {
            tokio::time::sleep(faults.latency).await;
            next.run(req).await
        }
        Kind::Busy => refusal(
            StatusCode::TOO_MANY_REQUESTS,
            "Too Many Requests",
            "The rate limit was reached; try again later.",
            faults.retry,
        ),
        Kind::Unavailable => refusal(
            StatusCode::SERVICE_UNAVAILABLE,
            "Service Unavailable",
            "The service is temporarily unavailable; try again later.",
            faults.retry,
        ),
        Kind::Error => Problem::internal("injected fault").into_response(),
        Kind::Drop => {
            let cut = futures_util::stream::once(async {
                Err::<axum::body::Bytes, std::io::Error>(std::io::Error::other("injected fault: connection dropped"))
            });
            (
                StatusCode::OK,
                [(header::CONTENT_TYPE, "application/json")],
                Body::from_stream(cut),
            )
                .into_response()
        }
        Kind::Malformed => {
            let res = next.run(req).await;
            let (mut parts, body) = res.into_parts();
            let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap_or_default();
            let half = bytes.slice(..bytes.len() / 2);
            parts.headers.remove(header::CONTENT_LENGTH);
            Response::from_parts(parts, Body::from(half))
        }
    }
}
