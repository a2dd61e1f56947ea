//! Credentials that manage several accounts: the user chooses which, the
//! URL and the frame say which, and every list is that account's.

use crate::support::{eventually, Browser, Sandbox};

pub const WAYNE: &str = "ACC-0001-0003";
pub const ACME: &str = "ACC-0002-0001";

/// The ids the Operations token sees in `account`, as the console's default list.
async fn ids_of(sandbox: &Sandbox, account: &str) -> Vec<String> {
    let http = reqwest::Client::new();
    let body: serde_json::Value = http
        .get(format!(
            "{}/public/v1/accounts/api-tokens?eq(account.id,{account})&order=-audit.created.at,name&select=audit&limit=10",
            sandbox.url
        ))
        .bearer_auth(&sandbox.ops_token)
        .send()
        .await
        .expect("list")
        .json()
        .await
        .expect("json");
    body["data"]
        .as_array()
        .expect("data")
        .iter()
        .filter_map(|t| t["id"].as_str().map(str::to_string))
        .collect()
}

#[tokio::test]
async fn an_operations_token_chooses_the_account_and_the_url_and_frame_say_which() {
    let sandbox = Sandbox::start();
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens", &sandbox.ops_token).await;
    b.find("[data-testid=account-chooser]").await;
    assert_eq!(
        b.text("[data-testid=frame-identity]").await,
        "API token Sandbox administrator (TKN-0000-0001)"
    );
    eventually("every account", 4, || b.count("[data-testid=account-choice]")).await;
    assert_eq!(b.count("[data-testid=token-row]").await, 0, "no list before a choice");
    b.expect_accessible("the account chooser").await;

    b.type_into("[data-testid=account-search]", "wayne").await;
    eventually("the search", 1, || b.count("[data-testid=account-choice]")).await;
    b.click("[data-testid=account-choice]").await;
    eventually("the account in the URL", format!("/api-tokens?account={WAYNE}"), || {
        b.path_and_query()
    })
    .await;
    eventually("Wayne's tokens", ids_of(&sandbox, WAYNE).await, || b.row_ids()).await;
    assert!(b
        .text("[data-testid=frame-account]")
        .await
        .contains("Wayne Enterprises"));

    // Links keep the account: details, and back.
    b.click("[data-testid=token-name]").await;
    eventually("details in the account", true, || async {
        b.path_and_query().await.ends_with(&format!("/general?account={WAYNE}"))
    })
    .await;
    b.click("[data-testid=back]").await;
    eventually("back in the account", format!("/api-tokens?account={WAYNE}"), || {
        b.path_and_query()
    })
    .await;

    // Switching: the chooser again, then another account's list.
    b.click("[data-testid=switch-account]").await;
    b.find("[data-testid=account-chooser]").await;
    b.type_into("[data-testid=account-search]", "acme").await;
    eventually("the search", 1, || b.count("[data-testid=account-choice]")).await;
    b.click("[data-testid=account-choice]").await;
    eventually("Acme's tokens", ids_of(&sandbox, ACME).await, || b.row_ids()).await;
    assert!(b.text("[data-testid=frame-account]").await.contains("Acme Software"));

    // An account the URL names but the credentials cannot manage: the chooser says so.
    b.open(&sandbox, "/api-tokens?account=ACC-9999-9999").await;
    assert!(b.text("[data-testid=account-notice]").await.contains("ACC-9999-9999"));
}

#[tokio::test]
async fn a_user_signs_in_with_an_access_token_and_what_they_add_is_theirs() {
    let sandbox = Sandbox::start();
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens", &format!("Bearer {}", sandbox.user_token))
        .await;
    eventually("two accounts", 2, || b.count("[data-testid=account-choice]")).await;
    assert_eq!(b.text("[data-testid=frame-identity]").await, "Sarah Sanderson");
    b.type_into("[data-testid=account-search]", "wayne").await;
    eventually("the search", 1, || b.count("[data-testid=account-choice]")).await;
    b.click("[data-testid=account-choice]").await;
    b.find("[data-testid=token-row]").await;

    b.click("[data-testid=add-token]").await;
    b.type_into("[data-testid=name-input]", "Made by Sarah").await;
    b.click("[data-testid=wizard-next]").await;
    b.click("[data-testid=module-checkbox][value=MOD-1255]").await;
    b.click("[data-testid=wizard-next]").await;
    b.click("[data-testid=wizard-add]").await;
    let id = b.text("[data-testid=summary-id]").await;
    assert!(b
        .text("[data-testid=summary-propagation]")
        .await
        .contains("about a minute"));
    let token = reqwest::Client::new()
        .get(format!("{}/public/v1/accounts/api-tokens/{id}", sandbox.url))
        .bearer_auth(&sandbox.ops_token)
        .send()
        .await
        .expect("get")
        .json::<serde_json::Value>()
        .await
        .expect("json");
    assert_eq!(token["account"]["id"], WAYNE);
    b.click("[data-testid=summary-details]").await;
    b.click("[data-testid=tab-details]").await;
    assert!(b.text("[data-testid=created-by]").await.contains("Sarah Sanderson"));
    b.click("[data-testid=tab-audit]").await;
    assert!(b
        .text("[data-testid=audit-details]")
        .await
        .starts_with("Sarah Sanderson created the API token Made by Sarah"));
    assert!(b
        .text("[data-testid=audit-actor-account]")
        .await
        .contains("Wayne Enterprises"));
}

#[tokio::test]
async fn searching_by_a_token_id_finds_that_token() {
    let sandbox = Sandbox::start();
    let (id, _) = sandbox.create_token("Found by id").await;
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens", &sandbox.token).await;
    b.find("[data-testid=token-row]").await;
    b.type_into("[data-testid=search]", &id.to_lowercase()).await;
    eventually("the token", vec![id.clone()], || b.row_ids()).await;
    b.open(&sandbox, &format!("/api-tokens?q={}", &id[..7])).await;
    let prefix = sandbox
        .api_ids(&format!(
            "ilike(id,{}*)&order=-audit.created.at,name&select=audit&limit=10",
            &id[..7]
        ))
        .await;
    eventually("tokens whose id starts so", prefix, || b.row_ids()).await;
}
