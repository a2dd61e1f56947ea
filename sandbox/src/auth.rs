//! Bearer authentication: the admin token, or any Active API token.

use crate::problem::Problem;
use crate::store::tokens;
use crate::AppState;
use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Who is making a request, as audit records and `audit.*.by` name them.
#[derive(Debug, Clone)]
pub struct Actor {
    /// `USR-…` for the admin, `TKN-…` for an API token.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The caller's account.
    pub account_id: String,
    /// Its name.
    pub account_name: String,
    /// Its type (`Client`, …).
    pub account_type: String,
    /// The request's User-Agent, for the audit trail.
    pub user_agent: Option<String>,
    /// The peer address, for the audit trail.
    pub ip: Option<String>,
}

/// Compares without stopping at the first differing byte.
fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

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
    let identity = if same_secret(&secret, &state.admin_token) {
        Ok(Some((state.admin_user.0.clone(), state.admin_user.1.clone())))
    } else {
        state
            .db
            .run(move |conn| match tokens::find_by_secret(conn, &secret)? {
                Some((id, name, status)) if status == tokens::ACTIVE => {
                    tokens::touch(conn, &id)?;
                    Ok(Some((id, name)))
                }
                _ => Ok(None),
            })
            .await
    };
    match identity {
        Ok(Some((id, name))) => {
            req.extensions_mut().insert(Actor {
                id,
                name,
                account_id: state.account.id.clone(),
                account_name: state.account.name.clone(),
                account_type: state.account.kind.clone(),
                user_agent,
                ip,
            });
            next.run(req).await
        }
        Ok(None) => Problem::unauthorized("The bearer token is not valid, or its API token is disabled or deleted.")
            .into_response(),
        Err(p) => p.into_response(),
    }
}
