//! Names and descriptions holding HTML or script render as text everywhere.

use crate::support::{eventually, Browser, Sandbox};

const NAME: &str = "<img src=x onerror=window.__xss=1>";
const DESCRIPTION: &str = "\"><script>window.__xss=2</script><a href=\"javascript:window.__xss=3\">x</a>";

#[tokio::test]
async fn html_and_script_in_names_and_descriptions_stay_text() {
    let sandbox = Sandbox::start();
    let res = reqwest::Client::new()
        .post(format!("{}/public/v1/accounts/api-tokens", sandbox.url))
        .bearer_auth(&sandbox.token)
        .json(&serde_json::json!({"name": NAME, "description": DESCRIPTION, "modules": [{"id": "MOD-1255"}]}))
        .send()
        .await
        .unwrap();
    let token: serde_json::Value = res.json().await.unwrap();
    let id = token["id"].as_str().unwrap().to_string();
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens?q=onerror", &sandbox.token).await;
    eventually("row", vec![id.clone()], || b.row_ids()).await;
    assert_eq!(b.text("[data-testid=token-name]").await, NAME);

    b.open(&sandbox, &format!("/api-tokens/{id}/general")).await;
    assert_eq!(b.text("[data-testid=details-name]").await, NAME);
    assert_eq!(b.text("[data-testid=description]").await, DESCRIPTION);
    b.open(&sandbox, &format!("/api-tokens/{id}/audit")).await;
    assert!(b.text("[data-testid=audit-details]").await.contains(NAME));
    b.open(&sandbox, &format!("/api-tokens/{id}/edit")).await;
    assert_eq!(b.value("[data-testid=name-input]").await.as_deref(), Some(NAME));

    let injected = b
        .js("return [typeof window.__xss, document.querySelectorAll('img[src=x], script:not([src]):not([type]), a[href^=javascript]').length]")
        .await;
    assert_eq!(injected, serde_json::json!(["undefined", 0]));
}
