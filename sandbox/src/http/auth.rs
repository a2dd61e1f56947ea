//! Bearer authentication: the caller of an API request (an API token or a
//! user access token) is an extractor. A handler that takes a [`Caller`]
//! cannot run unauthenticated, and one that does not take it cannot act for
//! anyone: there is no layer to forget.

use super::problem::Problem;
use super::AppState;
use crate::store::{credentials, Caller};
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};
use std::net::SocketAddr;

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = Problem;

    /// Resolves the bearer token to its caller, or answers 401.
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Problem> {
        let Some(secret) = bearer(&parts.headers).map(str::to_string) else {
            return Err(Problem::unauthorized(
                "Send 'Authorization: Bearer <token>' with every request.",
            ));
        };
        let user_agent = parts
            .headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let ip = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip().to_string());
        match state
            .db
            .run(move |conn| credentials::authenticate(conn, &secret))
            .await?
        {
            Some(caller) => Ok(Caller {
                user_agent,
                ip,
                ..caller
            }),
            None => Err(Problem::unauthorized(
                "The bearer token is not valid: unknown, expired, or its API token is disabled or deleted.",
            )),
        }
    }
}
