//! Mounting helpers.

use leptos::prelude::*;
use std::sync::Arc;
use tokens_console::api::ApiClient;
use tokens_console::app::account::Gate;
use tokens_console::app::session::provide_session;
use tokens_console::components::provide_toasts;
use wasm_bindgen::JsCast;

/// A fresh element attached to the document body.
pub fn container() -> web_sys::HtmlElement {
    let document = document();
    let div = document.create_element("div").expect("create div");
    document.body().expect("body").append_child(&div).expect("append");
    div.unchecked_into()
}

/// Provides what every console component expects: session, API client,
/// toasts, and where the frame stands (`gate`).
pub fn provide_console_at(gate: Gate) {
    let session = provide_session();
    provide_context(ApiClient::new("http://api.test", Arc::new(session)));
    provide_toasts();
    provide_context(Memo::new(move |_| gate.clone()));
}

/// [`provide_console_at`] before the credentials are known.
pub fn provide_console() {
    provide_console_at(Gate::Resolving);
}

/// Texts of every element matching `css` under `root`.
pub fn texts(root: &web_sys::HtmlElement, css: &str) -> Vec<String> {
    let list = root.query_selector_all(css).expect("query");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.text_content())
        .map(|t| t.trim().to_string())
        .collect()
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
