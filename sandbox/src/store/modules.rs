//! The account's modules.

use crate::problem::Problem;
use rusqlite::Connection;
use serde_json::{json, Value};

fn module_json(r: &rusqlite::Row<'_>) -> rusqlite::Result<Value> {
    Ok(json!({
        "id": r.get::<_, String>(0)?,
        "name": r.get::<_, String>(1)?,
        "description": r.get::<_, String>(2)?,
        "code": r.get::<_, String>(3)?,
        "audit": { "created": { "at": r.get::<_, String>(4)? } },
    }))
}

/// One module of the account as a `Module` object.
pub fn load(conn: &Connection, account_id: &str, id: &str) -> Result<Option<Value>, Problem> {
    Ok(super::optional(conn.query_row(
        "SELECT id, name, description, code, created_at FROM modules WHERE account_id = ? AND id = ?",
        [account_id, id],
        module_json,
    ))?)
}

/// The modules of a token, in the order they were given, as `{id, name, description}`.
pub fn of_token(conn: &Connection, token_id: &str) -> Result<Vec<Value>, Problem> {
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

/// Which of `ids` are not modules of the account.
pub fn unknown(conn: &Connection, account_id: &str, ids: &[String]) -> Result<Vec<String>, Problem> {
    let mut stmt = conn.prepare_cached("SELECT 1 FROM modules WHERE account_id = ? AND id = ?")?;
    let mut missing = Vec::new();
    for id in ids {
        if !stmt.exists([account_id, id.as_str()])? {
            missing.push(id.clone());
        }
    }
    Ok(missing)
}
