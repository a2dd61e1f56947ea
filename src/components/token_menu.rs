//! A token's actions menu, as the row and the details header show it: Edit
//! Create similar and Rotate open their pages, a change asks for confirmation.

use super::actions_menu::{ActionsMenu, MenuItem};
use super::token_action_dialog::PendingAction;
use crate::api::TokenStatus;
use crate::app::nav::use_go;
use crate::model::route::Screen;
use crate::model::token_action::TokenAction;
use leptos::prelude::*;

impl MenuItem for TokenAction {
    fn label(&self) -> &'static str {
        TokenAction::label(*self)
    }

    fn danger(&self) -> bool {
        self.is_destructive()
    }
}

/// The menu for the token `id` named `name`, offering what `status` allows;
/// `with_edit` is false where Edit is a button of its own. A change is
/// handed to `on_change` for confirmation.
#[component]
pub fn TokenMenu(
    id: String,
    name: String,
    status: TokenStatus,
    #[prop(into)] label: String,
    with_edit: bool,
    #[prop(into)] on_change: Callback<PendingAction>,
) -> impl IntoView {
    let navigate = use_go();
    let items = TokenAction::menu(status, with_edit);
    let on_select = Callback::new(move |action: TokenAction| match action {
        TokenAction::Edit => navigate(&Screen::Edit { id: id.clone() }, Default::default()),
        TokenAction::CreateSimilar => navigate(&Screen::New { from: Some(id.clone()) }, Default::default()),
        TokenAction::Rotate => navigate(&Screen::Rotate { id: id.clone() }, Default::default()),
        TokenAction::Change(change) => on_change.run(PendingAction {
            change,
            id: id.clone(),
            name: name.clone(),
        }),
    });
    view! { <ActionsMenu label items on_select /> }
}
