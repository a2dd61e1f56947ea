//! Small widgets.

use crate::support::{container, sleep, texts};
use leptos::prelude::*;
use tokens_console::api::TokenStatus;
use tokens_console::components::{ErrorPanel, StatusBadge};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
fn every_status_has_a_labelled_badge() {
    for (status, label, class) in [
        (TokenStatus::Active, "Active", "badge-active"),
        (TokenStatus::Disabled, "Disabled", "badge-disabled"),
        (TokenStatus::Unknown, "Unknown", "badge"),
    ] {
        let root = container();
        leptos::mount::mount_to(root.clone(), move || view! { <StatusBadge status /> }).forget();
        assert_eq!(texts(&root, "[data-testid=status-badge]"), [label]);
        assert!(root.inner_html().contains(class));
    }
}

#[wasm_bindgen_test]
fn error_panel_retry_calls_back() {
    let root = container();
    let retried = RwSignal::new(0);
    leptos::mount::mount_to(root.clone(), move || {
        view! { <ErrorPanel title="Failed" detail="Because" on_retry=move |_| retried.update(|n| *n += 1) /> }
    })
    .forget();
    assert_eq!(texts(&root, ".error-title"), ["Failed"]);
    let button: web_sys::HtmlElement = root.query_selector("button").unwrap().unwrap().unchecked_into();
    button.click();
    assert_eq!(retried.get_untracked(), 1);
}

/// A retry that fails again leaves the panel of a Transition on screen after
/// its owner is gone: pressing Retry again must retry again, not panic.
#[wasm_bindgen_test]
async fn retry_keeps_working_after_a_retry_fails_again() {
    let root = container();
    let attempts = RwSignal::new(0);
    leptos::mount::mount_to(root.clone(), move || {
        let load = LocalResource::new(move || async move {
            attempts.update_untracked(|n| *n += 1);
            sleep(50).await;
            Err::<(), _>(tokens_console::api::ApiError::Network("down".into()))
        });
        view! {
            <Transition fallback=|| "loading">
                <ErrorBoundary fallback=move |_| view! {
                    <ErrorPanel title="Failed" detail="down" on_retry=move |_| load.refetch() />
                }>
                    {move || Suspend::new(async move { load.await })}
                </ErrorBoundary>
            </Transition>
        }
    })
    .forget();
    let button = || -> web_sys::HtmlButtonElement {
        root.query_selector("[data-testid=error-panel] button")
            .unwrap()
            .unwrap()
            .unchecked_into()
    };
    sleep(200).await;
    assert_eq!(attempts.get_untracked(), 1);
    assert_eq!(button().text_content().unwrap(), "Retry");
    button().click();
    sleep(300).await;
    assert_eq!(attempts.get_untracked(), 2);
    button().click();
    sleep(300).await;
    assert_eq!(attempts.get_untracked(), 3);
    assert_eq!(button().text_content().unwrap(), "Retry");
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
