//! The search box: debounced, and in step with the URL.

use super::super::{go_to, use_list_context};
use crate::app::nav::use_go;
use crate::components::shortcuts::SEARCH_FIELD_ID;
use crate::model::list_state::ListState;
use leptos::html::Input;
use leptos::prelude::*;
use leptos_use_fn_debounce_throttle::use_debounce_fn;

/// Debounce of the search box, in milliseconds.
const SEARCH_DEBOUNCE_MS: f64 = 300.0;

/// Searches by name or id as the user types.
#[component]
pub fn SearchBox() -> impl IntoView {
    let state = use_list_context().state;
    let navigate = use_go();
    let field = NodeRef::<Input>::new();
    // The DOM: Back/forward or a pasted link changes the URL; the field shows its search.
    Effect::new(move |_| {
        let search = state.with(|s| s.search.clone());
        if let Some(el) = field.get() {
            if el.value().trim() != search {
                el.set_value(&search);
            }
        }
    });
    let apply = use_debounce_fn(
        move || {
            let st = state.get_untracked();
            let text = field
                .get_untracked()
                .map(|el| el.value())
                .unwrap_or_default()
                .trim()
                .to_string();
            if text != st.search {
                go_to(
                    &navigate,
                    &ListState {
                        search: text,
                        page: 1,
                        ..st
                    },
                    true,
                );
            }
        },
        SEARCH_DEBOUNCE_MS,
    );
    view! {
        <input
            type="search"
            id=SEARCH_FIELD_ID
            aria-keyshortcuts="/"
            class="search"
            aria-label="Search API tokens by name"
            placeholder="Search by name"
            data-testid="search"
            maxlength="200"
            node_ref=field
            value=state.get_untracked().search
            on:input=move |_| {
                apply();
            }
        />
    }
}
