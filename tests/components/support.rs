//! Mounting helpers.

use leptos::prelude::*;
use std::sync::Arc;
use tokens_console::api::Account;
use tokens_console::api::ApiClient;
use tokens_console::app::account::{provide_account, provide_which_account, WhichAccount};
use tokens_console::app::session::provide_session;
use tokens_console::app::tabs::provide_tabs;
use tokens_console::components::provide_toasts;
use tokens_console::model::list_state::ListState;
use tokens_console::pages::tokens_list::{provide_list_context, ListContext, Selection};
use wasm_bindgen::JsCast;

/// A fresh element attached to the document body.
fn container() -> web_sys::HtmlElement {
    let document = document();
    let div = document.create_element("div").expect("create div");
    document.body().expect("body").append_child(&div).expect("append");
    div.unchecked_into()
}

/// A view mounted in an element of its own on the page, for as long as this
/// lives: dropping it unmounts the view and removes the element.
pub struct Mounted {
    root: web_sys::HtmlElement,
    handle: Option<Box<dyn std::any::Any>>,
}

impl std::ops::Deref for Mounted {
    type Target = web_sys::HtmlElement;

    fn deref(&self) -> &web_sys::HtmlElement {
        &self.root
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        drop(self.handle.take());
        self.root.remove();
    }
}

/// Mounts `view` in a fresh element of the page.
pub fn mount<N: IntoView + 'static>(view: impl FnOnce() -> N + 'static) -> Mounted {
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), view);
    Mounted {
        root,
        handle: Some(Box::new(handle)),
    }
}

/// Waits until `holds()`, looking again after each turn of the event loop
/// (timers and fetches included) for up to five seconds; fails the test,
/// saying `what` it waited for, if it never does.
pub async fn until(what: &str, holds: impl Fn() -> bool) {
    for _ in 0..500 {
        if holds() {
            return;
        }
        next_turn().await;
    }
    panic!("gave up waiting until {what}");
}

/// After the browser's next animation frame.
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().expect("window").request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// One turn of the event loop: what timers, fetches and effects had queued runs.
async fn next_turn() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Provides what every console component expects: session, API client,
/// toasts, which account is managed (`which`) and, when it manages one, the
/// account managed.
pub fn provide_console_at(which: WhichAccount) {
    let session = provide_session(provide_tabs("http://api.test"));
    provide_context(ApiClient::new("http://api.test", Arc::new(session)));
    provide_toasts();
    if let WhichAccount::Manage { account, .. } = &which {
        provide_account(account.clone());
    }
    provide_which_account(Memo::new(move |_| which.clone()));
}

/// [`provide_console_at`] managing a test account.
pub fn provide_console() {
    provide_console_at(WhichAccount::Manage {
        account: Account {
            id: "ACC-0000-0000".into(),
            name: "Test account".into(),
            ..Account::default()
        },
        param: None,
    });
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

/// Provides what the list page's parts expect, for the list as it first
/// shows; returns its selection.
pub fn provide_list() -> Selection {
    let state = Memo::new(|_| ListState::default());
    let selection = Selection::new(state);
    provide_list_context(ListContext {
        state,
        selection,
        refresh: Trigger::new(),
        pending: RwSignal::new(None),
        hidden: Signal::derive(Vec::new),
    });
    selection
}

/// The first element matching `css` under `root`, as an HTML element.
pub fn find(root: &web_sys::HtmlElement, css: &str) -> web_sys::HtmlElement {
    root.query_selector(css)
        .expect("query")
        .unwrap_or_else(|| panic!("no {css}"))
        .unchecked_into()
}

/// Clicks the first element matching `css` under `root`.
pub fn click(root: &web_sys::HtmlElement, css: &str) {
    find(root, css).click();
}

/// The attribute `name` of the first element matching `css` under `root`.
pub fn attr(root: &web_sys::HtmlElement, css: &str, name: &str) -> Option<String> {
    root.query_selector(css)
        .expect("query")
        .and_then(|e| e.get_attribute(name))
}

/// Runs JavaScript in the test page (a stand-in for a browser API), returning its value.
pub fn js(source: &str) -> wasm_bindgen::JsValue {
    js_sys::Function::new_no_args(source)
        .call0(&wasm_bindgen::JsValue::UNDEFINED)
        .expect("script runs")
}
