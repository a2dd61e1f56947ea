//! The Edit flow.

use crate::support::{eventually, Browser, Sandbox};

async fn audit_events(sandbox: &Sandbox, id: &str) -> Vec<String> {
    let body = sandbox
        .api_get(&format!("/public/v1/audit/records?eq(object.id,{id})&order=-timestamp"))
        .await;
    body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["event"].as_str().unwrap().to_string())
        .collect()
}

async fn set_text(b: &Browser, css: &str, text: &str) {
    let el = b.find(css).await;
    el.clear().await.expect("clear");
    el.send_keys(text).await.expect("type");
}

async fn toggle_module(b: &Browser, id: &str) {
    b.click(&format!("[data-testid=module-checkbox][value={id}]")).await;
}

#[tokio::test]
async fn saving_changes_shows_them_in_details_list_and_audit_trail_with_one_put() {
    let sandbox = Sandbox::start();
    let (id, _) = sandbox.create_token("Before edit").await;
    let b = Browser::start().await;
    b.sign_in(&sandbox, &format!("/api-tokens/{id}/general"), &sandbox.token)
        .await;
    b.click("[data-testid=edit]").await;
    b.find("[data-testid=edit-dialog][open]").await;
    assert_eq!(
        b.value("[data-testid=name-input]").await.as_deref(),
        Some("Before edit")
    );

    set_text(&b, "[data-testid=name-input]", "After edit").await;
    set_text(&b, "[data-testid=description-input]", "Now with a description").await;
    b.click("[data-testid=edit-next]").await;
    b.find("[data-testid=modules-search]")
        .await
        .send_keys("bill")
        .await
        .expect("search");
    eventually("search narrows", 1, || b.count("[data-testid=module-checkbox]")).await;
    toggle_module(&b, "MOD-1340").await;
    let search = b.find("[data-testid=modules-search]").await;
    search
        .send_keys(&fantoccini::key::Key::Backspace.to_string().repeat(4))
        .await
        .expect("clear search");
    toggle_module(&b, "MOD-1255").await;
    toggle_module(&b, "MOD-1310").await;

    // Two clicks in a row: one PUT.
    let save = b.find("[data-testid=edit-save]").await;
    b.js("const s = document.querySelector('[data-testid=edit-save]'); s.click(); s.click();")
        .await;
    drop(save);
    eventually("dialog closed", 0, || b.count("dialog[open]")).await;
    eventually("name shown", "After edit".to_string(), || async {
        b.text("[data-testid=details-name]").await
    })
    .await;
    assert_eq!(b.text("[data-testid=description]").await, "Now with a description");
    assert!(b.text("[data-testid=toast-success]").await.contains("updated"));

    let token = sandbox.api_get(&format!("/public/v1/accounts/api-tokens/{id}")).await;
    let modules: Vec<&str> = token["modules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(modules, ["MOD-1340", "MOD-1310"]);
    let events = audit_events(&sandbox, &id).await;
    assert_eq!(
        events,
        [
            "platform.accounts.api_token.updated",
            "platform.accounts.api_token.created"
        ]
    );

    b.click("[data-testid=tab-modules]").await;
    eventually("modules tab", 2, || b.count("[data-testid=module-row]")).await;
    b.click("[data-testid=tab-audit]").await;
    let details = b.text("[data-testid=audit-details]").await;
    assert!(
        details.starts_with("Sandbox console updated the API token After edit"),
        "{details}"
    );
    assert!(!details.contains("{{"), "{details}");
    b.click("[data-testid=tab-details]").await;
    assert!(b.text("[data-testid=updated-by]").await.contains("Sandbox console"));

    b.open(&sandbox, "/api-tokens?q=After%20edit").await;
    eventually("list shows the new name", vec![id.clone()], || b.row_ids()).await;
    assert!(b.text("[data-testid=modules-cell]").await.contains("2 modules"));
}

#[tokio::test]
async fn the_list_menu_opens_edit_and_invalid_or_unsaved_input_is_caught() {
    let sandbox = Sandbox::start();
    let (id, _) = sandbox.create_token("Careful edit").await;
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens?q=Careful", &sandbox.token).await;
    eventually("row", vec![id.clone()], || b.row_ids()).await;
    b.click("[data-testid=row-actions]").await;
    b.click("[role=menuitem]").await;
    b.find("[data-testid=edit-dialog][open]").await;

    // An empty name is stopped at the field; nothing is sent.
    set_text(&b, "[data-testid=name-input]", "   ").await;
    b.click("[data-testid=edit-save]").await;
    assert!(b.text("[data-testid=name-error]").await.contains("Enter a name"));
    set_text(&b, "[data-testid=name-input]", &"x".repeat(101)).await;
    b.click("[data-testid=edit-save]").await;
    assert!(b.text("[data-testid=name-error]").await.contains("at most 100"));
    assert_eq!(audit_events(&sandbox, &id).await.len(), 1, "no update was sent");

    // No modules: stopped on the Modules step.
    set_text(&b, "[data-testid=name-input]", "Careful edit").await;
    b.click("[data-testid=edit-next]").await;
    toggle_module(&b, "MOD-1255").await;
    b.click("[data-testid=edit-save]").await;
    assert!(b.text("[data-testid=modules-error]").await.contains("at least one"));

    // Closing with changes asks first; keeping them keeps everything typed.
    b.click("[data-testid=edit-close]").await;
    b.find("[data-testid=discard-dialog][open]").await;
    b.click("[data-testid=discard-dialog][open] button.btn").await;
    b.click("[data-testid=edit-step-general]").await;
    assert_eq!(
        b.value("[data-testid=name-input]").await.as_deref(),
        Some("Careful edit")
    );
    b.click("[data-testid=edit-close]").await;
    b.click("[data-testid=discard-dialog][open] [data-testid=confirm]")
        .await;
    eventually("edit closed", format!("/api-tokens/{id}/general"), || {
        b.path_and_query()
    })
    .await;
    assert_eq!(audit_events(&sandbox, &id).await.len(), 1);
}

#[tokio::test]
async fn a_401_during_save_keeps_what_was_typed() {
    let sandbox = Sandbox::start();
    let (id, _) = sandbox.create_token("Target token").await;
    let (session_id, session_secret) = sandbox.create_token("Console session").await;
    let b = Browser::start().await;
    b.sign_in(&sandbox, &format!("/api-tokens/{id}/edit"), &session_secret)
        .await;
    b.find("[data-testid=edit-dialog][open]").await;
    set_text(&b, "[data-testid=description-input]", "Typed before the session ended").await;

    sandbox.transition(&session_id, "disable").await;
    b.click("[data-testid=edit-save]").await;
    b.sign_in_again(&sandbox.token, 1).await;
    assert_eq!(
        b.value("[data-testid=description-input]").await.as_deref(),
        Some("Typed before the session ended")
    );
    b.click("[data-testid=edit-save]").await;
    eventually("saved", "Typed before the session ended".to_string(), || async {
        b.text("[data-testid=description]").await
    })
    .await;
}

#[tokio::test]
async fn the_logo_can_be_replaced_and_removed_in_edit() {
    let sandbox = Sandbox::start();
    let dir = tempfile::tempdir().unwrap();
    let (id, _) = sandbox.create_token("Logo edit").await;
    let b = Browser::start().await;
    b.sign_in(&sandbox, &format!("/api-tokens/{id}/edit"), &sandbox.token)
        .await;
    let logo = crate::images::file(dir.path(), "new.png", &crate::images::png(300, 600));
    b.find("[data-testid=logo-input]")
        .await
        .send_keys(logo.to_str().unwrap())
        .await
        .expect("choose");
    b.find("[data-testid=logo-preview]").await;
    b.click("[data-testid=edit-save]").await;
    let icon = eventually_icon(&sandbox, &id, true).await;
    let res = reqwest::get(format!("{}/public{icon}", sandbox.url)).await.unwrap();
    let bytes = res.bytes().await.unwrap();
    assert_eq!(crate::images::png_size(&bytes), (128, 256));

    b.open(&sandbox, &format!("/api-tokens/{id}/edit")).await;
    b.click("[data-testid=logo-remove]").await;
    b.click("[data-testid=edit-save]").await;
    eventually_icon(&sandbox, &id, false).await;
}

/// Waits until the token has (or has no) logo; returns its path.
async fn eventually_icon(sandbox: &Sandbox, id: &str, present: bool) -> String {
    let path = format!("/public/v1/accounts/api-tokens/{id}");
    for _ in 0..100 {
        let t = sandbox.api_get(&path).await;
        if t["icon"].is_string() == present {
            return t["icon"].as_str().unwrap_or_default().to_string();
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!(
        "the logo of {id} never became {}",
        if present { "set" } else { "removed" }
    );
}

#[tokio::test]
async fn a_logo_the_api_refuses_in_edit_can_be_left_out_and_the_rest_saved() {
    let sandbox = Sandbox::start_with(&["--no-data-url-icons"]);
    let dir = tempfile::tempdir().unwrap();
    let (id, _) = sandbox.create_token("Refused in edit").await;
    let b = Browser::start().await;
    b.sign_in(&sandbox, &format!("/api-tokens/{id}/edit"), &sandbox.token)
        .await;
    let logo = crate::images::file(dir.path(), "new.png", &crate::images::png(32, 32));
    b.type_into("[data-testid=logo-input]", logo.to_str().unwrap()).await;
    b.find("[data-testid=logo-preview]").await;
    b.type_into("[data-testid=description-input]", "Saved without the logo")
        .await;
    b.click("[data-testid=edit-save]").await;
    // The message's place is there from the start; the API's reason fills it.
    eventually("the API's reason at the logo", true, || async {
        b.text("[data-testid=icon-error]").await.contains("data URLs")
    })
    .await;
    b.click("[data-testid=without-logo]").await;
    eventually("saved", "Saved without the logo".to_string(), || async {
        b.text("[data-testid=description]").await
    })
    .await;
    assert!(sandbox.api_get(&format!("/public/v1/accounts/api-tokens/{id}")).await["icon"].is_null());
}
