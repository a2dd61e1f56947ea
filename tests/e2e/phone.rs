//! A leak alert on a phone: at 375 px wide an administrator signs in,
//! finds the token, and disables it; nothing scrolls sideways and every
//! menu and dialog fits the screen.

use crate::support::{eventually, Browser, Sandbox};

/// Fails when the page scrolls sideways or `css` sticks out of the screen.
async fn fits(b: &Browser, what: &str, css: &str) {
    assert_eq!(b.sideways_overflow().await, 0, "{what}: the page scrolls sideways");
    let script = format!(
        "const r = document.querySelector({}).getBoundingClientRect(); \
         return r.left >= 0 && r.right <= document.documentElement.clientWidth && r.width > 0",
        serde_json::json!(css)
    );
    assert_eq!(b.js(&script).await, serde_json::json!(true), "{what}: {css} sticks out");
}

#[tokio::test]
async fn find_and_disable_a_token_at_375_px() {
    let sandbox = Sandbox::start();
    let (id, secret) = sandbox.create_token("Phone leak").await;
    let b = Browser::start().await;
    b.phone_width(375).await;
    b.sign_in(&sandbox, "/api-tokens", &sandbox.token).await;
    b.find("[data-testid=token-row]").await;
    fits(&b, "list", "[data-testid=tokens-table]").await;
    b.expect_accessible("list on a phone").await;

    b.type_into("[data-testid=search]", "Phone leak").await;
    eventually("one row", vec![id.clone()], || b.row_ids()).await;
    fits(&b, "status cell", "[data-testid=token-row] .col-status").await;
    b.click("[data-testid=token-row] [data-testid=row-actions]").await;
    b.find("[role=menu]").await;
    fits(&b, "row menu", "[role=menu]").await;
    b.click_text("[role=menuitem]", "Disable").await;
    b.find("[data-testid=confirm-dialog][open]").await;
    fits(&b, "confirmation", "[data-testid=confirm-dialog][open]").await;
    b.click("[data-testid=confirm-dialog][open] [data-testid=confirm]")
        .await;
    eventually("disabled", vec!["Disabled".to_string()], || b.row_statuses()).await;
    assert_eq!(sandbox.status_with(&secret).await, 401);

    // The same from a pasted value, and the details page it opens.
    sandbox.transition(&id, "enable").await;
    b.click("[data-testid=find-by-value]").await;
    b.find("[data-testid=find-dialog][open]").await;
    fits(&b, "find dialog", "[data-testid=find-dialog][open]").await;
    b.type_into("[data-testid=find-value]", &secret).await;
    b.click("[data-testid=find-submit]").await;
    b.click("[data-testid=find-disable]").await;
    eventually("on the token", format!("/api-tokens/{id}/general"), || {
        b.path_and_query()
    })
    .await;
    b.find("[data-testid=secret-value]").await;
    fits(&b, "details", ".details-head").await;
    assert_eq!(sandbox.status_with(&secret).await, 401);
    b.expect_accessible("details on a phone").await;
}
