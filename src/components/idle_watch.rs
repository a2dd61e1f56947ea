//! Idle sign-out: after a while without the user's hand on the page, the
//! console forgets the token and shows sign-in over the page (so nothing
//! entered is lost), having warned a minute before with a way to stay.
//! The rules are `model::idle`. Activity in any tab of the console counts
//! (the tabs tell each other, at most every few seconds), so one tab left
//! alone does not lock the one in use. (On `app::activity`'s listeners and a
//! one-second clock: leptos-use's `use_idle` and `use_interval_fn` cost
//! 4.2 KiB brotli of first load for the same; see FIGURES.md.)

use super::button::{Appearance, Button};
use crate::app::activity::use_activity;
use crate::app::session::use_session;
use crate::app::tabs::use_tabs;
use crate::model::idle::{idle_state, signed_out_reason, Idle};
use crate::model::tab_message::TabMessage;
use leptos::prelude::*;
use std::time::Duration;

/// How often at most this tab tells the others the user is here.
const TELL_EVERY_MS: f64 = 5_000.0;

/// Watches for activity while signed in: from each sign-in on, warns, then
/// signs out.
#[component]
pub fn IdleWatch(timeout_ms: u64) -> impl IntoView {
    let session = use_session();
    move || session.is_signed_in().then(|| view! { <Watch timeout_ms /> })
}

/// One signed-in stretch: a clock that turns the last activity (on this
/// page, in another tab or on "Stay signed in", none from before the
/// sign-in) into the state each second.
#[component]
fn Watch(timeout_ms: u64) -> impl IntoView {
    let session = use_session();
    let activity = use_activity();
    let tabs = use_tabs();
    // The sign-in, another tab's activity, or "Stay signed in".
    let renewed = StoredValue::new(js_sys::Date::now());
    let state = RwSignal::new(Idle::Active);
    let set = move |now: Idle| {
        if state.get_untracked() != now {
            state.set(now);
        }
    };
    tabs.listen(move |message| {
        if *message == TabMessage::Active {
            renewed.set_value(js_sys::Date::now());
            set(Idle::Active);
        }
    });
    // The clock. It also tells the other tabs of this page's activity, at
    // most every few seconds.
    let told = StoredValue::new(0.0);
    let tick = move || {
        let now = js_sys::Date::now();
        let here = activity.last();
        if here > told.get_value() && now - told.get_value() >= TELL_EVERY_MS {
            told.set_value(now);
            tabs.tell(&TabMessage::Active);
        }
        let elapsed = (now - here.max(renewed.get_value())).max(0.0) as u64;
        match idle_state(elapsed, timeout_ms) {
            Idle::Out => session.lock(signed_out_reason(timeout_ms)),
            now => set(now),
        }
    };
    if let Ok(handle) = set_interval_with_handle(tick, Duration::from_secs(1)) {
        on_cleanup(move || handle.clear());
    }
    let stay = Callback::new(move |()| {
        renewed.set_value(js_sys::Date::now());
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
