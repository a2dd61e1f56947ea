//! Where "back to the list" goes: the list as it was last seen, filters and
//! page included. Kept in sessionStorage so a reload of a details page keeps
//! it; only list state is kept, so whatever storage holds, back leads to the list.

use crate::app::stored::{use_stored, Area};
use crate::model::list_state::ListState;
use crate::model::route::Screen;
use leptos::prelude::*;

const KEY: &str = "tokens-console.list-query";

/// The list to return to, shared through context.
#[derive(Clone, Copy)]
pub struct ListReturn {
    stored: Signal<String>,
    set: WriteSignal<String>,
}

/// The list route a stored query (`?q=x&page=2`) describes.
fn route_of(query: &str) -> Screen {
    Screen::List(ListState::from_query(query))
}

impl ListReturn {
    /// The list route (tracked).
    pub fn route(&self) -> Screen {
        self.stored.with(|q| route_of(q))
    }

    /// Remembers the list's current state.
    pub fn remember(&self, state: &ListState) {
        self.set.set(state.to_query());
    }
}

pub fn provide_list_return() {
    let (stored, set, _) = use_stored(Area::Session, KEY);
    provide_context(ListReturn { stored, set });
}

/// The memory provided by [`provide_list_return`].
pub fn use_list_return() -> ListReturn {
    expect_context::<ListReturn>()
}

#[cfg(test)]
mod tests {
    use super::route_of;
    use crate::model::route::Screen;

    #[test]
    fn whatever_is_stored_leads_back_to_a_list() {
        assert_eq!(route_of("?q=x&page=2").path(), "/api-tokens?q=x&page=2");
        assert_eq!(route_of(""), Screen::list());
        for junk in [
            "https://evil.example/",
            "//evil.example",
            "/api-tokens/TKN-1/general",
            "?page=%zz",
        ] {
            assert_eq!(route_of(junk), Screen::list(), "{junk}");
        }
    }
}
