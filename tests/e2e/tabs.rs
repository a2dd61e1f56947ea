//! Two tabs of one browser agree: signing out, the idle lock and a change
//! made in one apply to the other at once, and nothing secret crosses
//! between them.

use crate::accounts::{ACME, WAYNE};
use crate::support::{deployed_with, eventually, Browser, Sandbox};
use std::time::{Duration, Instant};

/// Signs in with `token` at `path`, opens a second tab signed in the same way
/// and leaves it current; returns the first tab's handle and the second's.
async fn two_tabs(
    b: &Browser,
    sandbox: &Sandbox,
    path: &str,
    token: &str,
) -> (fantoccini::wd::WindowHandle, fantoccini::wd::WindowHandle) {
    b.sign_in(sandbox, path, token).await;
    b.find("[data-testid=token-row]").await;
    let first = b.client.window().await.expect("the first tab");
    (first, open_signed_in_tab(b, sandbox, token, path).await)
}

/// Records, in the current tab, every message on the console's channel.
async fn listen_to_channel(b: &Browser, sandbox: &Sandbox) {
    let name = serde_json::json!(format!("tokens-console {}", sandbox.url));
    b.js(&format!(
        "window.__heard = []; const c = new BroadcastChannel({name}); \
         c.onmessage = e => window.__heard.push(String(e.data)); window.__spy = c; return true"
    ))
    .await;
}

#[tokio::test]
async fn signing_out_in_one_tab_signs_out_the_other_within_a_second() {
    let sandbox = Sandbox::start();
    let b = Browser::start().await;
    let (first, second) = two_tabs(&b, &sandbox, "/api-tokens", &sandbox.token).await;
    listen_to_channel(&b, &sandbox).await;

    b.client.switch_to_window(first).await.expect("to the first tab");
    b.click("[data-testid=sign-out]").await;
    let signed_out = Instant::now();
    b.client.switch_to_window(second).await.expect("to the second tab");
    loop {
        if b.count("[data-testid=sign-in-page]").await > 0 {
            break;
        }
        assert!(
            signed_out.elapsed() < Duration::from_secs(1),
            "the second tab still shows the list a second after signing out in the first"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let stored = b.js("return JSON.stringify(sessionStorage)").await;
    assert!(!stored.as_str().unwrap_or_default().contains(&sandbox.token));
    let heard = b.js_strings("return window.__heard").await;
    // The click itself is activity ("active"); nothing else, and no secret, crosses.
    assert_eq!(
        heard.last().map(String::as_str),
        Some("signed-out"),
        "what crossed between the tabs: {heard:?}"
    );
    assert!(
        heard.iter().all(|m| ["active", "signed-out"].contains(&m.as_str())),
        "what crossed between the tabs: {heard:?}"
    );
}

#[tokio::test]
async fn a_disable_in_one_tab_shows_in_the_others_list_without_a_reload() {
    let sandbox = Sandbox::start();
    let (id, secret) = sandbox.create_token("Seen from two tabs").await;
    let b = Browser::start().await;
    let (first, second) = two_tabs(&b, &sandbox, "/api-tokens?q=Seen%20from%20two%20tabs", &sandbox.token).await;
    eventually("one row", vec![id.clone()], || b.row_ids()).await;
    b.js("window.__same_page = true; return true").await;
    listen_to_channel(&b, &sandbox).await;

    b.client.switch_to_window(first).await.expect("to the first tab");
    eventually("one row", vec![id.clone()], || b.row_ids()).await;
    b.choose_row_action("Disable").await;
    b.click("[data-testid=confirm-dialog][open] [data-testid=confirm]")
        .await;
    eventually("disabled here", vec!["Disabled".to_string()], || b.row_statuses()).await;

    b.client.switch_to_window(second).await.expect("to the second tab");
    eventually("disabled there", vec!["Disabled".to_string()], || b.row_statuses()).await;
    assert_eq!(
        b.js("return window.__same_page === true").await,
        serde_json::json!(true),
        "shown without a reload"
    );
    let heard = b.js("return window.__heard.join(' ')").await;
    let heard = heard.as_str().unwrap_or_default();
    assert!(heard.contains("changed"), "{heard}");
    assert!(!heard.contains(&secret) && !heard.contains(&sandbox.token), "{heard}");
}

#[tokio::test]
async fn choosing_an_account_in_one_tab_takes_the_other_there_without_a_reload() {
    let sandbox = Sandbox::start();
    let b = Browser::start().await;
    let wayne = format!("/api-tokens?account={WAYNE}");
    let (first, second) = two_tabs(&b, &sandbox, &wayne, &sandbox.ops_token).await;
    b.js("window.__same_page = true; return true").await;

    choose_acme_in(&b, first).await;

    b.client.switch_to_window(second).await.expect("to the second tab");
    eventually("Acme there", format!("/api-tokens?account={ACME}"), || {
        b.path_and_query()
    })
    .await;
    eventually("Acme's name in the frame", true, || async {
        b.text("[data-testid=frame-account]").await.contains("Acme Software")
    })
    .await;
    assert_eq!(
        b.js("return window.__same_page === true").await,
        serde_json::json!(true),
        "followed without a reload"
    );
}

#[tokio::test]
async fn a_tab_with_a_dialog_open_stays_on_its_account_and_says_so() {
    let sandbox = Sandbox::start();
    let b = Browser::start().await;
    let wayne = format!("/api-tokens?account={WAYNE}");
    let (first, second) = two_tabs(&b, &sandbox, &wayne, &sandbox.ops_token).await;
    b.click("[data-testid=find-by-value]").await;
    b.type_into("[data-testid=find-value]", "typed, not yet sent").await;

    choose_acme_in(&b, first).await;

    b.client.switch_to_window(second).await.expect("to the second tab");
    let note = b.text("[data-testid=toast-success]").await;
    assert!(
        note.contains(&format!("Another tab switched to account {ACME}")),
        "{note}"
    );
    assert_eq!(b.path_and_query().await, wayne, "stayed on its account");
    assert_eq!(
        b.js("return document.querySelector('[data-testid=find-value]').value")
            .await,
        serde_json::json!("typed, not yet sent"),
        "what was typed is still there"
    );
}

#[tokio::test]
async fn a_refused_token_asks_for_sign_in_in_the_tabs_that_hold_it_and_only_those() {
    let sandbox = Sandbox::start();
    let (id, secret) = sandbox.create_token("Shared by two tabs").await;
    let b = Browser::start().await;
    let (first, same) = two_tabs(&b, &sandbox, "/api-tokens", &secret).await;
    let other = open_signed_in_tab(&b, &sandbox, &sandbox.token, "/api-tokens").await;

    sandbox.transition(&id, "disable").await;
    b.client.switch_to_window(first).await.expect("to the first tab");
    // By script: a read still under way may meet the refusal first and put
    // the dialog over the button.
    b.js("document.querySelector('[data-testid=refresh]').click()").await;
    b.find("[data-testid=session-expired][open]").await;

    b.client
        .switch_to_window(same)
        .await
        .expect("to the tab with the same token");
    b.find("[data-testid=session-expired][open]").await;
    b.client
        .switch_to_window(other)
        .await
        .expect("to the tab with another token");
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        b.count("[data-testid=session-expired][open]").await,
        0,
        "a tab signed in with another token carries on"
    );
    b.click("[data-testid=refresh]").await;
    b.find("[data-testid=token-row]").await;
}

#[tokio::test]
async fn keys_pressed_in_one_tab_keep_an_idle_one_signed_in() {
    // 0.15 minutes: a tab left alone is warned after 4.5 s, signed out after 9 s.
    let dist = deployed_with(r#"{"apiBaseUrl": "", "idleTimeoutMinutes": 0.15}"#);
    let sandbox = Sandbox::start_serving(dist.path());
    let b = Browser::start().await;
    let (first, _) = two_tabs(&b, &sandbox, "/api-tokens", &sandbox.token).await;
    // The person works in the second tab for twelve seconds; the first is left alone.
    let working = Instant::now();
    while working.elapsed() < Duration::from_secs(12) {
        b.press(fantoccini::key::Key::Shift).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    assert_eq!(b.count("[data-testid=idle-warning]").await, 0, "the tab in use");
    b.client.switch_to_window(first).await.expect("to the first tab");
    assert_eq!(
        b.count("[data-testid=session-expired][open]").await,
        0,
        "the tab left alone was kept signed in by the other's activity"
    );
    b.click("[data-testid=refresh]").await;
    b.find("[data-testid=token-row]").await;
}

/// Opens a new tab signed in with `token` on the list at `path`, and leaves it current.
async fn open_signed_in_tab(b: &Browser, sandbox: &Sandbox, token: &str, path: &str) -> fantoccini::wd::WindowHandle {
    let handle = b.client.new_window(true).await.expect("a new tab").handle;
    b.client.switch_to_window(handle.clone()).await.expect("to the new tab");
    b.sign_in(sandbox, path, token).await;
    b.find("[data-testid=token-row]").await;
    handle
}

/// In tab `tab`, switches to Acme through the account chooser.
async fn choose_acme_in(b: &Browser, tab: fantoccini::wd::WindowHandle) {
    b.client.switch_to_window(tab).await.expect("to the tab");
    b.click("[data-testid=switch-account]").await;
    b.find("[data-testid=account-chooser]").await;
    b.type_into("[data-testid=account-search]", "acme").await;
    eventually("the search", 1, || b.count("[data-testid=account-choice]")).await;
    b.click("[data-testid=account-choice]").await;
    eventually("Acme here", format!("/api-tokens?account={ACME}"), || {
        b.path_and_query()
    })
    .await;
}
