//! Back, logo, id, name, status, Edit, and the actions dropdown.

use super::token_path;
use crate::api::tokens::TokenAction;
use crate::api::ApiToken;
use crate::components::{ActionsMenu, Avatar, MenuEntry, PendingAction, StatusBadge, TokenActionDialog};
use crate::pages::add_wizard::similar_path;
use crate::return_to::use_list_return;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// The details page's header.
#[component]
pub fn DetailsHeader(token: ApiToken, refresh: RwSignal<u64>) -> impl IntoView {
    let back = use_list_return();
    let links = crate::links::use_links();
    let navigate = use_navigate();
    let pending = RwSignal::new(None::<PendingAction>);
    let similar = {
        let (navigate, path) = (navigate.clone(), similar_path(&token.id));
        MenuEntry {
            label: "Create similar",
            on_select: Callback::new(move |_| navigate(&path, Default::default())),
            danger: false,
        }
    };
    let mut entries: Vec<MenuEntry> = [TokenAction::Enable, TokenAction::Disable, TokenAction::Delete]
        .into_iter()
        .filter(|a| a.applies_to(token.status))
        .map(|action| {
            let p = PendingAction {
                action,
                id: token.id.clone(),
                name: token.name.clone(),
            };
            MenuEntry {
                label: action.label(),
                on_select: Callback::new(move |_| pending.set(Some(p.clone()))),
                danger: action == TokenAction::Delete,
            }
        })
        .collect();
    entries.insert(0, similar);
    let on_done = move |p: PendingAction| {
        if p.action == TokenAction::Delete {
            navigate(&back.url(), Default::default());
        } else {
            refresh.update(|n| *n += 1);
        }
    };
    view! {
        <div class="details-head">
            <a class="icon-btn back" href={
                let links = links.clone();
                move || links.href(&back.url())
            } aria-label="Back to API tokens" data-testid="back">
                "←"
            </a>
            <Avatar name=token.name.clone() icon=token.icon.clone() />
            <div class="cell-stack">
                <span class="sub">"API token " <span data-testid="details-id">{token.id.clone()}</span></span>
                <h2 class="details-name">
                    <span data-testid="details-name">{token.name.clone()}</span>
                    " "
                    <StatusBadge status=token.status />
                </h2>
            </div>
            <span class="spacer"></span>
            <a class="btn btn-primary" href=links.href(&token_path(&token.id, "edit")) data-testid="edit">"Edit"</a>
            <ActionsMenu label="More actions for this API token" entries />
            <TokenActionDialog pending on_done />
        </div>
    }
}
