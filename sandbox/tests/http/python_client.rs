//! The requests the official Python client's own e2e suites send (api
//! tokens, modules, accounts, audit records), in the exact shapes it puts on
//! the wire, with the sandbox's ids in place of the platform's: single-quoted
//! RQL values, `%20` for spaces, `select=-field` beside a filter on that
//! field, `render()` in both its list and its single-read form, the create
//! body with `"icon": ""`, and that body again as an update.

use crate::support::*;
use reqwest::Method;
use serde_json::{json, Value};

fn create_body(name: &str) -> Value {
    json!({
        "account": {"id": STARK},
        "name": name,
        "description": "E2E API Token created during E2E tests",
        "icon": "",
        "modules": [{"id": "MOD-1255"}],
    })
}

/// The client's `404 Not Found` match needs the standard title and a JSON body.
fn assert_not_found(status: reqwest::StatusCode, body: &Value) {
    assert_problem(status, body, 404);
    assert_eq!(body["title"], "Not Found");
}

#[tokio::test]
async fn api_token_suite() {
    let api = Api::start().await;
    let robots = api.list("eq(name,'Robot%201')").await;
    let robot_id = rows(&robots)[0]["id"].as_str().unwrap();

    let (s, one) = api.get(&format!("{TOKENS}/{robot_id}")).await;
    assert_eq!((s.as_u16(), one["id"].as_str()), (200, Some(robot_id)));
    assert!(!rows(&api.list("limit=10&offset=0").await).is_empty());
    let (s, b) = api.get(&format!("{TOKENS}/TKN-0000-0000")).await;
    assert_not_found(s, &b);

    // Filtering on a field the select leaves out: exclusion shapes the output only.
    for select in ["-name", "-description"] {
        let list = api
            .list(&format!(
                "limit=100&offset=0&select={select}&and(eq(id,'{robot_id}'),eq(name,'Robot%201'))"
            ))
            .await;
        assert_eq!(total(&list), 1, "{select}");
        assert!(rows(&list)[0].get(&select[1..]).is_none());
    }

    let created = api.create(create_body("E2E Test API Token")).await;
    let id = created["id"].as_str().unwrap();
    let path = format!("{TOKENS}/{id}");
    let (s, updated) = api.put(&path, create_body("E2E Updated API Token")).await;
    assert_eq!(
        (s.as_u16(), updated["name"].as_str()),
        (200, Some("E2E Updated API Token"))
    );
    let (s, b) = api
        .put(&format!("{TOKENS}/TKN-0000-0000"), create_body("Nonexistent API Token"))
        .await;
    assert_not_found(s, &b);

    // Enable and disable answer with the token (the client reads a JSON object).
    let (s, disabled) = api.post(&format!("{path}/disable"), Value::Null).await;
    assert_eq!((s.as_u16(), disabled["status"].as_str()), (200, Some("Disabled")));
    let (s, enabled) = api.post(&format!("{path}/enable"), Value::Null).await;
    assert_eq!((s.as_u16(), enabled["status"].as_str()), (200, Some("Active")));
    for verb in ["enable", "disable"] {
        let (s, b) = api.post(&format!("{TOKENS}/TKN-0000-0000/{verb}"), Value::Null).await;
        assert_not_found(s, &b);
    }

    // Deleted twice (the test, then its teardown): the second is a JSON 404.
    assert_eq!(api.call(Method::DELETE, &path, None).await.0, 204);
    let (s, b) = api.call(Method::DELETE, &path, None).await;
    assert_not_found(s, &b);
    let (s, b) = api.call(Method::DELETE, &format!("{TOKENS}/TKN-0000-0000"), None).await;
    assert_not_found(s, &b);
}

#[tokio::test]
async fn module_and_account_suites() {
    let api = Api::start().await;
    let ops = api.as_token(ADMIN);
    let (s, m) = ops.get("/public/v1/accounts/modules/MOD-1255").await;
    assert_eq!((s.as_u16(), m["name"].as_str()), (200, Some("Access management")));
    let (_, list) = ops.get("/public/v1/accounts/modules?limit=10&offset=0").await;
    assert!(!rows(&list).is_empty());
    let (s, b) = ops.get("/public/v1/accounts/modules/MOD-0000").await;
    assert_not_found(s, &b);
    let (_, found) = ops
        .get("/public/v1/accounts/modules?limit=100&offset=0&select=-description&and(eq(id,'MOD-1255'),eq(name,'Access%20management'))")
        .await;
    assert_eq!(total(&found), 1);

    let (s, b) = ops.get("/public/v1/accounts/accounts/INVALID-ID").await;
    assert_not_found(s, &b);
    let (s, acc) = ops.get(&format!("/public/v1/accounts/accounts/{STARK}")).await;
    assert_eq!((s.as_u16(), acc["name"].as_str()), (200, Some("Stark Industries")));
    let (_, list) = ops.get("/public/v1/accounts/accounts?limit=10&offset=0").await;
    assert!(!rows(&list).is_empty());
    let (s, found) = ops
        .get(&format!("/public/v1/accounts/accounts?limit=100&offset=0&select=-address&and(eq(id,'{STARK}'),eq(name,'Stark%20Industries'))"))
        .await;
    assert_eq!((s.as_u16(), total(&found)), (200, 1));
}

#[tokio::test]
async fn audit_record_suite() {
    // The suite runs with a vendor token, as the official one does ("Get
    // audit record" is open to vendor and ops accounts).
    let root = Api::start().await;
    let api = root.as_token(&root.vendor_token().await);
    let product = "PRD-7255-3950";
    let (s, created) = api
        .post(
            "/public/v1/audit/records",
            json!({
                "event": "extensions.e2e.test",
                "object": {"id": product, "name": "e2e test product"},
                "details": "e2e test details",
                "summary": "e2e test summary",
                "actor": {"type": "system", "id": "system"},
                "payload": {"key": "value"},
            }),
        )
        .await;
    assert_eq!(s, 201, "{created}");
    assert_eq!(created["event"], "extensions.e2e.test");
    assert_eq!(created["object"]["id"], product);
    // The actor is who asked, not what the body claims.
    assert_eq!(created["actor"]["account"]["id"], "ACC-0002-0001");
    let id = created["id"].as_str().unwrap();

    let (s, one) = api.get(&format!("/public/v1/audit/records/{id}")).await;
    assert_eq!((s.as_u16(), one["id"].as_str()), (200, Some(id)));
    let listed = api
        .list_records(&format!("limit=100&offset=0&eq(object.id,'{product}')"))
        .await;
    assert_eq!(rows(&listed)[0]["object"]["id"], product);
    let (s, b) = api.get("/public/v1/audit/records/REC-000-000-000").await;
    assert_not_found(s, &b);

    // With render(), no record holds a template.
    let (_, tokens) = api.get(&format!("{TOKENS}?limit=1")).await;
    let token = rows(&tokens)[0]["id"].as_str().unwrap().to_string();
    for object in [product, token.as_str()] {
        let rendered = api
            .list_records(&format!("limit=100&offset=0&eq(object.id,'{object}')&render()"))
            .await;
        assert!(!rows(&rendered).is_empty());
        for r in rows(&rendered) {
            let details = r["details"].as_str().unwrap();
            assert!(!details.contains("{{") && !details.contains("}}"), "{details}");
        }
    }
    for query in [
        "render%28%29=",
        "select=object%2Cactor",
        "select=object%2Cactor%2Cdetails&render%28%29=",
    ] {
        let (s, one) = api.get(&format!("/public/v1/audit/records/{id}?{query}")).await;
        assert_eq!(s, 200, "{query}");
        assert_eq!(one["id"], id, "{query}");
        assert!(one["object"].is_object() && one["actor"].is_object(), "{query}");
    }

    // Records about an object the caller cannot see are refused.
    let (s, b) = api
        .post(
            "/public/v1/audit/records",
            json!({"event": "x", "object": {"id": "TKN-0000-0000"}}),
        )
        .await;
    assert_not_found(s, &b);
    let (s, b) = api.post("/public/v1/audit/records", json!({"object": {}})).await;
    assert_problem(s, &b, 400);
    assert!(
        b["errors"]["event"].is_array() && b["errors"]["object.id"].is_array(),
        "{b}"
    );
}
