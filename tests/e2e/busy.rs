//! A busy or unreachable API (the sandbox's 429/503 faults, the browser
//! offline): reads wait out `Retry-After` with a countdown and succeed,
//! writes are never sent twice, and going offline shows one calm banner.

use crate::support::{eventually, Browser, Sandbox};

const LIST: &str = "GET /public/v1/accounts/api-tokens";

#[tokio::test]
async fn a_read_told_to_wait_counts_down_and_then_succeeds_by_itself() {
    let sandbox = Sandbox::start();
    let (id, _) = sandbox.create_token("Read while busy").await;
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens?q=Read%20while%20busy", &sandbox.token)
        .await;
    eventually("the row", vec![id.clone()], || b.row_ids()).await;

    sandbox.faults("rate=1,kinds=busy,retry=3,count=1,on=reads").await;
    b.click("[data-testid=refresh]").await;
    let banner = b.text("[data-testid=connection-banner]").await;
    assert!(banner.contains("Retrying in"), "{banner}");
    b.expect_accessible("the busy banner").await;
    eventually("the banner gone", 0, || b.count("[data-testid=connection-banner]")).await;
    eventually("the row again", vec![id.clone()], || b.row_ids()).await;
    let log = sandbox.requests().await;
    let refused = log.iter().position(|r| r.ends_with(" 429")).expect("a 429 in the log");
    assert!(
        log[refused + 1..]
            .iter()
            .any(|r| r.starts_with(LIST) && r.ends_with(" 200")),
        "the list was read again after the pause: {log:?}"
    );
}

#[tokio::test]
async fn a_write_the_api_refuses_as_unavailable_is_not_sent_again_until_the_admin_says() {
    let sandbox = Sandbox::start();
    let (id, _) = sandbox.create_token("Write while busy").await;
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens?q=Write%20while%20busy", &sandbox.token)
        .await;
    eventually("the row", vec![id.clone()], || b.row_ids()).await;

    sandbox
        .faults("rate=1,kinds=unavailable,retry=3,count=1,on=writes")
        .await;
    b.choose_row_action("Disable").await;
    let confirm = "[data-testid=confirm-dialog][open] [data-testid=confirm]";
    b.click(confirm).await;
    eventually("held with the seconds left", true, || async {
        b.text(confirm).await.starts_with("Try again in")
    })
    .await;
    assert_eq!(
        b.find(confirm).await.prop("disabled").await.ok().flatten().as_deref(),
        Some("true")
    );
    // The time is up: the button is back, and nothing was sent again.
    eventually("usable again", "Disable".to_string(), || b.text(confirm)).await;
    let disables = |log: Vec<String>| {
        log.into_iter()
            .filter(|r| r.starts_with(&format!("POST /public/v1/accounts/api-tokens/{id}/disable")))
            .collect::<Vec<_>>()
    };
    assert_eq!(disables(sandbox.requests().await).len(), 1, "sent once, refused once");
    let status = sandbox.api_get(&format!("/public/v1/accounts/api-tokens/{id}")).await["status"].clone();
    assert_eq!(status, "Active", "nothing changed");

    b.click(confirm).await;
    eventually("disabled", vec!["Disabled".to_string()], || b.row_statuses()).await;
    let sent = disables(sandbox.requests().await);
    assert_eq!(sent.len(), 2, "one refused, one when the admin pressed again: {sent:?}");
    assert!(sent[0].ends_with(" 503") && sent[1].ends_with(" 200"), "{sent:?}");
}

#[tokio::test]
async fn offline_shows_one_calm_banner_and_the_list_loads_again_when_back() {
    let sandbox = Sandbox::start();
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens", &sandbox.token).await;
    b.find("[data-testid=token-row]").await;

    b.set_offline(true).await;
    let banner = b.text("[data-testid=connection-banner]").await;
    assert!(banner.contains("offline"), "{banner}");
    let (id, _) = sandbox.create_token("Made while offline").await;

    b.set_offline(false).await;
    eventually("the banner gone", 0, || b.count("[data-testid=connection-banner]")).await;
    eventually("the list read again", true, || async {
        b.row_ids().await.contains(&id)
    })
    .await;
}
