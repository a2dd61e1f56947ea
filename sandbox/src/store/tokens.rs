//! API tokens: reading, creating, changing, and moving through their states.

use super::audit::{self, Event};
use crate::auth::Actor;
use crate::icon::{Icon, IconChange};
use crate::problem::Problem;
use crate::validate::{NewToken, TokenChanges};
use crate::{clock, ids};
use rusqlite::{params, Connection, Transaction};
use serde_json::{json, Value};

/// Token states as the platform names them.
pub const ACTIVE: &str = "Active";
/// A token that is switched off and refused by the API.
pub const DISABLED: &str = "Disabled";
/// A removed token: invisible and refused.
pub const DELETED: &str = "Deleted";

/// The token as a full `ApiToken` object, or `None` if it does not exist or is deleted.
pub fn load(conn: &Connection, id: &str) -> Result<Option<Value>, Problem> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, account_id, name, description, icon, token, status, last_access_at,
                created_at, created_by_id, created_by_name, updated_at, updated_by_id, updated_by_name
         FROM tokens WHERE id = ? AND status <> 'Deleted'",
    )?;
    let row = super::optional(stmt.query_row([id], |r| {
        let updated_at: Option<String> = r.get(11)?;
        let mut audit = json!({
            "created": { "at": r.get::<_, String>(8)?, "by": { "id": r.get::<_, String>(9)?, "name": r.get::<_, String>(10)? } },
        });
        if let Some(at) = updated_at {
            audit["updated"] = json!({
                "at": at,
                "by": { "id": r.get::<_, Option<String>>(12)?, "name": r.get::<_, Option<String>>(13)? },
            });
        }
        Ok((
            r.get::<_, String>(1)?,
            json!({
                "id": r.get::<_, String>(0)?,
                "name": r.get::<_, String>(2)?,
                "description": r.get::<_, Option<String>>(3)?,
                "icon": r.get::<_, Option<String>>(4)?,
                "token": r.get::<_, String>(5)?,
                "status": r.get::<_, String>(6)?,
                "lastAccessAt": r.get::<_, Option<String>>(7)?,
                "audit": audit,
            }),
        ))
    }))?;
    let Some((account_id, mut token)) = row else {
        return Ok(None);
    };
    token["account"] = super::accounts::reference(conn, &account_id)?;
    token["modules"] = Value::Array(super::modules::of_token(conn, &token_id(&token))?);
    Ok(Some(token))
}

fn token_id(token: &Value) -> String {
    token["id"].as_str().unwrap_or_default().to_string()
}

/// The token whose secret is `secret`: `(id, name, status)`.
pub fn find_by_secret(conn: &Connection, secret: &str) -> Result<Option<(String, String, String)>, Problem> {
    let mut stmt = conn.prepare_cached("SELECT id, name, status FROM tokens WHERE token = ?")?;
    Ok(super::optional(
        stmt.query_row([secret], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))),
    )?)
}

/// Records an authenticated use of a token.
pub fn touch(conn: &Connection, id: &str) -> Result<(), Problem> {
    conn.prepare_cached("UPDATE tokens SET last_access_at = ? WHERE id = ?")?
        .execute(params![clock::now(), id])?;
    Ok(())
}

fn store_icon(tx: &Transaction<'_>, icon: &Icon) -> Result<String, Problem> {
    let name = format!("{}.{}", ids::icon_name(), icon.ext);
    tx.execute(
        "INSERT INTO icons (name, content_type, data) VALUES (?, ?, ?)",
        params![name, icon.content_type, icon.data],
    )?;
    Ok(format!("{}{name}", crate::icon::ICON_PATH))
}

fn drop_icon(tx: &Transaction<'_>, path: Option<&str>) -> Result<(), Problem> {
    if let Some(name) = path.and_then(|p| p.strip_prefix(crate::icon::ICON_PATH)) {
        tx.execute("DELETE FROM icons WHERE name = ?", [name])?;
    }
    Ok(())
}

fn set_modules(tx: &Transaction<'_>, token_id: &str, modules: &[String]) -> Result<(), Problem> {
    tx.execute("DELETE FROM token_modules WHERE token_id = ?", [token_id])?;
    let mut stmt = tx.prepare_cached("INSERT INTO token_modules (token_id, module_id, position) VALUES (?, ?, ?)")?;
    for (pos, m) in modules.iter().enumerate() {
        stmt.execute(params![token_id, m, pos as i64])?;
    }
    Ok(())
}

/// A fresh token id not yet taken. Ids have 8 random digits, so among
/// 10,000 tokens a clash is likely (birthday bound) and must be retried.
fn unused_token_id(tx: &Transaction<'_>) -> Result<String, Problem> {
    for _ in 0..20 {
        let id = ids::token_id();
        let taken: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM tokens WHERE id = ?)", [&id], |r| r.get(0))?;
        if !taken {
            return Ok(id);
        }
    }
    Err(Problem::internal("no free token id after 20 attempts"))
}

/// Inserts a token at `created_at` with a given status, without an audit record (seeding).
pub fn insert_raw(
    tx: &Transaction<'_>,
    account_id: &str,
    by: (&str, &str),
    new: &NewToken,
    status: &str,
    created_at: &str,
    last_access_at: Option<&str>,
) -> Result<String, Problem> {
    let id = unused_token_id(tx)?;
    let icon = new.icon.as_ref().map(|i| store_icon(tx, i)).transpose()?;
    tx.execute(
        "INSERT INTO tokens (id, account_id, name, description, icon, token, status, last_access_at,
                             created_at, created_by_id, created_by_name)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        params![
            id,
            account_id,
            new.name,
            new.description,
            icon,
            ids::token_secret(&id),
            status,
            last_access_at,
            created_at,
            by.0,
            by.1
        ],
    )?;
    set_modules(tx, &id, &new.modules)?;
    Ok(id)
}

/// Creates an Active token for the actor's account and records it.
pub fn create(conn: &mut Connection, actor: &Actor, new: &NewToken) -> Result<Value, Problem> {
    let tx = conn.transaction()?;
    let now = clock::now();
    let id = insert_raw(
        &tx,
        &actor.account_id,
        (&actor.id, &actor.name),
        new,
        ACTIVE,
        &now,
        None,
    )?;
    audit::record(
        &tx,
        actor,
        &now,
        &Event {
            event: "platform.accounts.api_token.created",
            summary: format!("API token '{}' was created", new.name),
            details: format!("Modules: {}", new.modules.join(", ")),
            object_id: &id,
            object_name: &new.name,
        },
    )?;
    tx.commit()?;
    load(conn, &id)?.ok_or_else(|| Problem::internal("a created token could not be read back"))
}

fn current(tx: &Transaction<'_>, id: &str) -> Result<(String, String, Option<String>), Problem> {
    super::optional(tx.query_row(
        "SELECT name, status, icon FROM tokens WHERE id = ? AND status <> 'Deleted'",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    ))?
    .ok_or_else(|| Problem::not_found("API token", id))
}

fn stamp(tx: &Transaction<'_>, actor: &Actor, id: &str, now: &str) -> Result<(), Problem> {
    tx.execute(
        "UPDATE tokens SET updated_at = ?, updated_by_id = ?, updated_by_name = ? WHERE id = ?",
        params![now, actor.id, actor.name, id],
    )?;
    Ok(())
}

/// Applies changes to a token and records what changed.
pub fn update(conn: &mut Connection, actor: &Actor, id: &str, changes: &TokenChanges) -> Result<Value, Problem> {
    let tx = conn.transaction()?;
    let (old_name, _, old_icon) = current(&tx, id)?;
    let now = clock::now();
    let mut changed = Vec::new();
    if let Some(name) = &changes.name {
        tx.execute("UPDATE tokens SET name = ? WHERE id = ?", params![name, id])?;
        if *name != old_name {
            changed.push(format!("name '{old_name}' → '{name}'"));
        }
    }
    if let Some(description) = &changes.description {
        tx.execute(
            "UPDATE tokens SET description = ? WHERE id = ?",
            params![description, id],
        )?;
        changed.push("description".to_string());
    }
    match &changes.icon {
        IconChange::Keep => {}
        IconChange::Remove => {
            drop_icon(&tx, old_icon.as_deref())?;
            tx.execute("UPDATE tokens SET icon = NULL WHERE id = ?", [id])?;
            changed.push("logo removed".to_string());
        }
        IconChange::Set(icon) => {
            drop_icon(&tx, old_icon.as_deref())?;
            let path = store_icon(&tx, icon)?;
            tx.execute("UPDATE tokens SET icon = ? WHERE id = ?", params![path, id])?;
            changed.push("logo".to_string());
        }
    }
    if let Some(modules) = &changes.modules {
        set_modules(&tx, id, modules)?;
        changed.push(format!("modules: {}", modules.join(", ")));
    }
    stamp(&tx, actor, id, &now)?;
    let name = changes.name.clone().unwrap_or(old_name);
    audit::record(
        &tx,
        actor,
        &now,
        &Event {
            event: "platform.accounts.api_token.updated",
            summary: format!("API token '{name}' was updated"),
            details: if changed.is_empty() {
                "No changes".into()
            } else {
                format!("Changed {}", changed.join("; "))
            },
            object_id: id,
            object_name: &name,
        },
    )?;
    tx.commit()?;
    load(conn, id)?.ok_or_else(|| Problem::internal("an updated token could not be read back"))
}

/// Moves a token from `from` to `to` (enable, disable, delete) and records it.
pub fn transition(
    conn: &mut Connection,
    actor: &Actor,
    id: &str,
    allowed_from: &[&str],
    to: &str,
    verb: &str,
) -> Result<Option<Value>, Problem> {
    let tx = conn.transaction()?;
    let (name, status, icon) = current(&tx, id)?;
    if !allowed_from.contains(&status.as_str()) {
        return Err(Problem::new(
            axum::http::StatusCode::BAD_REQUEST,
            "Invalid token status",
            format!(
                "API token '{id}' is {status}; only {} tokens can be {verb}.",
                allowed_from.join(" or ")
            ),
        ));
    }
    let now = clock::now();
    tx.execute("UPDATE tokens SET status = ? WHERE id = ?", params![to, id])?;
    stamp(&tx, actor, id, &now)?;
    if to == DELETED {
        drop_icon(&tx, icon.as_deref())?;
        tx.execute("UPDATE tokens SET icon = NULL WHERE id = ?", [id])?;
    }
    audit::record(
        &tx,
        actor,
        &now,
        &Event {
            event: &format!("platform.accounts.api_token.{verb}"),
            summary: format!("API token '{name}' was {verb}"),
            details: format!("Status {status} → {to}"),
            object_id: id,
            object_name: &name,
        },
    )?;
    tx.commit()?;
    load(conn, id)
}
