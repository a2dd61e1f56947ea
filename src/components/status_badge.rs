//! A token's status as a coloured badge.

use crate::api::TokenStatus;
use leptos::prelude::*;

/// `Active` / `Disabled` / … badge.
#[component]
pub fn StatusBadge(status: TokenStatus) -> impl IntoView {
    let class = match status {
        TokenStatus::Active => "badge badge-active",
        TokenStatus::Disabled => "badge badge-disabled",
        TokenStatus::Deleted => "badge badge-deleted",
        TokenStatus::Unknown => "badge",
    };
    view! { <span class=class data-testid="status-badge">{status.label()}</span> }
}
