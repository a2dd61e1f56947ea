//! The details page: opening, tabs, reveal/copy, actions, not found.

use crate::support::{eventually, Browser, Sandbox};
use fantoccini::key::Key;

const BADGE: &str = ".details-head [data-testid=status-badge]";
const MASK: &str = "••••••••••••••••••••••••••••••••";

async fn open_details(sandbox: &Sandbox, name: &str) -> (Browser, String, String) {
    let (id, secret) = sandbox.create_token(name).await;
    let b = Browser::start().await;
    b.sign_in(
        sandbox,
        &format!("/api-tokens?q={}&size=25", name.replace(' ', "%20")),
        &sandbox.token,
    )
    .await;
    eventually("row", vec![id.clone()], || b.row_ids()).await;
    b.click("[data-testid=token-name]").await;
    eventually("details url", format!("/api-tokens/{id}/general"), || {
        b.path_and_query()
    })
    .await;
    assert_eq!(b.text("[data-testid=details-name]").await, name);
    (b, id, secret)
}

#[tokio::test]
async fn tabs_switch_by_click_keyboard_and_url_and_back_keeps_the_list_state() {
    let sandbox = Sandbox::start();
    let (b, id, _) = open_details(&sandbox, "Tabbed token").await;
    assert_eq!(b.text("[data-testid=details-id]").await, id);
    assert!(b.text("[data-testid=account-card]").await.contains("Stark Industries"));
    assert_eq!(b.text("[data-testid=description]").await, "—");

    b.click("[data-testid=tab-modules]").await;
    eventually("modules url", format!("/api-tokens/{id}/modules"), || {
        b.path_and_query()
    })
    .await;
    assert!(b.text("[data-testid=module-row]").await.contains("Access management"));

    // Arrow keys move along the tab list.
    b.find("[data-testid=tab-modules]")
        .await
        .send_keys(&Key::Right.to_string())
        .await
        .expect("key");
    eventually("details url", format!("/api-tokens/{id}/details"), || {
        b.path_and_query()
    })
    .await;
    assert!(b.text("[data-testid=created-by]").await.contains("Sandbox console"));
    assert_eq!(b.text("[data-testid=updated-at]").await, "—");
    let focused = b.js("return document.activeElement.dataset.testid").await;
    assert_eq!(focused, "tab-details");
    b.client
        .active_element()
        .await
        .unwrap()
        .send_keys(&Key::Right.to_string())
        .await
        .unwrap();
    eventually("audit url", format!("/api-tokens/{id}/audit"), || b.path_and_query()).await;
    let created = b.text("[data-testid=audit-details]").await;
    assert_eq!(
        created,
        "Sandbox console created the API token Tabbed token ({id}) with the modules Access management."
            .replace("{id}", &id)
    );
    assert!(b
        .text("[data-testid=audit-actor-account]")
        .await
        .contains("Stark Industries · Client"));

    // A tab URL survives a reload.
    b.client.refresh().await.expect("reload");
    assert_eq!(
        b.find("[data-testid=tab-audit]")
            .await
            .attr("aria-selected")
            .await
            .unwrap()
            .as_deref(),
        Some("true")
    );
    b.open(&sandbox, &format!("/api-tokens/{id}/details")).await;
    assert_eq!(
        b.find("[data-testid=tab-details]")
            .await
            .attr("aria-selected")
            .await
            .unwrap()
            .as_deref(),
        Some("true")
    );

    b.click("[data-testid=back]").await;
    eventually(
        "list url kept",
        "/api-tokens?q=Tabbed%20token&size=25".to_string(),
        || b.path_and_query(),
    )
    .await;
}

#[tokio::test]
async fn the_token_is_masked_revealed_hidden_and_copied_exactly() {
    let sandbox = Sandbox::start();
    let (b, _id, secret) = open_details(&sandbox, "Secret token").await;
    b.grant_clipboard().await;
    assert_eq!(b.text("[data-testid=secret-value]").await, MASK);
    let html = b.js("return document.body.innerHTML").await;
    assert!(
        !html.as_str().unwrap().contains(&secret),
        "a masked secret is not in the page"
    );

    b.click("[data-testid=toggle-secret]").await;
    assert_eq!(b.text("[data-testid=secret-value]").await, secret);
    assert_eq!(
        b.find("[data-testid=toggle-secret]")
            .await
            .attr("aria-pressed")
            .await
            .unwrap()
            .as_deref(),
        Some("true")
    );
    b.click("[data-testid=toggle-secret]").await;
    assert_eq!(b.text("[data-testid=secret-value]").await, MASK);

    b.click("[data-testid=copy-secret]").await;
    eventually("copied feedback", true, || async {
        b.text(".copied").await == "Copied"
    })
    .await;
    assert_eq!(b.clipboard().await, secret);
    assert_eq!(
        b.text("[data-testid=secret-value]").await,
        MASK,
        "copying does not reveal"
    );

    b.click("[data-testid=copy-endpoint]").await;
    eventually("endpoint copied", sandbox.url.clone(), || b.clipboard()).await;
    assert_eq!(b.text("[data-testid=endpoint]").await, sandbox.url);

    b.click("[data-testid=copy-example]").await;
    let expected = format!(
        "curl -H \"Authorization: Bearer $MPT_API_TOKEN\" {}/public/v1/accounts/api-tokens",
        sandbox.url
    );
    eventually("example copied", expected.clone(), || b.clipboard()).await;
    assert_eq!(b.text("[data-testid=usage-example]").await, expected);
    assert!(
        !b.clipboard().await.contains(&secret),
        "the copied example keeps the secret out of shell history"
    );
}

#[tokio::test]
async fn a_refused_clipboard_is_said_plainly() {
    let sandbox = Sandbox::start();
    let (b, _id, _) = open_details(&sandbox, "No clipboard").await;
    b.js("Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } })").await;
    b.click("[data-testid=copy-secret]").await;
    assert!(b.text(".copy-failed").await.contains("blocked"));
}

#[tokio::test]
async fn the_dropdown_disables_enables_and_deletes_with_confirmation() {
    let sandbox = Sandbox::start();
    let (b, id, secret) = open_details(&sandbox, "Dropdown token").await;
    let choose = |entry: &'static str| {
        let b = &b;
        async move {
            b.click(".details-head [data-testid=row-actions]").await;
            let items = b
                .client
                .find_all(fantoccini::Locator::Css(".details-head [role=menuitem]"))
                .await
                .unwrap();
            for item in items {
                if item.text().await.unwrap() == entry {
                    item.click().await.expect("choose");
                    return;
                }
            }
            panic!("no {entry}");
        }
    };
    choose("Disable").await;
    b.click("[data-testid=confirm-dialog][open] [data-testid=confirm]")
        .await;
    eventually("badge disabled", "Disabled".to_string(), || b.text(BADGE)).await;
    assert_eq!(sandbox.status_with(&secret).await, 401);

    choose("Enable").await;
    b.click("[data-testid=confirm-dialog][open] [data-testid=confirm]")
        .await;
    eventually("badge active", "Active".to_string(), || b.text(BADGE)).await;
    assert_eq!(sandbox.status_with(&secret).await, 200);

    choose("Delete").await;
    b.confirm_typed("[data-testid=confirm-dialog]", "Dropdown token").await;
    eventually(
        "back on the list",
        "/api-tokens?q=Dropdown%20token&size=25".to_string(),
        || b.path_and_query(),
    )
    .await;
    b.find("[data-testid=empty-filtered]").await;
    assert!(sandbox.api_ids(&format!("eq(id,{id})")).await.is_empty());
}

#[tokio::test]
async fn an_unknown_or_deleted_id_shows_not_found_with_the_way_back() {
    let sandbox = Sandbox::start();
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens/TKN-0000-0000/general", &sandbox.token)
        .await;
    assert!(b.text("[data-testid=token-not-found]").await.contains("TKN-0000-0000"));
    b.click("[data-testid=token-not-found] a").await;
    eventually("list", "/api-tokens".to_string(), || b.path_and_query()).await;
    b.open(&sandbox, "/api-tokens/%22%3E%3Cscript%3E/general").await;
    b.find("[data-testid=token-not-found]").await;
}
