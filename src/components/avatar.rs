//! A token's logo, or its initials when it has none (or it cannot be shown).

use crate::api::use_load;
use crate::model::format::initials;
use leptos::prelude::*;
use std::rc::Rc;

/// How far the logo got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// Its URL, loaded by the browser as is.
    Direct,
    /// The plain request was refused: fetched with the bearer header.
    Fetched,
    /// Neither could be shown.
    Initials,
}

/// An object URL of a fetched image, revoked when the last view of it goes.
struct ObjectUrl(String);

impl Drop for ObjectUrl {
    fn drop(&mut self) {
        let _ = web_sys::Url::revoke_object_url(&self.0);
    }
}

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

/// The logo at `path`, falling back to a fetch with the bearer header, then
/// to `letters`.
fn logo(path: String, letters: String) -> impl IntoView {
    let stage = RwSignal::new(Stage::Direct);
    let direct = crate::api::use_api().asset_url(&path);
    let fetched = use_load(
        move || stage.get() == Stage::Fetched,
        move |api, wanted| {
            let path = path.clone();
            async move {
                if !wanted {
                    return Ok(None);
                }
                let blob = api.fetch_asset(&path).await?;
                Ok(web_sys::Url::create_object_url_with_blob(&blob)
                    .ok()
                    .map(|u| Rc::new(ObjectUrl(u))))
            }
        },
    );
    move || match stage.get() {
        Stage::Direct => image(direct.clone(), move || stage.set(Stage::Fetched)),
        Stage::Fetched => match fetched.get() {
            Some(Ok(Some(url))) => image(url.0.clone(), move || stage.set(Stage::Initials)),
            _ => initials_badge(letters.clone()),
        },
        Stage::Initials => initials_badge(letters.clone()),
    }
}
