//! The platform's modules, and which of them each account has.

use super::caller::Caller;
use super::list::{visible, Projection};
use super::resources::MODULES;
use super::{optional, StoreError};
use rql::SelectField;
use rusqlite::Connection;
use serde_json::{json, Value};

/// One module as a `Module` object.
pub fn load(conn: &Connection, id: &str, _render: bool) -> Result<Option<Value>, StoreError> {
    Ok(optional(conn.query_row(
        "SELECT id, name, description, code, account_types, created_at FROM modules WHERE id = ?",
        [id],
        |r| {
            let types: String = r.get(4)?;
            Ok(json!({
                "id": r.get::<_, String>(0)?,
                "name": r.get::<_, String>(1)?,
                "description": r.get::<_, String>(2)?,
                "code": r.get::<_, String>(3)?,
                "accountTypes": types.split(',').filter(|t| !t.is_empty()).collect::<Vec<_>>(),
                "audit": { "created": { "at": r.get::<_, String>(5)? } },
            }))
        },
    ))?)
}

/// `GET …/modules/{id}`: a module one of the caller's accounts has.
pub fn get(conn: &Connection, caller: &Caller, id: &str, select: &[SelectField]) -> Result<Value, StoreError> {
    if !visible(conn, &MODULES, &caller.scope, id)? {
        return Err(StoreError::not_found("Module", id));
    }
    let module = load(conn, id, false)?.ok_or_else(|| StoreError::not_found("Module", id))?;
    Ok(Projection::new(&MODULES, select, false).apply(module))
}

/// The modules of a token, in the order they were given, as `{id, name, description}`.
pub fn of_token(conn: &Connection, token_id: &str) -> Result<Vec<Value>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.id, m.name, m.description FROM token_modules tm JOIN modules m ON m.id = tm.module_id
         WHERE tm.token_id = ? ORDER BY tm.position",
    )?;
    let rows = stmt
        .query_map([token_id], |r| {
            Ok(json!({
                "id": r.get::<_, String>(0)?,
                "name": r.get::<_, String>(1)?,
                "description": r.get::<_, String>(2)?,
            }))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Which of `ids` the account does not have.
pub fn not_enabled(conn: &Connection, account_id: &str, ids: &[String]) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT 1 FROM account_modules WHERE account_id = ? AND module_id = ?")?;
    let mut missing = Vec::new();
    for id in ids {
        if !stmt.exists([account_id, id.as_str()])? {
            missing.push(id.clone());
        }
    }
    Ok(missing)
}

/// The names of modules by id, in the order given (unknown ids left out).
pub fn names(conn: &Connection, ids: &[String]) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT name FROM modules WHERE id = ?")?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(name) = optional(stmt.query_row([id], |r| r.get::<_, String>(0)))? {
            out.push(name);
        }
    }
    Ok(out)
}
