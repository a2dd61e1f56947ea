//! The rare logo whose address refuses a plain request (the platform's icon
//! paths may want the bearer header): fetched with it, in a chunk of its
//! own, since a list whose logos load as they are never needs this code.

use super::{image, initials_badge};
use crate::api::use_load;
use leptos::prelude::*;
use std::rc::Rc;

/// An object URL of a fetched image, revoked when the last view of it goes.
struct ObjectUrl(String);

impl Drop for ObjectUrl {
    fn drop(&mut self) {
        let _ = web_sys::Url::revoke_object_url(&self.0);
    }
}

/// The logo at `path` fetched with the bearer header; `letters` while it
/// loads, and if it cannot be fetched or shown.
#[component]
pub fn FetchedLogo(path: String, letters: String) -> impl IntoView {
    let shown = RwSignal::new(true);
    let fetched = use_load(
        || (),
        move |api, ()| {
            let path = path.clone();
            async move {
                let blob = api.fetch_asset(&path).await?;
                Ok(web_sys::Url::create_object_url_with_blob(&blob)
                    .ok()
                    .map(|u| Rc::new(ObjectUrl(u))))
            }
        },
    );
    move || match fetched.get() {
        Some(Ok(Some(url))) if shown.get() => image(url.0.clone(), move || shown.set(false)),
        _ => initials_badge(letters.clone()),
    }
}
