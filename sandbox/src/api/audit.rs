//! `/public/v1/audit/records`.

use crate::auth::Actor;
use crate::list::Plan;
use crate::problem::Problem;
use crate::sql::AUDIT_RECORDS;
use crate::store::audit;
use crate::AppState;
use axum::extract::{Path, RawQuery, State};
use axum::{Extension, Json};
use serde_json::Value;

/// `GET /public/v1/audit/records`: the account's records, newest first by default.
pub async fn list(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    RawQuery(q): RawQuery,
) -> Result<Json<Value>, Problem> {
    let plan = Plan::new(&AUDIT_RECORDS, q.as_deref().unwrap_or_default())?;
    let body = state
        .db
        .run(move |conn| {
            let (total, ids) = plan.fetch_keys(conn, &AUDIT_RECORDS, "a.actor_account_id = ?", &[&actor.account_id])?;
            let mut rows = Vec::new();
            for id in ids {
                if let Some(r) = audit::load(conn, &id)? {
                    rows.push(plan.projection().apply(r));
                }
            }
            Ok(plan.envelope(total, rows))
        })
        .await?;
    Ok(Json(body))
}

/// `GET /public/v1/audit/records/{id}`
pub async fn get_one(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    Path(id): Path<String>,
) -> Result<Json<Value>, Problem> {
    state
        .db
        .run(move |conn| {
            audit::load(conn, &id)?
                .filter(|r| r["actor"]["account"]["id"] == actor.account_id.as_str())
                .ok_or_else(|| Problem::not_found("Audit record", &id))
        })
        .await
        .map(Json)
}
