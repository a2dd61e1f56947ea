//! The sandbox's storage: it alone holds SQL. Every operation takes the
//! caller and keeps to the accounts it may see; failures are [`StoreError`]s,
//! which only the HTTP edge turns into problem details.

pub mod accounts;
pub mod audit;
pub mod caller;
pub mod credentials;
mod db;
mod error;
pub mod icons;
pub mod list;
pub mod modules;
pub mod query;
pub mod resources;
pub mod schema;
pub mod seed;
pub mod tokens;

pub use caller::{AccountRef, Actor, ActorKind, Caller, Scope};
pub use db::Db;
pub use error::StoreError;

use rusqlite::{Connection, OptionalExtension};

/// One page of a collection for `query`, within the caller's scope.
pub fn list<T: list::Listed>(
    conn: &Connection,
    caller: &Caller,
    query: &rql::Query,
) -> Result<list::Page<T>, StoreError> {
    list::run(conn, &caller.scope, query)
}

/// Shorthand for a query that may find no row.
pub(crate) fn optional<T>(r: rusqlite::Result<T>) -> rusqlite::Result<Option<T>> {
    r.optional()
}
