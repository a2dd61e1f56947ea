//! `GET /public/v1/accounts/api-tokens/{id}/icon`: a token's logo, where its
//! `icon` path (`/v1/accounts/api-tokens/{id}/icon`) says it is.

use super::problem::Problem;
use super::AppState;
use crate::store::{icons, Caller};
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

async fn serve(state: AppState, caller: Option<Caller>, id: String, headers: HeaderMap) -> Result<Response, Problem> {
    let private = caller.is_some();
    let lookup = id.clone();
    let found = state
        .db
        .run(move |conn| icons::get(conn, caller.as_ref().map(|c| &c.scope), &lookup))
        .await?;
    let (content_type, etag, data) =
        found.ok_or_else(|| Problem::not_found(format!("API token '{id}' has no logo.")))?;
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag));
    let mut res = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        (StatusCode::OK, data).into_response()
    };
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&content_type) {
        h.insert(header::CONTENT_TYPE, v);
    }
    if let Ok(v) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, v);
    }
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; sandbox"),
    );
    // Revalidated on every use, so a changed logo shows at once.
    let cache = if private {
        "private, no-cache"
    } else {
        "public, no-cache"
    };
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if private {
        h.insert(header::VARY, HeaderValue::from_static("Authorization"));
    }
    Ok(res)
}

/// The logo, to anyone (as a CDN serves it: `<img>` cannot send a bearer header).
pub async fn public(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, Problem> {
    serve(state, None, id, headers).await
}

/// The logo, to a caller who may see the token (`--private-icons`).
pub async fn private(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, Problem> {
    serve(state, Some(caller), id, headers).await
}
