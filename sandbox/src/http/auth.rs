//! Bearer authentication: resolves the caller (an API token or a user
//! access token) and attaches it to the request, or answers 401.

use super::problem::Problem;
use super::AppState;
use crate::store::credentials;
use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

fn bearer(req: &Request) -> Option<&str> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// Middleware: resolves the caller or answers 401.
pub async fn require(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let Some(secret) = bearer(&req).map(str::to_string) else {
        return Problem::unauthorized("Send 'Authorization: Bearer <token>' with every request.").into_response();
    };
    let user_agent = req
        .headers()
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let ip = req
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_string());
    match state.db.run(move |conn| credentials::authenticate(conn, &secret)).await {
        Ok(Some(mut caller)) => {
            caller.user_agent = user_agent;
            caller.ip = ip;
            req.extensions_mut().insert(caller);
            next.run(req).await
        }
        Ok(None) => Problem::unauthorized(
            "The bearer token is not valid: unknown, expired, or its API token is disabled or deleted.",
        )
        .into_response(),
        Err(e) => Problem::from(e).into_response(),
    }
}
