//! A token's logo, or its initials when it has none (or it cannot be shown).

mod fetched;

use super::lazy::{split_point, Lazy};
use crate::model::format::initials;
use leptos::prelude::*;

split_point!(
    fetched_logo,
    render_fetched_logo,
    |path: String, letters: String| view! {
        <fetched::FetchedLogo path letters />
    }
);

/// Initials in a circle.
fn initials_badge(letters: String) -> AnyView {
    view! { <span class="avatar avatar-initials" aria-hidden="true">{letters}</span> }.into_any()
}

/// The image at `src`; `on_error` when the browser cannot show it. The name
/// is always shown beside the avatar, so the image is decorative.
fn image(src: String, on_error: impl Fn() + 'static) -> AnyView {
    view! { <img class="avatar" src=src alt="" data-testid="avatar-img" on:error=move |_| on_error() /> }.into_any()
}

/// Round avatar: the logo at `icon` (an API path), else initials of `name`.
/// A logo whose path refuses a plain request is fetched with the bearer header.
#[component]
pub fn Avatar(#[prop(into)] name: String, #[prop(into)] icon: Option<String>) -> impl IntoView {
    let letters = initials(&name);
    match icon.filter(|i| !i.trim().is_empty()) {
        // Nothing can change: no signal, no load (a page has a hundred of these).
        None => initials_badge(letters),
        Some(path) => logo(path, letters).into_any(),
    }
}

/// The logo at `path` as the browser loads it; if it cannot, [`fetched`]'s
/// (its chunk fetched then), and the initials meanwhile or if that fails.
fn logo(path: String, letters: String) -> impl IntoView {
    let refused = RwSignal::new(false);
    let direct = crate::api::use_api().asset_url(&path);
    move || {
        if refused.get() {
            let (path, letters) = (path.clone(), letters.clone());
            let render = {
                let letters = letters.clone();
                move || render_fetched_logo(path.clone(), letters.clone())
            };
            let waiting = letters.clone();
            let failed = ViewFn::from(move || initials_badge(letters.clone()));
            view! { <Lazy render fallback=move || initials_badge(waiting) failed /> }.into_any()
        } else {
            image(direct.clone(), move || refused.set(true))
        }
    }
}
