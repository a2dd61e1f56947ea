//! `/public/v1/accounts/api-tokens/{id}` and its actions.

use super::body::JsonBody;
use super::problem::Problem;
use super::{shown, AppState};
use crate::domain::icon::IconChange;
use crate::domain::objects::ApiToken;
use crate::domain::{validate, FieldErrors};
use crate::store::resources::TOKENS;
use crate::store::{tokens, Caller};
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::Value;

/// `GET …/api-tokens/{id}[?select=…]`
pub async fn get_one(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> Result<Json<Value>, Problem> {
    let select = rql::Query::parse(q.as_deref().unwrap_or_default())?.select;
    let token = state.db.run(move |conn| tokens::get(conn, &caller, &id)).await?;
    Ok(Json(shown::one(&token, &TOKENS, &select)?))
}

/// `POST …/api-tokens`: 201 with the new token, its secret included.
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    JsonBody(body): JsonBody,
) -> Result<Response, Problem> {
    let new = validate::new_token(&body)?;
    if new.icon.is_some() {
        refuse_data_url_icon(&state)?;
    }
    let token = state.db.run(move |conn| tokens::create(conn, &caller, &new)).await?;
    Ok((StatusCode::CREATED, Json(token)).into_response())
}

/// `PUT …/api-tokens/{id}`: name, description, logo and modules. An unknown
/// id is a 404 whatever the body says.
pub async fn update(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    JsonBody(value): JsonBody,
) -> Result<Json<ApiToken>, Problem> {
    let (who, which) = (caller.clone(), id.clone());
    state
        .db
        .run(move |conn| tokens::find(conn, &who, &which).map(drop))
        .await?;
    let changes = validate::token_changes(&value)?;
    if matches!(changes.icon, IconChange::Set(_)) {
        refuse_data_url_icon(&state)?;
    }
    let token = state
        .db
        .run(move |conn| tokens::update(conn, &caller, &id, &changes))
        .await?;
    Ok(Json(token))
}

/// With `--no-data-url-icons`, a logo sent as a data URL is a field error, as
/// on a platform that takes only icon paths (its documentation calls `icon`
/// "the relative path to the API token icon").
fn refuse_data_url_icon(state: &AppState) -> Result<(), Problem> {
    if !state.refuse_data_url_icons {
        return Ok(());
    }
    let mut errors = FieldErrors::new();
    errors.insert(
        "icon".into(),
        vec!["This API does not accept logos sent as data URLs.".into()],
    );
    Err(Problem::validation(errors))
}

async fn step(
    state: AppState,
    caller: Caller,
    id: String,
    step: tokens::Transition,
) -> Result<Option<ApiToken>, Problem> {
    Ok(state
        .db
        .run(move |conn| tokens::transition(conn, &caller, &id, step))
        .await?)
}

/// `POST …/{id}/enable`: Disabled → Active; the token.
pub async fn enable(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Option<ApiToken>>, Problem> {
    Ok(Json(step(state, caller, id, tokens::Transition::Enable).await?))
}

/// `POST …/{id}/disable`: Active → Disabled; the token.
pub async fn disable(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Option<ApiToken>>, Problem> {
    Ok(Json(step(state, caller, id, tokens::Transition::Disable).await?))
}

/// `DELETE …/{id}`: Active or Disabled → Deleted (204).
pub async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<StatusCode, Problem> {
    step(state, caller, id, tokens::Transition::Delete).await?;
    Ok(StatusCode::NO_CONTENT)
}
