//! Creating the replacement, and showing its value once.

use crate::api::tokens::{self, TokenDraft};
use crate::api::{use_api, ApiToken};
use crate::app::account::use_account;
use crate::app::nav::use_nav;
use crate::components::logo_picker::copy_logo;
use crate::components::{Appearance, Button, ButtonLink, SecretValue};
use crate::model::format::format_instant;
use crate::model::rotation::rotated_name;
use crate::model::route::{Screen, Tab};
use leptos::prelude::*;

/// What rotating `old` does, and the button that starts it.
#[component]
pub fn StartRotation(old: ApiToken, created: RwSignal<Option<ApiToken>>) -> impl IntoView {
    let (api, account, nav) = (use_api(), use_account().id, use_nav());
    let name = rotated_name(&old.name, &format_instant(js_sys::Date::now() as i64));
    let create = Action::new_local({
        let (old, name) = (old.clone(), name.clone());
        move |_: &()| {
            let (api, account, old, name) = (api.clone(), account.clone(), old.clone(), name.clone());
            async move {
                let draft = TokenDraft {
                    name,
                    description: old.description.clone().filter(|d| !d.is_empty()),
                    icon: copy_logo(&api, &old).await,
                    modules: old.modules.iter().map(|m| m.id.clone()).collect(),
                };
                let new = tokens::create(&api, &account, &draft)
                    .await
                    .map_err(|e| e.to_string())?;
                created.try_set(Some(new));
                Ok::<(), String>(())
            }
        }
    });
    let problem = move || create.value().get().and_then(Result::err);
    let modules = old.modules.len();
    view! {
        <div class="card rotate-start">
            <p>"Rotating "<strong data-testid="rotate-old-name">{old.name.clone()}</strong>" ("{old.id.clone()}") creates a replacement:"</p>
            <ul>
                <li>"named "<strong data-testid="rotate-new-name">{name}</strong></li>
                <li>{format!("with the same description, logo and {modules} module(s)")}</li>
                <li>"while the old token stays active until you disable it here"</li>
            </ul>
            <p class="form-error" role="alert">{problem}</p>
            <div class="wizard-actions">
                <ButtonLink href=nav.href(&Screen::token(&old.id, Tab::General))>"Cancel"</ButtonLink>
                <Button appearance=Appearance::Primary testid="rotate-create" writes=true busy=create.pending() busy_label="Creating…"
                    on_click=move |()| { create.dispatch_local(()); }>
                    "Create the replacement"
                </Button>
            </div>
        </div>
    }
}

/// The replacement and its value; `copied` is set once it was copied.
#[component]
pub fn Replacement(new: ApiToken, copied: RwSignal<bool>) -> impl IntoView {
    view! {
        <div class="card rotate-new" data-testid="rotate-new">
            <h3>"1. Use the new value"</h3>
            <p class="notice">"The replacement was added. Copy its value and put it where the old one is used."</p>
            <dl class="fields">
                <dt>"Name"</dt>
                <dd data-testid="rotate-new-token-name">{new.name.clone()}</dd>
                <dt>"ID"</dt>
                <dd data-testid="rotate-new-id">{new.id.clone()}</dd>
                <dt>"API token"</dt>
                <dd>
                    {new.token.clone().map(|secret| view! {
                        <SecretValue secret what="new API token" on_copied=move |_| copied.set(true) />
                    })}
                </dd>
            </dl>
        </div>
    }
}
