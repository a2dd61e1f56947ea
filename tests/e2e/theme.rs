//! The dark theme follows `prefers-color-scheme`, and axe (contrast
//! included) finds nothing on the pages and dialogs in it.

use crate::support::{Browser, Sandbox};

/// The page's background colour, as computed.
async fn background(b: &Browser) -> String {
    let v = b
        .js("return getComputedStyle(document.body.parentElement).backgroundColor")
        .await;
    v.as_str().unwrap_or_default().to_string()
}

#[tokio::test]
async fn the_dark_theme_follows_the_system_and_passes_axe() {
    let sandbox = Sandbox::start();
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens", &sandbox.token).await;
    b.find("[data-testid=token-row]").await;
    assert_eq!(background(&b).await, "rgb(244, 245, 247)", "light by default");
    b.cdp(
        "Emulation.setEmulatedMedia",
        serde_json::json!({"features": [{"name": "prefers-color-scheme", "value": "dark"}]}),
    )
    .await;
    assert_eq!(background(&b).await, "rgb(17, 18, 22)", "dark when the system is");

    b.expect_accessible("list, dark").await;
    b.click("[data-testid=row-actions]").await;
    b.find("[role=menu]:not([hidden])").await;
    b.expect_accessible("row menu, dark").await;
    b.click_text("[role=menuitem]", "Delete").await;
    b.find("[data-testid=confirm-dialog][open]").await;
    b.expect_accessible("delete dialog, dark").await;
    b.click("[data-testid=confirm-dialog][open] button.btn").await;
    b.click("[data-testid=find-by-value]").await;
    b.find("[data-testid=find-dialog][open]").await;
    b.expect_accessible("find dialog, dark").await;
    b.click_text("[data-testid=find-dialog][open] .dialog-actions .btn", "Close")
        .await;

    let id = b.row_ids().await.remove(0);
    for tab in ["general", "modules", "details", "audit"] {
        b.open(&sandbox, &format!("/api-tokens/{id}/{tab}")).await;
        b.find(&format!("[data-testid=tab-{tab}][aria-selected=true]")).await;
        b.find("[data-testid=secret-value], [data-testid=modules-table], [data-testid=no-modules], [data-testid=created-at], [data-testid=audit-row]").await;
        b.expect_accessible(&format!("details {tab}, dark")).await;
    }
    b.open(&sandbox, "/api-tokens/new").await;
    b.find("[data-testid=name-input]").await;
    b.expect_accessible("add wizard, dark").await;
}
