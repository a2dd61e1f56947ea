use crate::support::*;
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn the_seeded_list_has_the_documented_envelope_and_omits_secrets() {
    let api = Api::start().await;
    let list = api.list("").await;
    assert_eq!(total(&list), STARK_TOKENS);
    assert_eq!(
        list["$meta"]["pagination"],
        json!({"offset": 0, "limit": 100, "total": STARK_TOKENS})
    );
    assert_eq!(list["$meta"]["omitted"], json!(["token", "audit"]));
    let statuses: Vec<&str> = rows(&list).iter().map(|t| t["status"].as_str().unwrap()).collect();
    assert!(statuses.contains(&"Active") && statuses.contains(&"Disabled"));
    for t in rows(&list) {
        assert!(t.get("token").is_none() && t.get("audit").is_none(), "{t}");
        let id = t["id"].as_str().unwrap();
        assert!(id.len() == 13 && id.starts_with("TKN-"), "{id}");
        assert_eq!(t["account"]["id"], STARK);
        assert!(!t["modules"].as_array().unwrap().is_empty());
    }
    assert!(
        rows(&list).iter().any(|t| t["lastAccessAt"].is_null()),
        "some seeded tokens were never used"
    );
    let with_audit = api.list("select=audit").await;
    assert!(rows(&with_audit)
        .iter()
        .all(|t| t["audit"]["created"]["by"]["id"].is_string()));
}

#[tokio::test]
async fn create_returns_the_active_token_with_a_secret_modules_and_audit() {
    let api = Api::start().await;
    let t = api
        .create(json!({
            "account": {"id": "ACC-0001-0002"},
            "name": "  Deploy bot  ",
            "description": "Ships releases",
            "modules": [{"id": "MOD-1310"}, {"id": "MOD-1255"}]
        }))
        .await;
    assert_eq!(t["name"], "Deploy bot");
    assert_eq!(t["status"], "Active");
    assert_eq!(t["description"], "Ships releases");
    let secret = t["token"].as_str().unwrap();
    assert!(secret.starts_with(&format!("idt:{}:", t["id"].as_str().unwrap())) && secret.len() > 50);
    assert_eq!(t["modules"][0]["id"], "MOD-1310");
    assert_eq!(t["modules"][0]["name"], "Marketplace");
    assert_eq!(t["modules"][1]["name"], "Access management");
    // Made by the token that asked.
    assert_eq!(
        t["audit"]["created"]["by"],
        json!({"id": CONSOLE_TOKEN, "name": "Sandbox console"})
    );
    assert!(t["audit"]["created"]["at"].as_str().unwrap().ends_with('Z'));

    let (status, fetched) = api.get(&format!("{TOKENS}/{}", t["id"].as_str().unwrap())).await;
    assert_eq!(status, 200);
    assert_eq!(fetched, t);
    let again = api.create(json!({"name": "Deploy bot"})).await;
    assert_ne!(again["token"], t["token"]);
}

#[tokio::test]
async fn update_changes_fields_and_stamps_audit_updated() {
    let api = Api::start().await;
    let t = api
        .create(json!({"name": "Before", "description": "old", "modules": [{"id": "MOD-1255"}]}))
        .await;
    let path = format!("{TOKENS}/{}", t["id"].as_str().unwrap());
    let (status, u) = api
        .put(
            &path,
            json!({"name": "After", "description": null, "modules": [{"id": "MOD-1299"}, {"id": "MOD-1340"}]}),
        )
        .await;
    assert_eq!(status, 200, "{u}");
    assert_eq!(u["name"], "After");
    assert!(u["description"].is_null());
    assert_eq!(u["modules"].as_array().unwrap().len(), 2);
    assert_eq!(u["audit"]["updated"]["by"]["id"], CONSOLE_TOKEN);
    assert_eq!(u["token"], t["token"], "the secret does not change");

    // Absent fields stay as they are.
    let (_, u2) = api.put(&path, json!({"description": "new"})).await;
    assert_eq!(u2["name"], "After");
    assert_eq!(u2["modules"], u["modules"]);
}

#[tokio::test]
async fn unknown_ids_are_404_problems_for_every_operation() {
    let api = Api::start().await;
    let path = format!("{TOKENS}/TKN-0000-0000");
    let (s, b) = api.get(&path).await;
    assert_problem(s, &b, 404);
    let (s, b) = api.put(&path, json!({"name": "x"})).await;
    assert_problem(s, &b, 404);
    let (s, b) = api.call(Method::DELETE, &path, None).await;
    assert_problem(s, &b, 404);
    let (s, b) = api.post(&format!("{path}/enable"), json!(null)).await;
    assert_problem(s, &b, 404);
    let (s, b) = api.get("/public/v1/accounts/nothing-here").await;
    assert_problem(s, &b, 404);
    let (s, b) = api.call(Method::PATCH, TOKENS, Some(json!({}))).await;
    assert_problem(s, &b, 405);
}

#[tokio::test]
async fn writes_survive_a_restart() {
    let api = Api::start().await;
    let t = api.create(json!({"name": "Durable"})).await;
    let dir = api.stop().await;
    let api = Api::start_in(dir).await;
    let (status, again) = api.get(&format!("{TOKENS}/{}", t["id"].as_str().unwrap())).await;
    assert_eq!(status, 200);
    assert_eq!(again["name"], "Durable");
    assert_eq!(total(&api.list("limit=0").await), STARK_TOKENS + 1, "no second seeding");
}
