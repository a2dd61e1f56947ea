//! Audit records: one for every change to a token, plus those clients post.
//! `details` is a template over the record's `documents`; `render()` fills
//! it in. A record is visible to the accounts among its viewers.

use super::caller::{AccountRef, Caller};
use super::list::visible;
use super::list::Listed;
use super::resources::{AUDIT_RECORDS, TOKENS};
use super::schema::Resource;
use super::{optional, StoreError};
use crate::domain::objects::{
    ActingAccount, ApiRequest, AuditRecord, RecordActor, RecordObject, RecordRequest, Viewer,
};
use crate::domain::{clock, ids, template};
use rusqlite::{params, Connection};
use serde_json::{json, Value};

/// What a new record says.
#[derive(Debug, Clone)]
pub struct NewRecord {
    /// `platform.accounts.api_token.created`, …
    pub event: String,
    /// One line.
    pub summary: String,
    /// The details template.
    pub details: String,
    /// What the template's placeholders refer to.
    pub documents: Value,
    pub object_id: String,
    pub object_name: Option<String>,
    /// `ApiToken`, `Account`, …
    pub object_type: String,
    /// Accounts that may read the record (the caller's is always added).
    pub viewers: Vec<String>,
}

/// The object type the platform gives ids of this prefix.
pub fn object_type_of(id: &str) -> &'static str {
    match id.split('-').next().unwrap_or_default() {
        "TKN" => "ApiToken",
        "ACC" => "Account",
        "USR" => "User",
        "MOD" => "Module",
        "PRD" => "Product",
        "ORD" => "Order",
        "AGR" => "Agreement",
        "BUY" => "Buyer",
        _ => "Object",
    }
}

/// The `actor` document of a caller: who, and for which account.
pub fn actor_document(caller: &Caller) -> Value {
    json!({
        "id": caller.actor.id,
        "name": caller.actor.name,
        "account": { "id": caller.account.id, "name": caller.account.name, "accountType": caller.account.kind },
    })
}

/// Adds a record made by `caller` at `at`; returns its id.
pub fn record(conn: &Connection, caller: &Caller, at: &str, r: &NewRecord) -> Result<String, StoreError> {
    let id = ids::audit_id();
    let AccountRef {
        id: acc_id,
        name: acc_name,
        kind: acc_type,
    } = &caller.account;
    conn.execute(
        "INSERT INTO audit_records (id, event, summary, details, documents, object_id, object_name, object_type, timestamp,
            actor_id, actor_name, actor_account_id, actor_account_name, actor_account_type, type, user_agent, ip)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Private', ?, ?)",
        params![
            id,
            r.event,
            r.summary,
            r.details,
            r.documents.to_string(),
            r.object_id,
            r.object_name,
            r.object_type,
            at,
            caller.actor.id,
            caller.actor.name,
            acc_id,
            acc_name,
            acc_type,
            caller.user_agent,
            caller.ip,
        ],
    )?;
    let mut stmt = conn.prepare_cached("INSERT OR IGNORE INTO audit_viewers (record_id, account_id) VALUES (?, ?)")?;
    for viewer in r.viewers.iter().chain(std::iter::once(acc_id)) {
        stmt.execute(params![id, viewer])?;
    }
    Ok(id)
}

fn viewers(conn: &Connection, id: &str) -> Result<Vec<Viewer>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.name, c.type, c.icon FROM audit_viewers v JOIN accounts c ON c.id = v.account_id
         WHERE v.record_id = ? ORDER BY c.id",
    )?;
    let rows = stmt
        .query_map([id], |r| {
            Ok(Viewer {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: r.get(2)?,
                icon: r.get(3)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

impl Listed for AuditRecord {
    const RESOURCE: &'static Resource = &AUDIT_RECORDS;
    fn load(conn: &Connection, key: &str, render: bool) -> Result<Option<Self>, StoreError> {
        load(conn, key, render)
    }
}

/// One record, or `None`; `render` fills in `details`.
pub fn load(conn: &Connection, id: &str, render: bool) -> Result<Option<AuditRecord>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, event, summary, details, documents, object_id, object_name, object_type, timestamp, actor_id,
                actor_name, actor_account_id, actor_account_name, actor_account_type, type, user_agent, ip
         FROM audit_records WHERE id = ?",
    )?;
    let row = optional(stmt.query_row([id], |r| {
        let documents: Value = r
            .get::<_, Option<String>>(4)?
            .and_then(|d| serde_json::from_str(&d).ok())
            .unwrap_or(Value::Null);
        let details: String = r.get(3)?;
        Ok(AuditRecord {
            id: r.get(0)?,
            event: r.get(1)?,
            summary: r.get(2)?,
            details: if render {
                template::render(&details, &documents)
            } else {
                details
            },
            documents,
            object: RecordObject {
                id: r.get(5)?,
                name: r.get(6)?,
                object_type: r.get(7)?,
            },
            timestamp: r.get(8)?,
            actor: RecordActor {
                id: r.get(9)?,
                name: r.get(10)?,
                account: ActingAccount {
                    id: r.get(11)?,
                    name: r.get(12)?,
                    account_type: r.get(13)?,
                },
            },
            kind: r.get(14)?,
            request: RecordRequest {
                api: ApiRequest {
                    user_agent: r.get::<_, Option<String>>(15)?.unwrap_or_default(),
                    ip: r.get::<_, Option<String>>(16)?.unwrap_or_default(),
                },
            },
            viewers: Vec::new(),
        })
    }))?;
    let Some(record) = row else { return Ok(None) };
    Ok(Some(AuditRecord {
        viewers: viewers(conn, id)?,
        ..record
    }))
}

/// `GET /audit/records/{id}`: a record the caller may view.
pub fn get(conn: &Connection, caller: &Caller, id: &str, render: bool) -> Result<AuditRecord, StoreError> {
    if !visible(conn, &AUDIT_RECORDS, &caller.scope, id)? {
        return Err(StoreError::not_found("Audit record", id));
    }
    load(conn, id, render)?.ok_or_else(|| StoreError::not_found("Audit record", id))
}

/// The account a token or account object belongs to, if the caller may see
/// it; objects of other kinds belong to no account.
fn object_account(conn: &Connection, caller: &Caller, object_id: &str) -> Result<Option<String>, StoreError> {
    match object_type_of(object_id) {
        "ApiToken" => {
            if !visible(conn, &TOKENS, &caller.scope, object_id)? {
                return Err(StoreError::not_found("API token", object_id));
            }
            Ok(optional(conn.query_row(
                "SELECT account_id FROM tokens WHERE id = ?",
                [object_id],
                |r| r.get(0),
            ))?)
        }
        "Account" if !caller.scope.sees(object_id) => Err(StoreError::not_found("Account", object_id)),
        "Account" => Ok(Some(object_id.to_string())),
        _ => Ok(None),
    }
}

/// `POST /audit/records`: a record a client writes about an object it may see.
pub fn create(conn: &Connection, caller: &Caller, mut new: NewRecord) -> Result<AuditRecord, StoreError> {
    if let Some(account) = object_account(conn, caller, &new.object_id)? {
        new.viewers.push(account);
    }
    if let Value::Object(docs) = &mut new.documents {
        docs.entry("actor").or_insert_with(|| actor_document(caller));
    }
    let id = record(conn, caller, &clock::now(), &new)?;
    load(conn, &id, false)?.ok_or_else(|| StoreError::Database("a new audit record could not be read back".into()))
}
