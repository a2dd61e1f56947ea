//! Catching the browser's Back while the guard holds something: an extra
//! history entry with the page's own URL sits above the page's entry, so
//! Back first lands on the same page, where the guard can ask. The router
//! never sees the extra entry: its pops are taken before the router's.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The history state that marks the extra entry.
const MARKER: &str = "tokens-console:leave-guard";

fn history() -> Option<web_sys::History> {
    web_sys::window()?.history().ok()
}

/// The extra entry and what the next `popstate` means.
#[derive(Clone, Copy)]
pub struct BackStop {
    /// The extra entry is in the history, above the page's own.
    pushed: StoredValue<bool, LocalStorage>,
    /// The next `popstate` is this stop removing its entry.
    ours: StoredValue<bool, LocalStorage>,
}

/// What a `popstate` is to the guard.
#[derive(Debug, PartialEq, Eq)]
pub enum HistoryStep {
    /// The stop's own removal of its entry: nobody else needs to hear.
    StopRemoved,
    /// Back left the extra entry for the page's own (the same URL).
    BackFromStop,
    /// Any other history step, for the router.
    Other,
}

impl BackStop {
    /// A stop that adopts an extra entry left current by the page's
    /// previous life (a reload while something was held), so that the next
    /// [`BackStop::lower`] removes it and one Back leaves the page again.
    pub fn new() -> Self {
        BackStop {
            pushed: StoredValue::new_local(Self::on_top()),
            ours: StoredValue::new_local(false),
        }
    }

    /// Whether the extra entry is the current one.
    fn on_top() -> bool {
        history()
            .and_then(|h| h.state().ok())
            .and_then(|s| s.as_string())
            .is_some_and(|s| s == MARKER)
    }

    /// Puts the extra entry above the current one (once). Chromium's Back
    /// skips entries left without the user having acted on the page, so
    /// this follows the user's own acts (what created the held thing, Stay).
    pub fn raise(self) {
        if self.pushed.get_value() {
            return;
        }
        if let Some(h) = history() {
            if h.push_state(&JsValue::from_str(MARKER), "").is_ok() {
                self.pushed.set_value(true);
            }
        }
    }

    /// Removes the extra entry if it is the current one (nothing is held
    /// any more and the user is still on the page).
    pub fn lower(self) {
        if take(self.pushed) && Self::on_top() {
            if let Some(h) = history() {
                self.ours.set_value(h.back().is_ok());
            }
        }
    }

    /// Forgets the extra entry, which the caller's own navigation replaces
    /// or leaves behind; whether it was the current entry.
    pub fn forget(self) -> bool {
        take(self.pushed) && Self::on_top()
    }

    /// Reads a `popstate`.
    pub fn pop(self) -> HistoryStep {
        if take(self.ours) {
            HistoryStep::StopRemoved
        } else if self.pushed.get_value() && !Self::on_top() {
            self.pushed.set_value(false);
            HistoryStep::BackFromStop
        } else {
            HistoryStep::Other
        }
    }
}

/// Clears `flag`, returning whether it was set.
fn take(flag: StoredValue<bool, LocalStorage>) -> bool {
    flag.try_update_value(std::mem::take).unwrap_or(false)
}
