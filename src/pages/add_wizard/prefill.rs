//! "Create similar": the wizard starts with the description, logo and
//! modules of an existing token (never its name or value).

use crate::api::{tokens, ApiClient};
use crate::components::logo_picker::copy_logo;
use crate::components::LogoChoice;
use crate::pages::token_form::TokenForm;
use leptos::prelude::*;

/// Fills `form` from token `source_id` (if the page is still there); the
/// message to show if it could not be read.
pub async fn prefill(api: ApiClient, form: TokenForm, source_id: String) -> Option<String> {
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
