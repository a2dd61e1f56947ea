use crate::support::*;
use serde_json::{json, Value};

async fn create_errors(api: &Api, body: Value) -> Value {
    let (s, b) = api.post(TOKENS, body).await;
    assert_problem(s, &b, 400);
    b["errors"].clone()
}

#[tokio::test]
async fn field_errors_name_each_bad_field() {
    let api = Api::start().await;
    assert!(create_errors(&api, json!({})).await["name"].is_array());
    assert!(create_errors(&api, json!({"name": "   "})).await["name"].is_array());
    assert!(create_errors(&api, json!({"name": "x".repeat(101)})).await["name"].is_array());
    assert!(create_errors(&api, json!({"name": "two\nlines"})).await["name"].is_array());
    assert!(create_errors(&api, json!({"name": 7})).await["name"].is_array());
    assert!(create_errors(&api, json!({"name": "ok", "description": "d".repeat(501)})).await["description"].is_array());
    let e = create_errors(&api, json!({"name": "ok", "modules": [{"id": "MOD-9999"}]})).await;
    assert!(e["modules"][0].as_str().unwrap().contains("MOD-9999"), "{e}");
    let e = create_errors(&api, json!({"name": "ok", "modules": [{"id": "nope"}]})).await;
    assert!(e["modules[0].id"].is_array(), "{e}");
    let e = create_errors(
        &api,
        json!({"name": "ok", "colour": "red", "modules": [{"id": "MOD-1255", "x": 1}]}),
    )
    .await;
    assert!(e["colour"].is_array() && e["modules[0].x"].is_array(), "{e}");
    let e = create_errors(&api, json!({"name": "ok", "account": {"id": "ACC-9999-9999"}})).await;
    assert!(e["account.id"].is_array(), "{e}");
    // Nothing was created by any of these.
    assert_eq!(total(&api.list("limit=0").await), STARK_TOKENS);
    // Names at the limit are fine.
    api.create(json!({"name": "n".repeat(100), "description": "d".repeat(500)}))
        .await;
}

#[tokio::test]
async fn update_is_validated_like_create() {
    let api = Api::start().await;
    let t = api.create(json!({"name": "Valid"})).await;
    let path = format!("{TOKENS}/{}", t["id"].as_str().unwrap());
    let (s, b) = api.put(&path, json!({"name": "", "surprise": true})).await;
    assert_problem(s, &b, 400);
    assert!(b["errors"]["name"].is_array() && b["errors"]["surprise"].is_array());
    let (s, b) = api.put(&path, json!({"modules": [{"id": "MOD-0001"}]})).await;
    assert_problem(s, &b, 400);
    let (_, still) = api.get(&path).await;
    assert_eq!(still["name"], "Valid");
}

#[tokio::test]
async fn malformed_unsupported_and_oversized_bodies_are_refused() {
    let api = Api::start().await;
    let url = format!("{}{TOKENS}", api.base);
    let send = |body: Vec<u8>, ct: &'static str| {
        api.http
            .post(&url)
            .bearer_auth(ADMIN)
            .header("content-type", ct)
            .body(body)
            .send()
    };
    let res = send(b"{\"name\": ".to_vec(), "application/json").await.unwrap();
    assert_eq!(res.status(), 400);
    let body: Value = res.json().await.unwrap();
    assert!(body["detail"].as_str().unwrap().contains("JSON"), "{body}");

    let res = send(b"[1,2]".to_vec(), "application/json").await.unwrap();
    assert_eq!(res.status(), 400);

    let res = send(b"name=x".to_vec(), "application/x-www-form-urlencoded")
        .await
        .unwrap();
    assert_eq!(res.status(), 415);

    let res = send(b"{\"name\":\"via text/json\"}".to_vec(), "text/json")
        .await
        .unwrap();
    assert_eq!(res.status(), 201);

    let mut big = b"{\"name\":\"big\",\"description\":\"".to_vec();
    big.resize(9 * 1024 * 1024, b'a');
    big.extend_from_slice(b"\"}");
    let res = send(big, "application/json").await.unwrap();
    assert_eq!(res.status(), 413);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
}
