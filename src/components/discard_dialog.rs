//! "Discard what you entered?", asked before a form closes with unsaved input.

use super::ConfirmDialog;
use leptos::prelude::*;

/// Asks before losing input: `open` shows it, Discard calls `on_discard`,
/// Cancel (or Esc) keeps everything as it is.
#[component]
pub fn DiscardDialog(
    open: RwSignal<bool>,
    /// The question.
    #[prop(into)]
    title: String,
    /// What will be lost.
    #[prop(into)]
    message: String,
    #[prop(into)] on_discard: Callback<()>,
) -> impl IntoView {
    view! {
        <ConfirmDialog
            open=open
            title=title
            confirm_label="Discard"
            danger=true
            testid="discard-dialog"
            on_confirm=move |_| {
                open.set(false);
                on_discard.run(());
            }
            on_cancel=move |_| open.set(false)
        >
            <p>{message.clone()}</p>
        </ConfirmDialog>
    }
}
