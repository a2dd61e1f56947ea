//! Why a query could not be read. The platform has two tiers, and so do we:
//! syntax faults (its parser's exceptions, answered with a plain 400) and
//! validation faults (collected, answered with a 400 whose `errors` map is
//! keyed by the offending path). Messages start with the platform's own
//! wording and then say where the fault is.

use std::fmt;

/// Which tier a fault belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The text cannot be read as RQL at all.
    Syntax,
    /// The text reads, but does not make a valid query.
    Validation,
}

/// A fault in a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// Syntax or validation.
    pub kind: ErrorKind,
    /// What is wrong, and where.
    pub message: String,
    /// The property path or word at fault, when there is one.
    pub path: Option<String>,
}

impl ParseError {
    pub fn syntax(message: impl Into<String>) -> ParseError {
        ParseError {
            kind: ErrorKind::Syntax,
            message: message.into(),
            path: None,
        }
    }

    /// A validation fault about `path` (the platform keys its `errors` by it).
    pub fn invalid(message: impl Into<String>, path: Option<&str>) -> ParseError {
        ParseError {
            kind: ErrorKind::Validation,
            message: message.into(),
            path: path.map(str::to_string),
        }
    }

    /// The key of the `errors` map this fault belongs under.
    pub fn key(&self) -> &str {
        self.path.as_deref().unwrap_or("rql_validation")
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(p) => write!(f, "{} ('{p}')", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ParseError {}

/// Why a value or pattern cannot be written so that the platform reads it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteError(pub String);

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WriteError {}
