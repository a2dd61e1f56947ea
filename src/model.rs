//! What the console knows without a browser or a network: the list's URL
//! state and its RQL, the routes, search, formatting, and the form checks.
//! Pure, and tested natively.

pub mod format;
pub mod list_state;
pub mod route;
pub mod search;
pub mod validation;
