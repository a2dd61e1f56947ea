//! Saved views: the list's filters, sort, rows per page and columns kept
//! under a name in this browser, switched between, renamed and deleted;
//! the URL still says what is shown.

use crate::support::{eventually, Browser, Sandbox};

const SELECT: &str = "[data-testid=view-select]";

/// The text of the select's chosen option.
async fn shown(b: &Browser) -> String {
    let v = b
        .js("const s = document.querySelector('[data-testid=view-select]'); return s.options[s.selectedIndex].text")
        .await;
    v.as_str().unwrap_or_default().trim().to_string()
}

async fn name_view(b: &Browser, button: &str, name: &str) {
    b.click(&format!("[data-testid={button}]")).await;
    let field = b.find("[data-testid=view-dialog][open] [data-testid=view-name]").await;
    field.clear().await.expect("clear");
    field.send_keys(name).await.expect("type");
    b.click("[data-testid=view-dialog][open] [data-testid=confirm]").await;
}

/// Whether the Created by column shows.
async fn created_by_shown(b: &Browser) -> bool {
    let v = b.js("return [...document.querySelectorAll('[data-testid=created-by]')].some(e => e.getClientRects().length > 0)").await;
    v == serde_json::json!(true)
}

#[tokio::test]
async fn views_are_saved_switched_renamed_deleted_and_survive_a_reload() {
    let sandbox = Sandbox::start();
    let b = Browser::start().await;
    let narrowed = "/api-tokens?status=Disabled&sort=name&size=25";
    b.sign_in(&sandbox, narrowed, &sandbox.token).await;
    b.find("[data-testid=token-row]").await;
    b.click("details.columns summary").await;
    b.click("[data-testid='column-Created by']").await;
    eventually("unsaved", "Unsaved view".to_string(), || shown(&b)).await;

    name_view(&b, "view-save", "Disabled by name").await;
    eventually("saved", "Disabled by name".to_string(), || shown(&b)).await;
    let stored = b.js("return localStorage.getItem('tokens-console.views')").await;
    let stored = stored.as_str().unwrap_or_default().to_string();
    assert!(
        stored.contains("status=Disabled&sort=name&size=25") && stored.contains("createdBy"),
        "{stored}"
    );
    assert!(!stored.contains("idt:"), "no secrets in views");
    b.expect_accessible("list with a saved view").await;

    // A reload keeps the view; the default view shows everything again.
    b.open(&sandbox, "/api-tokens").await;
    b.find("[data-testid=token-row]").await;
    b.find(SELECT)
        .await
        .select_by_value("")
        .await
        .expect("choose the default");
    eventually("default", "Default view".to_string(), || shown(&b)).await;
    eventually("all columns", true, || created_by_shown(&b)).await;
    b.find(SELECT)
        .await
        .select_by_value("Disabled by name")
        .await
        .expect("choose the view");
    eventually("its URL", narrowed.to_string(), || b.path_and_query()).await;
    b.expect_rows(&sandbox, "eq(status,Disabled)&order=name&select=audit&limit=25")
        .await;
    eventually("its columns", false, || created_by_shown(&b)).await;

    // A name in use is refused; renaming and deleting work.
    name_view(&b, "view-save", "Other").await;
    eventually("saved again", "Other".to_string(), || shown(&b)).await;
    name_view(&b, "view-rename", "disabled BY NAME").await;
    let problem = b.text("[data-testid=view-dialog][open] .form-error").await;
    assert!(problem.contains("already a view named"), "{problem}");
    b.expect_accessible("view name dialog with a problem").await;
    let field = b.find("[data-testid=view-dialog][open] [data-testid=view-name]").await;
    field.clear().await.expect("clear");
    field.send_keys("Mine").await.expect("type");
    b.click("[data-testid=view-dialog][open] [data-testid=confirm]").await;
    eventually("renamed", "Mine".to_string(), || shown(&b)).await;
    b.click("[data-testid=view-delete]").await;
    // The list still matches the first view, which names it again.
    eventually("deleted", "Disabled by name".to_string(), || shown(&b)).await;
    b.click("[data-testid=view-delete]").await;
    eventually("both deleted", "Unsaved view".to_string(), || shown(&b)).await;
    let stored = b.js("return localStorage.getItem('tokens-console.views')").await;
    let stored = stored.as_str().unwrap_or_default().to_string();
    assert_eq!(stored, "[]");
}
