//! Credentials go only where they belong, and a refusal is its own state:
//! the console's side of the security rules, against a stand-in `fetch`.

use crate::support::{click, js, mount, provide_console, texts, until};
use leptos::prelude::*;
use tokens_console::api::identity::{Identity, Reach, SignedIn};
use tokens_console::api::{ApiClient, ApiError, Problem, Secret};
use tokens_console::app::session::{use_session, Session};
use tokens_console::components::error_panel::LoadFailed;
use tokens_console::components::secret_value::{SecretValue, MASK};
use tokens_console::components::{PendingAction, Toasts, TokenActionDialog};
use tokens_console::model::token_action::Change;
use wasm_bindgen_test::*;

const TOKEN: &str = "idt:TKN-0001-0001:s3cr3t";

/// Replaces `window.fetch` with one that records each request's URL and
/// Authorization header in `window.__requests` and answers `status` with `body`.
fn fake_fetch(status: u16, body: &str) {
    js(&format!(
        "window.__realFetch = window.__realFetch || window.fetch;
         window.__requests = [];
         window.fetch = (input, init) => {{
           const req = new Request(input, init);
           window.__requests.push([req.url, req.headers.get('authorization')]);
           return Promise.resolve(new Response({body:?}, {{ status: {status}, headers: {{ 'Content-Type': 'application/problem+json' }} }}));
         }};"
    ));
}

/// The requests [`fake_fetch`] saw, as (URL, Authorization) pairs; restores `fetch`.
fn seen_requests() -> Vec<(String, Option<String>)> {
    let seen = js("const r = window.__requests; window.fetch = window.__realFetch; return JSON.stringify(r);");
    serde_json::from_str(&seen.as_string().unwrap_or_default()).expect("requests")
}

fn signed_in(session: Session) {
    session.sign_in(
        TOKEN.into(),
        SignedIn {
            identity: Identity::Unknown,
            home: None,
            reach: Reach::Several,
        },
    );
}

#[wasm_bindgen_test]
async fn the_bearer_token_goes_to_the_api_origin_only() {
    fake_fetch(200, "PNG");
    let api = StoredValue::new_local(None::<ApiClient>);
    let _mounted = mount(move || {
        provide_console();
        signed_in(use_session());
        api.set_value(use_context::<ApiClient>());
    });
    let api = api.get_value().expect("client");
    for path in [
        "/v1/accounts/api-tokens/TKN-1/icon",
        "http://api.test/public/v1/x.png",
        "https://cdn.example/logo.png",
        "http://api.test.evil.example/logo.png",
        "http://api.test:8443/logo.png",
    ] {
        let _ = api.fetch_asset(path).await;
    }
    js("sessionStorage.clear()");
    assert_eq!(
        seen_requests(),
        [
            (
                "http://api.test/public/v1/accounts/api-tokens/TKN-1/icon".to_string(),
                Some(format!("Bearer {TOKEN}"))
            ),
            (
                "http://api.test/public/v1/x.png".to_string(),
                Some(format!("Bearer {TOKEN}"))
            ),
            ("https://cdn.example/logo.png".to_string(), None),
            ("http://api.test.evil.example/logo.png".to_string(), None),
            ("http://api.test:8443/logo.png".to_string(), None),
        ]
    );
}

#[wasm_bindgen_test]
async fn a_refused_action_says_why_and_keeps_the_session() {
    fake_fetch(
        403,
        r#"{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.4","title":"Forbidden","status":403,"detail":"The Accounts module is not granted to this token."}"#,
    );
    let session = StoredValue::new_local(None::<Session>);
    let pending = RwSignal::new(Some(PendingAction {
        change: Change::Disable,
        id: "TKN-0001-0002".into(),
        name: "Billing export".into(),
    }));
    let root = mount(move || {
        provide_console();
        session.set_value(Some(use_session()));
        signed_in(use_session());
        view! {
            <Toasts />
            <TokenActionDialog pending on_done=|_| {} />
        }
    });
    let confirm = || root.query_selector("dialog[open] [data-testid=confirm]").ok().flatten();
    until("the dialog asks", || confirm().is_some()).await;
    click(&root, "dialog[open] [data-testid=confirm]");
    until("the refusal is told", || !texts(&root, ".toast-error").is_empty()).await;
    let requests = seen_requests();
    js("sessionStorage.clear()");
    assert_eq!(requests.len(), 1, "{requests:?}");
    let toast = texts(&root, ".toasts").join(" ");
    assert!(toast.contains("Not allowed to disable Billing export"), "{toast}");
    assert!(
        toast.contains("The Accounts module is not granted to this token."),
        "{toast}"
    );
    let session = session.get_value().expect("session");
    assert!(session.expired().is_none(), "a 403 does not ask for a new sign-in");
    assert!(session.signed_in().is_some(), "a 403 does not sign out");
}

#[wasm_bindgen_test]
fn a_load_the_credentials_may_not_read_is_said_plainly_without_retry() {
    let refused = ApiError::from_response(403, r#"{"title":"Forbidden","status":403,"detail":"Operations only."}"#);
    assert!(matches!(refused, ApiError::Forbidden(_)));
    let root = mount(move || {
        view! {
            <LoadFailed
                title="Could not load the modules"
                refused="You may not list the modules"
                error=Some(refused.clone())
                detail="unused"
                on_retry=|_| {}
            />
        }
    });
    assert_eq!(
        texts(&root, "[data-testid=refused] .error-title"),
        ["You may not list the modules"]
    );
    assert!(texts(&root, "[data-testid=refused]")
        .join(" ")
        .contains("Operations only."));
    assert!(
        root.query_selector("button").unwrap().is_none(),
        "no Retry for a refusal"
    );

    let failure = ApiError::Problem(Box::new(Problem::from_status(500, "")));
    let other = mount(move || {
        view! {
            <LoadFailed title="Could not load" refused="unused" error=Some(failure.clone()) detail="Server error" on_retry=|_| {} />
        }
    });
    assert_eq!(texts(&other, "[data-testid=error-panel] button"), ["Retry"]);
}

#[wasm_bindgen_test]
async fn a_revealed_secret_is_masked_when_the_session_locks() {
    let session = StoredValue::new_local(None::<Session>);
    let root = mount(move || {
        provide_console();
        session.set_value(Some(use_session()));
        signed_in(use_session());
        view! { <SecretValue secret=Secret::new("idt:TKN-1:hidden") what="API token" /> }
    });
    click(&root, "[data-testid=toggle-secret]");
    leptos::task::tick().await;
    assert_eq!(texts(&root, "[data-testid=secret-value]"), ["idt:TKN-1:hidden"]);
    session
        .get_value()
        .expect("session")
        .lock("You were signed out after 15 minutes without activity.");
    leptos::task::tick().await;
    js("sessionStorage.clear()");
    assert_eq!(texts(&root, "[data-testid=secret-value]"), [MASK]);
    assert!(!root.inner_html().contains("hidden"));
}
