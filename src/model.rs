//! What the console knows without a browser or a network: the list's URL
//! state and its RQL, the routes, search, formatting, the form checks, the
//! token actions and their rules, the bulk runner, the keyboard shortcuts, the hygiene checks, the export files, the saved views, the messages between tabs, two administrators' edits of one token, JSON. Pure, and tested natively.

pub mod bulk;
pub mod conflict;
pub mod export;
pub mod format;
pub mod hygiene;
pub mod idle;
pub mod json;
pub mod list_state;
pub mod retry;
pub mod rotation;
pub mod route;
pub mod search;
pub mod shortcut;
pub mod tab_message;
pub mod token_action;
pub mod validation;
pub mod views;
