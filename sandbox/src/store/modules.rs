//! The platform's modules, and which of them each account has.

use super::caller::Caller;
use super::list::visible;
use super::list::Listed;
use super::resources::MODULES;
use super::schema::Resource;
use super::{optional, StoreError};
use crate::domain::objects::{CreatedAt, CreatedAudit, Module, ModuleRef};
use rusqlite::Connection;

impl Listed for Module {
    const RESOURCE: &'static Resource = &MODULES;
    fn load(conn: &Connection, key: &str, render: bool) -> Result<Option<Self>, StoreError> {
        load(conn, key, render)
    }
}

/// One module, or `None` if there is no such module.
pub fn load(conn: &Connection, id: &str, _render: bool) -> Result<Option<Module>, StoreError> {
    Ok(optional(conn.query_row(
        "SELECT id, name, description, code, account_types, created_at FROM modules WHERE id = ?",
        [id],
        |r| {
            let types: String = r.get(4)?;
            Ok(Module {
                id: r.get(0)?,
                name: r.get(1)?,
                description: r.get(2)?,
                code: r.get(3)?,
                account_types: types.split(',').filter(|t| !t.is_empty()).map(str::to_string).collect(),
                audit: CreatedAudit {
                    created: CreatedAt { at: r.get(5)? },
                },
            })
        },
    ))?)
}

/// `GET …/modules/{id}`: a module one of the caller's accounts has.
pub fn get(conn: &Connection, caller: &Caller, id: &str) -> Result<Module, StoreError> {
    if !visible(conn, &MODULES, &caller.scope, id)? {
        return Err(StoreError::not_found("Module", id));
    }
    load(conn, id, false)?.ok_or_else(|| StoreError::not_found("Module", id))
}

/// The modules of a token, in the order they were given.
pub fn of_token(conn: &Connection, token_id: &str) -> Result<Vec<ModuleRef>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.id, m.name, m.description FROM token_modules tm JOIN modules m ON m.id = tm.module_id
         WHERE tm.token_id = ? ORDER BY tm.position",
    )?;
    let rows = stmt
        .query_map([token_id], |r| {
            Ok(ModuleRef {
                id: r.get(0)?,
                name: r.get(1)?,
                description: r.get(2)?,
            })
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
