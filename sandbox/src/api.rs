//! The Marketplace API routes.

mod audit;
mod catalog;
mod tokens;

use crate::problem::Problem;
use crate::AppState;
use axum::http::{Method, Uri};
use axum::routing::{get, post};
use axum::Router;

/// The authenticated API under `/public/v1`.
pub fn router(state: AppState) -> Router<AppState> {
    Router::new()
        .route("/public/v1/accounts/api-tokens", get(tokens::list).post(tokens::create))
        .route(
            "/public/v1/accounts/api-tokens/{id}",
            get(tokens::get_one).put(tokens::update).delete(tokens::delete),
        )
        .route("/public/v1/accounts/api-tokens/{id}/enable", post(tokens::enable))
        .route("/public/v1/accounts/api-tokens/{id}/disable", post(tokens::disable))
        .route("/public/v1/accounts/modules", get(catalog::list_modules))
        .route("/public/v1/accounts/modules/{id}", get(catalog::get_module))
        .route("/public/v1/accounts/accounts", get(catalog::list_accounts))
        .route("/public/v1/accounts/accounts/{id}", get(catalog::get_account))
        .route("/public/v1/audit/records", get(audit::list))
        .route("/public/v1/audit/records/{id}", get(audit::get_one))
        .method_not_allowed_fallback(method_not_allowed)
        .route_layer(axum::middleware::from_fn_with_state(state, crate::auth::require))
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
    Problem::new(
        axum::http::StatusCode::NOT_FOUND,
        "Not Found",
        format!("There is no endpoint at {}.", uri.path()),
    )
}
