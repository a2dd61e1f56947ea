//! The hygiene overview: each count equals what the API returns for the
//! same filter, and links to the list of exactly those tokens, from where
//! the bulk bar disables them.

use crate::support::{eventually, Browser, Sandbox};

/// `$meta.pagination.total` of the token list for `filter`.
async fn total(sandbox: &Sandbox, filter: &str) -> u64 {
    let body = sandbox
        .api_get(&format!("/public/v1/accounts/api-tokens?{filter}&select=audit&limit=0"))
        .await;
    body["$meta"]["pagination"]["total"].as_u64().expect("a total")
}

/// The modules the console offers a token of the account: the platform's
/// list, or (the account token may not list modules) those of its tokens.
async fn account_module_ids(sandbox: &Sandbox) -> Vec<String> {
    let ids = |body: serde_json::Value| -> Vec<String> {
        let mut ids: Vec<String> = body["data"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|t| t["modules"].as_array().cloned().unwrap_or_else(|| vec![t.clone()]))
            .filter_map(|m| m["id"].as_str().map(String::from))
            .collect();
        ids.sort();
        ids.dedup();
        ids
    };
    match sandbox
        .api_status("/public/v1/accounts/modules?order=name&limit=100")
        .await
    {
        (200, body) => ids(body),
        (403, _) => ids(sandbox
            .api_get("/public/v1/accounts/api-tokens?order=name&limit=100")
            .await),
        (status, _) => panic!("listing modules: {status}"),
    }
}

#[tokio::test]
async fn counts_match_the_api_and_each_links_to_its_tokens() {
    let sandbox = Sandbox::start();
    let (id, _) = sandbox.create_token("Hygiene disabled").await;
    sandbox.transition(&id, "disable").await;
    let modules = account_module_ids(&sandbox).await;
    assert!(modules.len() > 1, "the account's tokens have several modules");
    sandbox.create_token_with("Hygiene every module", &modules).await;
    let every = modules
        .iter()
        .map(|m| format!("any(modules,eq(id,{m}))"))
        .collect::<Vec<_>>()
        .join(",");
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens", &sandbox.token).await;
    let ago = |days: u32| {
        let b = &b;
        async move {
            let iso = b
                .js(&format!("return new Date(Date.now() - {days} * 864e5).toISOString()"))
                .await;
            iso.as_str().expect("an ISO date").to_string()
        }
    };
    let (week, quarter) = (ago(7).await, ago(90).await);
    let cases = [
        (
            "hygiene-unused",
            format!("and(eq(lastAccessAt,null()),lt(audit.created.at,\"{week}\"))"),
            "?usage=unused",
        ),
        ("hygiene-idle", format!("lt(lastAccessAt,\"{quarter}\")"), "?usage=idle"),
        (
            "hygiene-disabled",
            "eq(status,Disabled)".to_string(),
            "?status=Disabled",
        ),
        ("hygiene-every-module", format!("and({every})"), "?grants=every"),
    ];
    for (testid, filter, _) in &cases {
        let expected = total(&sandbox, filter).await;
        let shown = b.text(&format!("[data-testid={testid}] strong")).await;
        assert_eq!(shown, expected.to_string(), "{testid} counts {filter}");
    }
    assert!(
        total(&sandbox, &cases[0].1).await > 0,
        "the seed has unused tokens to show"
    );
    assert!(total(&sandbox, &cases[3].1).await > 0, "a token has every module");

    for (testid, filter, query) in &cases {
        b.click(&format!("[data-testid={testid}]")).await;
        eventually(testid, format!("/api-tokens{query}"), || b.path_and_query()).await;
        b.expect_rows(
            &sandbox,
            &format!("{filter}&order=-audit.created.at,name&select=audit&limit=10"),
        )
        .await;
        let marked = format!("[data-testid={testid}][aria-current=true]");
        assert_eq!(b.count(&marked).await, 1, "{testid} marked as shown");
    }

    // From a count to action: the idle tokens, disabled in bulk.
    b.click("[data-testid=hygiene-idle]").await;
    let idle = total(&sandbox, &cases[1].1).await;
    assert!(idle > 0, "the seed has idle tokens");
    b.click("[data-testid=select-all]").await;
    b.click("[data-testid=bulk-disable]").await;
    b.click("[data-testid=bulk-dialog][open] [data-testid=confirm]").await;
    b.find("[data-testid=bulk-report]").await;
    let still_active = format!("and({},eq(status,Active))", cases[1].1);
    let left = total(&sandbox, &still_active).await;
    assert_eq!(left, idle.saturating_sub(10), "the page's idle tokens are disabled");
    let disabled = total(&sandbox, "eq(status,Disabled)").await;
    eventually("disabled count follows", disabled.to_string(), || {
        b.text("[data-testid=hygiene-disabled] strong")
    })
    .await;
}

/// Opening the list asks the API for each count once: the counts wait for
/// the account's modules, and that answer does not send them again.
#[tokio::test]
async fn opening_the_list_asks_for_each_count_once() {
    let sandbox = Sandbox::start();
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens", &sandbox.token).await;
    b.find("[data-testid=hygiene-disabled] strong").await;
    b.find("[data-testid=token-row]").await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let counts = b
        .js_strings("return performance.getEntriesByType('resource').map(e => decodeURIComponent(e.name)).filter(n => n.includes('/api-tokens?') && n.includes('limit=0'))")
        .await;
    let shown = b.count("[data-testid=hygiene] .hygiene-count").await;
    assert!(shown >= 3, "the counts show: {shown}");
    assert_eq!(counts.len() as u64, shown, "one request per count shown: {counts:#?}");
}
