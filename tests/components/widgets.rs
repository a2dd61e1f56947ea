//! Small widgets.

use crate::support::{click, find, js, mount, next_frame, provide_console, texts, until, Mounted};
use leptos::prelude::*;
use tokens_console::api::TokenStatus;
use tokens_console::components::{Avatar, ErrorPanel, StatusBadge};
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
fn every_status_has_a_labelled_badge() {
    for (status, label, class) in [
        (TokenStatus::Active, "Active", "badge-active"),
        (TokenStatus::Disabled, "Disabled", "badge-disabled"),
        (TokenStatus::Unknown, "Unknown", "badge"),
    ] {
        let root = mount(move || view! { <StatusBadge status /> });
        assert_eq!(texts(&root, "[data-testid=status-badge]"), [label]);
        assert!(root.inner_html().contains(class));
    }
}

#[wasm_bindgen_test]
fn error_panel_retry_calls_back() {
    let retried = RwSignal::new(0);
    let root = mount(move || {
        view! { <ErrorPanel title="Failed" detail="Because" on_retry=move |_| retried.update(|n| *n += 1) /> }
    });
    assert_eq!(texts(&root, ".error-title"), ["Failed"]);
    click(&root, "button");
    assert_eq!(retried.get_untracked(), 1);
}

/// A retry that fails again leaves the section's panel of a Transition on
/// screen after its owner is gone: pressing Retry again must retry again,
/// not panic or do nothing.
#[wasm_bindgen_test]
async fn retry_keeps_working_after_a_retry_fails_again() {
    use tokens_console::components::LoadSection;
    let attempts = RwSignal::new(0);
    let root = mount(move || {
        let load = LocalResource::new(move || async move {
            attempts.update_untracked(|n| *n += 1);
            Err::<(), _>(tokens_console::api::ApiError::Network("down".into()))
        });
        view! {
            <LoadSection loading="Loading" failed="Failed" refused="Refused" on_retry=move |()| load.refetch()>
                {move || Suspend::new(async move { load.await })}
            </LoadSection>
        }
    });
    let retry = || find(&root, "[data-testid=error-panel] button");
    let offered = || {
        root.query_selector("[data-testid=error-panel] button:not([disabled])")
            .ok()
            .flatten()
            .is_some()
    };
    for attempt in 1..=3 {
        until("Retry is offered", || offered() && attempts.get_untracked() == attempt).await;
        assert_eq!(retry().text_content().unwrap_or_default(), "Retry");
        retry().click();
    }
    until("the third retry ran", || attempts.get_untracked() == 4).await;
}

#[wasm_bindgen_test]
fn the_crash_banner_asks_to_reload_and_appears_once() {
    tokens_console::app::crash::show_crash_banner();
    tokens_console::app::crash::show_crash_banner();
    let document = document();
    let banners = document.query_selector_all("#crash-banner").unwrap();
    assert_eq!(banners.length(), 1);
    let banner = document.get_element_by_id("crash-banner").unwrap();
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    assert!(banner.text_content().unwrap().contains("Reload the page"));
    assert!(banner.query_selector("a[href]").unwrap().is_some());
    banner.remove();
}

/// A stand-in `fetch` answering every request with `status` and a 1×1 PNG,
/// until dropped (a failed test too).
struct FetchStub;

impl FetchStub {
    fn answering(status: u16) -> FetchStub {
        js(&format!(
            "window.__realFetch = window.__realFetch || window.fetch;
             const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), c => c.charCodeAt(0));
             window.fetch = () => Promise.resolve(new Response(png, {{ status: {status}, headers: {{ 'content-type': 'image/png' }} }}));"
        ));
        FetchStub
    }
}

impl Drop for FetchStub {
    fn drop(&mut self) {
        js("window.fetch = window.__realFetch;");
    }
}

/// A token's avatar with a logo at an address the test page cannot load
/// (`http://api.test` does not resolve), so the plain `<img>` fails first.
fn avatar_with_logo() -> Mounted {
    mount(|| {
        provide_console();
        view! { <Avatar name="Robot one" icon=Some("/v1/icons/robot".to_string()) /> }
    })
}

#[wasm_bindgen_test]
async fn a_logo_the_browser_cannot_load_is_fetched_by_the_console() {
    let _fetch = FetchStub::answering(200);
    let root = avatar_with_logo();
    let shown = || {
        root.query_selector("[data-testid=avatar-img]")
            .ok()
            .flatten()
            .and_then(|i| i.get_attribute("src"))
            .is_some_and(|src| src.starts_with("blob:"))
    };
    until("the fetched logo is shown", shown).await;
    assert!(texts(&root, ".avatar-initials").is_empty());
}

#[wasm_bindgen_test]
async fn a_logo_that_cannot_be_fetched_either_leaves_the_initials() {
    let _fetch = FetchStub::answering(403);
    let root = avatar_with_logo();
    until("the initials are shown", || texts(&root, ".avatar-initials") == ["RO"]).await;
    next_frame().await;
    assert!(root.query_selector("[data-testid=avatar-img]").unwrap().is_none());
}
