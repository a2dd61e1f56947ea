//! Asking before doing something: a [`Modal`] with a question, Cancel and
//! the confirming button.

use super::button::{Appearance, Button};
use super::dom_id::dom_id;
use super::modal::Modal;
use crate::model::token_action::typed_matches;
use leptos::prelude::*;

/// A modal dialog that asks before doing something.
///
/// `open` shows and hides it; Cancel, Esc and closing call `on_cancel`;
/// the confirm button calls `on_confirm` and is busy while `pending`.
/// With `typed`, the user types that text first (a token's name before it
/// is deleted) and confirming waits for an exact match; the field starts
/// empty at every opening. With `stoppable`, Cancel and Esc still work while
/// pending: the work must stop on cancel.
#[component]
pub fn ConfirmDialog(
    #[prop(into)] open: Signal<bool>,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] confirm_label: Signal<String>,
    #[prop(optional, into)] pending: Signal<bool>,
    #[prop(into)] on_confirm: Callback<()>,
    #[prop(into)] on_cancel: Callback<()>,
    #[prop(optional)] danger: bool,
    #[prop(optional)] testid: Option<&'static str>,
    #[prop(optional, into)] typed: Signal<Option<String>>,
    #[prop(optional)] stoppable: bool,
    /// Confirming sends a write (held while the API asks writes to wait).
    #[prop(optional)]
    writes: bool,
    children: ChildrenFn,
) -> impl IntoView {
    let can_cancel = move || stoppable || !pending.get_untracked();
    let cancel = Callback::new(move |()| {
        if can_cancel() {
            on_cancel.run(());
        }
    });
    view! {
        <Modal open title on_close=cancel testid=testid.unwrap_or("confirm-dialog")>
            {
                // Born with this opening: the typed text starts empty every time.
                let entered = RwSignal::new(String::new());
                let confirmed = move || typed.get().is_none_or(|t| entered.with(|e| typed_matches(&t, e)));
                view! {
                    <div class="dialog-body">
                        {children()}
                        {move || typed.get().map(|t| view! { <TypedField expected=t entered /> })}
                    </div>
                    <div class="dialog-actions">
                        <Button testid="cancel" disabled=Signal::derive(move || !stoppable && pending.get()) on_click=cancel>
                            "Cancel"
                        </Button>
                        <Button
                            appearance=Appearance::confirming(danger)
                            testid="confirm"
                            busy=pending
                            busy_label="Working…"
                            writes
                            disabled=Signal::derive(move || !confirmed())
                            on_click=on_confirm
                        >
                            {move || confirm_label.get()}
                        </Button>
                    </div>
                }
            }
        </Modal>
    }
}

/// The field in which the user types `expected` to confirm.
#[component]
fn TypedField(expected: String, entered: RwSignal<String>) -> impl IntoView {
    let id = dom_id("typed");
    view! {
        <div class="field typed-confirm">
            <label for=id.clone()>"Type "<strong data-testid="typed-expected">{expected}</strong>" to confirm"</label>
            <input
                id=id
                type="text"
                autocomplete="off"
                spellcheck="false"
                data-testid="typed-confirm"
                prop:value=move || entered.get()
                on:input:target=move |ev| entered.set(ev.target().value())
            />
        </div>
    }
}
