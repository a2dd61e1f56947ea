//! The ••• actions menu: a menu button operable by keyboard (Enter/Space or
//! arrows open it, arrows move, Esc closes, focus returns to the button).
//! It offers values and hands the chosen one to `on_select`.

use leptos::html::{Button, Div};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What an [`ActionsMenu`] entry shows.
pub trait MenuItem: Copy + Send + Sync + 'static {
    /// Visible label.
    fn label(&self) -> &'static str;
    /// Styled as destructive.
    fn danger(&self) -> bool {
        false
    }
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

/// Open or closed, and the parts that move focus.
#[derive(Clone, Copy)]
struct MenuState {
    open: RwSignal<bool>,
    button: NodeRef<Button>,
    menu: NodeRef<Div>,
}

impl MenuState {
    fn close(self, refocus: bool) {
        self.open.set(false);
        if refocus {
            if let Some(b) = self.button.try_get_untracked().flatten() {
                let _ = b.focus();
            }
        }
    }

    fn open_at(self, last: bool) {
        self.open.set(true);
        focus_item(self.menu, move |n, _| if last { n - 1 } else { 0 });
    }

    fn on_button_key(self, ev: web_sys::KeyboardEvent) {
        let last = match ev.key().as_str() {
            "Enter" | " " | "ArrowDown" => false,
            "ArrowUp" => true,
            _ => return,
        };
        ev.prevent_default();
        self.open_at(last);
    }

    fn on_menu_key(self, ev: web_sys::KeyboardEvent) {
        let to: fn(usize, Option<usize>) -> usize = match ev.key().as_str() {
            "ArrowDown" => |n, cur| cur.map_or(0, |c| (c + 1) % n),
            "ArrowUp" => |n, cur| cur.map_or(n - 1, |c| (c + n - 1) % n),
            "Home" => |_, _| 0,
            "End" => |n, _| n - 1,
            "Escape" => {
                ev.prevent_default();
                return self.close(true);
            }
            "Tab" => return self.close(false),
            _ => return,
        };
        ev.prevent_default();
        focus_item(self.menu, to);
    }
}

/// A ••• button opening a menu of `items`; `label` names it for screen readers.
#[component]
pub fn ActionsMenu<V: MenuItem>(
    #[prop(into)] label: String,
    items: Vec<V>,
    #[prop(into)] on_select: Callback<V>,
) -> impl IntoView {
    let state = MenuState {
        open: RwSignal::new(false),
        button: NodeRef::new(),
        menu: NodeRef::new(),
    };
    let root = NodeRef::<Div>::new();
    let menu_id = super::dom_id::dom_id("menu");
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
            state.open.try_set(false);
        }
    };
    // A page left while the menu answered a click (its item navigated) can
    // be disposed before these views are dropped: a read then says closed.
    let open = move || state.open.try_get().unwrap_or(false);
    // Built on opening: a page of rows then makes one button each, not six.
    let items = StoredValue::new(items);
    let entries = move || {
        open().then(|| {
            items
                .get_value()
                .into_iter()
                .map(|item| {
                    view! {
                        <button
                            type="button"
                            role="menuitem"
                            tabindex="-1"
                            class=if item.danger() { "menu-item danger" } else { "menu-item" }
                            on:click=move |_| {
                                state.close(true);
                                on_select.run(item);
                            }
                        >
                            {item.label()}
                        </button>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div node_ref=root class="menu" on:focusout=on_focus_out>
            <button
                node_ref=state.button
                type="button"
                class="icon-btn menu-button"
                aria-label=label
                aria-haspopup="menu"
                aria-controls=menu_id.clone()
                aria-expanded=move || open().to_string()
                data-testid="row-actions"
                on:click=move |_| if state.open.get_untracked() { state.close(false) } else { state.open_at(false) }
                on:keydown=move |ev| state.on_button_key(ev)
            >
                "•••"
            </button>
            <div node_ref=state.menu id=menu_id role="menu" class="menu-list" hidden=move || !open() on:keydown=move |ev| state.on_menu_key(ev)>
                {entries}
            </div>
        </div>
    }
}
