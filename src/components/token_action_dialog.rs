//! Confirming and making a change (Enable, Disable, Delete) to one token,
//! with a result message (and Undo, where the API can reverse it). Shared
//! by the list and the details page. The token is read again right before
//! the change: one someone else already made is said, not sent.

use crate::api::tokens;
use crate::api::{use_api, ApiError};
use crate::components::lazy::{split_point, LazyDialog};
use crate::components::toasts::Undo;
use crate::components::{use_toasts, ConfirmDialog};
use crate::model::token_action::Change;
use leptos::prelude::*;

/// A change chosen for a token, awaiting confirmation.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingAction {
    /// What to do.
    pub change: Change,
    pub id: String,
    /// Token name, for the messages.
    pub name: String,
}

/// The confirmation dialog for `pending`; on success shows a message and
/// calls `on_done`, on failure shows the problem and changes nothing. Its
/// code comes in a chunk, fetched when first needed.
#[component]
pub fn TokenActionDialog(
    pending: RwSignal<Option<PendingAction>>,
    #[prop(into)] on_done: Callback<PendingAction>,
) -> impl IntoView {
    view! {
        <LazyDialog
            open=Signal::derive(move || pending.with(Option::is_some))
            render=move || render_action_dialog(pending, on_done)
        />
    }
}

/// The action awaiting confirmation, if any.
type Pending = RwSignal<Option<PendingAction>>;

split_point! {
    token_action,
    render_action_dialog,
    |pending: Pending, on_done: Callback<PendingAction>| view! { <ActionDialog pending on_done /> }
}

#[component]
fn ActionDialog(pending: RwSignal<Option<PendingAction>>, on_done: Callback<PendingAction>) -> impl IntoView {
    let api = use_api();
    let toasts = use_toasts();
    let run = Action::new_local(move |p: &PendingAction| {
        let (api, p) = (api.clone(), p.clone());
        async move {
            let outcome = tokens::act_unless_already(&api, &p.id, p.change).await;
            // A busy API asked for a pause: the question stays, its button
            // held until the time is up; the admin decides to send again.
            if !matches!(outcome, Err(ApiError::Busy { .. })) {
                pending.try_set(None);
            }
            match outcome {
                Ok(None) => {
                    let title = format!("API token {}", p.change.done());
                    let detail = format!("{} ({})", p.name, p.id);
                    match p.change.undo() {
                        Some(change) => toasts.success_with_undo(
                            title,
                            detail,
                            Undo {
                                change,
                                tokens: vec![(p.id.clone(), p.name.clone())],
                            },
                        ),
                        None => toasts.success(title, detail),
                    }
                    // The page may have loaded again meanwhile (a change elsewhere).
                    on_done.try_run(p);
                }
                Ok(Some(note)) => {
                    toasts.success(note, format!("{} ({}): nothing was changed.", p.name, p.id));
                    on_done.try_run(p);
                }
                // A busy API: the question stays. A write refused is held
                // (its button counts down); a re-check that could not be
                // read says so, so the click is not met by silence.
                Err(e @ ApiError::Busy { .. }) => toasts.error(
                    format!("Could not {} {} yet", p.change.label().to_ascii_lowercase(), p.name),
                    e.to_string(),
                ),
                Err(e) => {
                    let verb = p.change.label().to_ascii_lowercase();
                    let title = match e {
                        ApiError::Forbidden(_) => format!("Not allowed to {verb} {}", p.name),
                        _ => format!("Could not {verb} {}", p.name),
                    };
                    toasts.error(title, e.to_string());
                }
            }
        }
    });
    view! {
        <ConfirmDialog
            open=Signal::derive(move || pending.get().is_some())
            title=Signal::derive(move || {
                pending.get().map(|p| format!("{} API token?", p.change.label())).unwrap_or_default()
            })
            confirm_label=Signal::derive(move || pending.get().map(|p| p.change.label().to_string()).unwrap_or_default())
            pending=run.pending()
            danger=true
            writes=true
            typed=Signal::derive(move || pending.get().and_then(|p| p.change.typed_confirmation(&p.name)))
            on_confirm=move |_| {
                if let Some(p) = pending.get_untracked() {
                    run.dispatch_local(p);
                }
            }
            on_cancel=move |_| pending.set(None)
        >
            <p>{move || pending.get().map(|p| p.change.consequence(&p.name, &p.id))}</p>
        </ConfirmDialog>
    }
}
