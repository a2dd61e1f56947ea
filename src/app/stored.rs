//! A string kept in the browser's sessionStorage or localStorage, as a
//! signal: read once when created, written whenever it changes (an empty
//! string removes the key), and for localStorage updated when another tab
//! writes it. Storage that refuses (private mode, a full quota) leaves the
//! value in memory. (A few lines over `web_sys::Storage`: leptos-use's
//! storage signal, with its codecs, cost 5.8 KiB brotli of first load for
//! the same; see FIGURES.md.)

use leptos::prelude::*;
use web_sys::Storage;

/// Which of the browser's storages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    /// This tab's, until it closes.
    Session,
    /// This browser's, for every tab.
    Local,
}

fn storage(area: Area) -> Option<Storage> {
    let window = web_sys::window()?;
    match area {
        Area::Session => window.session_storage().ok().flatten(),
        Area::Local => window.local_storage().ok().flatten(),
    }
}

fn write(area: Area, key: &str, value: &str) {
    let Some(s) = storage(area) else { return };
    // A refusal leaves the value in memory only: nothing more to do.
    let _ = if value.is_empty() {
        s.remove_item(key)
    } else {
        s.set_item(key, value)
    };
}

/// The value under `key` in `area` (empty when missing), a setter, and a
/// way to forget it.
pub fn use_stored(
    area: Area,
    key: &'static str,
) -> (
    Signal<String>,
    WriteSignal<String>,
    impl Fn() + Clone + Send + Sync + 'static,
) {
    let initial = storage(area)
        .and_then(|s| s.get_item(key).ok().flatten())
        .unwrap_or_default();
    let (value, set) = signal(initial);
    // The outside world: the browser's storage follows the value (not on the
    // first run: it was just read from there).
    Effect::new(move |first: Option<()>| {
        let v = value.get();
        if first.is_some() {
            write(area, key, &v);
        }
    });
    if area == Area::Local {
        // The outside world: another tab wrote the key.
        let handle = window_event_listener(leptos::ev::storage, move |e| {
            if e.key().as_deref() == Some(key) {
                set.set(e.new_value().unwrap_or_default());
            }
        });
        on_cleanup(move || handle.remove());
    }
    let forget = move || {
        set.set(String::new());
        write(area, key, "");
    };
    (value.into(), set, forget)
}
