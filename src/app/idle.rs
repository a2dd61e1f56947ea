//! Idle sign-out: after a while without the user's hand on the page, the
//! console forgets the token and shows sign-in over the page (so nothing
//! entered is lost), having warned a minute before with a way to stay.

use super::session::use_session;
use leptos::prelude::*;
use std::time::Duration;

/// What counts as the user being there.
const ACTIVITY: [&str; 5] = ["pointerdown", "keydown", "wheel", "touchstart", "scroll"];

/// How long before sign-out the warning shows: a minute, or half the
/// timeout when that is shorter.
pub fn warning_lead_ms(timeout_ms: u64) -> u64 {
    (timeout_ms / 2).min(60_000)
}

/// What the watch should show `elapsed_ms` after the last activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Idle {
    Active,
    /// The warning, with the seconds left.
    Warn(u64),
    /// Sign out now.
    Out,
}

/// The state of the watch; pure.
pub fn idle_state(elapsed_ms: u64, timeout_ms: u64) -> Idle {
    if elapsed_ms >= timeout_ms {
        Idle::Out
    } else if elapsed_ms >= timeout_ms - warning_lead_ms(timeout_ms) {
        Idle::Warn((timeout_ms - elapsed_ms).div_ceil(1000))
    } else {
        Idle::Active
    }
}

fn minutes_label(timeout_ms: u64) -> String {
    match timeout_ms.div_ceil(60_000) {
        1 => "a minute".into(),
        n => format!("{n} minutes"),
    }
}

/// Watches for activity while signed in; warns, then signs out.
#[component]
pub fn IdleWatch(timeout_ms: u64) -> impl IntoView {
    let session = use_session();
    let last = StoredValue::new(js_sys::Date::now());
    let state = RwSignal::new(Idle::Active);
    for event in ACTIVITY {
        let handle = window_event_listener_untyped(event, move |_| {
            last.set_value(js_sys::Date::now());
            state.set(Idle::Active);
        });
        on_cleanup(move || handle.remove());
    }
    let tick = move || {
        if !session.is_signed_in() {
            last.set_value(js_sys::Date::now());
            state.set(Idle::Active);
            return;
        }
        let elapsed = (js_sys::Date::now() - last.get_value()).max(0.0) as u64;
        match idle_state(elapsed, timeout_ms) {
            Idle::Out => {
                state.set(Idle::Active);
                session.lock(format!(
                    "You were signed out after {} without activity, and the token was forgotten. Sign in again to continue where you were.",
                    minutes_label(timeout_ms)
                ));
            }
            now => state.set(now),
        }
    };
    if let Ok(handle) = set_interval_with_handle(tick, Duration::from_millis(500)) {
        on_cleanup(move || handle.clear());
    }
    let stay = move |_| {
        last.set_value(js_sys::Date::now());
        state.set(Idle::Active);
    };
    move || match state.get() {
        Idle::Warn(seconds) => Some(view! {
            <div class="idle-warning" role="alert" data-testid="idle-warning">
                <span>{format!("You will be signed out in {seconds} s for inactivity.")}</span>
                <button type="button" class="btn btn-primary btn-small" data-testid="stay-signed-in" on:click=stay>
                    "Stay signed in"
                </button>
            </div>
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_minutes_warning_then_sign_out() {
        let fifteen = 15 * 60_000;
        assert_eq!(idle_state(0, fifteen), Idle::Active);
        assert_eq!(idle_state(fifteen - 60_001, fifteen), Idle::Active);
        assert_eq!(idle_state(fifteen - 60_000, fifteen), Idle::Warn(60));
        assert_eq!(idle_state(fifteen - 1, fifteen), Idle::Warn(1));
        assert_eq!(idle_state(fifteen, fifteen), Idle::Out);
        // A short timeout (tests) warns for half of it.
        assert_eq!(idle_state(3_000, 6_000), Idle::Warn(3));
        assert_eq!(minutes_label(6_000), "a minute");
        assert_eq!(minutes_label(fifteen), "15 minutes");
    }
}
