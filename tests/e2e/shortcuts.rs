//! Keyboard shortcuts: `/` focuses search, `n` opens Add, `?` lists them;
//! none fires while typing in a field.

use crate::support::{eventually, Browser, Sandbox};
use fantoccini::key::Key;

#[tokio::test]
async fn slash_n_and_question_mark_work_outside_fields_only() {
    let sandbox = Sandbox::start();
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens", &sandbox.token).await;
    b.find("[data-testid=token-row]").await;

    b.keys(['/']).await;
    eventually("search focused", true, || b.focused_is("[data-testid=search]")).await;
    // Typed into the search: `n`, `/` and `?` are text, not shortcuts.
    b.keys("n/?".chars()).await;
    assert_eq!(b.value("[data-testid=search]").await.as_deref(), Some("n/?"));
    assert_eq!(b.count("dialog[open]").await, 0);
    assert!(b.path_and_query().await.starts_with("/api-tokens"));
    assert!(!b.path_and_query().await.contains("/new"));

    b.js("document.activeElement.blur()").await;
    b.keys(['?']).await;
    b.find("[data-testid=shortcuts-dialog][open]").await;
    let help = b.text("[data-testid=shortcuts-dialog]").await;
    for line in ["Search API tokens", "Add an API token", "Show these shortcuts"] {
        assert!(help.contains(line), "{help}");
    }
    b.expect_accessible("shortcuts dialog").await;
    // Inside the dialog the keys are not shortcuts; Esc closes it.
    b.keys(['n']).await;
    b.press(Key::Escape).await;
    eventually("help closed", 0, || b.count("dialog[open]")).await;
    assert!(!b.path_and_query().await.contains("/new"));

    b.keys(['n']).await;
    eventually("on the wizard", "/api-tokens/new".to_string(), || b.path_and_query()).await;
    b.find("[data-testid=name-input]").await;
}
