//! The security rules a user meets: idle sign-out that forgets the token but
//! keeps the page, and credentials the platform refuses something (403),
//! which the console says plainly and works around where it can.

use crate::support::{deployed_with, eventually, Browser, Sandbox};

const STARK: &str = "ACC-0001-0002";

/// Everything the page keeps in web storage, as one string.
async fn web_storage(b: &Browser) -> String {
    b.js("return JSON.stringify(sessionStorage) + JSON.stringify(localStorage)")
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn idle_sign_out_warns_first_then_forgets_the_token_and_keeps_the_form() {
    // 0.15 minutes: signed out after 9 s, warned from 4.5 s.
    let dist = deployed_with(r#"{"apiBaseUrl": "", "idleTimeoutMinutes": 0.15}"#);
    let sandbox = Sandbox::start_serving(dist.path());
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens/new", &sandbox.token).await;
    b.type_into("[data-testid=name-input]", "Typed before idling").await;
    assert!(web_storage(&b).await.contains(&sandbox.token), "signed in");

    b.find("[data-testid=idle-warning]").await;
    b.click("[data-testid=stay-signed-in]").await;
    eventually("the warning gone", 0, || b.count("[data-testid=idle-warning]")).await;
    assert_eq!(
        b.count("[data-testid=session-expired][open]").await,
        0,
        "still signed in"
    );

    let reason = b.text("[data-testid=session-expired][open]").await;
    assert!(
        reason.contains("signed out after a minute without activity"),
        "{reason}"
    );
    assert!(
        !web_storage(&b).await.contains(&sandbox.token),
        "the token is forgotten"
    );
    assert_eq!(
        b.value("[data-testid=name-input]").await.as_deref(),
        Some("Typed before idling"),
        "the page stays behind the sign-in"
    );

    b.sign_in_again(&sandbox.token, 0).await;
    assert_eq!(
        b.value("[data-testid=name-input]").await.as_deref(),
        Some("Typed before idling")
    );
}

/// The ids of the module checkboxes the wizard offers.
async fn offered_modules(b: &Browser) -> Vec<String> {
    let list = b
        .js("return [...document.querySelectorAll('[data-testid=module-checkbox]')].map(c => c.value)")
        .await;
    serde_json::from_value(list).unwrap_or_default()
}

#[tokio::test]
async fn credentials_that_may_not_list_modules_still_add_a_token_from_the_modules_they_know() {
    let sandbox = Sandbox::start();
    // The documented rule, which the sandbox enforces: List modules is for Operations.
    let (status, problem) = sandbox.api_status("/public/v1/accounts/modules").await;
    assert_eq!(status, 403, "{problem}");

    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens/new", &sandbox.token).await;
    b.type_into("[data-testid=name-input]", "From known modules").await;
    b.click("[data-testid=wizard-next]").await;
    assert!(b
        .text("[data-testid=modules-notice]")
        .await
        .contains("may not list the platform's modules"));
    b.find("[data-testid=module-checkbox]").await;
    let offered = offered_modules(&b).await;
    // What the account's tokens have, which the token may read.
    let tokens = sandbox
        .api_get(&format!(
            "/public/v1/accounts/api-tokens?eq(account.id,{STARK})&limit=100"
        ))
        .await;
    let mut known: Vec<String> = tokens["data"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|t| t["modules"].as_array().cloned().unwrap_or_default())
        .filter_map(|m| m["id"].as_str().map(str::to_string))
        .collect();
    known.sort();
    known.dedup();
    let mut sorted = offered.clone();
    sorted.sort();
    assert_eq!(sorted, known);

    let first = offered.first().expect("a module is offered").clone();
    b.click(&format!("[data-testid=module-checkbox][value={first}]")).await;
    b.click("[data-testid=wizard-next]").await;
    b.click("[data-testid=wizard-add]").await;
    let id = b.text("[data-testid=summary-id]").await;
    let token = sandbox.api_get(&format!("/public/v1/accounts/api-tokens/{id}")).await;
    assert_eq!(token["modules"][0]["id"], first.as_str());
}

#[tokio::test]
async fn an_operations_token_lists_the_platforms_modules_without_a_notice() {
    let sandbox = Sandbox::start();
    let b = Browser::start().await;
    b.sign_in(
        &sandbox,
        &format!("/api-tokens/new?account={STARK}"),
        &sandbox.ops_token,
    )
    .await;
    b.type_into("[data-testid=name-input]", "From the catalogue").await;
    b.click("[data-testid=wizard-next]").await;
    b.find("[data-testid=module-checkbox]").await;
    assert_eq!(b.count("[data-testid=modules-notice]").await, 0);
    assert!(offered_modules(&b).await.len() >= 5, "the platform's list");
}
