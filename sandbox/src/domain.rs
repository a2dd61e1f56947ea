//! The platform's rules that need neither SQL nor HTTP: identifiers,
//! instants, logos, request-body checks, user access tokens and audit
//! templates. Tested natively.

pub mod access;
pub mod clock;
pub mod icon;
pub mod ids;
pub mod jwt;
pub mod objects;
pub mod template;
pub mod validate;

use std::collections::BTreeMap;

/// Field name → messages, as a problem's `errors` member carries them.
pub type FieldErrors = BTreeMap<String, Vec<String>>;

/// Why a request body was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    /// The body as a whole is wrong (not an object, say).
    Body(String),
    /// Messages per field.
    Fields(FieldErrors),
}
