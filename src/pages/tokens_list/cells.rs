//! The cells of a token's row that take more than a value.

use crate::api::{Actor, Module};
use crate::app::nav::use_nav;
use crate::components::Avatar;
use crate::model::format::modules_label;
use crate::model::route::{Screen, Tab};
use leptos::prelude::*;

/// Logo, name (the link to the details) and id.
#[component]
pub fn TokenCell(id: String, name: String, icon: Option<String>) -> impl IntoView {
    let href = use_nav().href(&Screen::token(&id, Tab::General));
    view! {
        <div class="cell-token">
            <Avatar name=name.clone() icon />
            <div class="cell-stack">
                <a class="token-name" href=href data-testid="token-name">{name}</a>
                <span class="sub" data-testid="token-id">{id}</span>
            </div>
        </div>
    }
}

/// The Modules cell: the module's name and id for one, a count otherwise.
#[component]
pub fn ModulesCell(modules: Vec<Module>) -> impl IntoView {
    let names: Vec<&str> = modules.iter().map(|m| m.name.as_str()).collect();
    let label = modules_label(&names);
    match modules.as_slice() {
        [one] => view! {
            <div class="cell-stack" data-testid="modules-cell">
                <span>{label}</span>
                <span class="sub">{one.id.clone()}</span>
            </div>
        }
        .into_any(),
        [] => view! { <span class="muted" data-testid="modules-cell">{label}</span> }.into_any(),
        many => {
            let all = names.join(", ");
            view! {
                <span class="cell-inline" data-testid="modules-cell" title=all>
                    <span class="avatar avatar-initials" aria-hidden="true">{format!("+{}", many.len())}</span>
                    {label}
                </span>
            }
            .into_any()
        }
    }
}

/// Who created the token: name above id.
#[component]
pub fn CreatedByCell(by: Option<Actor>) -> impl IntoView {
    let creator = by.unwrap_or_default();
    view! {
        <div class="cell-stack" data-testid="created-by">
            <span>{creator.name}</span>
            <span class="sub">{creator.id}</span>
        </div>
    }
}
