//! Accounts: the caller's own, or every one for an Operations token.

use super::caller::Caller;
use super::list::{visible, Projection};
use super::resources::ACCOUNTS;
use super::{optional, StoreError};
use rql::SelectField;
use rusqlite::Connection;
use serde_json::{json, Value};

/// The account as an `Account` object, or `None` if it does not exist.
pub fn load(conn: &Connection, id: &str, _render: bool) -> Result<Option<Value>, StoreError> {
    Ok(optional(conn.query_row(
        "SELECT id, name, status, type, icon, created_at FROM accounts WHERE id = ?",
        [id],
        |r| {
            Ok(json!({
                "id": r.get::<_, String>(0)?,
                "name": r.get::<_, String>(1)?,
                "status": r.get::<_, String>(2)?,
                "type": r.get::<_, String>(3)?,
                "icon": r.get::<_, Option<String>>(4)?,
                "audit": { "created": { "at": r.get::<_, String>(5)? } },
            }))
        },
    ))?)
}

/// The account's reference inside other objects (`id`, `name`, `status`, `type`, `icon`).
pub fn reference(conn: &Connection, id: &str) -> Result<Value, StoreError> {
    let mut v = load(conn, id, false)?.ok_or_else(|| StoreError::Database(format!("account {id} is missing")))?;
    if let Some(map) = v.as_object_mut() {
        map.remove("audit");
    }
    Ok(v)
}

/// `GET …/accounts/{id}`: an account the caller may see.
pub fn get(conn: &Connection, caller: &Caller, id: &str, select: &[SelectField]) -> Result<Value, StoreError> {
    if !visible(conn, &ACCOUNTS, &caller.scope, id)? {
        return Err(StoreError::not_found("Account", id));
    }
    let account = load(conn, id, false)?.ok_or_else(|| StoreError::not_found("Account", id))?;
    Ok(Projection::new(&ACCOUNTS, select, false).apply(account))
}
