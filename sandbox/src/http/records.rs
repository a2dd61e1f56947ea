//! `/public/v1/audit/records`: reading one, and writing one.

use super::body::JsonBody;
use super::problem::Problem;
use super::{shown, AppState};
use crate::domain::{access, FieldErrors};
use crate::store::audit::{self, NewRecord};
use crate::store::resources::AUDIT_RECORDS;
use crate::store::Caller;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::Value;

/// `GET /audit/records/{id}[?select=…][&render()]`
pub async fn get_one(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> Result<Json<Value>, Problem> {
    access::check(access::Operation::GetAuditRecord, &caller.account.kind).map_err(Problem::forbidden)?;
    let query = rql::Query::parse(q.as_deref().unwrap_or_default())?;
    let record = state
        .db
        .run(move |conn| audit::get(conn, &caller, &id, query.render))
        .await?;
    Ok(Json(shown::one(&record, &AUDIT_RECORDS, &query.select)?))
}

fn text(body: &Value, key: &str) -> Option<String> {
    body.get(key).and_then(Value::as_str).map(str::to_string)
}

/// Reads an `AuditRecord` body. Only `event` and `object.id` are required;
/// read-only members (`id`, `actor`, `timestamp`, …) and unknown ones are ignored.
fn new_record(body: &Value) -> Result<NewRecord, Problem> {
    if !body.is_object() {
        return Err(Problem::bad_request("The request body must be a JSON object."));
    }
    let mut errors = FieldErrors::new();
    let event = text(body, "event").filter(|e| !e.trim().is_empty());
    if event.is_none() {
        errors.insert("event".into(), vec!["The event is required.".into()]);
    }
    let object = body.get("object").cloned().unwrap_or(Value::Null);
    let object_id = text(&object, "id").filter(|i| !i.trim().is_empty());
    if object_id.is_none() {
        errors.insert("object.id".into(), vec!["The object id is required.".into()]);
    }
    let (Some(event), Some(object_id)) = (event, object_id) else {
        return Err(Problem::validation(errors));
    };
    let documents = match body.get("documents") {
        Some(Value::Object(d)) => Value::Object(d.clone()),
        _ => Value::Object(Default::default()),
    };
    Ok(NewRecord {
        event,
        summary: text(body, "summary").unwrap_or_default(),
        details: text(body, "details").unwrap_or_default(),
        documents,
        object_type: text(&object, "objectType").unwrap_or_else(|| audit::object_type_of(&object_id).into()),
        object_name: text(&object, "name"),
        object_id,
        viewers: Vec::new(),
    })
}

/// `POST /audit/records`: 201 with the record.
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    JsonBody(body): JsonBody,
) -> Result<Response, Problem> {
    let new = new_record(&body)?;
    let record = state.db.run(move |conn| audit::create(conn, &caller, new)).await?;
    Ok((StatusCode::CREATED, Json(record)).into_response())
}
