//! A modal confirmation built on the native `<dialog>`: the browser traps
//! focus inside it, Esc closes it, and focus goes back where it was.

use crate::model::token_action::typed_matches;
use leptos::html::Dialog;
use leptos::prelude::*;

/// Keeps the native `<dialog>` at `dialog` open as a modal exactly while
/// `open()` holds. A dialog built before it is in the document (a view from
/// a chunk still being loaded) is shown once it is: `showModal` would throw,
/// and shown in place it would trap neither focus nor Esc. An engine without
/// `showModal` shows it in place, never an exception.
pub fn show_modal_while(dialog: NodeRef<Dialog>, open: impl Fn() -> bool + 'static) {
    // Bumped to look again on the next frame.
    let look_again = RwSignal::new(0u32);
    Effect::new(move |_| {
        look_again.track();
        let Some(d) = dialog.get() else { return };
        if open() {
            if d.open() {
                return;
            }
            if !d.is_connected() {
                request_animation_frame(move || {
                    look_again.try_update(|n| *n += 1);
                });
            } else if d.show_modal().is_err() {
                d.set_open(true);
            }
        } else if d.open() {
            d.close();
        }
    });
}

/// A modal dialog that asks before doing something.
///
/// `open` shows and hides it; Cancel, Esc and closing call `on_cancel`;
/// the confirm button calls `on_confirm` and is disabled while `pending`.
/// With `typed`, the user types that text first (a token's name before it
/// is deleted) and confirming waits for an exact match. With `stoppable`,
/// Cancel and Esc still work while pending: the work must stop on cancel.
#[component]
pub fn ConfirmDialog(
    #[prop(into)] open: Signal<bool>,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] confirm_label: Signal<String>,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] on_confirm: Callback<()>,
    #[prop(into)] on_cancel: Callback<()>,
    #[prop(optional)] danger: bool,
    #[prop(optional, into)] testid: Option<&'static str>,
    #[prop(optional, into)] typed: MaybeProp<String>,
    #[prop(optional)] stoppable: bool,
    children: ChildrenFn,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    show_modal_while(dialog, move || open.get());
    let entered = RwSignal::new(String::new());
    // Every opening starts with an empty field.
    Effect::new(move |_| {
        if open.get() {
            entered.set(String::new());
        }
    });
    let confirmed = move || typed.get().is_none_or(|t| entered.with(|e| typed_matches(&t, e)));
    let title_id = format!("dlg-{}", js_sys::Math::random().to_bits());
    let labelled_by = title_id.clone();
    let can_cancel = move || stoppable || !pending.get();
    let confirm_class = if danger { "btn btn-danger" } else { "btn btn-primary" };
    view! {
        <dialog
            node_ref=dialog
            class="dialog"
            aria-labelledby=labelled_by
            data-testid=testid.unwrap_or("confirm-dialog")
            on:cancel=move |ev: web_sys::Event| {
                // Esc: keep the dialog while an action runs, otherwise cancel.
                ev.prevent_default();
                if untrack(can_cancel) {
                    on_cancel.run(());
                }
            }
        >
            <h2 id=title_id class="dialog-title">{move || title.get()}</h2>
            <div class="dialog-body">
                {children()}
                {move || typed.get().map(|t| view! { <TypedField expected=t entered /> })}
            </div>
            <div class="dialog-actions">
                <button type="button" class="btn" data-testid="cancel" disabled=move || !can_cancel() on:click=move |_| on_cancel.run(())>
                    "Cancel"
                </button>
                <button
                    type="button"
                    class=confirm_class
                    data-testid="confirm"
                    disabled=move || pending.get() || !confirmed()
                    aria-busy=move || pending.get().to_string()
                    on:click=move |_| on_confirm.run(())
                >
                    {move || if pending.get() { "Working…".to_string() } else { confirm_label.get() }}
                </button>
            </div>
        </dialog>
    }
}

/// The field in which the user types `expected` to confirm.
#[component]
fn TypedField(expected: String, entered: RwSignal<String>) -> impl IntoView {
    let id = format!("typed-{}", js_sys::Math::random().to_bits());
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
            on:input=move |ev| entered.set(event_target_value(&ev))
            />
        </div>
    }
}
