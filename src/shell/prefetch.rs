//! Chunks fetched ahead of need, so that opening a page adds no wait: all of
//! them once the browser is idle after the first page, and a page's own when
//! a link to it is hovered or focused.

use super::chunks;
use crate::app::nav::use_nav;
use crate::model::route::lazy_page_of;
use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How long after mounting the idle prefetch waits at most.
const IDLE_WITHIN: Duration = Duration::from_secs(3);

/// Runs `f` when the browser is idle (within [`IDLE_WITHIN`]); browsers
/// without `requestIdleCallback` wait that long.
fn when_idle(f: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(f);
    let window = window();
    let has_idle = js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false);
    let within = IDLE_WITHIN.as_millis() as u32;
    let _ = if has_idle {
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(within);
        window
            .request_idle_callback_with_options(callback.unchecked_ref(), &options)
            .map(|_| ())
    } else {
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), within as i32)
            .map(|_| ())
    };
}

/// Prefetches while mounted.
#[component]
pub fn Prefetch() -> impl IntoView {
    when_idle(|| spawn_local(chunks::preload_all()));
    let base = use_nav().base().to_string();
    let on_link = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
            .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
        if let Some(link) = link {
            let path = link.pathname();
            if let Some(page) = path.strip_prefix(base.as_str()).and_then(lazy_page_of) {
                spawn_local(chunks::preload(page));
            }
        }
    });
    let window = window();
    for event in ["pointerover", "focusin"] {
        let _ = window.add_event_listener_with_callback(event, on_link.as_ref().unchecked_ref());
    }
    let on_link = SendWrapper::new(on_link);
    on_cleanup(move || {
        for event in ["pointerover", "focusin"] {
            let _ = window.remove_event_listener_with_callback(event, on_link.as_ref().unchecked_ref());
        }
    });
}
