//! When the person last used the page (a click, key, wheel, touch or
//! scroll), heard once for the whole console, in the capture phase so that a
//! handler stopping an event's propagation does not hide it. Idle sign-out
//! counts from it, and the chunk download waits until it is a second old.

use super::window_events::on_window;
use leptos::prelude::*;

/// What counts as the person being there. A tab coming back into view does
/// not (a hidden tab's timers run late; returning to it must not undo an
/// idle sign-out that was due meanwhile).
const EVENTS: [&str; 5] = ["pointerdown", "keydown", "wheel", "touchstart", "scroll"];

/// The time of the last activity (milliseconds since the epoch), from the
/// console's start. Read when needed: nothing re-renders on each scroll.
#[derive(Clone, Copy)]
pub struct Activity(StoredValue<f64>);

impl Activity {
    /// The last activity's time.
    pub fn last(self) -> f64 {
        self.0.try_get_value().unwrap_or(0.0)
    }

    /// How long ago the last activity was. A clock set back before it counts
    /// as activity now, rather than as a wait for the clock to catch up.
    pub fn quiet_for(self) -> f64 {
        let now = js_sys::Date::now();
        let last = self.last();
        if now < last {
            self.0.try_set_value(now);
            return 0.0;
        }
        now - last
    }
}

/// Listens for activity on the window while the current owner lives.
pub fn provide_activity() {
    let last = StoredValue::new(js_sys::Date::now());
    // (Browsers treat a window's wheel and touch listeners as passive.)
    on_window(&EVENTS, true, move |_| {
        last.try_set_value(js_sys::Date::now());
    });
    provide_context(Activity(last));
}

/// The activity provided by [`provide_activity`].
pub fn use_activity() -> Activity {
    expect_context::<Activity>()
}
