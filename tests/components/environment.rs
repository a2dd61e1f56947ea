//! A hostile browser environment: every browser API that can throw, given
//! the value that makes it throw, must leave the console working and say so.

use crate::support::{click, js, mount, texts, until};
use leptos::prelude::*;
use tokens_console::app::locale::Formatters;
use tokens_console::components::date_time::DateLanguages;
use tokens_console::components::{ConfirmDialog, CopyButton, DateTime};
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
fn languages_intl_refuses_fall_back_and_dates_still_render() {
    let hostile: Vec<String> = ["C", "C.UTF-8", "en_US", "", "garbage!!", "x-"]
        .map(String::from)
        .to_vec();
    let f = Formatters::for_languages(&hostile);
    // None of them: the browser's default.
    assert_eq!(f.language, None);
    let (day, time) = f.date_time(1_700_000_000_000);
    assert!(day.contains("2023"), "{day}");
    assert!(!time.is_empty());
    for langs in [vec!["C".to_string()], vec![], vec!["de-CH".to_string()]] {
        let root = mount(move || {
            provide_context(DateLanguages(langs.clone()));
            view! { <DateTime at=Some("2023-11-14T22:13:20.000Z".to_string()) /> }
        });
        let shown = texts(&root, ".date");
        assert!(shown.first().is_some_and(|d| d.contains("2023")), "{shown:?}");
    }
}

#[wasm_bindgen_test]
async fn a_browser_without_a_clipboard_says_copying_failed() {
    js(
        "window.__savedClipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
        Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });",
    );
    let root = mount(|| {
        view! { <CopyButton value=Signal::stored("secret".to_string()) label="Copy it" testid="copy" /> }
    });
    click(&root, "[data-testid=copy]");
    let blocked = || texts(&root, ".copy-status").iter().any(|s| s.contains("blocked"));
    until("copying says it was blocked", blocked).await;
    js("if (window.__savedClipboard) Object.defineProperty(Navigator.prototype, 'clipboard', window.__savedClipboard);");
}

#[wasm_bindgen_test]
async fn a_clipboard_that_throws_synchronously_is_a_failure_too() {
    js("window.__savedClipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
        Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => ({ writeText() { throw new DOMException('no', 'NotAllowedError'); } }), configurable: true });");
    let root = mount(|| {
        view! { <CopyButton value=Signal::stored("secret".to_string()) label="Copy it" testid="copy" /> }
    });
    click(&root, "[data-testid=copy]");
    let blocked = || texts(&root, ".copy-status").iter().any(|s| s.contains("blocked"));
    until("copying says it was blocked", blocked).await;
    js("if (window.__savedClipboard) Object.defineProperty(Navigator.prototype, 'clipboard', window.__savedClipboard);");
}

#[wasm_bindgen_test]
async fn storage_that_refuses_writes_leaves_the_session_in_memory() {
    js("window.__savedSetItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };");
    // The session's effects spawn on the executor, which mounting starts:
    // whatever order the tests run in, this one must not be the first to need it.
    let _started = mount(|| ());
    let owner = Owner::new();
    let kept = owner.with(|| {
        let session =
            tokens_console::app::session::provide_session(tokens_console::app::tabs::provide_tabs("http://api.test"));
        session.sign_in(
            "idt:TKN-1:s".into(),
            tokens_console::api::identity::SignedIn {
                identity: tokens_console::api::identity::Identity::Unknown,
                home: None,
                reach: tokens_console::api::identity::Reach::Several,
            },
        );
        session.token()
    });
    // The storage write is tried on the next tick: it must fail quietly.
    leptos::task::tick().await;
    leptos::task::tick().await;
    js("Storage.prototype.setItem = window.__savedSetItem;");
    assert_eq!(kept.as_deref(), Some("idt:TKN-1:s"));
    drop(owner);
}

#[wasm_bindgen_test]
async fn an_image_decoder_that_throws_is_a_message_not_a_crash() {
    js("window.__savedBitmap = window.createImageBitmap;
        window.createImageBitmap = function () { throw new TypeError('no decoder'); };");
    // A real PNG signature, so the content check passes and decoding is tried.
    let png: [u8; 24] = [
        0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, b'I', b'H', b'D', b'R', 0, 0, 0, 1, 0, 0, 0, 1,
    ];
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(&png[..]));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).unwrap();
    let result = tokens_console::components::logo_picker::prepare_logo(&blob).await;
    js("window.createImageBitmap = window.__savedBitmap;");
    assert!(result.unwrap_err().contains("could not be read"));
}

#[wasm_bindgen_test]
async fn a_dialog_asked_to_open_outside_the_document_opens_as_a_modal_once_in_it() {
    let open = RwSignal::new(false);
    let root = mount(move || {
        view! {
            <ConfirmDialog
                open=open
                title="Sure?"
                confirm_label="Yes"
                on_confirm=|_| {}
                on_cancel=|_| {}
            >
                "Body"
            </ConfirmDialog>
        }
    });
    // Out of the page (as a chunk's view is before it is attached), asked to
    // open: no exception, and nothing shown in place where Esc and the focus
    // trap would not work.
    let dialog = root.query_selector("dialog").unwrap().expect("dialog");
    dialog.remove();
    open.set(true);
    // A few frames out of the page: never shown in place.
    for _ in 0..5 {
        crate::support::next_frame().await;
        assert!(!dialog.has_attribute("open"), "shown in place, not as a modal");
    }
    // In the page: a modal, with the focus inside it.
    root.append_child(&dialog).unwrap();
    until("the dialog is a modal", || dialog.matches(":modal").unwrap_or(false)).await;
    let focused = document().active_element().expect("focus");
    assert!(dialog.contains(Some(&focused)), "focus inside the dialog");
}
