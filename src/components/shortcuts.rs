//! The keyboard shortcuts (`/`, `n`, `?`) and the dialog that lists them.

use crate::app::nav::use_go;
use crate::components::confirm_dialog::show_modal_while;
use crate::model::route::Route;
use crate::model::shortcut::{shortcut_for, Press, Shortcut};
use leptos::html::Dialog;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

/// The id of the list's search field, which `/` focuses.
pub const SEARCH_FIELD_ID: &str = "token-search";

/// Where `ev` happened, read from the page.
fn press_of(ev: &web_sys::KeyboardEvent) -> Press {
    let in_field = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.is_content_editable()
        });
    let in_dialog = document().query_selector("dialog[open]").ok().flatten().is_some();
    Press {
        modified: ev.ctrl_key() || ev.alt_key() || ev.meta_key(),
        in_field,
        in_dialog,
        repeat: ev.repeat(),
    }
}

/// Listens for the shortcuts while mounted and shows their help on `?`.
#[component]
pub fn Shortcuts() -> impl IntoView {
    let go = use_go();
    let help = RwSignal::new(false);
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let Some(shortcut) = shortcut_for(&ev.key(), press_of(&ev)) else {
            return;
        };
        match shortcut {
            // Only the list has a search field; elsewhere `/` stays the browser's.
            Shortcut::Search => match document()
                .get_element_by_id(SEARCH_FIELD_ID)
                .and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok())
            {
                Some(field) => {
                    let _ = field.focus();
                }
                None => return,
            },
            Shortcut::Add => go(&Route::New { from: None }, NavigateOptions::default()),
            Shortcut::Help => help.set(true),
        }
        ev.prevent_default();
    });
    on_cleanup(move || handle.remove());
    view! { <ShortcutsHelp open=help /> }
}

/// The dialog listing every shortcut.
#[component]
fn ShortcutsHelp(open: RwSignal<bool>) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    show_modal_while(dialog, move || open.get());
    view! {
        <dialog
            node_ref=dialog
            class="dialog"
            aria-labelledby="shortcuts-title"
            data-testid="shortcuts-dialog"
            on:close=move |_| open.set(false)
        >
            <h2 id="shortcuts-title" class="dialog-title">"Keyboard shortcuts"</h2>
            <dl class="dialog-body shortcuts">
                {Shortcut::ALL
                    .into_iter()
                    .map(|s| view! { <dt><kbd>{s.key()}</kbd></dt><dd>{s.description()}</dd> })
                    .collect_view()}
            </dl>
            <p class="muted">"Shortcuts do nothing while you type in a field."</p>
            <div class="dialog-actions">
                <button type="button" class="btn btn-primary" on:click=move |_| open.set(false)>"Close"</button>
            </div>
        </dialog>
    }
}
