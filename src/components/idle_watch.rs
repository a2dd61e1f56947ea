//! Idle sign-out: after a while without the user's hand on the page, the
//! console forgets the token and shows sign-in over the page (so nothing
//! entered is lost), having warned a minute before with a way to stay.
//! The rules are `model::idle`. Activity in any tab of the console counts
//! (the tabs tell each other, at most every few seconds), so one tab left
//! alone does not lock the one in use. (On the browser's own listeners and a
//! one-second clock: leptos-use's `use_idle` and `use_interval_fn` cost
//! 4.2 KiB brotli of first load for the same; see FIGURES.md.)

use super::button::{Appearance, Button};
use crate::app::session::use_session;
use crate::app::tabs::use_tabs;
use crate::model::idle::{idle_state, signed_out_reason, Idle};
use crate::model::tab_message::TabMessage;
use leptos::prelude::*;
use std::time::Duration;

/// What counts as the user being there. A tab coming back into view does not
/// (a hidden tab's timers run late; returning to it must not undo a sign-out
/// that was due meanwhile).
const ACTIVITY: [&str; 5] = ["pointerdown", "keydown", "wheel", "touchstart", "scroll"];

/// How often at most this tab tells the others the user is here.
const TELL_EVERY_MS: f64 = 5_000.0;

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
    let tabs = use_tabs();
    let told = StoredValue::new(0.0);
    // The outside world: any activity on the page resets the clock here and,
    // now and then, in the other tabs.
    for event in ACTIVITY {
        let tabs = tabs.clone();
        let handle = window_event_listener_untyped(event, move |_| {
            let now = js_sys::Date::now();
            last.set_value(now);
            set(Idle::Active);
            if now - told.get_value() >= TELL_EVERY_MS {
                told.set_value(now);
                tabs.tell(&TabMessage::Active);
            }
        });
        on_cleanup(move || handle.remove());
    }
    tabs.listen(move |message| {
        if *message == TabMessage::Active {
            last.set_value(js_sys::Date::now());
            set(Idle::Active);
        }
    });
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
