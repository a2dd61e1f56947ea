//! Reading and writing the sandbox's objects as the API's JSON shapes.

pub mod accounts;
pub mod audit;
pub mod modules;
pub mod tokens;

use rusqlite::OptionalExtension;

/// Shorthand for a query that may find no row.
pub(crate) fn optional<T>(r: rusqlite::Result<T>) -> rusqlite::Result<Option<T>> {
    r.optional()
}
