use crate::support::*;
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn requests_without_a_valid_bearer_token_get_401_problem_details() {
    let api = Api::start().await;
    let res = api.http.get(format!("{}{TOKENS}", api.base)).send().await.unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    assert_eq!(res.headers()["www-authenticate"], "Bearer");
    let res = api
        .http
        .get(format!("{}{TOKENS}", api.base))
        .header("Authorization", format!("Basic {ADMIN}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    let (status, body) = api.as_token("not-a-token").get(TOKENS).await;
    assert_problem(status, &body, 401);
    for path in [
        "/public/v1/accounts/modules",
        "/public/v1/accounts/accounts",
        "/public/v1/audit/records",
    ] {
        assert_eq!(api.as_token("nope").get(path).await.0, 401, "{path}");
    }
}

#[tokio::test]
async fn an_active_api_token_authenticates_and_its_use_is_recorded() {
    let api = Api::start().await;
    let created = api
        .create(json!({"name": "Robot", "modules": [{"id": "MOD-1255"}]}))
        .await;
    let id = created["id"].as_str().unwrap();
    let secret = created["token"].as_str().unwrap();
    assert!(created["lastAccessAt"].is_null());

    let (status, _) = api.as_token(secret).get("/public/v1/accounts/modules").await;
    assert_eq!(status, 200);
    let (_, after) = api.get(&format!("{TOKENS}/{id}")).await;
    assert!(after["lastAccessAt"].is_string(), "{after}");

    // Acting with the token is audited under the token's identity.
    let (status, other) = api
        .as_token(secret)
        .call(Method::POST, TOKENS, Some(json!({"name": "Made by a robot"})))
        .await;
    assert_eq!(status, 201);
    assert_eq!(other["audit"]["created"]["by"]["id"], id);
}

#[tokio::test]
async fn disabled_and_deleted_tokens_are_refused_and_enabling_lets_one_in_again() {
    let api = Api::start().await;
    let created = api.create(json!({"name": "Switchable"})).await;
    let id = created["id"].as_str().unwrap();
    let secret = created["token"].as_str().unwrap();

    assert_eq!(api.post(&format!("{TOKENS}/{id}/disable"), json!(null)).await.0, 200);
    let (status, body) = api.as_token(secret).get(TOKENS).await;
    assert_problem(status, &body, 401);

    assert_eq!(api.post(&format!("{TOKENS}/{id}/enable"), json!(null)).await.0, 200);
    assert_eq!(api.as_token(secret).get(TOKENS).await.0, 200);

    assert_eq!(api.call(Method::DELETE, &format!("{TOKENS}/{id}"), None).await.0, 204);
    assert_eq!(api.as_token(secret).get(TOKENS).await.0, 401);
}
