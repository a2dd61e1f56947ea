//! Not a test of behaviour: saves screenshots to /tmp for a person to look at.
//! `cargo test --test e2e look -- --ignored`

use crate::support::{Browser, Sandbox};

#[tokio::test]
#[ignore = "development aid: writes screenshots, asserts nothing"]
async fn look() {
    let sandbox = Sandbox::start();
    let browser = Browser::start().await;
    browser.open(&sandbox, "/api-tokens").await;
    browser.find("#sign-in-token").await;
    browser.screenshot("/tmp/look-sign-in.png").await;
    browser.sign_in(&sandbox, "/api-tokens", &sandbox.token).await;
    browser.find("[data-testid=token-row]").await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    browser.screenshot("/tmp/look-list.png").await;
    let id = browser.row_ids().await.remove(0);
    browser.open(&sandbox, &format!("/api-tokens/{id}/general")).await;
    browser.find("[data-testid=secret-value]").await;
    browser.screenshot("/tmp/look-details.png").await;
    browser.open(&sandbox, &format!("/api-tokens/{id}/audit")).await;
    browser.find("[data-testid=audit-row]").await;
    browser.screenshot("/tmp/look-audit.png").await;
    browser.open(&sandbox, &format!("/api-tokens/{id}/edit")).await;
    browser.find("[data-testid=edit-dialog][open]").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    browser.screenshot("/tmp/look-edit.png").await;
    browser.click("[data-testid=edit-next]").await;
    browser.find("[data-testid=module-checkbox]").await;
    browser.screenshot("/tmp/look-edit-modules.png").await;
}

#[tokio::test]
#[ignore = "development aid: writes screenshots, asserts nothing"]
async fn look_narrow() {
    let sandbox = Sandbox::start();
    let b = Browser::start().await;
    b.phone_width(375).await;
    b.sign_in(&sandbox, "/api-tokens", &sandbox.token).await;
    b.find("[data-testid=token-row]").await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    b.screenshot("/tmp/narrow-list.png").await;
    println!("list overflow {}", b.sideways_overflow().await);
    b.click("[data-testid=row-actions]").await;
    b.screenshot("/tmp/narrow-menu.png").await;
    b.click("[data-testid=find-by-value]").await;
    b.find("[data-testid=find-dialog][open]").await;
    b.screenshot("/tmp/narrow-find.png").await;
    let id = b.row_ids().await.remove(0);
    b.open(&sandbox, &format!("/api-tokens/{id}/general")).await;
    b.find("[data-testid=secret-value]").await;
    b.screenshot("/tmp/narrow-details.png").await;
    println!("details overflow {}", b.sideways_overflow().await);
    b.open(&sandbox, &format!("/api-tokens/{id}/audit")).await;
    b.find("[data-testid=audit-row]").await;
    b.screenshot("/tmp/narrow-audit.png").await;
    println!("audit overflow {}", b.sideways_overflow().await);
    b.open(&sandbox, "/api-tokens/new").await;
    b.find("[data-testid=name-input]").await;
    b.screenshot("/tmp/narrow-add.png").await;
    println!("add overflow {}", b.sideways_overflow().await);
}

#[tokio::test]
#[ignore = "development aid: writes screenshots, asserts nothing"]
async fn look_dark() {
    let sandbox = Sandbox::start();
    let b = Browser::start().await;
    b.cdp(
        "Emulation.setEmulatedMedia",
        serde_json::json!({"features": [{"name": "prefers-color-scheme", "value": "dark"}]}),
    )
    .await;
    b.sign_in(&sandbox, "/api-tokens", &sandbox.token).await;
    b.find("[data-testid=token-row]").await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    b.screenshot("/tmp/dark-list.png").await;
    let id = b.row_ids().await.remove(0);
    b.open(&sandbox, &format!("/api-tokens/{id}/general")).await;
    b.find("[data-testid=secret-value]").await;
    b.click("[data-testid=row-actions]").await;
    b.click_text("[role=menuitem]", "Delete").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    b.screenshot("/tmp/dark-details.png").await;
}
