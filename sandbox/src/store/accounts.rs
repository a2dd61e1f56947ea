//! Accounts: the caller's own, or every one for an Operations token.

use super::caller::Caller;
use super::list::visible;
use super::list::Listed;
use super::resources::ACCOUNTS;
use super::schema::Resource;
use super::{optional, StoreError};
use crate::domain::objects::{Account, AccountRef, CreatedAt, CreatedAudit};
use rusqlite::Connection;

impl Listed for Account {
    const RESOURCE: &'static Resource = &ACCOUNTS;
    fn load(conn: &Connection, key: &str, render: bool) -> Result<Option<Self>, StoreError> {
        load(conn, key, render)
    }
}

/// The account reference held in five columns from `first`: id, name,
/// status, type, icon: the order every query that reads one selects them in.
pub fn reference(r: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<AccountRef> {
    Ok(AccountRef {
        id: r.get(first)?,
        name: r.get(first + 1)?,
        status: r.get(first + 2)?,
        kind: r.get(first + 3)?,
        icon: r.get(first + 4)?,
    })
}

/// The account, or `None` if it does not exist.
pub fn load(conn: &Connection, id: &str, _render: bool) -> Result<Option<Account>, StoreError> {
    Ok(optional(conn.query_row(
        "SELECT id, name, status, type, icon, created_at FROM accounts WHERE id = ?",
        [id],
        |r| {
            Ok(Account {
                reference: reference(r, 0)?,
                audit: CreatedAudit {
                    created: CreatedAt { at: r.get(5)? },
                },
            })
        },
    ))?)
}

/// `GET …/accounts/{id}`: an account the caller may see.
pub fn get(conn: &Connection, caller: &Caller, id: &str) -> Result<Account, StoreError> {
    if !visible(conn, &ACCOUNTS, &caller.scope, id)? {
        return Err(StoreError::not_found("Account", id));
    }
    load(conn, id, false)?.ok_or_else(|| StoreError::not_found("Account", id))
}
