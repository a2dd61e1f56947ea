//! axe-core on the states the keyboard flow (keyboard.rs) does not pass
//! through: field errors, the discard question, bulk actions, the enable
//! question, an empty search, the not-found page and the session-expired dialog.

use crate::support::{Browser, Sandbox};

#[tokio::test]
async fn errors_questions_and_bulk_actions_have_no_axe_violations() {
    let sandbox = Sandbox::start();
    let (id, _) = sandbox.create_token("Checked by axe").await;
    sandbox.transition(&id, "disable").await;
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens/new", &sandbox.token).await;

    // A step that does not pass shows its errors at the fields.
    b.click("[data-testid=wizard-next]").await;
    assert!(!b.text("[data-testid=name-error]").await.is_empty());
    b.expect_accessible("wizard with a field error").await;

    // Closing with entered data asks first.
    b.type_into("[data-testid=name-input]", "Half done").await;
    b.click("[data-testid=wizard-close]").await;
    b.find("[data-testid=discard-dialog][open]").await;
    b.expect_accessible("discard dialog").await;
    b.click("[data-testid=discard-dialog][open] [data-testid=confirm]")
        .await;

    // Bulk actions and their question.
    b.find("[data-testid=token-row]").await;
    b.click("[data-testid=select-all]").await;
    b.find("[data-testid=bulk-bar]").await;
    b.expect_accessible("list with a selection").await;
    b.click("[data-testid=bulk-disable]").await;
    b.find("[data-testid=bulk-dialog][open]").await;
    b.expect_accessible("bulk dialog").await;
    b.client
        .execute(
            "document.querySelector('[data-testid=bulk-dialog][open]').close()",
            vec![],
        )
        .await
        .expect("close");

    // The enable question for a disabled token, from its row.
    b.open(&sandbox, "/api-tokens?q=Checked%20by%20axe").await;
    b.click("[data-testid=token-row] [data-testid=row-actions]").await;
    b.expect_accessible("row menu open").await;
    b.click("[data-testid=token-row] [role=menuitem]:nth-child(3)").await;
    b.find("[data-testid=confirm-dialog][open]").await;
    b.expect_accessible("enable dialog").await;

    // A search that finds nothing, and an address that is nothing.
    b.open(&sandbox, "/api-tokens?q=no-such-token-anywhere").await;
    b.find("[data-testid=empty-list], [data-testid=empty-page], .empty")
        .await;
    b.expect_accessible("empty search").await;
    b.open(&sandbox, "/api-tokens/TKN-0000-0000/general").await;
    b.find("[data-testid=token-not-found]").await;
    b.expect_accessible("token not found").await;

    // The session's token is refused mid-session: the sign-in dialog over the page.
    let (other, other_secret) = sandbox.create_token("Session of another").await;
    b.client
        .execute(
            "sessionStorage.setItem('tokens-console.session', arguments[0]);",
            vec![serde_json::Value::String(other_secret)],
        )
        .await
        .expect("sign in with another token");
    b.open(&sandbox, "/api-tokens").await;
    b.find("[data-testid=token-row]").await;
    sandbox.transition(&other, "disable").await;
    // Clicked by script: a read still under way (the modules, an idle
    // prefetch) may meet the refusal first and put the dialog over the button.
    b.js("document.querySelector('[data-testid=refresh]').click()").await;
    b.find("[data-testid=session-expired][open]").await;
    b.expect_accessible("session-expired dialog").await;
}
