//! "Create similar": the wizard starts with the description, logo and
//! modules of an existing token (never its name or value).

use crate::api::{tokens, ApiClient};
use crate::components::logo_picker::copy_logo;
use crate::components::LogoChoice;
use crate::model::route::FROM_PARAM;
use crate::pages::token_form::TokenForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// With `?from={id}` in the URL, starts filling `form` from that token; the
/// message to show if it could not be read.
pub fn use_prefill(api: ApiClient, form: TokenForm) -> Signal<Option<String>> {
    let fill = Action::new_local(move |source_id: &String| prefill(api.clone(), form, source_id.clone()));
    if let Some(source_id) = use_query_map().with_untracked(|q| q.get(FROM_PARAM)) {
        fill.dispatch_local(source_id);
    }
    Signal::derive(move || fill.value().get().flatten())
}

/// Fills `form` from token `source_id` (if the page is still there); the
/// message to show if it could not be read.
async fn prefill(api: ApiClient, form: TokenForm, source_id: String) -> Option<String> {
    let source = match tokens::get(&api, &source_id).await {
        Ok(source) => source,
        Err(e) => return Some(format!("The token to copy could not be loaded: {e}")),
    };
    form.description.try_set(source.description.clone().unwrap_or_default());
    form.modules
        .try_set(source.modules.iter().map(|m| m.id.clone()).collect());
    // A logo that cannot be fetched or read is left out; the user can pick one.
    if let Some(data_url) = copy_logo(&api, &source).await {
        form.logo.try_set(LogoChoice::New {
            data_url,
            file_name: format!("Logo of {}", source.name),
        });
    }
    None
}
