use crate::support::*;
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn active_and_disabled_move_only_as_the_platform_allows() {
    let api = Api::start().await;
    let t = api.create(json!({"name": "Lifecycle"})).await;
    let path = format!("{TOKENS}/{}", t["id"].as_str().unwrap());

    let (s, b) = api.post(&format!("{path}/enable"), json!(null)).await;
    assert_problem(s, &b, 400);
    assert!(b["detail"].as_str().unwrap().contains("Active"), "{b}");

    let (s, b) = api.post(&format!("{path}/disable"), json!(null)).await;
    assert_eq!((s.as_u16(), b["status"].as_str()), (200, Some("Disabled")));
    let (s, b) = api.post(&format!("{path}/disable"), json!(null)).await;
    assert_problem(s, &b, 400);

    let (s, b) = api.post(&format!("{path}/enable"), json!(null)).await;
    assert_eq!((s.as_u16(), b["status"].as_str()), (200, Some("Active")));
}

#[tokio::test]
async fn deleted_tokens_are_gone_from_lists_and_reads() {
    let api = Api::start().await;
    let t = api.create(json!({"name": "Doomed"})).await;
    let id = t["id"].as_str().unwrap();
    let path = format!("{TOKENS}/{id}");
    assert_eq!(api.post(&format!("{path}/disable"), json!(null)).await.0, 200);
    let (s, body) = api.call(Method::DELETE, &path, None).await;
    assert_eq!(s, 204);
    assert!(body.is_null(), "204 has no body");

    assert_eq!(api.get(&path).await.0, 404);
    assert_eq!(api.put(&path, json!({"name": "Zombie"})).await.0, 404);
    assert_eq!(api.post(&format!("{path}/enable"), json!(null)).await.0, 404);
    assert_eq!(api.call(Method::DELETE, &path, None).await.0, 404);
    assert_eq!(total(&api.list(&format!("eq(id,{id})")).await), 0);
    assert_eq!(total(&api.list("eq(status,Deleted)").await), 0);
}

#[tokio::test]
async fn every_mutation_writes_an_audit_record_for_the_token() {
    let api = Api::start().await;
    let t = api.create(json!({"name": "Audited"})).await;
    let id = t["id"].as_str().unwrap();
    let path = format!("{TOKENS}/{id}");
    api.put(&path, json!({"name": "Audited twice"})).await;
    api.post(&format!("{path}/disable"), json!(null)).await;
    api.post(&format!("{path}/enable"), json!(null)).await;
    api.call(Method::DELETE, &path, None).await;

    let (s, list) = api
        .get(&format!("/public/v1/audit/records?eq(object.id,{id})&order=-timestamp"))
        .await;
    assert_eq!(s, 200, "{list}");
    let events: Vec<&str> = rows(&list).iter().map(|r| r["event"].as_str().unwrap()).collect();
    assert_eq!(
        events,
        [
            "platform.accounts.api_token.deleted",
            "platform.accounts.api_token.enabled",
            "platform.accounts.api_token.disabled",
            "platform.accounts.api_token.updated",
            "platform.accounts.api_token.created"
        ]
    );
    let first = &rows(&list)[0];
    assert_eq!(first["object"]["id"], id);
    assert_eq!(first["object"]["objectType"], "ApiToken");
    assert_eq!(first["actor"]["id"], CONSOLE_TOKEN);
    assert_eq!(
        first["actor"]["account"],
        json!({"id": STARK, "name": "Stark Industries", "accountType": "Client"})
    );
    let rec_id = first["id"].as_str().unwrap();
    let (s, rec) = api
        .as_token(ADMIN)
        .get(&format!("/public/v1/audit/records/{rec_id}"))
        .await;
    assert_eq!(s, 200);
    assert_eq!(&rec, first);
    assert_eq!(
        api.as_token(ADMIN)
            .get("/public/v1/audit/records/AUD-0000-0000-0000")
            .await
            .0,
        404
    );
}

#[tokio::test]
async fn details_are_templates_that_render_fills_in() {
    let api = Api::start().await;
    let t = api
        .create(json!({"name": "Templated", "modules": [{"id": "MOD-1255"}, {"id": "MOD-1340"}]}))
        .await;
    let id = t["id"].as_str().unwrap();
    let raw = api.list_records(&format!("eq(object.id,{id})")).await;
    let details = rows(&raw)[0]["details"].as_str().unwrap();
    assert!(details.contains("{{apiToken.name}}"), "{details}");
    let rendered = api.list_records(&format!("eq(object.id,{id})&render()")).await;
    let record = &rows(&rendered)[0];
    assert_eq!(
        record["details"],
        format!("Sandbox console created the API token Templated ({id}) with the modules Access management, Billing.")
    );
    assert_eq!(record["documents"]["apiToken"]["name"], "Templated");
    // A single read renders too, whichever way the client wrote render().
    let rec = record["id"].as_str().unwrap();
    for query in [
        "render()",
        "render%28%29=",
        "select=object%2Cactor%2Cdetails&render%28%29=",
    ] {
        let (s, one) = api
            .as_token(ADMIN)
            .get(&format!("/public/v1/audit/records/{rec}?{query}"))
            .await;
        assert_eq!(s, 200, "{query}");
        assert_eq!(one["details"], record["details"], "{query}");
        assert_eq!(one["id"], rec);
    }
    // render() means nothing for other resources.
    let (s, b) = api.get(&format!("{TOKENS}?render()")).await;
    assert_problem(s, &b, 400);
}
