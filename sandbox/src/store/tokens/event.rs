//! A token's event in the audit trail, with the actor as the trail names it.

use crate::store::audit::{self, NewRecord};
use crate::store::caller::{AccountRef, ActorKind, Caller};
use crate::store::{modules, StoreError};
use rusqlite::Connection;
use serde_json::json;

/// The caller as the audit trail names it for a change in `account_id`: a
/// user acts for the account they are working in (the token's, when they
/// belong to it); a token acts for its own account.
fn acting_for(conn: &Connection, caller: &Caller, account_id: &str) -> Result<Caller, StoreError> {
    if caller.actor.kind != ActorKind::User || caller.account.id == account_id || !caller.scope.sees(account_id) {
        return Ok(caller.clone());
    }
    let account = conn.query_row("SELECT id, name, type FROM accounts WHERE id = ?", [account_id], |r| {
        Ok(AccountRef {
            id: r.get(0)?,
            name: r.get(1)?,
            kind: r.get(2)?,
        })
    })?;
    Ok(Caller {
        account,
        ..caller.clone()
    })
}

/// Records `verb` ("created", "updated", …) of token `id` in the audit trail;
/// `changes` says what an update changed.
pub fn record_event(
    conn: &Connection,
    caller: &Caller,
    at: &str,
    id: &str,
    verb: &str,
    changes: Option<String>,
) -> Result<(), StoreError> {
    let (name, status, account_id): (String, String, String) =
        conn.query_row("SELECT name, status, account_id FROM tokens WHERE id = ?", [id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
    let module_ids: Vec<String> = conn
        .prepare_cached("SELECT module_id FROM token_modules WHERE token_id = ? ORDER BY position")?
        .query_map([id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let caller = &acting_for(conn, caller, &account_id)?;
    let details = match verb {
        "created" => "{{actor.name}} created the API token {{apiToken.name}} ({{apiToken.id}}) with the modules {{apiToken.modules}}.",
        "updated" => "{{actor.name}} updated the API token {{apiToken.name}} ({{apiToken.id}}): {{changes}}.",
        _ => "{{actor.name}} {{verb}} the API token {{apiToken.name}} ({{apiToken.id}}).",
    };
    audit::record(
        conn,
        caller,
        at,
        &NewRecord {
            event: format!("platform.accounts.api_token.{verb}"),
            summary: format!("API token {verb}"),
            details: details.into(),
            documents: json!({
                "apiToken": { "id": id, "name": name, "status": status, "modules": modules::names(conn, &module_ids)? },
                "actor": audit::actor_document(caller),
                "verb": verb,
                "changes": changes,
            }),
            object_id: id.into(),
            object_name: Some(name),
            object_type: "ApiToken".into(),
            viewers: vec![account_id],
        },
    )?;
    Ok(())
}
