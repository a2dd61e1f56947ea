//! A token's logo, or its initials when it has none (or it cannot be shown).

use crate::api::use_api;
use crate::model::format::initials;
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
enum Source {
    /// The logo's URL, loaded by the browser as is.
    Direct(String),
    /// Fetched with the bearer header into an object URL.
    Fetched(String),
    Initials,
}

/// Initials in a circle.
fn initials_badge(letters: String) -> AnyView {
    view! { <span class="avatar avatar-initials" aria-hidden="true">{letters}</span> }.into_any()
}

/// Round avatar: the logo at `icon` (an API path), else initials of `name`.
/// A logo whose path refuses a plain request is fetched with the bearer header.
#[component]
pub fn Avatar(#[prop(into)] name: String, #[prop(into)] icon: Option<String>) -> impl IntoView {
    let letters = initials(&name);
    match icon.filter(|i| !i.trim().is_empty()) {
        // Nothing can change: no signal, no effect (a page has a hundred of these).
        None => initials_badge(letters),
        Some(path) => logo(path, letters).into_any(),
    }
}

/// The logo at `path`, falling back to a fetch with the bearer header, then
/// to `letters`.
fn logo(path: String, letters: String) -> impl IntoView {
    let api = use_api();
    let source = RwSignal::new(Source::Direct(api.asset_url(&path)));
    on_cleanup(move || {
        if let Some(Source::Fetched(url)) = source.try_get_untracked() {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
    });
    let on_error = move |_| match source.get_untracked() {
        Source::Direct(_) => {
            let (api, path) = (api.clone(), path.clone());
            leptos::task::spawn_local(async move {
                let fetched = api
                    .fetch_asset(&path)
                    .await
                    .ok()
                    .and_then(|b| web_sys::Url::create_object_url_with_blob(&b).ok());
                source.try_set(fetched.map(Source::Fetched).unwrap_or(Source::Initials));
            });
        }
        _ => source.set(Source::Initials),
    };
    move || match source.get() {
        // The name is always shown beside the avatar, so the image is decorative.
        Source::Direct(src) | Source::Fetched(src) => {
            view! { <img class="avatar" src=src alt="" data-testid="avatar-img" on:error=on_error.clone() /> }
                .into_any()
        }
        Source::Initials => initials_badge(letters.clone()),
    }
}
