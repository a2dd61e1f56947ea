//! Confirming and running Enable, Disable or Delete on one token, with a
//! result message. Shared by the list and the details page.

use crate::api::tokens::{self, TokenAction};
use crate::api::{use_api, ApiError};
use crate::components::{use_toasts, ConfirmDialog};
use leptos::prelude::*;

/// A token chosen for an action, awaiting confirmation.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingAction {
    /// What to do.
    pub action: TokenAction,
    /// Token id.
    pub id: String,
    /// Token name, for the messages.
    pub name: String,
}

impl PendingAction {
    /// What the confirmation says will happen.
    pub fn consequence(&self) -> String {
        let (name, id) = (&self.name, &self.id);
        match self.action {
            TokenAction::Enable => format!("{name} ({id}) will be accepted by the API again."),
            TokenAction::Disable => format!("{name} ({id}) will be refused by the API until it is enabled again."),
            TokenAction::Delete => format!(
                "{name} ({id}) will be deleted permanently. Applications using it lose access, and this cannot be undone."
            ),
        }
    }
}

/// The confirmation dialog for `pending`; on success shows a message and
/// calls `on_done`, on failure shows the problem and changes nothing.
#[component]
pub fn TokenActionDialog(
    pending: RwSignal<Option<PendingAction>>,
    #[prop(into)] on_done: Callback<PendingAction>,
) -> impl IntoView {
    let api = use_api();
    let toasts = use_toasts();
    let run = Action::new_local(move |p: &PendingAction| {
        let (api, p) = (api.clone(), p.clone());
        async move {
            match tokens::act(&api, &p.id, p.action).await {
                Ok(()) => {
                    toasts.success(
                        format!("API token {}", p.action.done()),
                        format!("{} ({})", p.name, p.id),
                    );
                    pending.set(None);
                    on_done.run(p);
                }
                Err(e) => {
                    let verb = p.action.label().to_lowercase();
                    let title = match e {
                        ApiError::Forbidden(_) => format!("Not allowed to {verb} {}", p.name),
                        _ => format!("Could not {verb} {}", p.name),
                    };
                    toasts.error(title, e.to_string());
                    pending.set(None);
                }
            }
        }
    });
    view! {
        <ConfirmDialog
            open=Signal::derive(move || pending.get().is_some())
            title=Signal::derive(move || {
                pending.get().map(|p| format!("{} API token?", p.action.label())).unwrap_or_default()
            })
            confirm_label=Signal::derive(move || pending.get().map(|p| p.action.label().to_string()).unwrap_or_default())
            pending=run.pending()
            danger=true
            on_confirm=move |_| {
                if let Some(p) = pending.get_untracked() {
                    run.dispatch(p);
                }
            }
            on_cancel=move |_| pending.set(None)
        >
            <p>{move || pending.get().map(|p| p.consequence())}</p>
        </ConfirmDialog>
    }
}
