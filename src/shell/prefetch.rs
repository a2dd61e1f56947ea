//! Chunks fetched ahead of need, so that opening a page adds no wait: every
//! chunk file downloaded into the HTTP cache while the browser is idle and
//! the person is not using the page (compiled only when first used, so a
//! phone's idle CPU is left alone), and a page's own loaded when a link to it
//! is hovered or focused.

use super::chunks;
use crate::api::sleep::sleep;
use crate::app::activity::{use_activity, Activity};
use crate::app::nav::use_nav;
use crate::app::window_events::on_window;
use crate::model::route::lazy_page_of;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// How long after mounting the idle prefetch waits at most.
const IDLE_WITHIN: Duration = Duration::from_secs(3);

/// How long after the start, or the person's last activity
/// (`app::activity`), the download waits before its next file: it never competes with what they do.
const QUIET_FOR: Duration = Duration::from_secs(1);

/// Name of the `<meta>` in which the build lists the chunk files
/// (`tools/split.mjs`); builds that do not split have none.
const CHUNKS_META: &str = "tokens-console-chunks";

/// Downloads each chunk file the build lists, one after another and each
/// when the browser is idle and the page was left alone for
/// [`QUIET_FOR`] (a person using the page goes first), into the browser's
/// HTTP cache (they are served as immutable), where the chunk loader finds
/// it on first use. Nothing is compiled. A failure is left for that first
/// use to report.
async fn download_chunks(base: String, activity: Activity) {
    let start = js_sys::Date::now();
    let names = document()
        .query_selector(&format!("meta[name={CHUNKS_META}]"))
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_default();
    // Plain file names only: nothing outside the console's own folder.
    let plain = |name: &&str| name.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
    for name in names.split_ascii_whitespace().filter(plain) {
        quiet(activity, start).await;
        let url = format!("{base}/{name}");
        let Ok(response) = JsFuture::from(window().fetch_with_str(&url)).await else {
            continue;
        };
        // Read to the end in JS (cached whole, never copied into wasm memory).
        if let Some(body) = response
            .dyn_ref::<web_sys::Response>()
            .and_then(|r| r.array_buffer().ok())
        {
            let _ = JsFuture::from(body).await;
        }
    }
}

/// Resolves once the browser is idle and the page has been left alone for
/// [`QUIET_FOR`], counted from `since` at the earliest.
async fn quiet(activity: Activity, mut since: f64) {
    loop {
        idle().await;
        let now = js_sys::Date::now();
        // A clock set back counts from now.
        since = since.min(now);
        let quiet_for = activity.quiet_for().min(now - since);
        let left = QUIET_FOR.as_millis() as f64 - quiet_for;
        if left <= 0.0 {
            return;
        }
        sleep(left).await;
    }
}

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

/// Resolves when the browser is idle (within [`IDLE_WITHIN`]).
async fn idle() {
    let idle = js_sys::Promise::new(&mut |resolve, _| {
        when_idle(move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        })
    });
    let _ = JsFuture::from(idle).await;
}

/// Prefetches while mounted.
#[component]
pub fn Prefetch() -> impl IntoView {
    let base = use_nav().base().to_string();
    let files_base = base.clone();
    spawn_local(download_chunks(files_base, use_activity()));
    on_window(&["pointerover", "focusin"], false, move |ev| {
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
}
