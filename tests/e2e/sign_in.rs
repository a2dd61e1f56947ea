//! Sign-in, sign-out, where the token is kept, and the 401 round trip.

use crate::support::{eventually, Browser, Sandbox};

#[tokio::test]
async fn a_wrong_token_is_refused_clearly_and_a_right_one_signs_in() {
    let sandbox = Sandbox::start();
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens", "idt:TKN-0000-0000:not-a-real-token")
        .await;
    eventually("refusal message", true, || async {
        b.text("[data-testid=sign-in-error]")
            .await
            .contains("did not accept this token")
    })
    .await;
    assert!(b
        .client
        .find(fantoccini::Locator::Css("[data-testid=tokens-table]"))
        .await
        .is_err());

    let input = b.find("#sign-in-token").await;
    input.clear().await.expect("clear");
    input.send_keys(&sandbox.token).await.expect("type");
    b.click("[data-testid=sign-in-form] button[type=submit]").await;
    b.find("[data-testid=token-row]").await;
    assert!(b.text("[data-testid=frame-account]").await.contains("Stark Industries"));
    assert!(b.text("[data-testid=frame-account]").await.contains("ACC-0001-0002"));

    // Memory and sessionStorage only: never localStorage, never the URL.
    let stored = b
        .js("return [JSON.stringify(sessionStorage), JSON.stringify(localStorage), location.href]")
        .await;
    assert!(stored[0].as_str().unwrap().contains(&sandbox.token));
    assert!(!stored[1].as_str().unwrap().contains(&sandbox.token));
    assert!(!stored[2].as_str().unwrap().contains(&sandbox.token));

    // Reloading keeps the session (same tab); signing out forgets it.
    b.client.refresh().await.expect("reload");
    b.find("[data-testid=token-row]").await;
    b.click("[data-testid=sign-out]").await;
    b.find("[data-testid=sign-in-page]").await;
    let stored = b.js("return JSON.stringify(sessionStorage)").await;
    assert!(!stored.as_str().unwrap().contains(&sandbox.token));
    b.client.refresh().await.expect("reload");
    b.find("[data-testid=sign-in-page]").await;
}

#[tokio::test]
async fn a_refused_token_mid_session_asks_to_sign_in_and_returns_to_the_same_place() {
    let sandbox = Sandbox::start();
    let (id, secret) = sandbox.create_token("Short-lived session").await;
    let b = Browser::start().await;
    let place = "/api-tokens?status=Active&sort=name&size=25";
    b.sign_in(&sandbox, place, &secret).await;
    b.expect_rows(&sandbox, "eq(status,Active)&order=name&select=audit&limit=25")
        .await;
    // Everything loaded (the counts come last), so only Refresh meets the refusal.
    b.find("[data-testid=hygiene-disabled]").await;

    sandbox.transition(&id, "disable").await;
    b.click("[data-testid=refresh]").await;
    let dialog = b.find("[data-testid=session-expired][open]").await;
    assert!(dialog.text().await.unwrap().contains("no longer accepts your token"));

    b.sign_in_again(&sandbox.token, 0).await;
    assert_eq!(b.path_and_query().await, place);
    // The disabled token is no longer Active, so the list now has one row fewer than before.
    b.expect_rows(&sandbox, "eq(status,Active)&order=name&select=audit&limit=25")
        .await;
}

/// The stored token of an administrator of several accounts, refused when
/// the page is reloaded: one dialog asks to sign in (the account named in
/// the URL is looked up beside who the token is, and both meet the refusal),
/// and signing in returns to the same place.
#[tokio::test]
async fn a_token_refused_at_a_reload_asks_to_sign_in_once_and_returns_to_the_same_place() {
    let sandbox = Sandbox::start();
    let b = Browser::start().await;
    let place = "/api-tokens?account=ACC-0001-0002&sort=name";
    b.sign_in(&sandbox, place, &sandbox.ops_token).await;
    b.find("[data-testid=token-row]").await;

    // The Operations account's token (TKN-0000-0001) disabled: the API refuses it.
    sandbox
        .transition_as(&sandbox.ops_token, "TKN-0000-0001", "disable")
        .await;

    b.client.refresh().await.expect("reload");
    let dialog = b.find("[data-testid=session-expired][open]").await;
    assert!(dialog.text().await.unwrap().contains("no longer accepts your token"));
    assert_eq!(b.count("dialog[open]").await, 1, "one dialog");

    b.sign_in_again(&sandbox.token, 0).await;
    assert_eq!(b.path_and_query().await, place);
    b.expect_rows(&sandbox, "order=name&select=audit&limit=10").await;
}
