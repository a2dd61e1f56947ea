//! The two ways a console reaches the API: on another origin that allows
//! it by CORS, or through its host's same-origin proxy when the API does not.

use crate::support::{deployed_with, eventually, free_port, Browser, Sandbox};

async fn list_and_open_a_token(b: &Browser, console: &Sandbox, api: &Sandbox) {
    b.sign_in(console, "/api-tokens", &api.token).await;
    b.expect_rows(api, "order=-audit.created.at,name&select=audit&limit=10")
        .await;
    b.click("[data-testid=token-name]").await;
    b.click("[data-testid=tab-audit]").await;
    assert!(b
        .text("[data-testid=audit-details]")
        .await
        .contains("created the API token"));
}

#[tokio::test]
async fn the_console_on_one_origin_uses_the_api_on_another_by_cors() {
    let port = free_port();
    let console_origin = format!("http://127.0.0.1:{port}");
    let api = Sandbox::start_with(&["--cors-origin", &console_origin]);
    let dist = deployed_with(&format!(r#"{{"apiBaseUrl": "{}"}}"#, api.url));
    let console = Sandbox::start_at(port, dist.path(), &[]);
    let b = Browser::start().await;
    list_and_open_a_token(&b, &console, &api).await;
    // A change goes to the API's origin, preflight and all.
    let (id, _) = api.create_token("Cross-origin").await;
    b.open(&console, &format!("/api-tokens?q={id}")).await;
    eventually("the new token", vec![id.clone()], || b.row_ids()).await;
    b.choose_row_action("Disable").await;
    b.click("[data-testid=confirm-dialog][open] [data-testid=confirm]")
        .await;
    eventually("disabled at the API", "Disabled".to_string(), || async {
        api.api_get(&format!("/public/v1/accounts/api-tokens/{id}")).await["status"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    })
    .await;
}

#[tokio::test]
async fn the_console_reaches_an_api_without_cors_through_its_hosts_proxy() {
    let api = Sandbox::start();
    let dist = deployed_with(&format!(r#"{{"apiBaseUrl": "", "apiProxy": "{}"}}"#, api.url));
    let redirects = std::fs::read_to_string(dist.path().join("_redirects")).expect("_redirects");
    assert!(
        redirects.starts_with(&format!("/public/*  {}/public/:splat  200\n", api.url)),
        "{redirects}"
    );
    let host = Sandbox::start_serving(dist.path());
    let b = Browser::start().await;
    list_and_open_a_token(&b, &host, &api).await;
}
