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
use serde_json::Value;

/// The collections a list request can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    /// `/accounts/api-tokens`
    Tokens,
    /// `/accounts/modules`
    Modules,
    /// `/accounts/accounts`
    Accounts,
    /// `/audit/records`
    AuditRecords,
}

/// One page of a collection for `query`, within the caller's scope.
pub fn list(conn: &Connection, caller: &Caller, what: Listing, query: &rql::Query) -> Result<Value, StoreError> {
    let (resource, load): (&schema::Resource, list::Loader) = match what {
        Listing::Tokens => (&resources::TOKENS, tokens::load),
        Listing::Modules => (&resources::MODULES, modules::load),
        Listing::Accounts => (&resources::ACCOUNTS, accounts::load),
        Listing::AuditRecords => (&resources::AUDIT_RECORDS, audit::load),
    };
    list::run(conn, &caller.scope, resource, load, query)
}

/// Shorthand for a query that may find no row.
pub(crate) fn optional<T>(r: rusqlite::Result<T>) -> rusqlite::Result<Option<T>> {
    r.optional()
}
