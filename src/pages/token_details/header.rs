//! Back, logo, id, name, status, Edit, and the actions dropdown.

use crate::api::tokens::TokenAction;
use crate::api::ApiToken;
use crate::app::nav::{use_go, use_nav};
use crate::app::return_to::use_list_return;
use crate::components::{ActionsMenu, Avatar, MenuEntry, PendingAction, StatusBadge, TokenActionDialog};
use crate::model::route::Route;
use leptos::prelude::*;

/// The details page's header.
#[component]
pub fn DetailsHeader(token: ApiToken, refresh: RwSignal<u64>) -> impl IntoView {
    let back = use_list_return();
    let nav = use_nav();
    let navigate = use_go();
    let pending = RwSignal::new(None::<PendingAction>);
    let similar = {
        let (navigate, route) = (
            navigate.clone(),
            Route::New {
                from: Some(token.id.clone()),
            },
        );
        MenuEntry {
            label: "Create similar",
            on_select: Callback::new(move |_| navigate(&route, Default::default())),
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
            navigate(&back.route(), Default::default());
        } else {
            refresh.update(|n| *n += 1);
        }
    };
    view! {
        <div class="details-head">
            <a class="icon-btn back" href={
                let nav = nav.clone();
                move || nav.href(&back.route())
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
            <a class="btn btn-primary" href=nav.href(&Route::Edit { id: token.id.clone() }) data-testid="edit">"Edit"</a>
            <ActionsMenu label="More actions for this API token" entries />
            <TokenActionDialog pending on_done />
        </div>
    }
}
