//! API tokens: reading them. Changes are in `tokens/changes.rs`.

mod changes;
mod event;

pub use changes::{create, insert, transition, update, Placement, Transition};
pub use event::record_event;

use super::accounts;
use super::caller::Caller;
use super::list::Listed;
use super::resources::TOKENS;
use super::schema::Resource;
use super::{icons, optional, StoreError};
use crate::domain::objects::{ActorRef, ApiToken, Stamp, TokenAudit};
use rusqlite::Connection;

/// Token states as the platform names them.
pub const ACTIVE: &str = "Active";
/// A token that is switched off and refused by the API.
pub const DISABLED: &str = "Disabled";
/// A removed token: invisible and refused.
pub const DELETED: &str = "Deleted";

impl Listed for ApiToken {
    const RESOURCE: &'static Resource = &TOKENS;
    fn load(conn: &Connection, key: &str, render: bool) -> Result<Option<Self>, StoreError> {
        load(conn, key, render)
    }
}

/// The token, or `None` if it does not exist or is deleted.
pub fn load(conn: &Connection, id: &str, _render: bool) -> Result<Option<ApiToken>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.id, t.name, t.description, t.token, t.status, t.last_access_at,
                t.created_at, t.created_by_id, t.created_by_name, t.updated_at, t.updated_by_id, t.updated_by_name,
                c.id, c.name, c.status, c.type, c.icon
         FROM tokens t JOIN accounts c ON c.id = t.account_id
         WHERE t.id = ? AND t.status <> 'Deleted'",
    )?;
    let token = optional(stmt.query_row([id], |r| {
        let by = |id: usize, name: usize| -> rusqlite::Result<ActorRef> {
            Ok(ActorRef {
                id: r.get(id)?,
                name: r.get(name)?,
            })
        };
        let updated = match r.get::<_, Option<String>>(9)? {
            Some(at) => Some(Stamp { at, by: by(10, 11)? }),
            None => None,
        };
        Ok(ApiToken {
            id: r.get(0)?,
            name: r.get(1)?,
            description: r.get(2)?,
            token: r.get(3)?,
            status: r.get(4)?,
            last_access_at: r.get(5)?,
            icon: None,
            account: accounts::reference(r, 12)?,
            modules: Vec::new(),
            audit: TokenAudit {
                created: Stamp {
                    at: r.get(6)?,
                    by: by(7, 8)?,
                },
                updated,
            },
        })
    }))?;
    let Some(token) = token else { return Ok(None) };
    Ok(Some(ApiToken {
        icon: icons::exists(conn, id)?.then(|| icons::path(id)),
        modules: super::modules::of_token(conn, id)?,
        ..token
    }))
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

/// `GET …/api-tokens/{id}`: a token the caller may see.
pub fn get(conn: &Connection, caller: &Caller, id: &str) -> Result<ApiToken, StoreError> {
    find(conn, caller, id)?;
    load(conn, id, false)?.ok_or_else(|| StoreError::not_found(TOKENS.name, id))
}
