//! Idle sign-out: after a while without the user's hand on the page, the
//! console forgets the token and shows sign-in over the page (so nothing
//! entered is lost), having warned a minute before with a way to stay.
//! The rules are `model::idle`.

use super::button::{Appearance, Button};
use crate::app::session::use_session;
use crate::model::idle::{idle_state, signed_out_reason, warning_lead_ms, Idle};
use leptos::prelude::*;
use leptos_use_idle::{use_idle_with_options, UseIdleOptions, UseIdleReturn};
use leptos_use_interval_fn::use_interval_fn;

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

/// One signed-in stretch: [`use_idle`](leptos_use_idle::use_idle) says when
/// the warning is due; the warning counts down.
#[component]
fn Watch(timeout_ms: u64) -> impl IntoView {
    let options = UseIdleOptions::default()
        .events(ACTIVITY.map(String::from).to_vec())
        .listen_for_visibility_change(false);
    let UseIdleReturn {
        idle,
        last_active,
        reset,
    } = use_idle_with_options(timeout_ms - warning_lead_ms(timeout_ms), options);
    let stay = Callback::new(move |()| reset());
    move || idle.get().then(|| view! { <Warning timeout_ms last_active stay /> })
}

/// The countdown to sign-out, from the last activity; signs out at zero.
#[component]
fn Warning(timeout_ms: u64, last_active: Signal<f64>, stay: Callback<()>) -> impl IntoView {
    let session = use_session();
    let elapsed = move || (js_sys::Date::now() - last_active.get_untracked()).max(0.0) as u64;
    let left = RwSignal::new(idle_state(elapsed(), timeout_ms));
    // A clock: each second, the seconds left, or the sign-out.
    use_interval_fn(
        move || match idle_state(elapsed(), timeout_ms) {
            Idle::Out => session.lock(signed_out_reason(timeout_ms)),
            now => left.set(now),
        },
        1000,
    );
    move || match left.get() {
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
