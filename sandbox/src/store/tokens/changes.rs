//! Creating and changing tokens, each change recorded in the audit trail.

use super::event::record_event;
use super::{find, load, ACTIVE, DELETED, DISABLED};
use crate::domain::icon::IconChange;
use crate::domain::objects::ApiToken;
use crate::domain::validate::{NewToken, TokenChanges};
use crate::domain::{clock, ids};
use crate::store::caller::Caller;
use crate::store::{icons, modules, StoreError};
use rusqlite::{params, Connection, Transaction};

/// A lifecycle step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transition {
    /// Disabled → Active.
    Enable,
    /// Active → Disabled.
    Disable,
    /// Active or Disabled → Deleted.
    Delete,
}

impl Transition {
    fn rule(self) -> (&'static [&'static str], &'static str, &'static str) {
        match self {
            Transition::Enable => (&[DISABLED], ACTIVE, "enabled"),
            Transition::Disable => (&[ACTIVE], DISABLED, "disabled"),
            Transition::Delete => (&[ACTIVE, DISABLED], DELETED, "deleted"),
        }
    }
}

fn set_modules(conn: &Connection, token_id: &str, modules: &[String]) -> Result<(), StoreError> {
    conn.execute("DELETE FROM token_modules WHERE token_id = ?", [token_id])?;
    let mut stmt = conn.prepare_cached("INSERT INTO token_modules (token_id, module_id, position) VALUES (?, ?, ?)")?;
    for (pos, m) in modules.iter().enumerate() {
        stmt.execute(params![token_id, m, pos as i64])?;
    }
    Ok(())
}

fn check_modules(conn: &Connection, account_id: &str, ids: &[String]) -> Result<(), StoreError> {
    let missing = modules::not_enabled(conn, account_id, ids)?;
    if missing.is_empty() {
        return Ok(());
    }
    let mut errors = crate::domain::FieldErrors::new();
    errors.insert(
        "modules".into(),
        missing
            .iter()
            .map(|m| format!("'{m}' is not a module of this account."))
            .collect(),
    );
    Err(StoreError::Invalid(errors))
}

/// A fresh token id not yet taken. Ids have 8 random digits, so among
/// 10,000 tokens a clash is likely (birthday bound) and must be retried.
fn unused_token_id(conn: &Connection) -> Result<String, StoreError> {
    for _ in 0..20 {
        let id = ids::token_id();
        let taken: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM tokens WHERE id = ?)", [&id], |r| r.get(0))?;
        if !taken {
            return Ok(id);
        }
    }
    Err(StoreError::Conflict("no free token id after 20 attempts".into()))
}

/// Where and how a token is inserted.
#[derive(Debug, Clone, Copy)]
pub struct Placement<'a> {
    /// A fixed id (seeded credentials), or `None` for a fresh one.
    pub id: Option<&'a str>,
    /// The owning account.
    pub account_id: &'a str,
    pub status: &'a str,
    /// When it was made.
    pub created_at: &'a str,
    /// When it was last used.
    pub last_access_at: Option<&'a str>,
}

/// Inserts a token made by `caller`, without an audit record (seeding uses
/// it directly); returns its id.
pub fn insert(conn: &Connection, caller: &Caller, new: &NewToken, at: &Placement<'_>) -> Result<String, StoreError> {
    let id = match at.id {
        Some(id) => id.to_string(),
        None => unused_token_id(conn)?,
    };
    conn.execute(
        "INSERT INTO tokens (id, account_id, name, description, token, status, last_access_at,
                             created_at, created_by_id, created_by_name)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        params![
            id,
            at.account_id,
            new.name,
            new.description,
            ids::token_secret(&id),
            at.status,
            at.last_access_at,
            at.created_at,
            caller.actor.id,
            caller.actor.name,
        ],
    )?;
    if let Some(icon) = &new.icon {
        icons::put(conn, &id, icon)?;
    }
    set_modules(conn, &id, &new.modules)?;
    Ok(id)
}

/// Creates an Active token in the account the body names (the caller's own
/// when it names none), and records it.
pub fn create(conn: &mut Connection, caller: &Caller, new: &NewToken) -> Result<ApiToken, StoreError> {
    let account_id = new.account_id.clone().unwrap_or_else(|| caller.account.id.clone());
    let exists: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM accounts WHERE id = ?)",
        [&account_id],
        |r| r.get(0),
    )?;
    if !exists || !caller.scope.sees(&account_id) {
        return Err(StoreError::invalid(
            "account.id",
            format!("Account '{account_id}' was not found."),
        ));
    }
    check_modules(conn, &account_id, &new.modules)?;
    let tx = conn.transaction()?;
    let now = clock::now();
    let place = Placement {
        id: None,
        account_id: &account_id,
        status: ACTIVE,
        created_at: &now,
        last_access_at: None,
    };
    let id = insert(&tx, caller, new, &place)?;
    record_event(&tx, caller, &now, &id, "created", None)?;
    tx.commit()?;
    load(conn, &id, false)?.ok_or_else(|| StoreError::Database("a created token could not be read back".into()))
}

fn stamp(tx: &Transaction<'_>, caller: &Caller, id: &str, now: &str) -> Result<(), StoreError> {
    tx.execute(
        "UPDATE tokens SET updated_at = ?, updated_by_id = ?, updated_by_name = ? WHERE id = ?",
        params![now, caller.actor.id, caller.actor.name, id],
    )?;
    Ok(())
}

fn apply_icon(
    tx: &Transaction<'_>,
    id: &str,
    change: &IconChange,
    changed: &mut Vec<String>,
) -> Result<(), StoreError> {
    match change {
        IconChange::Keep => {}
        IconChange::Path(p) if icons::is_path_of(p, id) && icons::exists(tx, id)? => {}
        IconChange::Path(_) => {
            return Err(StoreError::invalid(
                "icon",
                "The logo must be a data URL (data:image/png;base64,… or data:image/jpeg;base64,…), the token's current logo path, an empty string or null.",
            ))
        }
        IconChange::Remove => {
            if icons::exists(tx, id)? {
                icons::remove(tx, id)?;
                changed.push("logo removed".into());
            }
        }
        IconChange::Set(icon) => {
            icons::put(tx, id, icon)?;
            changed.push("logo".into());
        }
    }
    Ok(())
}

/// Applies changes to a token and records what changed.
pub fn update(
    conn: &mut Connection,
    caller: &Caller,
    id: &str,
    changes: &TokenChanges,
) -> Result<ApiToken, StoreError> {
    // Read and write in one transaction: what is checked is what is changed.
    let tx = conn.transaction()?;
    let (old_name, _, account_id) = find(&tx, caller, id)?;
    if changes.account_id.as_ref().is_some_and(|a| *a != account_id) {
        return Err(StoreError::invalid(
            "account.id",
            "A token cannot be moved to another account.",
        ));
    }
    if let Some(m) = &changes.modules {
        check_modules(&tx, &account_id, m)?;
    }
    let now = clock::now();
    let mut changed = Vec::new();
    if let Some(name) = changes.name.as_ref().filter(|n| **n != old_name) {
        tx.execute("UPDATE tokens SET name = ? WHERE id = ?", params![name, id])?;
        changed.push(format!("name '{old_name}' → '{name}'"));
    }
    if let Some(description) = &changes.description {
        tx.execute(
            "UPDATE tokens SET description = ? WHERE id = ?",
            params![description, id],
        )?;
        changed.push("description".to_string());
    }
    apply_icon(&tx, id, &changes.icon, &mut changed)?;
    if let Some(modules) = &changes.modules {
        set_modules(&tx, id, modules)?;
        changed.push(format!("modules {}", modules::names(&tx, modules)?.join(", ")));
    }
    stamp(&tx, caller, id, &now)?;
    let summary = if changed.is_empty() {
        "no changes".to_string()
    } else {
        changed.join("; ")
    };
    record_event(&tx, caller, &now, id, "updated", Some(summary))?;
    tx.commit()?;
    load(conn, id, false)?.ok_or_else(|| StoreError::Database("an updated token could not be read back".into()))
}

/// Moves a token through its lifecycle and records it; the token after the
/// step (`None` once deleted).
pub fn transition(
    conn: &mut Connection,
    caller: &Caller,
    id: &str,
    step: Transition,
) -> Result<Option<ApiToken>, StoreError> {
    let (from, to, verb) = step.rule();
    let tx = conn.transaction()?;
    let (_, status, _) = find(&tx, caller, id)?;
    if !from.contains(&status.as_str()) {
        return Err(StoreError::IllegalTransition {
            id: id.to_string(),
            status,
            verb,
            allowed: from.join(" or "),
        });
    }
    let now = clock::now();
    tx.execute("UPDATE tokens SET status = ? WHERE id = ?", params![to, id])?;
    stamp(&tx, caller, id, &now)?;
    if to == DELETED {
        icons::remove(&tx, id)?;
    }
    record_event(&tx, caller, &now, id, verb, None)?;
    tx.commit()?;
    load(conn, id, false)
}
