//! Back, logo, id, name, status, Edit, and the actions dropdown.

use crate::api::ApiToken;
use crate::app::nav::{use_go, use_nav};
use crate::app::return_to::use_list_return;
use crate::components::{Appearance, Avatar, ButtonLink, PendingAction, StatusBadge, TokenActionDialog, TokenMenu};
use crate::model::route::Screen;
use crate::model::token_action::Change;
use leptos::prelude::*;

#[component]
pub fn DetailsHeader(token: ApiToken, refresh: Trigger) -> impl IntoView {
    let back = use_list_return();
    let nav = use_nav();
    let navigate = use_go();
    let pending = RwSignal::new(None::<PendingAction>);
    let on_done = move |p: PendingAction| {
        if p.change == Change::Delete {
            navigate(&back.route(), Default::default());
        } else {
            refresh.notify();
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
            <ButtonLink appearance=Appearance::Primary href=nav.href(&Screen::Edit { id: token.id.clone() }) testid="edit">"Edit"</ButtonLink>
            <TokenMenu id=token.id.clone() name=token.name.clone() status=token.status label="More actions for this API token" with_edit=false on_change=move |p| pending.set(Some(p)) />
            <TokenActionDialog pending on_done />
        </div>
    }
}
