//! The caller's account.

use crate::problem::Problem;
use rusqlite::Connection;
use serde_json::{json, Value};

/// The account as an `Account` object, or `None` if it does not exist.
pub fn load(conn: &Connection, id: &str) -> Result<Option<Value>, Problem> {
    let row = super::optional(conn.query_row(
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
    ))?;
    Ok(row)
}

/// The account's reference inside other objects (`id`, `name`, `status`, `type`, `icon`).
pub fn reference(conn: &Connection, id: &str) -> Result<Value, Problem> {
    let mut v = load(conn, id)?.ok_or_else(|| Problem::internal(format!("account {id} is missing")))?;
    if let Some(map) = v.as_object_mut() {
        map.remove("audit");
    }
    Ok(v)
}
