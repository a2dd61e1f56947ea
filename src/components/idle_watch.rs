//! Idle sign-out: after a while without the user's hand on the page, the
//! console forgets the token and shows sign-in over the page (so nothing
//! entered is lost), having warned a minute before with a way to stay.
//! The rules are `model::idle`. (On the browser's own listeners and a
//! one-second clock: leptos-use's `use_idle` and `use_interval_fn` cost
//! 4.2 KiB brotli of first load for the same; see FIGURES.md.)

use super::button::{Appearance, Button};
use crate::app::session::use_session;
use crate::model::idle::{idle_state, signed_out_reason, Idle};
use leptos::prelude::*;
use std::time::Duration;

/// What counts as the user being there. A tab coming back into view does not
/// (a hidden tab's timers run late; returning to it must not undo a sign-out
/// that was due meanwhile).
const ACTIVITY: [&str; 5] = ["pointerdown", "keydown", "wheel", "touchstart", "scroll"];

/// Watches for activity while signed in: from each sign-in on, warns, then
/// signs out.
#[component]
pub fn IdleWatch(timeout_ms: u64) -> impl IntoView {
    let session = use_session();
    move || session.is_signed_in().then(|| view! { <Watch timeout_ms /> })
}

/// One signed-in stretch: the time of the last activity, and a clock that
/// turns it into the state each second.
#[component]
fn Watch(timeout_ms: u64) -> impl IntoView {
    let session = use_session();
    let last = StoredValue::new(js_sys::Date::now());
    let state = RwSignal::new(Idle::Active);
    let set = move |now: Idle| {
        if state.get_untracked() != now {
            state.set(now);
        }
    };
    // The outside world: any activity on the page resets the clock.
    for event in ACTIVITY {
        let handle = window_event_listener_untyped(event, move |_| {
            last.set_value(js_sys::Date::now());
            set(Idle::Active);
        });
        on_cleanup(move || handle.remove());
    }
    let tick = move || {
        let elapsed = (js_sys::Date::now() - last.get_value()).max(0.0) as u64;
        match idle_state(elapsed, timeout_ms) {
            Idle::Out => session.lock(signed_out_reason(timeout_ms)),
            now => set(now),
        }
    };
    if let Ok(handle) = set_interval_with_handle(tick, Duration::from_secs(1)) {
        on_cleanup(move || handle.clear());
    }
    let stay = Callback::new(move |()| {
        last.set_value(js_sys::Date::now());
        set(Idle::Active);
    });
    move || match state.get() {
        Idle::Warn(seconds) => Some(view! {
            <div class="idle-warning" role="alert" data-testid="idle-warning">
                <span>{format!("You will be signed out in {seconds} s for inactivity.")}</span>
                <Button appearance=Appearance::Primary small=true testid="stay-signed-in" on_click=stay>
                    "Stay signed in"
                </Button>
            </div>
        }),
        _ => None,
    }
}
