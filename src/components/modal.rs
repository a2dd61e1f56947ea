//! The one modal dialog, on the native `<dialog>`: the browser traps focus
//! inside it and makes the rest of the page inert; Esc asks to close; focus
//! goes back where it was; its title names it (`aria-labelledby`). Its body
//! exists only while it is open, so whatever state the body creates is born
//! with each opening and dropped with its closing.

use super::dom_id::dom_id;
use leptos::html::Dialog;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use web_sys::{HtmlDialogElement, HtmlElement};

/// Shows `dialog` as a modal once it is in the document, if `still_open()`
/// then: a dialog built before it is attached (a view from a chunk still
/// being loaded) would otherwise throw, or show in place without a focus
/// trap or Esc. An engine without `showModal` shows it in place.
fn show_when_attached(dialog: HtmlDialogElement, still_open: impl Fn() -> bool + 'static) {
    if !still_open() || dialog.open() {
        return;
    }
    if !dialog.is_connected() {
        request_animation_frame(move || show_when_attached(dialog, still_open));
    } else if dialog.show_modal().is_err() {
        dialog.set_open(true);
    }
}

/// The element that had the focus, if it can take it back.
fn focused() -> Option<HtmlElement> {
    document().active_element()?.dyn_into::<HtmlElement>().ok()
}

/// A modal dialog titled `title`, open while `open` holds. Esc (and the
/// browser closing it) call `on_close`; without one, Esc does nothing (the
/// dialog has its own ways out). `wide` for forms; `children` is the body
/// under the title, built at each opening.
#[component]
pub fn Modal(
    #[prop(into)] open: Signal<bool>,
    #[prop(into)] title: Signal<String>,
    #[prop(optional, into)] on_close: Option<Callback<()>>,
    #[prop(optional)] wide: bool,
    #[prop(optional)] testid: Option<&'static str>,
    children: ChildrenFn,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    let return_to = StoredValue::new(None::<SendWrapper<HtmlElement>>);
    // Set when this closes the dialog itself: the `close` event that follows
    // (a task later, perhaps after a reopening) is then not the browser's.
    let closed_here = StoredValue::new(false);
    // The DOM: show and close the native dialog with `open`, and give the
    // focus back to where it was before.
    Effect::new(move |_| {
        let Some(d) = dialog.get() else { return };
        if open.get() {
            if !d.open() {
                return_to.set_value(focused().map(SendWrapper::new));
                show_when_attached(d, move || open.try_get_untracked().unwrap_or(false));
            }
        } else if d.open() {
            closed_here.set_value(true);
            d.close();
            if let Some(el) = return_to.try_update_value(Option::take).flatten() {
                if el.is_connected() {
                    let _ = el.focus();
                }
            }
        }
    });
    let asked_to_close = move || {
        if let Some(f) = on_close {
            f.try_run(());
        }
    };
    let title_id = dom_id("dialog-title");
    let labelled_by = title_id.clone();
    view! {
        <dialog
            node_ref=dialog
            class=if wide { "dialog dialog-wide" } else { "dialog" }
            aria-labelledby=labelled_by
            data-testid=testid
            on:cancel=move |ev: web_sys::Event| {
                // Esc: the owner decides (a running action may keep it open).
                ev.prevent_default();
                asked_to_close();
            }
            on:close=move |_| {
                // Closed by the browser itself (a second Esc without a user act in
                // between): as Esc; if it is to stay open after all, shown again.
                if closed_here.try_update_value(std::mem::take).unwrap_or(true) {
                    return;
                }
                let still_open = move || open.try_get_untracked().unwrap_or(false);
                if still_open() {
                    asked_to_close();
                    if let Some(d) = dialog.get_untracked() {
                        show_when_attached(d, still_open);
                    }
                }
            }
        >
            <Show when=move || open.get()>
                <h2 id=title_id.clone() class="dialog-title">{move || title.get()}</h2>
                {children()}
            </Show>
        </dialog>
    }
}
