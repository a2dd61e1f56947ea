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

    let (status, _) = api.as_token(secret).get("/public/v1/accounts/accounts").await;
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

#[tokio::test]
async fn every_api_answer_is_nosniff_and_secrets_are_never_cached() {
    let api = Api::start().await;
    let url = |p: &str| format!("{}{p}", api.base);
    let created = api
        .http
        .post(url(TOKENS))
        .bearer_auth(&api.token)
        .json(&json!({"name": "Cached?"}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        created.headers()["cache-control"],
        "no-store",
        "create carries the secret"
    );
    let id = created.json::<serde_json::Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    for path in [
        format!("{TOKENS}/{id}"),
        format!("{TOKENS}?select=%2Btoken"),
        TOKENS.to_string(),
    ] {
        let res = api.http.get(url(&path)).bearer_auth(&api.token).send().await.unwrap();
        assert_eq!(res.headers()["cache-control"], "no-store", "{path}");
        assert_eq!(res.headers()["x-content-type-options"], "nosniff", "{path}");
    }
    let res = api
        .http
        .post(url(&format!("{TOKENS}/{id}/disable")))
        .bearer_auth(&api.token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["cache-control"], "no-store", "the answer is the token");
    for path in [
        "/public/v1/accounts/accounts",
        "/public/v1/audit/records",
        "/public/v1/nothing-here",
    ] {
        let res = api.http.get(url(path)).bearer_auth(&api.token).send().await.unwrap();
        assert_eq!(res.headers()["x-content-type-options"], "nosniff", "{path}");
    }
    let res = api.http.get(url(TOKENS)).send().await.unwrap();
    assert_eq!(
        (res.status().as_u16(), &res.headers()["x-content-type-options"]),
        (401, &"nosniff".parse().unwrap())
    );
}

#[tokio::test]
async fn documented_account_type_rules_are_403_problems() {
    let api = Api::start().await;
    // "List modules … ops": a client account's token may not.
    let (s, b) = api.get("/public/v1/accounts/modules").await;
    assert_problem(s, &b, 403);
    assert_eq!(b["title"], "Forbidden");
    assert!(b["detail"].as_str().unwrap().contains("Operations"), "{b}");
    assert_eq!(api.as_token(ADMIN).get("/public/v1/accounts/modules").await.0, 200);
    // A module by id: the docs set no rule.
    assert_eq!(api.get("/public/v1/accounts/modules/MOD-1255").await.0, 200);
    // "Get audit record … vendor, ops": not a client, though it may list them.
    let records = api.list_records("limit=1").await;
    let id = rows(&records)[0]["id"].as_str().unwrap().to_string();
    let (s, b) = api.get(&format!("/public/v1/audit/records/{id}")).await;
    assert_problem(s, &b, 403);
    assert_eq!(
        api.as_token(ADMIN)
            .get(&format!("/public/v1/audit/records/{id}"))
            .await
            .0,
        200
    );
}

#[tokio::test]
async fn the_database_file_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let api = Api::start().await;
    let dir = api.stop().await;
    for name in ["sandbox.db", "sandbox.db-wal"] {
        let path = dir.path().join(name);
        if let Ok(meta) = std::fs::metadata(&path) {
            assert_eq!(meta.permissions().mode() & 0o777, 0o600, "{name}");
        } else {
            assert_ne!(name, "sandbox.db", "the database exists");
        }
    }
}
