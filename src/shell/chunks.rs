//! The pages that come in chunks of their own (see
//! [`crate::components::lazy`]), and how to fetch one ahead of need.

use crate::components::lazy::split_point;
use crate::model::route::LazyPage;
use crate::pages::{AccountChooser, AddWizardPage, RotatePage, SessionExpiredDialog, TokenDetailsPage};
use leptos::prelude::*;

// The details page: its tabs, audit trail and edit dialog.
split_point!(
    details,
    render_details,
    preload = preload_details,
    || view! { <TokenDetailsPage /> }
);
// The Add wizard: logo picker and modules picker.
split_point!(
    add_wizard,
    render_add_wizard,
    preload = preload_add_wizard,
    || view! { <AddWizardPage /> }
);
// The rotation page.
split_point!(
    rotate,
    render_rotate,
    preload = preload_rotate,
    || view! { <RotatePage /> }
);

// The sign-in again over the page, once the API refused the token.
split_point!(
    session_expired,
    render_session_expired,
    || view! { <SessionExpiredDialog /> }
);
// Credentials of several accounts, before one is chosen.
split_point!(
    chooser,
    render_chooser,
    |notice: Option<String>| view! { <AccountChooser notice /> }
);

/// Loads `page`'s chunk ahead of need (a link to it is hovered or focused).
pub async fn preload(page: LazyPage) {
    match page {
        LazyPage::Details => preload_details().await,
        LazyPage::AddWizard => preload_add_wizard().await,
        LazyPage::Rotate => preload_rotate().await,
    }
}
