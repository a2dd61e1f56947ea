//! Mounting helpers.

use leptos::prelude::*;
use std::sync::Arc;
use tokens_console::api::ApiClient;
use tokens_console::app::account::Gate;
use tokens_console::app::session::provide_session;
use tokens_console::components::provide_toasts;
use tokens_console::model::list_state::ListState;
use tokens_console::pages::tokens_list::{ListContext, Selection};
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

/// Every element matching `css` under `root`.
fn all(root: &web_sys::HtmlElement, css: &str) -> Vec<web_sys::Element> {
    let list = root.query_selector_all(css).expect("query");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// Texts of every element matching `css` under `root`.
pub fn texts(root: &web_sys::HtmlElement, css: &str) -> Vec<String> {
    all(root, css)
        .iter()
        .filter_map(|e| e.text_content())
        .map(|t| t.trim().to_string())
        .collect()
}

/// The attribute `name` of every element matching `css` under `root` that has it.
pub fn attributes(root: &web_sys::HtmlElement, css: &str, name: &str) -> Vec<String> {
    all(root, css).iter().filter_map(|e| e.get_attribute(name)).collect()
}

/// Provides what the list page's parts expect, with `selection` as its selection.
pub fn provide_list(selection: Selection) {
    provide_context(ListContext {
        state: Memo::new(|_| ListState::default()),
        selection,
        refresh: RwSignal::new(0),
        pending: RwSignal::new(None),
        hidden: Signal::derive(Vec::new),
    });
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
