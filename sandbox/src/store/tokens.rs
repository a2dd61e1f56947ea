//! API tokens: reading them. Changes are in `tokens/changes.rs`.

mod changes;
mod event;

pub use changes::{create, insert, transition, update, Placement, Transition};
pub use event::record_event;

use super::caller::Caller;
use super::list::Projection;
use super::resources::TOKENS;
use super::{icons, optional, StoreError};
use rql::SelectField;
use rusqlite::Connection;
use serde_json::{json, Value};

/// Token states as the platform names them.
pub const ACTIVE: &str = "Active";
/// A token that is switched off and refused by the API.
pub const DISABLED: &str = "Disabled";
/// A removed token: invisible and refused.
pub const DELETED: &str = "Deleted";

/// The token as a full `ApiToken` object, or `None` if it does not exist or is deleted.
pub fn load(conn: &Connection, id: &str, _render: bool) -> Result<Option<Value>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, account_id, name, description, token, status, last_access_at,
                created_at, created_by_id, created_by_name, updated_at, updated_by_id, updated_by_name
         FROM tokens WHERE id = ? AND status <> 'Deleted'",
    )?;
    let row = optional(stmt.query_row([id], |r| {
        let updated_at: Option<String> = r.get(10)?;
        let mut audit = json!({
            "created": { "at": r.get::<_, String>(7)?, "by": { "id": r.get::<_, String>(8)?, "name": r.get::<_, String>(9)? } },
        });
        if let Some(at) = updated_at {
            audit["updated"] = json!({
                "at": at,
                "by": { "id": r.get::<_, Option<String>>(11)?, "name": r.get::<_, Option<String>>(12)? },
            });
        }
        Ok((
            r.get::<_, String>(1)?,
            json!({
                "id": r.get::<_, String>(0)?,
                "name": r.get::<_, String>(2)?,
                "description": r.get::<_, Option<String>>(3)?,
                "token": r.get::<_, String>(4)?,
                "status": r.get::<_, String>(5)?,
                "lastAccessAt": r.get::<_, Option<String>>(6)?,
                "audit": audit,
            }),
        ))
    }))?;
    let Some((account_id, mut token)) = row else {
        return Ok(None);
    };
    token["icon"] = match icons::exists(conn, id)? {
        true => Value::String(icons::path(id)),
        false => Value::Null,
    };
    token["account"] = super::accounts::reference(conn, &account_id)?;
    token["modules"] = Value::Array(super::modules::of_token(conn, id)?);
    Ok(Some(token))
}

/// `(name, status, account id)` of a token the caller may see; deleted ones and
/// those of other accounts are not found, so their existence is not confirmed.
pub fn find(conn: &Connection, caller: &Caller, id: &str) -> Result<(String, String, String), StoreError> {
    optional(conn.query_row(
        "SELECT name, status, account_id FROM tokens WHERE id = ? AND status <> 'Deleted'",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    ))?
    .filter(|(_, _, account): &(String, String, String)| caller.scope.sees(account))
    .ok_or_else(|| StoreError::not_found(TOKENS.name, id))
}

/// `GET …/api-tokens/{id}`: the token, secret included unless not selected.
pub fn get(conn: &Connection, caller: &Caller, id: &str, select: &[SelectField]) -> Result<Value, StoreError> {
    find(conn, caller, id)?;
    let token = load(conn, id, false)?.ok_or_else(|| StoreError::not_found(TOKENS.name, id))?;
    Ok(Projection::new(&TOKENS, select, false).apply(token))
}
