//! Loads follow their inputs: a superseded request is cancelled and never
//! shows, and leaving a view cancels what it was waiting for.

use crate::support::{container, provide_console, sleep};
use leptos::prelude::*;
use tokens_console::api::{use_load, ApiError};
use wasm_bindgen_test::*;

fn js(source: &str) -> wasm_bindgen::JsValue {
    js_sys::Function::new_no_args(source)
        .call0(&wasm_bindgen::JsValue::UNDEFINED)
        .expect("script runs")
}

/// A stand-in `fetch`: `…/slow` answers after 400 ms unless aborted, anything
/// else at once; each answer is `{"v": <last path segment>}`.
fn slow_and_fast_fetch() {
    js("window.__realFetch = window.__realFetch || window.fetch;
        window.__requests = []; window.__aborted = [];
        window.fetch = (input) => new Promise((resolve, reject) => {
          const url = input.url, last = url.split('/').pop();
          window.__requests.push(last);
          const answer = () => resolve(new Response(JSON.stringify({ v: last }), { status: 200, headers: { 'Content-Type': 'application/json' } }));
          if (last !== 'slow') return answer();
          const timer = setTimeout(answer, 400);
          input.signal.addEventListener('abort', () => {
            clearTimeout(timer);
            window.__aborted.push(last);
            reject(new DOMException('The operation was aborted.', 'AbortError'));
          });
        });");
}

/// `(requests, aborted)` by last path segment; restores `fetch`.
fn seen() -> (Vec<String>, Vec<String>) {
    let v = js("window.fetch = window.__realFetch; return JSON.stringify([window.__requests, window.__aborted]);");
    serde_json::from_str(&v.as_string().unwrap_or_default()).expect("seen")
}

#[wasm_bindgen_test]
async fn a_superseded_request_is_cancelled_and_its_answer_never_shows() {
    slow_and_fast_fetch();
    let which = RwSignal::new("slow".to_string());
    let shown = RwSignal::new(Vec::<String>::new());
    let root = container();
    leptos::mount::mount_to(root, move || {
        provide_console();
        let data = use_load(
            move || which.get(),
            |api, w| async move { api.get::<serde_json::Value>(&format!("/x/{w}")).await },
        );
        Effect::new(move |_| {
            if let Some(result) = data.get() {
                let v = match result {
                    Ok(v) => v["v"].as_str().unwrap_or_default().to_string(),
                    Err(ApiError::Aborted) => "aborted".into(),
                    Err(e) => e.to_string(),
                };
                shown.update(|s| s.push(v));
            }
        });
    })
    .forget();
    sleep(50).await;
    which.set("fast".into());
    sleep(200).await;
    let (requests, aborted) = seen();
    assert_eq!(requests, ["slow", "fast"]);
    assert_eq!(aborted, ["slow"], "the superseded request was cancelled");
    let shown = shown.get_untracked();
    assert_eq!(shown.last().map(String::as_str), Some("fast"), "{shown:?}");
    assert!(
        !shown.iter().any(|s| s == "slow"),
        "the stale answer never shows: {shown:?}"
    );
}

#[wasm_bindgen_test]
async fn leaving_the_view_cancels_its_requests() {
    slow_and_fast_fetch();
    let root = container();
    let handle = leptos::mount::mount_to(root, move || {
        provide_console();
        let data = use_load(
            || (),
            |api, ()| async move { api.get::<serde_json::Value>("/x/slow").await },
        );
        view! { <p>{move || data.get().map(|_| "loaded")}</p> }
    });
    sleep(50).await;
    drop(handle);
    sleep(50).await;
    let (requests, aborted) = seen();
    assert_eq!(requests, ["slow"]);
    assert_eq!(aborted, ["slow"]);
}

/// A request the API never answers ends in a clear error once its time is up,
/// instead of loading forever; the caller's own cancellation still wins.
#[wasm_bindgen_test]
async fn a_request_without_an_answer_times_out_with_a_clear_error() {
    use gloo_net::http::Method;
    use tokens_console::api::client::{request, Outgoing};
    js("window.__realFetch = window.__realFetch || window.fetch;
        window.fetch = (input) => new Promise((_, reject) => {
          const abort = () => reject(new DOMException('aborted', 'AbortError'));
          if (input.signal.aborted) return abort();
          input.signal.addEventListener('abort', abort);
        });");
    let out = |abort| Outgoing {
        method: Method::GET,
        path: "/public/v1/accounts/api-tokens",
        body: None,
        abort,
        timeout: std::time::Duration::from_millis(200),
    };
    let timed_out = request("http://127.0.0.1:9", "idt:TKN-1:x", out(None)).await;
    let caller = web_sys::AbortController::new().expect("controller");
    let signal = caller.signal();
    let cancelled = request("http://127.0.0.1:9", "idt:TKN-1:x", out(Some(&signal)));
    caller.abort();
    let cancelled = cancelled.await;
    js("window.fetch = window.__realFetch;");
    match timed_out {
        Err(ApiError::Network(why)) => assert!(why.contains("did not answer within 0.2 seconds"), "{why}"),
        other => panic!("expected a timeout, got {other:?}"),
    }
    assert_eq!(cancelled, Err(ApiError::Aborted));
}

/// A failed section's Retry says it is retrying and waits while the new load
/// runs (pressing again would restart it), then offers itself again.
#[wasm_bindgen_test]
async fn retry_waits_for_its_load_and_then_offers_itself_again() {
    use tokens_console::components::LoadSection;
    js("window.__realFetch = window.__realFetch || window.fetch;
        window.__requests = 0;
        window.fetch = () => new Promise((resolve) => {
          const fail = () => resolve(new Response('{}', { status: 500, headers: { 'Content-Type': 'application/json' } }));
          window.__requests += 1;
          if (window.__requests === 1) fail(); else setTimeout(fail, 400);
        });");
    let root = container();
    leptos::mount::mount_to(root.clone(), move || {
        provide_console();
        let data = use_load(
            || (),
            |api, ()| async move { api.get::<serde_json::Value>("/x/failing").await },
        );
        view! {
            <LoadSection loading="Loading" failed="It failed" refused="Refused" on_retry=move || data.refetch()>
                {move || Suspend::new(async move { data.await.map(|_| "loaded") })}
            </LoadSection>
        }
    })
    .forget();
    let retry = || root.query_selector("[data-testid=retry]").ok().flatten();
    let state = || {
        retry().map(|b| {
            let disabled = b.has_attribute("disabled");
            (b.text_content().unwrap_or_default(), disabled)
        })
    };
    sleep(100).await;
    assert_eq!(state(), Some(("Retry".to_string(), false)));
    if let Some(b) = retry() {
        wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(b).click();
    }
    sleep(100).await;
    assert_eq!(state(), Some(("Retrying…".to_string(), true)), "waits for its load");
    sleep(600).await;
    let requests = js("window.fetch = window.__realFetch; return window.__requests;");
    assert_eq!(
        state(),
        Some(("Retry".to_string(), false)),
        "offered again after failing again"
    );
    assert_eq!(requests.as_f64(), Some(2.0));
}
