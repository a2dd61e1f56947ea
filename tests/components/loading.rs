//! `use_load`, part by part: each test holds one of its parts to what it is
//! for. A superseded request is cancelled and its answer never shows; a
//! cancelled load shows what was shown before, not an error; a new sign-in
//! loads again; a refresh loads again; a load it awaits does not start it
//! again; leaving a view cancels what it was waiting for; a request
//! without an answer times out; Retry waits for its load.

use crate::support::{click, js, mount, next_frame, provide_console, until, Mounted};
use leptos::prelude::*;
use tokens_console::api::identity::{Identity, Reach, SignedIn};
use tokens_console::api::{use_load, ApiError};
use tokens_console::app::session::{use_session, Session};
use tokens_console::model::json::Value;
use wasm_bindgen_test::*;

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

/// The requests made so far, by last path segment.
fn requests() -> Vec<String> {
    serde_json::from_str(
        &js("return JSON.stringify(window.__requests);")
            .as_string()
            .unwrap_or_default(),
    )
    .unwrap_or_default()
}

/// The requests cancelled so far, by last path segment.
fn aborted() -> Vec<String> {
    serde_json::from_str(
        &js("return JSON.stringify(window.__aborted);")
            .as_string()
            .unwrap_or_default(),
    )
    .unwrap_or_default()
}

/// `(requests, aborted)` by last path segment; restores `fetch`.
fn seen() -> (Vec<String>, Vec<String>) {
    let v = js("window.fetch = window.__realFetch; return JSON.stringify([window.__requests, window.__aborted]);");
    serde_json::from_str(&v.as_string().unwrap_or_default()).expect("seen")
}

/// Mounts a view of a load of `/x/{which}`, recording every value it shows
/// (the `v` answered, `aborted`, or an error) in `shown`.
fn show_loads(
    which: RwSignal<String>,
    shown: RwSignal<Vec<String>>,
    session: StoredValue<Option<Session>, LocalStorage>,
) -> Mounted {
    mount(move || {
        provide_console();
        session.set_value(Some(use_session()));
        let data = use_load(
            move || which.get(),
            |api, w| async move { api.get::<Value>(&format!("/x/{w}")).await },
        );
        Effect::new(move |_| {
            if let Some(result) = data.get() {
                let v = match result {
                    Ok(v) => v.get("v").and_then(Value::as_str).unwrap_or_default().to_string(),
                    Err(ApiError::Aborted) => "aborted".into(),
                    Err(e) => e.to_string(),
                };
                shown.update(|s| s.push(v));
            }
        });
    })
}

#[wasm_bindgen_test]
async fn a_superseded_request_is_cancelled_and_its_answer_never_shows() {
    slow_and_fast_fetch();
    let which = RwSignal::new("slow".to_string());
    let shown = RwSignal::new(Vec::<String>::new());
    let _view = show_loads(which, shown, StoredValue::new_local(None));
    until("the slow request is made", || requests() == ["slow"]).await;
    which.set("fast".into());
    until("the fast answer shows", || {
        shown.get_untracked().last().map(String::as_str) == Some("fast")
    })
    .await;
    let (requests, aborted) = seen();
    assert_eq!(requests, ["slow", "fast"]);
    assert_eq!(aborted, ["slow"], "the superseded request was cancelled");
    let shown = shown.get_untracked();
    assert!(
        !shown.iter().any(|s| s == "slow"),
        "the stale answer never shows: {shown:?}"
    );
}

#[wasm_bindgen_test]
async fn a_cancelled_load_keeps_what_was_shown_instead_of_an_error() {
    slow_and_fast_fetch();
    let which = RwSignal::new("first".to_string());
    let shown = RwSignal::new(Vec::<String>::new());
    let _view = show_loads(which, shown, StoredValue::new_local(None));
    until("the first answer shows", || shown.get_untracked() == ["first"]).await;
    which.set("slow".into());
    until("the slow request is made", || {
        requests().last().map(String::as_str) == Some("slow")
    })
    .await;
    which.set("last".into());
    until("the last answer shows", || {
        shown.get_untracked().last().map(String::as_str) == Some("last")
    })
    .await;
    let _ = seen();
    let shown = shown.get_untracked();
    assert!(
        !shown.iter().any(|s| s == "aborted"),
        "a cancelled load never shows as a failure: {shown:?}"
    );
}

#[wasm_bindgen_test]
async fn a_new_sign_in_loads_again() {
    slow_and_fast_fetch();
    let which = RwSignal::new("mine".to_string());
    let shown = RwSignal::new(Vec::<String>::new());
    let session = StoredValue::new_local(None::<Session>);
    let _view = show_loads(which, shown, session);
    until("the first load answers", || shown.get_untracked() == ["mine"]).await;
    session.get_value().expect("session").sign_in(
        "idt:TKN-0001-0002:other".into(),
        SignedIn {
            identity: Identity::Unknown,
            home: None,
            reach: Reach::Several,
        },
    );
    until("the same inputs load again", || shown.get_untracked().len() == 2).await;
    let (requests, _) = seen();
    js("sessionStorage.clear()");
    assert_eq!(requests, ["mine", "mine"]);
}

/// A refresh (a `Trigger` among the inputs) loads again although the inputs
/// are the same: after an Enable or an Edit the list shows the API's answer.
#[wasm_bindgen_test]
async fn a_refresh_loads_the_same_inputs_again() {
    slow_and_fast_fetch();
    let refresh = Trigger::new();
    let shown = RwSignal::new(0);
    let _view = mount(move || {
        provide_console();
        let data = use_load(
            move || refresh.track(),
            |api, ()| async move { api.get::<Value>("/x/list").await },
        );
        Effect::new(move |_| {
            if data.get().is_some() {
                shown.update(|n| *n += 1);
            }
        });
    });
    until("the first answer shows", || shown.get_untracked() == 1).await;
    refresh.notify();
    until("the list loads again", || requests() == ["list", "list"]).await;
    let _ = seen();
}

/// A load that waits for another (the list's counts wait for the account's
/// modules) asks once: what it awaits is not one of its inputs, so that
/// load's answer does not start it again.
#[wasm_bindgen_test]
async fn a_load_that_awaits_another_asks_once() {
    slow_and_fast_fetch();
    let root = mount(move || {
        provide_console();
        let modules = use_load(|| (), |api, ()| async move { api.get::<Value>("/x/slow").await });
        let counts = use_load(
            || (),
            move |api, ()| async move {
                let _ = modules.await;
                api.get::<Value>("/x/counts").await
            },
        );
        view! { <p>{move || counts.get().map(|_| "counted")}</p> }
    });
    until("the counts show", || {
        root.text_content().unwrap_or_default() == "counted"
    })
    .await;
    for _ in 0..5 {
        next_frame().await;
    }
    let (requests, _) = seen();
    assert_eq!(requests, ["slow", "counts"]);
}

#[wasm_bindgen_test]
async fn leaving_the_view_cancels_its_requests() {
    slow_and_fast_fetch();
    let view = mount(move || {
        provide_console();
        let data = use_load(|| (), |api, ()| async move { api.get::<Value>("/x/slow").await });
        view! { <p>{move || data.get().map(|_| "loaded")}</p> }
    });
    until("the request is made", || requests() == ["slow"]).await;
    drop(view);
    until("the request is cancelled", || aborted() == ["slow"]).await;
    let (requests, _) = seen();
    assert_eq!(requests, ["slow"]);
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
    let root = mount(move || {
        provide_console();
        let data = use_load(|| (), |api, ()| async move { api.get::<Value>("/x/failing").await });
        view! {
            <LoadSection loading="Loading" failed="It failed" refused="Refused" on_retry=move |()| data.refetch()>
                {move || Suspend::new(async move { data.await.map(|_| "loaded") })}
            </LoadSection>
        }
    });
    let state = || {
        root.query_selector("[data-testid=retry]").ok().flatten().map(|b| {
            let disabled = b.has_attribute("disabled");
            (b.text_content().unwrap_or_default(), disabled)
        })
    };
    until("Retry is offered", || state() == Some(("Retry".to_string(), false))).await;
    click(&root, "[data-testid=retry]");
    until("Retry waits for its load", || {
        state() == Some(("Retrying…".to_string(), true))
    })
    .await;
    until("Retry is offered again after failing again", || {
        state() == Some(("Retry".to_string(), false))
    })
    .await;
    let requests = js("window.fetch = window.__realFetch; return window.__requests;");
    assert_eq!(requests.as_f64(), Some(2.0));
}
