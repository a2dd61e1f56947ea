//! The search box: debounced, and in step with the URL.

use super::super::{go_to, ListContext};
use crate::app::nav::use_go;
use crate::components::shortcuts::SEARCH_FIELD_ID;
use crate::model::list_state::ListState;
use leptos::prelude::*;
use leptos_use_fn_debounce_throttle::use_debounce_fn;

/// Debounce of the search box, in milliseconds.
const SEARCH_DEBOUNCE_MS: f64 = 300.0;

/// Searches by name or id as the user types.
#[component]
pub fn SearchBox() -> impl IntoView {
    let state = expect_context::<ListContext>().state;
    let navigate = use_go();
    let search = RwSignal::new(state.get_untracked().search);
    // Back/forward or a pasted link changes the URL: show its search text.
    Effect::new(move |_| {
        let s = state.get().search;
        if search.get_untracked().trim() != s {
            search.set(s);
        }
    });
    let apply = use_debounce_fn(
        move || {
            let st = state.get_untracked();
            let text = search.get_untracked().trim().to_string();
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
            prop:value=move || search.get()
            on:input:target=move |ev| {
                search.set(ev.target().value());
                apply();
            }
        />
    }
}
