//! The console against a sandbox in fault mode: half the API requests
//! are slow, fail with 500, drop the connection or return cut JSON. A user who
//! retries gets through; nothing entered is lost; nothing panics (a panic
//! logs an error, which fails the test through the browser's log guard).

use crate::support::{Browser, Sandbox, UI_TIMEOUT};
use std::time::{Duration, Instant};

const FAULTS: &str = "rate=0.5,kinds=slow+error+drop+malformed,latency=400,seed=20261123";

/// What the page shows, what is busy, its Retry buttons, and its last API
/// requests (start, end, status).
const STUCK_REPORT: &str = "return JSON.stringify({ \
    text: document.body.innerText.slice(0, 600), \
    busy: [...document.querySelectorAll('[aria-busy=true]')].map(e => e.className + ': ' + e.innerText.slice(0, 200)), \
    retry_disabled: [...document.querySelectorAll('[data-testid=retry]')].map(e => e.disabled), \
    url: location.href, \
    requests: performance.getEntriesByType('resource').filter(e => e.name.includes('/public/')).slice(-12) \
      .map(e => [e.name.split('/public/')[1].slice(0, 90), Math.round(e.startTime), Math.round(e.responseEnd), e.responseStatus]) })";

/// Whether an element matching `css` is on the page now.
async fn present(b: &Browser, css: &str) -> bool {
    b.count(css).await > 0
}

/// Text of `css` right now, empty when it is not there.
async fn text_now(b: &Browser, css: &str) -> String {
    let css = serde_json::json!(css);
    b.js(&format!(
        "const e = document.querySelector({css}); return e ? e.textContent : ''"
    ))
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

/// Clicks every element matching `css` (each failed section's Retry, say);
/// whether any click landed. The page may replace them meanwhile (a load
/// finishing), in which case the caller's loop looks again.
async fn click_all(b: &Browser, css: &str) -> bool {
    let mut clicked = false;
    for el in b
        .client
        .find_all(fantoccini::Locator::Css(css))
        .await
        .unwrap_or_default()
    {
        clicked |= el.click().await.is_ok();
    }
    clicked
}

/// Clicks `css` if it is there; the page may replace it meanwhile (a load
/// finishing), in which case the caller's loop looks again.
async fn try_click(b: &Browser, css: &str) -> bool {
    match b.client.find(fantoccini::Locator::Css(css)).await {
        Ok(el) => el.click().await.is_ok(),
        Err(_) => false,
    }
}

/// Does what a persistent user does until `goal` shows and nothing is
/// loading (`aria-busy`): clicks Retry on a failed section (Retry is
/// disabled while its load runs), or `again` (a button) when the step's own
/// error shows.
async fn persist(b: &Browser, goal: &str, again: Option<(&str, &str)>) -> u32 {
    let deadline = Instant::now() + UI_TIMEOUT * 3;
    let mut retries = 0;
    loop {
        if present(b, goal).await && !present(b, "[aria-busy=true]").await {
            return retries;
        }
        if present(b, "#crash-banner").await {
            panic!("the console crashed: {}", b.console_problems_blocking().join("\n"));
        }
        if let Some((error, button)) = again {
            if !text_now(b, error).await.trim().is_empty() && try_click(b, button).await {
                retries += 1;
            }
        }
        // Every failed section: the list page has two (the hygiene counts
        // above the list, and the list).
        if click_all(b, "[data-testid=retry]:not([disabled])").await {
            retries += 1;
        }
        // No Refresh: a page that stays loading with nothing to retry is a
        // bug (seen about 1 run in 8 before the list page shared one module
        // list, not in 48 runs since). Say what is busy and what it asked for.
        if Instant::now() > deadline {
            panic!("never reached {goal}; the page: {}", b.js(STUCK_REPORT).await);
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// A GET of the sandbox's API, repeated until it answers cleanly.
async fn api_get(sandbox: &Sandbox, path: &str) -> serde_json::Value {
    for _ in 0..50 {
        let res = reqwest::Client::new()
            .get(format!("{}{path}", sandbox.url))
            .bearer_auth(&sandbox.token)
            .send()
            .await;
        if let Ok(res) = res {
            if res.status() == 200 {
                if let Ok(v) = res.json::<serde_json::Value>().await {
                    return v;
                }
            }
        }
    }
    panic!("{path} never answered cleanly");
}

#[tokio::test]
async fn a_token_is_added_and_opened_through_faults_without_losing_input() {
    let sandbox = Sandbox::start_with(&["--faults", FAULTS]);
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens", &sandbox.token).await;
    let mut retries = persist(
        &b,
        "[data-testid=token-row]",
        Some((
            "[data-testid=sign-in-error]",
            "[data-testid=sign-in-form] button[type=submit]",
        )),
    )
    .await;

    b.click("[data-testid=add-token]").await;
    b.type_into("[data-testid=name-input]", "Survives faults").await;
    b.type_into("[data-testid=description-input]", "Typed once").await;
    b.click("[data-testid=wizard-next]").await;
    retries += persist(&b, "[data-testid=module-checkbox][value=MOD-1310]", None).await;
    b.click("[data-testid=module-checkbox][value=MOD-1310]").await;
    b.click("[data-testid=wizard-next]").await;
    assert_eq!(b.text("[data-testid=overview-name]").await, "Survives faults");
    b.click("[data-testid=wizard-add]").await;

    retries += persist(
        &b,
        "[data-testid=summary-id]",
        Some(("[data-testid=add-error]", "[data-testid=wizard-add]")),
    )
    .await;
    let id = b.text("[data-testid=summary-id]").await;
    assert_eq!(b.text("[data-testid=summary-name]").await, "Survives faults");

    b.click("[data-testid=summary-details]").await;
    retries += persist(&b, "[data-testid=details-name]", None).await;
    assert_eq!(b.text("[data-testid=details-id]").await, id);
    for (tab, content) in [
        ("modules", "[data-testid=module-row]"),
        ("details", "[data-testid=details-fields]"),
        ("audit", "[data-testid=audit-row]"),
        ("general", "[data-testid=endpoint]"),
    ] {
        b.click(&format!("[data-testid=tab-{tab}]")).await;
        retries += persist(&b, content, None).await;
    }

    // Back on the list, a few refreshes: each either shows rows or a Retry.
    b.click("[data-testid=back]").await;
    for _ in 0..4 {
        retries += persist(&b, "[data-testid=token-row]", None).await;
        b.click("[data-testid=refresh]").await;
    }
    retries += persist(&b, "[data-testid=token-row]", None).await;

    // One token, exactly as entered, however many attempts it took.
    let q = rql::Query {
        filter: Some(rql::Expr::eq("name", "Survives faults")),
        ..Default::default()
    };
    let found = api_get(
        &sandbox,
        &format!("/public/v1/accounts/api-tokens?{}", q.to_query_string().unwrap()),
    )
    .await;
    let data = found["data"].as_array().cloned().unwrap_or_default();
    assert_eq!(data.len(), 1, "{found}");
    assert_eq!(data[0]["id"], id.as_str());
    let token = api_get(&sandbox, &format!("/public/v1/accounts/api-tokens/{id}")).await;
    assert_eq!(token["description"], "Typed once");
    assert_eq!(token["modules"][0]["id"], "MOD-1310");
    // How many retries it took depends on which requests the faults hit, which
    // varies with timing; the figure is printed, not asserted.
    println!("reached the end with {retries} retries under faults");
}
