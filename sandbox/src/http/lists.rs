//! One handler serves every collection: parse the query, ask the store.

use super::problem::Problem;
use super::AppState;
use crate::domain::access;
use crate::store::{self, Caller, Listing};
use axum::extract::{RawQuery, State};
use axum::routing::{get, MethodRouter};
use axum::Json;
use serde_json::Value;

async fn list(state: AppState, caller: Caller, raw: Option<String>, what: Listing) -> Result<Json<Value>, Problem> {
    if what == Listing::Modules {
        access::check(access::Operation::ListModules, &caller.account.kind).map_err(Problem::forbidden)?;
    }
    let query = rql::Query::parse(raw.as_deref().unwrap_or_default())?;
    let page = state
        .db
        .run(move |conn| store::list(conn, &caller, what, &query))
        .await?;
    Ok(Json(page))
}

/// `GET` of the collection `what`.
pub fn route(what: Listing) -> MethodRouter<AppState> {
    get(move |caller: Caller, State(state): State<AppState>, RawQuery(raw): RawQuery| list(state, caller, raw, what))
}
