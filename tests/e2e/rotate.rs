//! Rotation: a replacement with the same modules is created and its value
//! shown once; the old token stays active, its last access live, until the
//! user disables it; leaving before copying the new value asks first.

use crate::support::{eventually, Browser, Sandbox};

/// Whether the leave guard's extra history entry (its Back stop) is the current one.
const ON_GUARD_ENTRY: &str = "return history.state === 'tokens-console:leave-guard'";

#[tokio::test]
async fn rotation_replaces_a_token_and_disables_the_old_one_only_on_request() {
    let sandbox = Sandbox::start();
    let (old, old_secret) = sandbox.create_token("Rotate me").await;
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens?q=Rotate%20me", &sandbox.token).await;
    b.grant_clipboard().await;
    eventually("one row", vec![old.clone()], || b.row_ids()).await;
    b.choose_row_action("Rotate").await;
    eventually("rotate page", format!("/api-tokens/{old}/rotate"), || {
        b.path_and_query()
    })
    .await;
    let new_name = b.text("[data-testid=rotate-new-name]").await;
    assert!(new_name.starts_with("Rotate me (rotated 20"), "{new_name}");
    b.expect_accessible("rotation, before").await;

    b.click("[data-testid=rotate-create]").await;
    let new = b.text("[data-testid=rotate-new-id]").await;
    assert_ne!(new, old);
    let old_json = sandbox.api_get(&format!("/public/v1/accounts/api-tokens/{old}")).await;
    let new_json = sandbox.api_get(&format!("/public/v1/accounts/api-tokens/{new}")).await;
    assert_eq!(new_json["name"], serde_json::json!(new_name));
    assert_eq!(new_json["modules"], old_json["modules"], "the same modules");
    assert_eq!(old_json["status"], "Active", "the old token stays active");
    assert_eq!(b.text("[data-testid=rotate-old-last-access]").await, "never");
    b.expect_accessible("rotation, replacement created").await;

    // The old token used meanwhile: its last access shows without a reload.
    assert_eq!(sandbox.status_with(&old_secret).await, 200);
    eventually("old token's use seen", true, || async {
        b.text("[data-testid=rotate-old-last-access]").await != "never"
    })
    .await;

    // Leaving before the value was copied asks first, whichever way out:
    // Done, the header's link, the `n` shortcut; Stay keeps everything.
    let here = format!("/api-tokens/{old}/rotate");
    for way in ["[data-testid=rotate-done]", "a.brand", "n"] {
        if way == "n" {
            b.js("document.activeElement && document.activeElement.blur()").await;
            b.keys(['n']).await;
        } else {
            b.click(way).await;
        }
        b.find("[data-testid=leave-dialog][open]").await;
        b.click("[data-testid=leave-dialog][open] [data-testid=cancel]").await;
        eventually("dialog closed", 0, || b.count("dialog[open]")).await;
        assert_eq!(b.path_and_query().await, here, "{way} stays until asked");
        assert_eq!(
            b.count("[data-testid=rotate-new]").await,
            1,
            "{way} keeps the new value"
        );
    }

    b.click("[data-testid=rotate-new] [data-testid=copy-secret]").await;
    let new_secret = b.clipboard().await;
    assert!(
        new_secret.starts_with(&format!("idt:{new}:")),
        "the new value was copied"
    );
    assert_eq!(sandbox.status_with(&new_secret).await, 200);

    b.click("[data-testid=rotate-disable-old]").await;
    b.click("[data-testid=confirm-dialog][open] [data-testid=confirm]")
        .await;
    eventually("old disabled", "Disabled".to_string(), || {
        b.text("[data-testid=rotate-old] [data-testid=status-badge]")
    })
    .await;
    assert_eq!(sandbox.status_with(&old_secret).await, 401);
    assert_eq!(sandbox.status_with(&new_secret).await, 200);

    b.click("[data-testid=rotate-done]").await;
    eventually("on the old token", format!("/api-tokens/{old}/general"), || {
        b.path_and_query()
    })
    .await;
}

#[tokio::test]
async fn leaving_a_rotation_before_copying_goes_where_asked_once_confirmed() {
    let sandbox = Sandbox::start();
    let (old, _) = sandbox.create_token("Rotate and leave").await;
    let b = Browser::start().await;
    b.sign_in(&sandbox, &format!("/api-tokens/{old}/rotate"), &sandbox.token)
        .await;
    b.click("[data-testid=rotate-create]").await;
    b.find("[data-testid=rotate-new]").await;
    b.click("a.brand").await;
    b.click("[data-testid=leave-dialog][open] [data-testid=confirm]").await;
    eventually("on the list", "/api-tokens".to_string(), || b.path_and_query()).await;
    b.find("[data-testid=token-row]").await;
    // Nothing is held any more: the next way out goes at once.
    b.keys(['n']).await;
    eventually("on Add", "/api-tokens/new".to_string(), || b.path_and_query()).await;
    assert_eq!(b.count("dialog[open]").await, 0);
}

#[tokio::test]
async fn the_browser_back_asks_until_the_new_value_is_copied_then_goes_back_at_once() {
    let sandbox = Sandbox::start();
    sandbox.create_token("Rotate and go back").await;
    let list = "/api-tokens?q=Rotate%20and%20go%20back";
    let b = Browser::start().await;
    b.sign_in(&sandbox, list, &sandbox.token).await;
    b.grant_clipboard().await;
    let back = || async { b.client.back().await.expect("back") };
    let on_list = || async {
        eventually("on the list", list.to_string(), || b.path_and_query()).await;
        b.find("[data-testid=token-row]").await;
    };

    // Copied: nothing is held, one Back goes back.
    b.choose_row_action("Rotate").await;
    b.click("[data-testid=rotate-create]").await;
    b.click("[data-testid=rotate-new] [data-testid=copy-secret]").await;
    b.find("[data-testid=rotate-new] .copied").await;
    // The guard's own history entry, which caught Back, is gone by now.
    eventually("history settled", serde_json::json!(false), || b.js(ON_GUARD_ENTRY)).await;
    back().await;
    on_list().await;
    assert_eq!(b.count("dialog[open]").await, 0);

    // Not copied: Back asks, Stay keeps the page and catches the next Back.
    b.choose_row_action("Rotate").await;
    b.click("[data-testid=rotate-create]").await;
    b.find("[data-testid=rotate-new]").await;
    let here = b.path_and_query().await;
    assert!(here.ends_with("/rotate"), "{here}");
    for _ in 0..2 {
        back().await;
        b.find("[data-testid=leave-dialog][open]").await;
        assert_eq!(b.path_and_query().await, here, "Back stays until asked");
        b.click("[data-testid=leave-dialog][open] [data-testid=cancel]").await;
        eventually("dialog closed", 0, || b.count("dialog[open]")).await;
        assert_eq!(b.count("[data-testid=rotate-new]").await, 1, "the new value is kept");
    }
    back().await;
    b.click("[data-testid=leave-dialog][open] [data-testid=confirm]").await;
    on_list().await;
}

#[tokio::test]
async fn after_a_reload_while_the_new_value_was_uncopied_one_back_leaves() {
    let sandbox = Sandbox::start();
    sandbox.create_token("Rotate and reload").await;
    let list = "/api-tokens?q=Rotate%20and%20reload";
    let b = Browser::start().await;
    b.sign_in(&sandbox, list, &sandbox.token).await;
    b.choose_row_action("Rotate").await;
    b.click("[data-testid=rotate-create]").await;
    b.find("[data-testid=rotate-new]").await;
    let is_stop = || b.js(ON_GUARD_ENTRY);
    eventually("the guard's entry on top", serde_json::json!(true), is_stop).await;
    let here = b.path_and_query().await;

    // The browser asks before reloading (the value is lost); WebDriver accepts.
    b.client.refresh().await.expect("reload");
    b.find("[data-testid=rotate-page]").await;
    assert_eq!(b.path_and_query().await, here);
    eventually("the left-over entry removed", serde_json::json!(false), is_stop).await;
    b.client.back().await.expect("back");
    eventually("on the list", list.to_string(), || b.path_and_query()).await;
    b.find("[data-testid=token-row]").await;
}
