//! A token's logo, or its initials when it has none (or the logo fails to load).

use crate::api::use_api;
use crate::format::initials;
use leptos::prelude::*;

/// Round avatar: the logo at `icon` (an API path), else initials of `name`.
#[component]
pub fn Avatar(#[prop(into)] name: String, #[prop(into)] icon: Option<String>) -> impl IntoView {
    let api = use_api();
    let failed = RwSignal::new(false);
    let src = icon.filter(|i| !i.trim().is_empty()).map(|i| api.asset_url(&i));
    let letters = initials(&name);
    move || match src.clone().filter(|_| !failed.get()) {
        // The name is always shown beside the avatar, so the image is decorative.
        Some(src) => view! { <img class="avatar" src=src alt="" on:error=move |_| failed.set(true) /> }.into_any(),
        None => view! { <span class="avatar avatar-initials" aria-hidden="true">{letters.clone()}</span> }.into_any(),
    }
}
