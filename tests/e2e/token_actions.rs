//! Enable, disable and delete from the list: confirmation, result, and the
//! API's view of the token afterwards.

use crate::support::{eventually, Browser, Sandbox};
use fantoccini::key::Key;

/// Sends one key to whatever has focus.
async fn press(b: &Browser, key: Key) {
    let el = b.client.active_element().await.expect("focused element");
    el.send_keys(&key.to_string()).await.expect("key");
}

/// The (only) row's menu entries, read while it is open; it is closed again.
async fn menu_entries(b: &Browser) -> Vec<String> {
    let button = "[data-testid=token-row] [data-testid=row-actions]";
    b.click(button).await;
    b.find("[data-testid=token-row] [role=menuitem]").await;
    let v = b
        .js("return Array.from(document.querySelectorAll('[data-testid=token-row] [role=menuitem]')).map(e => e.textContent)")
        .await;
    b.click(button).await;
    serde_json::from_value(v).unwrap_or_default()
}

#[tokio::test]
async fn disabling_locks_the_token_out_and_enabling_lets_it_in_again() {
    let sandbox = Sandbox::start();
    let (id, secret) = sandbox.create_token("Switch me").await;
    assert_eq!(sandbox.status_with(&secret).await, 200);
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens?q=Switch%20me", &sandbox.token).await;
    eventually("one row", vec![id.clone()], || b.row_ids()).await;
    assert_eq!(
        menu_entries(&b).await,
        ["Edit", "Create similar", "Rotate", "Disable", "Delete"],
        "Active: no Enable"
    );

    b.choose_row_action("Disable").await;
    let dialog = b.find("[data-testid=confirm-dialog][open]").await;
    assert!(dialog.text().await.unwrap().contains("Switch me"));
    b.click("[data-testid=confirm-dialog][open] [data-testid=confirm]")
        .await;
    assert!(b.text("[data-testid=toast-success]").await.contains("disabled"));
    eventually("row disabled", vec!["Disabled".to_string()], || b.row_statuses()).await;
    assert_eq!(sandbox.status_with(&secret).await, 401);
    assert_eq!(
        menu_entries(&b).await,
        ["Edit", "Create similar", "Enable", "Delete"],
        "Disabled: no Disable"
    );

    b.choose_row_action("Enable").await;
    b.click("[data-testid=confirm-dialog][open] [data-testid=confirm]")
        .await;
    eventually("row active", vec!["Active".to_string()], || b.row_statuses()).await;
    assert_eq!(sandbox.status_with(&secret).await, 200);
}

#[tokio::test]
async fn deleting_removes_the_token_and_cancelling_changes_nothing() {
    let sandbox = Sandbox::start();
    let (id, secret) = sandbox.create_token("Delete me").await;
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens?q=Delete%20me", &sandbox.token).await;
    eventually("one row", vec![id.clone()], || b.row_ids()).await;

    b.choose_row_action("Delete").await;
    b.find("[data-testid=confirm-dialog][open]").await;
    b.click("[data-testid=confirm-dialog][open] button.btn").await;
    eventually("dialog closed", 0, || b.count("dialog[open]")).await;
    assert_eq!(sandbox.status_with(&secret).await, 200, "cancel did nothing");

    b.choose_row_action("Delete").await;
    // A name that differs only in case does not confirm.
    b.type_into(
        "[data-testid=confirm-dialog][open] [data-testid=typed-confirm]",
        "delete me",
    )
    .await;
    assert!(!b
        .find("[data-testid=confirm-dialog][open] [data-testid=confirm]")
        .await
        .is_enabled()
        .await
        .unwrap());
    b.find("[data-testid=confirm-dialog][open] [data-testid=typed-confirm]")
        .await
        .clear()
        .await
        .unwrap();
    b.confirm_typed("[data-testid=confirm-dialog]", "Delete me").await;
    b.find("[data-testid=empty-filtered]").await;
    assert!(sandbox.api_ids(&format!("eq(id,{id})")).await.is_empty());
    assert_eq!(sandbox.status_with(&secret).await, 401);
}

#[tokio::test]
async fn the_actions_menu_and_dialog_work_with_the_keyboard_alone() {
    let sandbox = Sandbox::start();
    let (id, secret) = sandbox.create_token("Keyboard only").await;
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens?q=Keyboard", &sandbox.token).await;
    eventually("one row", vec![id.clone()], || b.row_ids()).await;
    let focused = || async {
        b.js("return document.activeElement && document.activeElement.textContent")
            .await
    };

    let button = b.find("[data-testid=row-actions]").await;
    b.js("document.querySelector('[data-testid=row-actions]').focus()")
        .await;
    button.send_keys(&Key::Enter.to_string()).await.expect("enter");
    eventually("first item focused", serde_json::json!("Edit"), focused).await;
    press(&b, Key::Down).await;
    eventually("second item focused", serde_json::json!("Create similar"), focused).await;
    press(&b, Key::End).await;
    eventually("last item focused", serde_json::json!("Delete"), focused).await;
    press(&b, Key::Home).await;
    eventually("first item again", serde_json::json!("Edit"), focused).await;
    press(&b, Key::Escape).await;
    eventually("focus back on the button", serde_json::json!("•••"), focused).await;
    assert_eq!(button.attr("aria-expanded").await.unwrap().as_deref(), Some("false"));

    // Open with Space, move to Disable, choose it with Enter, then cancel with Esc.
    b.client.active_element().await.unwrap().send_keys(" ").await.unwrap();
    eventually("menu open", serde_json::json!("Edit"), focused).await;
    let item = b.client.active_element().await.unwrap();
    item.send_keys(&Key::Up.to_string()).await.unwrap();
    eventually("wrapped to Delete", serde_json::json!("Delete"), focused).await;
    b.client
        .active_element()
        .await
        .unwrap()
        .send_keys(&Key::Up.to_string())
        .await
        .unwrap();
    eventually("on Disable", serde_json::json!("Disable"), focused).await;
    b.client
        .active_element()
        .await
        .unwrap()
        .send_keys(&Key::Enter.to_string())
        .await
        .unwrap();
    b.find("[data-testid=confirm-dialog][open]").await;
    b.client
        .active_element()
        .await
        .unwrap()
        .send_keys(&Key::Escape.to_string())
        .await
        .unwrap();
    eventually("dialog closed", 0, || b.count("dialog[open]")).await;
    eventually("focus returned", serde_json::json!("•••"), focused).await;
    assert_eq!(sandbox.status_with(&secret).await, 200);
}

#[tokio::test]
async fn bulk_disable_reports_a_result_per_token() {
    let sandbox = Sandbox::start();
    let (a, _) = sandbox.create_token("Bulk alpha").await;
    let (beta, _) = sandbox.create_token("Bulk beta").await;
    let (c, _) = sandbox.create_token("Bulk gamma").await;
    sandbox.transition(&c, "disable").await;
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens?q=Bulk&sort=name", &sandbox.token)
        .await;
    eventually("three rows", vec![a.clone(), beta.clone(), c.clone()], || b.row_ids()).await;
    b.click("[data-testid=select-all]").await;
    assert!(b.text("[data-testid=bulk-bar]").await.contains("3 selected"));
    b.click("[data-testid=bulk-disable]").await;
    let dialog = b.find("[data-testid=bulk-dialog][open]").await;
    assert!(dialog.text().await.unwrap().contains("will be skipped"));
    // Someone else disables beta while the question is open: the console
    // reads each token again, says so and sends nothing for it.
    sandbox.transition(&beta, "disable").await;
    b.click("[data-testid=bulk-dialog][open] [data-testid=confirm]").await;
    let report = b.text("[data-testid=bulk-report]").await;
    assert!(report.contains(&format!("Bulk alpha ({a}) — disabled")), "{report}");
    assert!(
        report.contains(&format!("Bulk beta ({beta}) — already disabled by ")),
        "{report}"
    );
    assert!(report.contains(&format!("Bulk gamma ({c}) — skipped")), "{report}");
    let beta_disables = sandbox
        .requests()
        .await
        .iter()
        .filter(|r| r.starts_with(&format!("POST /public/v1/accounts/api-tokens/{beta}/disable")))
        .count();
    assert_eq!(beta_disables, 1, "only the other administrator's disable of beta");
    let statuses = sandbox.api_get(&format!("/public/v1/accounts/api-tokens/{a}")).await;
    assert_eq!(statuses["status"], "Disabled");
}

#[tokio::test]
async fn bulk_delete_asks_for_the_number_of_tokens_it_deletes() {
    let sandbox = Sandbox::start();
    let (a, _) = sandbox.create_token("Purge alpha").await;
    let (c, _) = sandbox.create_token("Purge gamma").await;
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens?q=Purge&sort=name", &sandbox.token)
        .await;
    eventually("two rows", vec![a.clone(), c.clone()], || b.row_ids()).await;
    b.click("[data-testid=select-all]").await;
    b.click("[data-testid=bulk-delete]").await;
    b.confirm_typed("[data-testid=bulk-dialog]", "2").await;
    let report = b.text("[data-testid=bulk-report]").await;
    assert!(report.contains(&format!("Purge alpha ({a}) — deleted")), "{report}");
    assert!(sandbox.api_ids("ilike(name,Purge*)").await.is_empty());
}
