//! The ••• actions menu: a menu button operable by keyboard (Enter/Space or
//! arrows open it, arrows move, Esc closes, focus returns to the button).

use leptos::html::{Button, Div};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One entry of an [`ActionsMenu`].
#[derive(Clone)]
pub struct MenuEntry {
    /// Visible label.
    pub label: &'static str,
    /// What choosing it does.
    pub on_select: Callback<()>,
    /// Styled as destructive.
    pub danger: bool,
}

fn items(menu: &web_sys::HtmlElement) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = menu.query_selector_all("[role=menuitem]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// Focuses an item on the next frame. By then the menu may be gone (a row
/// deleted, a page left; WebKit can run the frame much later), hence `try_`.
fn focus_item(menu: NodeRef<Div>, which: impl Fn(usize, Option<usize>) -> usize + 'static) {
    request_animation_frame(move || {
        let Some(Some(menu)) = menu.try_get_untracked() else {
            return;
        };
        let all = items(&menu);
        if all.is_empty() {
            return;
        }
        let active = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element());
        let current = active.and_then(|a| all.iter().position(|i| a == **i));
        if let Some(item) = all.get(which(all.len(), current) % all.len()) {
            let _ = item.focus();
        }
    });
}

/// A ••• button opening a menu of `entries`; `label` names it for screen readers.
#[component]
pub fn ActionsMenu(#[prop(into)] label: String, entries: Vec<MenuEntry>) -> impl IntoView {
    let open = RwSignal::new(false);
    let button = NodeRef::<Button>::new();
    let menu = NodeRef::<Div>::new();
    let root = NodeRef::<Div>::new();
    let menu_id = format!("menu-{}", js_sys::Math::random().to_bits());

    let close = move |refocus: bool| {
        open.set(false);
        if refocus {
            if let Some(b) = button.try_get_untracked().flatten() {
                let _ = b.focus();
            }
        }
    };
    let open_at = move |last: bool| {
        open.set(true);
        focus_item(menu, move |n, _| if last { n - 1 } else { 0 });
    };

    let on_button_key = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "Enter" | " " | "ArrowDown" => {
            ev.prevent_default();
            open_at(false);
        }
        "ArrowUp" => {
            ev.prevent_default();
            open_at(true);
        }
        _ => {}
    };
    let on_menu_key = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" => {
            ev.prevent_default();
            focus_item(menu, |n, cur| cur.map_or(0, |c| (c + 1) % n));
        }
        "ArrowUp" => {
            ev.prevent_default();
            focus_item(menu, |n, cur| cur.map_or(n - 1, |c| (c + n - 1) % n));
        }
        "Home" => {
            ev.prevent_default();
            focus_item(menu, |_, _| 0);
        }
        "End" => {
            ev.prevent_default();
            focus_item(menu, |n, _| n - 1);
        }
        "Escape" => {
            ev.prevent_default();
            close(true);
        }
        "Tab" => close(false),
        _ => {}
    };
    // Focus leaving the whole widget (a click elsewhere, Tab away) closes it.
    // Removing the widget (its row deleted) also moves focus out, possibly
    // after its owner is gone: hence the `try_` accessors.
    let on_focus_out = move |ev: web_sys::FocusEvent| {
        let inside = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .zip(root.try_get_untracked().flatten())
            .is_some_and(|(to, root)| root.contains(Some(&to)));
        if !inside {
            open.try_set(false);
        }
    };

    let entries = StoredValue::new(entries);
    view! {
        <div node_ref=root class="menu" on:focusout=on_focus_out>
            <button
                node_ref=button
                type="button"
                class="icon-btn menu-button"
                aria-label=label
                aria-haspopup="menu"
                aria-controls=menu_id.clone()
                aria-expanded=move || open.get().to_string()
                data-testid="row-actions"
                on:click=move |_| if open.get_untracked() { close(false) } else { open_at(false) }
                on:keydown=on_button_key
            >
                "•••"
            </button>
            <div node_ref=menu id=menu_id role="menu" class="menu-list" hidden=move || !open.get() on:keydown=on_menu_key>
                {entries
                    .get_value()
                    .into_iter()
                    .map(|entry| {
                        let on_select = entry.on_select;
                        view! {
                            <button
                                type="button"
                                role="menuitem"
                                tabindex="-1"
                                class=if entry.danger { "menu-item danger" } else { "menu-item" }
                                on:click=move |_| {
                                    close(true);
                                    on_select.run(());
                                }
                            >
                                {entry.label}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </div>
    }
}
