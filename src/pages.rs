//! Routed pages, the sign-in page and the account chooser.

pub mod add_wizard;
pub mod choose_account;
pub mod not_found;
pub mod rotate;
pub mod sign_in;
pub mod token_details;
pub mod token_form;
pub mod tokens_list;

pub use add_wizard::AddWizardPage;
pub use choose_account::AccountChooser;
pub use not_found::NotFound;
pub use rotate::RotatePage;
pub use sign_in::{SessionExpiredDialog, SignInPage};
pub use token_details::TokenDetailsPage;
pub use tokens_list::TokensListPage;
