//! The leave guard's window listeners: while a page holds something, closing
//! or reloading the tab is asked about (`beforeunload` cancelled) and a click
//! on a console link is caught before the router follows it; when nothing is
//! held, or once the guard is gone, the window's events are left alone.

use crate::support::{click, js, mount, until};
use leptos::prelude::*;
use leptos_router::components::Router;
use tokens_console::app::leave_guard::{provide_leave_guard, Holding, LeaveGuard};
use wasm_bindgen_test::*;

/// Whether a cancellable `beforeunload` sent to the window was cancelled.
fn unload_cancelled() -> bool {
    js("const e = new Event('beforeunload', { cancelable: true });
        let failed = null;
        const caught = (ev) => { failed = ev.message || String(ev.error); ev.preventDefault(); };
        window.addEventListener('error', caught);
        window.dispatchEvent(e);
        window.removeEventListener('error', caught);
        if (failed) throw new Error('a beforeunload listener failed: ' + failed);
        return e.defaultPrevented;")
    .as_bool()
    .unwrap_or(false)
}

/// A page with a console link that holds something while `held`; the guard
/// lives in `owner`, so that the test can end it.
#[component]
fn Holder(held: RwSignal<bool>, guard: StoredValue<Option<(LeaveGuard, Owner)>, LocalStorage>) -> impl IntoView {
    let owner = Owner::new();
    let g = owner.with(|| {
        let g = provide_leave_guard(String::new());
        g.hold_while(move || {
            held.get().then_some(Holding {
                title: "Leave?",
                message: "Something would be lost.",
            })
        });
        g
    });
    guard.set_value(Some((g, owner)));
    view! { <a href="/api-tokens/elsewhere" data-testid="away">"Away"</a> }
}

#[wasm_bindgen_test]
async fn while_something_is_held_closing_and_links_are_asked_about() {
    let held = RwSignal::new(false);
    let guard = StoredValue::new_local(None::<(LeaveGuard, Owner)>);
    let view = mount(move || view! { <Router><Holder held guard /></Router> });
    let asking = move || guard.with_value(|g| g.as_ref().is_some_and(|(g, _)| g.asking()));
    assert!(!unload_cancelled(), "nothing held: closing the tab is not asked about");

    held.set(true);
    assert!(unload_cancelled(), "held: closing the tab is asked about");
    let path = js("return location.pathname;").as_string();
    click(&view, "[data-testid=away]");
    until("the link is asked about", asking).await;
    assert_eq!(
        js("return location.pathname;").as_string(),
        path,
        "the link was not followed"
    );

    held.set(false);
    assert!(!unload_cancelled(), "no longer held");
    held.set(true);
    assert!(unload_cancelled(), "held again");
    guard.with_value(|g| g.as_ref().map(|(_, owner)| owner.cleanup()));
    assert!(!unload_cancelled(), "the guard gone, its listeners are gone too");
    drop(view);
}
