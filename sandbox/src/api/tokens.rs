//! `/public/v1/accounts/api-tokens`.

use crate::auth::Actor;
use crate::list::{Plan, Projection};
use crate::problem::{FieldErrors, Problem};
use crate::sql::TOKENS;
use crate::store::{modules, tokens};
use crate::{body, validate, AppState};
use axum::body::Body;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde_json::Value;

/// `GET …/api-tokens`: RQL list of the account's tokens (never deleted ones).
pub async fn list(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    RawQuery(q): RawQuery,
) -> Result<Json<Value>, Problem> {
    let plan = Plan::new(&TOKENS, q.as_deref().unwrap_or_default())?;
    let data = state
        .db
        .run(move |conn| {
            let (total, ids) = plan.fetch_keys(
                conn,
                &TOKENS,
                "t.account_id = ? AND t.status <> 'Deleted'",
                &[&actor.account_id],
            )?;
            let mut rows = Vec::with_capacity(ids.len());
            for id in ids {
                if let Some(t) = tokens::load(conn, &id)? {
                    rows.push(plan.projection().apply(t));
                }
            }
            Ok(plan.envelope(total, rows))
        })
        .await?;
    Ok(Json(data))
}

fn single_projection(q: Option<&str>) -> Result<Projection, Problem> {
    let query = rql::Query::parse(q.unwrap_or_default())?;
    Projection::new(&TOKENS, &query.select, false)
}

/// `GET …/api-tokens/{id}`
pub async fn get_one(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> Result<Json<Value>, Problem> {
    let projection = single_projection(q.as_deref())?;
    let token = state
        .db
        .run(move |conn| tokens::load(conn, &id)?.ok_or_else(|| Problem::not_found("API token", &id)))
        .await?;
    Ok(Json(projection.apply(token)))
}

fn check_modules(conn: &rusqlite::Connection, account_id: &str, ids: &[String]) -> Result<(), Problem> {
    let unknown = modules::unknown(conn, account_id, ids)?;
    if unknown.is_empty() {
        return Ok(());
    }
    let mut errors = FieldErrors::new();
    errors.insert(
        "modules".into(),
        unknown
            .iter()
            .map(|m| format!("'{m}' is not a module of this account."))
            .collect(),
    );
    Err(Problem::validation(errors))
}

/// `POST …/api-tokens`: creates an Active token (201 with the token, its secret included).
pub async fn create(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, Problem> {
    let value = body::json(&headers, body).await?;
    let new = validate::new_token(&value)?;
    if let Some(acc) = &new.account_id {
        if *acc != actor.account_id {
            let mut errors = FieldErrors::new();
            errors.insert("account.id".into(), vec![format!("'{acc}' is not your account.")]);
            return Err(Problem::validation(errors));
        }
    }
    let token = state
        .db
        .run(move |conn| {
            check_modules(conn, &actor.account_id, &new.modules)?;
            tokens::create(conn, &actor, &new)
        })
        .await?;
    Ok((StatusCode::CREATED, Json(token)).into_response())
}

/// `PUT …/api-tokens/{id}`: changes name, description, logo and modules.
pub async fn update(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<Value>, Problem> {
    let value = body::json(&headers, body).await?;
    let token = state
        .db
        .run(move |conn| {
            let current = tokens::load(conn, &id)?.ok_or_else(|| Problem::not_found("API token", &id))?;
            let changes = validate::token_changes(&value, current["icon"].as_str())?;
            if let Some(m) = &changes.modules {
                check_modules(conn, &actor.account_id, m)?;
            }
            tokens::update(conn, &actor, &id, &changes)
        })
        .await?;
    Ok(Json(token))
}

async fn transition(
    state: AppState,
    actor: Actor,
    id: String,
    from: &'static [&'static str],
    to: &'static str,
    verb: &'static str,
) -> Result<Option<Value>, Problem> {
    state
        .db
        .run(move |conn| tokens::transition(conn, &actor, &id, from, to, verb))
        .await
}

/// `POST …/{id}/enable`: Disabled → Active.
pub async fn enable(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    Path(id): Path<String>,
) -> Result<Json<Value>, Problem> {
    let t = transition(state, actor, id.clone(), &[tokens::DISABLED], tokens::ACTIVE, "enabled").await?;
    t.map(Json).ok_or_else(|| Problem::not_found("API token", &id))
}

/// `POST …/{id}/disable`: Active → Disabled.
pub async fn disable(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    Path(id): Path<String>,
) -> Result<Json<Value>, Problem> {
    let t = transition(
        state,
        actor,
        id.clone(),
        &[tokens::ACTIVE],
        tokens::DISABLED,
        "disabled",
    )
    .await?;
    t.map(Json).ok_or_else(|| Problem::not_found("API token", &id))
}

/// `DELETE …/{id}`: Active or Disabled → Deleted (204).
pub async fn delete(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    Path(id): Path<String>,
) -> Result<StatusCode, Problem> {
    transition(
        state,
        actor,
        id,
        &[tokens::ACTIVE, tokens::DISABLED],
        tokens::DELETED,
        "deleted",
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}
