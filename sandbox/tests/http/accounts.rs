//! Several accounts: a client account's token sees and changes only its own
//! account's tokens, modules and audit records, and another account's ids
//! are 404s that do not confirm they exist; a user sees the accounts they
//! belong to; the Operations account's token sees every account.

use crate::support::*;
use reqwest::Method;
use serde_json::{json, Value};

const WAYNE: &str = "ACC-0001-0003";
const ACME: &str = "ACC-0002-0001";

fn account_ids(list: &Value) -> Vec<String> {
    let mut ids: Vec<String> = rows(list)
        .iter()
        .map(|t| t["account"]["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// A Wayne Enterprises token made by the Operations token: `(id, secret)`.
async fn wayne_token(api: &Api) -> (String, String) {
    let (s, t) = api
        .as_token(ADMIN)
        .call(
            Method::POST,
            TOKENS,
            Some(json!({"name": "Wayne reader", "account": {"id": WAYNE}, "modules": [{"id": "MOD-1255"}]})),
        )
        .await;
    assert_eq!(s, 201, "{t}");
    (t["id"].as_str().unwrap().into(), t["token"].as_str().unwrap().into())
}

#[tokio::test]
async fn an_accounts_token_sees_and_changes_only_its_own_account() {
    let api = Api::start().await;
    let (wayne_id, _) = wayne_token(&api).await;
    assert_eq!(account_ids(&api.list("limit=100").await), [STARK]);
    assert_eq!(total(&api.list(&format!("eq(account.id,{WAYNE})")).await), 0);
    assert_eq!(total(&api.list(&format!("eq(id,{wayne_id})")).await), 0);

    let path = format!("{TOKENS}/{wayne_id}");
    let (s, b) = api.get(&path).await;
    assert_problem(s, &b, 404);
    assert!(
        b["detail"].as_str().unwrap().contains("not found"),
        "never a 403 that confirms it exists"
    );
    assert_eq!(api.put(&path, json!({"name": "Mine now"})).await.0, 404);
    assert_eq!(api.post(&format!("{path}/disable"), Value::Null).await.0, 404);
    assert_eq!(api.post(&format!("{path}/enable"), Value::Null).await.0, 404);
    assert_eq!(api.call(Method::DELETE, &path, None).await.0, 404);
    // Untouched by all that.
    let (_, t) = api.as_token(ADMIN).get(&path).await;
    assert_eq!(
        (t["name"].as_str(), t["status"].as_str()),
        (Some("Wayne reader"), Some("Active"))
    );

    // Nor can it create tokens there, or read that account.
    let (s, b) = api
        .post(TOKENS, json!({"name": "Intruder", "account": {"id": WAYNE}}))
        .await;
    assert_problem(s, &b, 400);
    assert!(b["errors"]["account.id"].is_array());
    assert_eq!(api.get(&format!("/public/v1/accounts/accounts/{WAYNE}")).await.0, 404);
    let (_, accounts) = api.get("/public/v1/accounts/accounts").await;
    assert_eq!(total(&accounts), 1);

    // Audit records about the other account's token are not visible.
    assert_eq!(total(&api.list_records(&format!("eq(object.id,{wayne_id})")).await), 0);
    let (_, theirs) = api
        .as_token(ADMIN)
        .get(&format!("/public/v1/audit/records?eq(object.id,{wayne_id})"))
        .await;
    let record = rows(&theirs)[0]["id"].as_str().unwrap().to_string();
    let vendor = api.vendor_token().await;
    assert_eq!(
        api.as_token(&vendor)
            .get(&format!("/public/v1/audit/records/{record}"))
            .await
            .0,
        404
    );

    // Modules: only the account's own; Catalog management is a vendor module.
    assert_eq!(api.get("/public/v1/accounts/modules/MOD-1401").await.0, 404);
    let (s, b) = api
        .post(TOKENS, json!({"name": "Vendor stuff", "modules": [{"id": "MOD-1401"}]}))
        .await;
    assert_problem(s, &b, 400);
    assert!(b["errors"]["modules"].is_array());
}

#[tokio::test]
async fn the_operations_token_sees_every_account() {
    let api = Api::start().await;
    let ops = api.as_token(ADMIN);
    let (_, accounts) = ops.get("/public/v1/accounts/accounts?order=name").await;
    assert_eq!(
        names(&accounts),
        [
            "Acme Software",
            "SoftwareOne Operations",
            "Stark Industries",
            "Wayne Enterprises"
        ]
    );
    let (_, tokens) = ops.get(&format!("{TOKENS}?limit=100")).await;
    assert!(account_ids(&tokens).len() >= 3, "{:?}", account_ids(&tokens));
    let (_, acme) = ops.get(&format!("{TOKENS}?eq(account.id,{ACME})")).await;
    assert_eq!(account_ids(&acme), [ACME]);
    // It can act on another account's token, and the trail says who did.
    let id = rows(&acme)[0]["id"].as_str().unwrap();
    let (s, t) = ops
        .call(
            Method::PUT,
            &format!("{TOKENS}/{id}"),
            Some(json!({"description": "Checked by operations"})),
        )
        .await;
    assert_eq!(s, 200);
    assert_eq!(t["audit"]["updated"]["by"]["name"], "Sandbox administrator");
    let (_, trail) = ops
        .get(&format!("/public/v1/audit/records?eq(object.id,{id})&order=-timestamp"))
        .await;
    assert_eq!(rows(&trail)[0]["actor"]["account"]["accountType"], "Operations");
    // The account's own credentials see that record too.
    let (_, acme_token) = ops
        .call(
            Method::POST,
            TOKENS,
            Some(json!({"name": "Acme auditor", "account": {"id": ACME}})),
        )
        .await;
    let record = rows(&trail)[0]["id"].as_str().unwrap();
    let (s, seen) = api
        .as_token(acme_token["token"].as_str().unwrap())
        .get(&format!("/public/v1/audit/records/{record}"))
        .await;
    assert_eq!(s, 200);
    let viewers: Vec<&str> = seen["viewers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["id"].as_str().unwrap())
        .collect();
    assert_eq!(viewers, ["ACC-0000-0001", ACME]);
}

#[tokio::test]
async fn a_user_access_token_sees_the_users_accounts_and_acts_as_the_user() {
    let api = Api::start().await;
    let user = api.as_token(&api.user);
    let (s, accounts) = user.get("/public/v1/accounts/accounts?order=name").await;
    assert_eq!(s, 200);
    assert_eq!(names(&accounts), ["Stark Industries", "Wayne Enterprises"]);
    let (_, tokens) = user.get(&format!("{TOKENS}?limit=100")).await;
    assert_eq!(account_ids(&tokens), [STARK, WAYNE]);
    let (_, acme) = user.get(&format!("{TOKENS}?eq(account.id,{ACME})")).await;
    assert_eq!(total(&acme), 0);

    let (s, t) = user
        .call(
            Method::POST,
            TOKENS,
            Some(json!({"name": "Made by Sarah", "account": {"id": WAYNE}, "modules": [{"id": "MOD-1255"}]})),
        )
        .await;
    assert_eq!(s, 201, "{t}");
    assert_eq!(t["account"]["id"], WAYNE);
    assert_eq!(
        t["audit"]["created"]["by"],
        json!({"id": "USR-1234-1250-2100", "name": "Sarah Sanderson"})
    );
    // The trail says whom she acted for: the account she made it in.
    let (_, trail) = user
        .get(&format!(
            "/public/v1/audit/records?eq(object.id,{})",
            t["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(rows(&trail)[0]["actor"]["account"]["id"], WAYNE);

    // A forged or altered user token is refused.
    let mut parts: Vec<String> = api.user.split('.').map(str::to_string).collect();
    parts[2] = parts[2].chars().rev().collect();
    assert_eq!(api.as_token(&parts.join(".")).get(TOKENS).await.0, 401);
}
