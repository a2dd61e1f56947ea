//! Where "back to the list" goes: the list's last URL, filters and page
//! included. Kept in sessionStorage so a reload of a details page keeps it.

use codee::string::FromToStringCodec;
use leptos::prelude::*;
use leptos_use_storage::use_session_storage;

const KEY: &str = "tokens-console.list-url";
const LIST: &str = "/api-tokens";

/// The list URL to return to, shared through context.
#[derive(Clone, Copy)]
pub struct ListReturn {
    stored: Signal<String>,
    set: WriteSignal<String>,
}

/// Only list URLs are returned to, whatever storage holds.
fn sanitize(url: &str) -> String {
    if url == LIST || url.starts_with("/api-tokens?") {
        url.to_string()
    } else {
        LIST.to_string()
    }
}

impl ListReturn {
    /// The URL (tracked).
    pub fn url(&self) -> String {
        self.stored.with(|u| sanitize(u))
    }

    /// Remembers the list's current URL.
    pub fn remember(&self, url: String) {
        self.set.set(url);
    }
}

/// Provides the memory.
pub fn provide_list_return() {
    let (stored, set, _) = use_session_storage::<String, FromToStringCodec>(KEY);
    provide_context(ListReturn { stored, set });
}

/// The memory provided by [`provide_list_return`].
pub fn use_list_return() -> ListReturn {
    expect_context::<ListReturn>()
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn only_list_urls_are_returned_to() {
        assert_eq!(sanitize("/api-tokens?q=x&page=2"), "/api-tokens?q=x&page=2");
        assert_eq!(sanitize(""), "/api-tokens");
        assert_eq!(sanitize("https://evil.example/"), "/api-tokens");
        assert_eq!(sanitize("//evil.example"), "/api-tokens");
        assert_eq!(sanitize("/api-tokens/TKN-1/general"), "/api-tokens");
    }
}
