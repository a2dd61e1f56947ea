//! The keyboard shortcuts (`/`, `n`, `?`) and the dialog that lists them.

use super::button::{Appearance, Button};
use super::lazy::{split_point, LazyDialog};
use super::modal::Modal;
use crate::app::nav::use_go;
use crate::model::route::Screen;
use crate::model::shortcut::{shortcut_for, Press, Shortcut};
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
            Shortcut::Add => go(&Screen::New { from: None }, NavigateOptions::default()),
            Shortcut::Help => help.set(true),
        }
        ev.prevent_default();
    });
    on_cleanup(move || handle.remove());
    view! { <LazyDialog open=help render=move || render_shortcuts_help(help) /> }
}

// The help's code comes in a chunk of its own, fetched the first time `?` is pressed.
split_point!(shortcuts_help, render_shortcuts_help, |open: RwSignal<bool>| view! {
    <ShortcutsHelp open />
});

/// The dialog listing every shortcut.
#[component]
fn ShortcutsHelp(open: RwSignal<bool>) -> impl IntoView {
    let close = Callback::new(move |()| open.set(false));
    view! {
        <Modal open title="Keyboard shortcuts" on_close=close testid="shortcuts-dialog">
            <dl class="dialog-body shortcuts">
                {Shortcut::ALL
                    .into_iter()
                    .map(|s| view! { <dt><kbd>{s.key()}</kbd></dt><dd>{s.description()}</dd> })
                    .collect_view()}
            </dl>
            <p class="muted">"Shortcuts do nothing while you type in a field."</p>
            <div class="dialog-actions">
                <Button appearance=Appearance::Primary on_click=close>"Close"</Button>
            </div>
        </Modal>
    }
}
