//! `/public/v1/accounts/modules` and `/public/v1/accounts/accounts`.

use crate::auth::Actor;
use crate::list::{Plan, Projection};
use crate::problem::Problem;
use crate::sql::{Resource, ACCOUNTS, MODULES};
use crate::store::{accounts, modules};
use crate::AppState;
use axum::extract::{Path, RawQuery, State};
use axum::{Extension, Json};
use serde_json::Value;

fn one_projection(resource: &Resource, q: Option<&str>) -> Result<Projection, Problem> {
    Projection::new(resource, &rql::Query::parse(q.unwrap_or_default())?.select, false)
}

/// `GET …/modules`: the modules enabled for the caller's account.
pub async fn list_modules(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    RawQuery(q): RawQuery,
) -> Result<Json<Value>, Problem> {
    let plan = Plan::new(&MODULES, q.as_deref().unwrap_or_default())?;
    let body = state
        .db
        .run(move |conn| {
            let (total, ids) = plan.fetch_keys(conn, &MODULES, "m.account_id = ?", &[&actor.account_id])?;
            let mut rows = Vec::new();
            for id in ids {
                if let Some(m) = modules::load(conn, &actor.account_id, &id)? {
                    rows.push(plan.projection().apply(m));
                }
            }
            Ok(plan.envelope(total, rows))
        })
        .await?;
    Ok(Json(body))
}

/// `GET …/modules/{id}`
pub async fn get_module(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> Result<Json<Value>, Problem> {
    let projection = one_projection(&MODULES, q.as_deref())?;
    let m = state
        .db
        .run(move |conn| modules::load(conn, &actor.account_id, &id)?.ok_or_else(|| Problem::not_found("Module", &id)))
        .await?;
    Ok(Json(projection.apply(m)))
}

/// `GET …/accounts`: the caller's own account, as a list of one.
pub async fn list_accounts(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    RawQuery(q): RawQuery,
) -> Result<Json<Value>, Problem> {
    let plan = Plan::new(&ACCOUNTS, q.as_deref().unwrap_or_default())?;
    let body = state
        .db
        .run(move |conn| {
            let (total, ids) = plan.fetch_keys(conn, &ACCOUNTS, "c.id = ?", &[&actor.account_id])?;
            let mut rows = Vec::new();
            for id in ids {
                if let Some(a) = accounts::load(conn, &id)? {
                    rows.push(plan.projection().apply(a));
                }
            }
            Ok(plan.envelope(total, rows))
        })
        .await?;
    Ok(Json(body))
}

/// `GET …/accounts/{id}`: the caller's account; any other id is 404.
pub async fn get_account(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> Result<Json<Value>, Problem> {
    let projection = one_projection(&ACCOUNTS, q.as_deref())?;
    if id != actor.account_id {
        return Err(Problem::not_found("Account", &id));
    }
    state
        .db
        .run(move |conn| accounts::load(conn, &id)?.ok_or_else(|| Problem::not_found("Account", &id)))
        .await
        .map(|a| Json(projection.apply(a)))
}
