//! The harness works: the console loads from the sandbox and the app starts.

use crate::support::{Browser, Sandbox};

#[tokio::test]
async fn console_loads_from_the_sandbox_and_the_wasm_app_starts() {
    let sandbox = Sandbox::start();
    let browser = Browser::start().await;
    browser.client.goto(&sandbox.url).await.expect("navigate");
    // The heading is rendered by the wasm app, not present in index.html.
    assert_eq!(browser.text("[data-testid=product-name]").await, "API tokens console");

    // A deep link is answered with the app too (SPA fallback).
    browser
        .client
        .goto(&format!("{}/api-tokens?page=2", sandbox.url))
        .await
        .expect("navigate");
    assert_eq!(browser.text("[data-testid=product-name]").await, "API tokens console");
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
        .bearer_auth(&sandbox.token)
        .send()
        .await
        .expect("request");
    assert_eq!(ok.status(), 200);
    let body: serde_json::Value = ok.json().await.expect("json");
    assert_eq!(body["data"][0]["id"], "ACC-0001-0002");
}

/// A copy of the built console with `config.json` replaced (or removed).
fn dist_with_config(config: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    for entry in std::fs::read_dir(Sandbox::built_dist()).expect("dist") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("copy");
    }
    match config {
        Some(text) => std::fs::write(dir.path().join("config.json"), text).expect("write config"),
        None => std::fs::remove_file(dir.path().join("config.json")).expect("remove config"),
    }
    dir
}

#[tokio::test]
async fn a_missing_or_malformed_config_says_so_instead_of_a_blank_page() {
    let browser = Browser::start().await;
    for (config, expected) in [
        (Some("{ not json"), "not valid JSON"),
        (Some(r#"{"apiBaseUrl": "ftp://x"}"#), "http(s) URL"),
        (None, "config.json"),
    ] {
        let dist = dist_with_config(config);
        let sandbox = Sandbox::start_serving(dist.path());
        browser
            .client
            .goto(&format!("{}/api-tokens", sandbox.url))
            .await
            .expect("navigate");
        let text = browser.text("[data-testid=config-error]").await;
        assert!(
            text.contains("not configured") && text.contains(expected),
            "{config:?}: {text}"
        );
    }
}
