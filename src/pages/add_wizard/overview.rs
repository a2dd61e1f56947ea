//! Everything chosen, before Add.

use crate::api::modules::use_shared_modules;
use crate::app::account::use_account;
use crate::components::LogoChoice;
use crate::pages::token_form::TokenForm;
use leptos::prelude::*;

#[component]
pub fn Overview(form: TokenForm) -> impl IntoView {
    let modules = use_shared_modules(use_account());
    let chosen = move || {
        let names: Vec<(String, String)> = modules
            .get()
            .and_then(Result::ok)
            .map(|found| found.modules.into_iter().map(|m| (m.id, m.name)).collect())
            .unwrap_or_default();
        form.modules
            .get()
            .into_iter()
            .map(|id| {
                let name = names
                    .iter()
                    .find(|(i, _)| *i == id)
                    .map(|(_, n)| n.clone())
                    .unwrap_or_default();
                view! { <li data-testid="overview-module">{name} " " <span class="sub">{id}</span></li> }
            })
            .collect_view()
    };
    let description = move || {
        let d = form.description.get();
        if d.trim().is_empty() {
            "—".to_string()
        } else {
            d.trim().to_string()
        }
    };
    view! {
        <dl class="fields" data-testid="overview">
            <dt>"Logo"</dt>
            <dd>
                {move || match form.logo.get() {
                    LogoChoice::New { data_url, .. } => view! { <img class="logo-thumb" src=data_url alt="Chosen logo" data-testid="overview-logo" /> }.into_any(),
                    _ => view! { <span class="muted">"No logo"</span> }.into_any(),
                }}
            </dd>
            <dt>"API token name"</dt>
            <dd data-testid="overview-name">{move || form.name.get().trim().to_string()}</dd>
            <dt>"Description"</dt>
            <dd data-testid="overview-description" class="pre-line">{description}</dd>
            <dt>"Modules"</dt>
            <dd><ul class="plain-list">{chosen}</ul></dd>
        </dl>
    }
}
