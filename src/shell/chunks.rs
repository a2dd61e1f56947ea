//! The pages that come in chunks of their own (see
//! [`crate::components::lazy`]), and the lists of chunks to prefetch.

use crate::components::lazy::split_point;
use crate::model::route::LazyPage;
use crate::pages::{tokens_list, AddWizardPage, RotatePage, TokenDetailsPage};
use leptos::prelude::*;

// The details page: its tabs, audit trail and edit dialog.
split_point!(
    details,
    render_details,
    preload_details,
    || view! { <TokenDetailsPage /> }
);
// The Add wizard: logo picker and modules picker.
split_point!(
    add_wizard,
    render_add_wizard,
    preload_add_wizard,
    || view! { <AddWizardPage /> }
);
// The rotation page.
split_point!(rotate, render_rotate, preload_rotate, || view! { <RotatePage /> });

/// Fetches `page`'s chunk.
pub async fn preload(page: LazyPage) {
    match page {
        LazyPage::Details => preload_details().await,
        LazyPage::AddWizard => preload_add_wizard().await,
        LazyPage::Rotate => preload_rotate().await,
    }
}

/// Fetches every chunk, pages first.
pub async fn preload_all() {
    for page in [LazyPage::Details, LazyPage::AddWizard, LazyPage::Rotate] {
        preload(page).await;
    }
    tokens_list::preload_dialogs().await;
}
