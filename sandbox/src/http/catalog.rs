//! `/public/v1/accounts/modules/{id}` and `/public/v1/accounts/accounts/{id}`.

use super::problem::Problem;
use super::{shown, AppState};
use crate::store::resources::{ACCOUNTS, MODULES};
use crate::store::{accounts, modules, Caller};
use axum::extract::{Path, RawQuery, State};
use axum::Json;
use serde_json::Value;

fn select(q: Option<&str>) -> Result<Vec<rql::SelectField>, Problem> {
    Ok(rql::Query::parse(q.unwrap_or_default())?.select)
}

/// `GET …/modules/{id}`
pub async fn get_module(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> Result<Json<Value>, Problem> {
    let select = select(q.as_deref())?;
    let module = state.db.run(move |conn| modules::get(conn, &caller, &id)).await?;
    Ok(Json(shown::one(&module, &MODULES, &select)?))
}

/// `GET …/accounts/{id}`
pub async fn get_account(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> Result<Json<Value>, Problem> {
    let select = select(q.as_deref())?;
    let account = state.db.run(move |conn| accounts::get(conn, &caller, &id)).await?;
    Ok(Json(shown::one(&account, &ACCOUNTS, &select)?))
}
