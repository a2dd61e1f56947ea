//! Audit records: one per mutation, readable through the audit records list.

use crate::auth::Actor;
use crate::problem::Problem;
use rusqlite::Connection;
use serde_json::{json, Value};

/// What happened to which object.
pub struct Event<'a> {
    /// Event name, e.g. `platform.accounts.api_token.created`.
    pub event: &'a str,
    /// One line for people.
    pub summary: String,
    /// More detail (may be empty).
    pub details: String,
    /// The object's id.
    pub object_id: &'a str,
    /// The object's name at the time.
    pub object_name: &'a str,
}

/// Writes a record of `event` done by `actor` at `at`.
pub fn record(conn: &Connection, actor: &Actor, at: &str, e: &Event<'_>) -> Result<(), Problem> {
    conn.execute(
        "INSERT INTO audit_records (id, event, summary, details, object_id, object_name, object_type, timestamp,
            actor_id, actor_name, actor_account_id, actor_account_name, actor_account_type, type, user_agent, ip)
         VALUES (?, ?, ?, ?, ?, ?, 'ApiToken', ?, ?, ?, ?, ?, ?, 'Private', ?, ?)",
        rusqlite::params![
            crate::ids::audit_id(),
            e.event,
            e.summary,
            e.details,
            e.object_id,
            e.object_name,
            at,
            actor.id,
            actor.name,
            actor.account_id,
            actor.account_name,
            actor.account_type,
            actor.user_agent,
            actor.ip,
        ],
    )?;
    Ok(())
}

/// One record as an `AuditRecord` object.
pub fn load(conn: &Connection, id: &str) -> Result<Option<Value>, Problem> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, event, summary, details, object_id, object_name, object_type, timestamp, actor_id, actor_name,
                actor_account_id, actor_account_name, actor_account_type, type, user_agent, ip
         FROM audit_records WHERE id = ?",
    )?;
    let row = super::optional(stmt.query_row([id], |r| {
        Ok(json!({
            "id": r.get::<_, String>(0)?,
            "event": r.get::<_, String>(1)?,
            "summary": r.get::<_, String>(2)?,
            "details": r.get::<_, String>(3)?,
            "object": {
                "id": r.get::<_, String>(4)?,
                "name": r.get::<_, Option<String>>(5)?,
                "objectType": r.get::<_, String>(6)?,
            },
            "timestamp": r.get::<_, String>(7)?,
            "actor": {
                "id": r.get::<_, String>(8)?,
                "name": r.get::<_, String>(9)?,
                "account": {
                    "id": r.get::<_, String>(10)?,
                    "name": r.get::<_, String>(11)?,
                    "accountType": r.get::<_, String>(12)?,
                },
            },
            "type": r.get::<_, String>(13)?,
            "request": { "api": {
                "userAgent": r.get::<_, Option<String>>(14)?.unwrap_or_default(),
                "ip": r.get::<_, Option<String>>(15)?.unwrap_or_default(),
            }},
        }))
    }))?;
    Ok(row)
}
