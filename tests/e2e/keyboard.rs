//! The whole life of a token with the keyboard alone (add → edit → disable →
//! delete), with axe-core run on every page, tab, wizard step and dialog on
//! the way.

use crate::support::{eventually, Browser, Sandbox};
use fantoccini::key::Key;

/// Tabs to `css` and presses Enter.
async fn activate(b: &Browser, css: &str) {
    b.tab_to(css).await;
    b.press(Key::Enter).await;
}

/// Opens the details header's actions menu and chooses `entry` with arrows.
async fn header_action(b: &Browser, entry: &str) {
    activate(b, ".details-head [data-testid=row-actions]").await;
    eventually("menu focus", true, || b.focused_is("[role=menuitem]")).await;
    for _ in 0..6 {
        let label = b.js("return document.activeElement.textContent").await;
        if label.as_str() == Some(entry) {
            b.press(Key::Enter).await;
            return;
        }
        b.press(Key::Down).await;
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("no menu entry {entry}");
}

#[tokio::test]
async fn add_edit_disable_delete_with_the_keyboard_alone_and_no_axe_violations() {
    let sandbox = Sandbox::start();
    let b = Browser::start().await;
    b.open(&sandbox, "/api-tokens").await;
    b.find("#sign-in-token").await;
    b.expect_accessible("sign-in page").await;
    b.tab_to("#sign-in-token").await;
    b.keys(sandbox.token.chars()).await;
    b.press(Key::Enter).await;
    b.find("[data-testid=token-row]").await;
    b.expect_accessible("list").await;

    // Add.
    activate(&b, "[data-testid=add-token]").await;
    b.find("[data-testid=name-input]").await;
    b.expect_accessible("wizard, General").await;
    b.tab_to("[data-testid=name-input]").await;
    b.keys("Keyboard bot".chars()).await;
    b.tab_to("[data-testid=description-input]").await;
    b.keys("No mouse was harmed".chars()).await;
    activate(&b, "[data-testid=wizard-next]").await;
    b.find("[data-testid=module-checkbox]").await;
    b.expect_accessible("wizard, Modules").await;
    b.tab_to("[data-testid=module-checkbox][value=MOD-1310]").await;
    b.keys([' ']).await;
    activate(&b, "[data-testid=wizard-next]").await;
    assert_eq!(b.text("[data-testid=overview-name]").await, "Keyboard bot");
    b.expect_accessible("wizard, Overview").await;
    activate(&b, "[data-testid=wizard-add]").await;
    let id = b.text("[data-testid=summary-id]").await;
    b.expect_accessible("wizard, Summary").await;
    let token = sandbox.api_get(&format!("/public/v1/accounts/api-tokens/{id}")).await;
    assert_eq!(token["description"], "No mouse was harmed");
    assert_eq!(token["modules"][0]["id"], "MOD-1310");

    // Details, every tab (arrow keys move between tabs).
    activate(&b, "[data-testid=summary-details]").await;
    assert_eq!(b.text("[data-testid=details-id]").await, id);
    b.find("[data-testid=endpoint]").await;
    b.expect_accessible("details, General").await;
    b.tab_to("[role=tab][aria-selected=true]").await;
    for (tab, content) in [
        ("modules", "[data-testid=module-row]"),
        ("details", "[data-testid=details-fields]"),
        ("audit", "[data-testid=audit-row]"),
    ] {
        b.press(Key::Right).await;
        let selected = format!("[data-testid=tab-{tab}]");
        eventually("tab focus", true, || b.focused_is(&selected)).await;
        b.find(content).await;
        b.expect_accessible(&format!("details, {tab}")).await;
    }

    // Edit: General then Modules, saved with Enter.
    activate(&b, "[data-testid=edit]").await;
    b.find("[data-testid=edit-dialog][open]").await;
    b.expect_accessible("edit dialog, General").await;
    b.tab_to("[data-testid=edit-dialog] [data-testid=name-input]").await;
    // Tab selects the field's text; End keeps it.
    b.press(Key::End).await;
    b.keys(" v2".chars()).await;
    activate(&b, "[data-testid=edit-next]").await;
    b.find("[data-testid=edit-dialog] [data-testid=module-checkbox]").await;
    b.expect_accessible("edit dialog, Modules").await;
    activate(&b, "[data-testid=edit-save]").await;
    eventually("renamed", "Keyboard bot v2".to_string(), || {
        b.text("[data-testid=details-name]")
    })
    .await;
    b.expect_accessible("details after saving, with its message").await;

    // Disable, confirmed from the dialog.
    header_action(&b, "Disable").await;
    b.find("[data-testid=confirm-dialog][open]").await;
    b.expect_accessible("disable dialog").await;
    activate(&b, "[data-testid=confirm-dialog][open] [data-testid=confirm]").await;
    eventually("disabled", "Disabled".to_string(), || async {
        let t = sandbox.api_get(&format!("/public/v1/accounts/api-tokens/{id}")).await;
        t["status"].as_str().unwrap_or_default().to_string()
    })
    .await;
    eventually("badge", "Disabled".to_string(), || {
        b.text(".details-head [data-testid=status-badge]")
    })
    .await;

    // Delete, confirmed: back on the list, and the token is gone.
    header_action(&b, "Delete").await;
    b.find("[data-testid=confirm-dialog][open]").await;
    b.expect_accessible("delete dialog").await;
    b.tab_to("[data-testid=confirm-dialog][open] [data-testid=typed-confirm]")
        .await;
    b.keys("Keyboard bot v2".chars()).await;
    activate(&b, "[data-testid=confirm-dialog][open] [data-testid=confirm]").await;
    b.find("[data-testid=token-row]").await;
    eventually("list again", "/api-tokens".to_string(), || async {
        b.path_and_query()
            .await
            .split('?')
            .next()
            .unwrap_or_default()
            .to_string()
    })
    .await;
    assert!(sandbox.api_ids(&format!("eq(id,{id})")).await.is_empty());
    b.expect_accessible("list after deleting, with its message").await;
}
