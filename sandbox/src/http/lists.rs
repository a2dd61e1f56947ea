//! One handler serves every collection: parse the query, ask the store,
//! show the page.

use super::problem::Problem;
use super::{shown, AppState};
use crate::domain::access;
use crate::store::list::Listed;
use crate::store::{self, Caller};
use axum::extract::{RawQuery, State};
use axum::routing::{get, MethodRouter};
use axum::Json;
use serde::Serialize;
use serde_json::Value;

async fn list<T: Listed + Serialize + Send + 'static>(
    state: AppState,
    caller: Caller,
    raw: Option<String>,
    guard: Option<access::Operation>,
) -> Result<Json<Value>, Problem> {
    if let Some(operation) = guard {
        access::check(operation, &caller.account.kind).map_err(Problem::forbidden)?;
    }
    let query = rql::Query::parse(raw.as_deref().unwrap_or_default())?;
    let page = state
        .db
        .run(move |conn| store::list::<T>(conn, &caller, &query))
        .await?;
    Ok(Json(shown::page(&page)?))
}

/// `GET` of the collection of `T`; `guard`: an operation only some account
/// types may perform.
pub fn route<T: Listed + Serialize + Send + 'static>(guard: Option<access::Operation>) -> MethodRouter<AppState> {
    get(
        move |caller: Caller, State(state): State<AppState>, RawQuery(raw): RawQuery| {
            list::<T>(state, caller, raw, guard)
        },
    )
}
