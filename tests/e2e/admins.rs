//! Two administrators of one account at once: an Edit saved over a
//! colleague's change asks instead of overwriting it, a change someone else
//! already made is said rather than sent, and Undo changes back exactly
//! the tokens that changed.

use crate::support::{eventually, Browser, Sandbox};

async fn set_text(b: &Browser, css: &str, text: &str) {
    let el = b.find(css).await;
    el.clear().await.expect("clear");
    el.send_keys(text).await.expect("type");
}

/// The token's name and description as the API has them.
async fn saved(sandbox: &Sandbox, id: &str) -> (String, String) {
    let t = sandbox.api_get(&format!("/public/v1/accounts/api-tokens/{id}")).await;
    let text = |k: &str| t[k].as_str().unwrap_or_default().to_string();
    (text("name"), text("description"))
}

/// The statuses of `ids` as the API has them.
async fn statuses(sandbox: &Sandbox, ids: [&String; 3]) -> Vec<String> {
    let mut s = Vec::new();
    for id in ids {
        let t = sandbox.api_get(&format!("/public/v1/accounts/api-tokens/{id}")).await;
        s.push(t["status"].as_str().unwrap_or_default().to_string());
    }
    s
}

/// Signs `b` in with `token` on the Edit dialog of `id` and types a new name.
async fn edit_name(b: &Browser, sandbox: &Sandbox, token: &str, id: &str, name: &str) {
    b.sign_in(sandbox, &format!("/api-tokens/{id}/edit"), token).await;
    type_name(b, name).await;
}

/// Opens the Edit dialog of `id` in `b` (signed in) and types a new name.
async fn rename(b: &Browser, sandbox: &Sandbox, id: &str, name: &str) {
    b.open(sandbox, &format!("/api-tokens/{id}/edit")).await;
    type_name(b, name).await;
}

/// Types `name` into the open Edit dialog.
async fn type_name(b: &Browser, name: &str) {
    b.find("[data-testid=edit-dialog][open]").await;
    set_text(b, "[data-testid=name-input]", name).await;
}

#[tokio::test]
async fn an_edit_over_a_colleagues_save_shows_both_and_saves_each_choice() {
    let sandbox = Sandbox::start();
    let (id, _) = sandbox.create_token("Shared robot").await;
    let (_, colleague) = sandbox.create_token("Colleague").await;
    let me = Browser::start().await;
    edit_name(&me, &sandbox, &sandbox.token, &id, "Mine").await;

    // The colleague, in a browser of their own, renames it and describes it.
    let other = Browser::start().await;
    edit_name(&other, &sandbox, &colleague, &id, "Theirs").await;
    set_text(&other, "[data-testid=description-input]", "Their description").await;
    other.click("[data-testid=edit-save]").await;
    eventually(
        "their save",
        ("Theirs".to_string(), "Their description".to_string()),
        || saved(&sandbox, &id),
    )
    .await;

    // Saving now asks instead of overwriting, showing both values.
    me.click("[data-testid=edit-save]").await;
    me.find("[data-testid=edit-conflict]").await;
    let name_row = me.text("[data-testid=conflict-name]").await;
    assert!(name_row.contains("Mine") && name_row.contains("Theirs"), "{name_row}");
    assert!(
        me.text("[data-testid=edit-conflict]").await.contains("Colleague"),
        "who changed it"
    );
    assert_eq!(saved(&sandbox, &id).await.0, "Theirs", "nothing was saved over theirs");
    me.expect_accessible("the conflict view").await;

    // Per field: my name (offered first: both changed it), their
    // description (offered first: only they changed it).
    me.click("[data-testid=conflict-save]").await;
    eventually(
        "the choices saved",
        ("Mine".to_string(), "Their description".to_string()),
        || saved(&sandbox, &id),
    )
    .await;
    eventually("the dialog closed", 0, || me.count("[data-testid=edit-dialog]")).await;

    // Keep mine: every field in question as typed.
    rename(&me, &sandbox, &id, "Mine again").await;
    set_text(&me, "[data-testid=description-input]", "My description").await;
    sandbox
        .edit_as(
            &colleague,
            &id,
            serde_json::json!({"name": "Theirs again", "description": "Theirs too"}),
        )
        .await;
    me.click("[data-testid=edit-save]").await;
    me.find("[data-testid=edit-conflict]").await;
    me.click("[data-testid=conflict-keep-mine]").await;
    eventually(
        "mine kept",
        ("Mine again".to_string(), "My description".to_string()),
        || saved(&sandbox, &id),
    )
    .await;

    // Take theirs: nothing is sent, their values stay and show.
    rename(&me, &sandbox, &id, "Mine once more").await;
    sandbox
        .edit_as(&colleague, &id, serde_json::json!({"name": "Theirs wins"}))
        .await;
    me.click("[data-testid=edit-save]").await;
    me.find("[data-testid=edit-conflict]").await;
    let puts = sandbox
        .requests()
        .await
        .iter()
        .filter(|r| r.starts_with("PUT "))
        .count();
    me.click("[data-testid=conflict-take-theirs]").await;
    eventually("the dialog closed", 0, || me.count("[data-testid=edit-dialog]")).await;
    eventually("their name shown", "Theirs wins".to_string(), || {
        me.text("[data-testid=details-name]")
    })
    .await;
    assert_eq!(saved(&sandbox, &id).await.0, "Theirs wins");
    let puts_after = sandbox
        .requests()
        .await
        .iter()
        .filter(|r| r.starts_with("PUT "))
        .count();
    assert_eq!(puts_after, puts, "taking theirs sends nothing");
}

#[tokio::test]
async fn a_disable_someone_else_already_made_is_said_and_undo_restores_exactly_what_changed() {
    let sandbox = Sandbox::start();
    let (a, _) = sandbox.create_token("Undo A").await;
    let (b_id, _) = sandbox.create_token("Undo B").await;
    let (c, _) = sandbox.create_token("Undo C").await;
    sandbox.transition(&c, "disable").await;
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens?q=Undo", &sandbox.token).await;
    eventually("three rows", 3, || async { b.row_ids().await.len() }).await;
    // Someone disables A after the list showed it active: disabling it here says so.
    b.open(&sandbox, "/api-tokens?q=Undo%20A").await;
    eventually("A shown active", vec!["Active".to_string()], || b.row_statuses()).await;
    sandbox.transition(&a, "disable").await;
    b.choose_row_action("Disable").await;
    let disables = || async {
        let disable = format!("POST /public/v1/accounts/api-tokens/{a}/disable");
        sandbox
            .requests()
            .await
            .iter()
            .filter(|r| r.starts_with(&disable))
            .count()
    };
    let before = disables().await;
    b.click("[data-testid=confirm-dialog][open] [data-testid=confirm]")
        .await;
    let note = b.text("[data-testid=toast-success]").await;
    assert!(note.contains("Already disabled"), "{note}");
    let disables = disables().await - before;
    assert_eq!(disables, 0, "the console sent no disable of its own");

    // Bulk enable of all three: A and C change (B is already active);
    // Undo disables exactly A and C again.
    b.open(&sandbox, "/api-tokens?q=Undo").await;
    eventually("three rows", 3, || async { b.row_ids().await.len() }).await;
    b.click("[data-testid=select-all]").await;
    b.click("[data-testid=bulk-enable]").await;
    b.click("[data-testid=bulk-dialog][open] [data-testid=confirm]").await;
    b.find("[data-testid=toast-undo]").await;
    let now = || statuses(&sandbox, [&a, &b_id, &c]);
    eventually("all active", vec!["Active".to_string(); 3], now).await;
    b.click("[data-testid=toast-undo]").await;
    let undone = ["Disabled", "Active", "Disabled"].map(String::from).to_vec();
    eventually("exactly A and C changed back", undone, now).await;
    eventually("the list shows it", 2, || async {
        b.row_statuses().await.iter().filter(|s| *s == "Disabled").count()
    })
    .await;
}
