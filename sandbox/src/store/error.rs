//! What can go wrong in the store, in its own terms; the HTTP edge decides
//! how each one is answered.

use crate::domain::FieldErrors;
use std::fmt;

#[derive(Debug, Clone)]
pub enum StoreError {
    /// No such object, or not one the caller may see (the two look the same).
    NotFound {
        /// What was looked for ("API token").
        what: &'static str,
        /// Its id as asked for.
        id: String,
    },
    /// A lifecycle step the object's status does not allow.
    IllegalTransition {
        /// The token's id.
        id: String,
        /// Its current status.
        status: String,
        /// What was asked ("enabled").
        verb: &'static str,
        /// The statuses that allow it ("Disabled").
        allowed: String,
    },
    /// The request conflicts with the current state.
    Conflict(String),
    /// Values that are well-formed but not acceptable here (unknown modules, another account).
    Invalid(FieldErrors),
    /// A list query that cannot be used.
    Query(rql::ParseError),
    Database(String),
}

impl StoreError {
    /// Not found (or not visible).
    pub fn not_found(what: &'static str, id: &str) -> StoreError {
        StoreError::NotFound {
            what,
            id: id.to_string(),
        }
    }

    /// One invalid field.
    pub fn invalid(field: &str, message: impl Into<String>) -> StoreError {
        let mut errors = FieldErrors::new();
        errors.insert(field.to_string(), vec![message.into()]);
        StoreError::Invalid(errors)
    }

    /// A query fault about `path`.
    pub fn query(message: impl Into<String>, path: Option<&str>) -> StoreError {
        StoreError::Query(rql::ParseError::invalid(message, path))
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::NotFound { what, id } => write!(f, "{what} '{id}' was not found."),
            StoreError::IllegalTransition {
                id,
                status,
                verb,
                allowed,
            } => write!(f, "API token '{id}' is {status}; only {allowed} tokens can be {verb}."),
            StoreError::Conflict(m) | StoreError::Database(m) => f.write_str(m),
            StoreError::Invalid(errors) => write!(f, "invalid fields: {errors:?}"),
            StoreError::Query(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Database(e.to_string())
    }
}

impl From<rql::ParseError> for StoreError {
    fn from(e: rql::ParseError) -> Self {
        StoreError::Query(e)
    }
}
