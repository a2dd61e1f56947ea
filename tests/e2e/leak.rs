//! Leak response: a pasted value finds its token, which is disabled from
//! there; the value goes nowhere but the API call that compares it.

use crate::support::{eventually, Browser, Sandbox};

async fn find(b: &Browser, value: &str) {
    let field = b.find("[data-testid=find-dialog][open] [data-testid=find-value]").await;
    field.clear().await.expect("clear");
    field.send_keys(value).await.expect("type");
    b.click("[data-testid=find-submit]").await;
}

#[tokio::test]
async fn a_pasted_value_finds_its_token_and_disables_it() {
    let sandbox = Sandbox::start();
    let (id, secret) = sandbox.create_token("Leaked bot").await;
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens", &sandbox.token).await;
    b.click("[data-testid=find-by-value]").await;
    b.find("[data-testid=find-dialog][open]").await;
    b.expect_accessible("find by value dialog").await;

    find(&b, "hello").await;
    assert!(b
        .text("[data-testid=find-error]")
        .await
        .contains("not an API token value"));
    let secret_part = secret.rsplit(':').next().unwrap_or_default().to_string();
    find(&b, &format!("idt:{id}:not-its-secret")).await;
    b.find("[data-testid=find-none]").await;
    // Another account's token (the Operations one) is no match either.
    find(&b, &sandbox.ops_token).await;
    b.find("[data-testid=find-none]").await;

    find(&b, &format!("Bearer {secret}")).await;
    assert_eq!(b.text("[data-testid=found-name]").await, "Leaked bot");
    b.expect_accessible("a found token").await;
    let everywhere = b
        .js("return location.href + JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie")
        .await;
    assert!(
        !everywhere.as_str().unwrap_or_default().contains(&secret_part),
        "the value is kept nowhere"
    );
    // Closing forgets the value and what it found.
    b.click_text("[data-testid=find-dialog][open] .dialog-actions .btn", "Close")
        .await;
    eventually("closed", 0, || b.count("dialog[open]")).await;
    b.click("[data-testid=find-by-value]").await;
    assert_eq!(
        b.value("[data-testid=find-dialog][open] [data-testid=find-value]")
            .await
            .as_deref(),
        Some("")
    );
    assert_eq!(b.count("[data-testid=find-found]").await, 0);

    find(&b, &secret).await;
    b.click("[data-testid=find-disable]").await;
    eventually("on the token", format!("/api-tokens/{id}/general"), || {
        b.path_and_query()
    })
    .await;
    eventually("disabled", "Disabled".to_string(), || {
        b.text(".details-head [data-testid=status-badge]")
    })
    .await;
    assert_eq!(
        sandbox.status_with(&secret).await,
        401,
        "the API refuses the leaked value"
    );
}
