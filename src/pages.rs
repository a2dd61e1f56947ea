//! Routed pages.

pub mod not_found;
pub mod sign_in;
pub mod tokens_list;

pub use not_found::NotFound;
pub use sign_in::{SessionExpiredDialog, SignInPage};
pub use tokens_list::TokensListPage;
