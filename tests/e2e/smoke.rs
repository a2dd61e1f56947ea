//! The harness works: the console loads from the sandbox and the app starts.

use crate::support::{Browser, Sandbox};

#[tokio::test]
async fn console_loads_from_the_sandbox_and_the_wasm_app_starts() {
    let sandbox = Sandbox::start();
    let browser = Browser::start().await;
    browser.client.goto(&sandbox.url).await.expect("navigate");
    // The heading is rendered by the wasm app, not present in index.html.
    assert_eq!(
        browser.text_of("[data-testid=product-name]").await,
        "API tokens console"
    );

    // A deep link is answered with the app too (SPA fallback).
    browser
        .client
        .goto(&format!("{}/api-tokens?page=2", sandbox.url))
        .await
        .expect("navigate");
    assert_eq!(
        browser.text_of("[data-testid=product-name]").await,
        "API tokens console"
    );
    let title = browser.client.title().await.expect("title");
    assert_eq!(title, "API tokens console");
}

#[tokio::test]
async fn the_same_origin_serves_the_api_behind_the_admin_token() {
    let sandbox = Sandbox::start();
    let http = reqwest::Client::new();
    let url = format!("{}/public/v1/accounts/accounts", sandbox.url);
    let denied = http.get(&url).send().await.expect("request");
    assert_eq!(denied.status(), 401);
    let ok = http
        .get(&url)
        .bearer_auth(&sandbox.admin_token)
        .send()
        .await
        .expect("request");
    assert_eq!(ok.status(), 200);
    let body: serde_json::Value = ok.json().await.expect("json");
    assert_eq!(body["data"][0]["id"], "ACC-0001-0002");
}
