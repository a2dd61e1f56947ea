//! The created token, its value (masked, with show/hide and copy), and the way on.

use crate::api::ApiToken;
use crate::app::nav::use_nav;
use crate::app::return_to::use_list_return;
use crate::components::{Appearance, ButtonLink, SecretValue};
use crate::model::route::{Screen, Tab};
use leptos::prelude::*;

#[component]
pub fn Summary(token: ApiToken) -> impl IntoView {
    let back = use_list_return();
    let nav = use_nav();
    let modules = token.modules.clone();
    view! {
        <div class="summary" data-testid="summary">
            <p class="notice">"The API token was added. Copy its value now and keep it somewhere safe."</p>
            <p class="help" data-testid="summary-propagation">
                "A new token can take about a minute before the API accepts it; if a first call is refused, wait a moment and try again."
            </p>
            <dl class="fields">
                <dt>"API token name"</dt>
                <dd data-testid="summary-name">{token.name.clone()}</dd>
                <dt>"ID"</dt>
                <dd data-testid="summary-id">{token.id.clone()}</dd>
                <dt>"Modules"</dt>
                <dd>
                    <ul class="plain-list">
                        {modules.into_iter().map(|m| view! { <li>{m.name} " " <span class="sub">{m.id}</span></li> }).collect_view()}
                    </ul>
                </dd>
                <dt>"API token"</dt>
                <dd>
                    {token.token.clone().map(|secret| view! { <SecretValue secret what="API token" /> })}
                </dd>
            </dl>
            <div class="wizard-actions">
                <ButtonLink href={
                    let nav = nav.clone();
                    move || nav.href(&back.route())
                } testid="summary-close">"Close"</ButtonLink>
                <ButtonLink appearance=Appearance::Primary href=nav.href(&Screen::token(&token.id, Tab::General)) testid="summary-details">"View details"</ButtonLink>
            </div>
        </div>
    }
}
