//! The Add API token wizard.

use crate::images;
use crate::support::{eventually, Browser, Sandbox};
use base64::Engine;
use std::path::Path;

async fn pick_file(b: &Browser, path: &Path) {
    b.find("[data-testid=logo-input]")
        .await
        .send_keys(path.to_str().unwrap())
        .await
        .expect("choose file");
}

async fn fill_name(b: &Browser, name: &str, description: &str) {
    b.find("[data-testid=name-input]")
        .await
        .send_keys(name)
        .await
        .expect("name");
    if !description.is_empty() {
        b.find("[data-testid=description-input]")
            .await
            .send_keys(description)
            .await
            .expect("description");
    }
}

async fn check_module(b: &Browser, id: &str) {
    b.click(&format!("[data-testid=module-checkbox][value={id}]")).await;
}

async fn click(b: &Browser, testid: &str) {
    b.click(&format!("[data-testid={testid}]")).await;
}

async fn current_step(b: &Browser) -> String {
    b.js("const s = document.querySelector('[data-testid=stepper] [aria-current=step]'); return s ? s.textContent : ''")
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

async fn expect_step(b: &Browser, step: &str) {
    eventually("wizard step", step.to_string(), || current_step(b)).await;
}

async fn tokens_named(sandbox: &Sandbox, name: &str) -> Vec<serde_json::Value> {
    let q = rql::Query {
        filter: Some(rql::Expr::eq("name", name)),
        ..Default::default()
    };
    let body = sandbox
        .api_get(&format!(
            "/public/v1/accounts/api-tokens?{}",
            q.to_query_string().unwrap()
        ))
        .await;
    body["data"].as_array().unwrap().clone()
}

async fn fetch_icon(sandbox: &Sandbox, path: &str) -> (String, Vec<u8>) {
    let res = reqwest::get(format!("{}/public{path}", sandbox.url))
        .await
        .expect("icon");
    assert_eq!(res.status(), 200);
    let ct = res.headers()["content-type"].to_str().unwrap().to_string();
    (ct, res.bytes().await.unwrap().to_vec())
}

#[tokio::test]
async fn a_token_with_a_logo_and_two_modules_is_created_and_its_value_works() {
    let sandbox = Sandbox::start();
    let dir = tempfile::tempdir().unwrap();
    let logo = images::file(dir.path(), "wide.png", &images::png(600, 300));
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens", &sandbox.token).await;
    b.find("[data-testid=token-row]").await;
    click(&b, "add-token").await;
    eventually("wizard url", "/api-tokens/new".to_string(), || b.path_and_query()).await;
    expect_step(&b, "1. General").await;

    pick_file(&b, &logo).await;
    b.find("[data-testid=logo-preview]").await;
    fill_name(&b, "Wizard bot", "Made by the wizard").await;
    click(&b, "wizard-next").await;
    expect_step(&b, "2. Modules").await;
    check_module(&b, "MOD-1255").await;
    check_module(&b, "MOD-1310").await;
    click(&b, "wizard-next").await;
    expect_step(&b, "3. Overview").await;
    assert_eq!(b.text("[data-testid=overview-name]").await, "Wizard bot");
    assert_eq!(b.text("[data-testid=overview-description]").await, "Made by the wizard");
    let modules = b
        .js("return Array.from(document.querySelectorAll('[data-testid=overview-module]')).map(e => e.textContent)")
        .await;
    assert_eq!(
        modules,
        serde_json::json!(["Access management MOD-1255", "Marketplace MOD-1310"])
    );
    b.find("[data-testid=overview-logo]").await;

    // A step can be revisited and everything is still there.
    click(&b, "step-general").await;
    assert_eq!(b.value("[data-testid=name-input]").await.as_deref(), Some("Wizard bot"));
    click(&b, "wizard-next").await;
    click(&b, "wizard-next").await;

    click(&b, "wizard-add").await;
    let id = b.text("[data-testid=summary-id]").await;
    assert_eq!(b.text("[data-testid=summary-name]").await, "Wizard bot");
    assert_eq!(
        b.text("[data-testid=secret-value]").await,
        "••••••••••••••••••••••••••••••••"
    );

    let token = sandbox.api_get(&format!("/public/v1/accounts/api-tokens/{id}")).await;
    assert_eq!(token["name"], "Wizard bot");
    assert_eq!(token["description"], "Made by the wizard");
    assert_eq!(token["status"], "Active");
    let ids: Vec<&str> = token["modules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["MOD-1255", "MOD-1310"]);
    let (ct, bytes) = fetch_icon(&sandbox, token["icon"].as_str().unwrap()).await;
    assert_eq!(ct, "image/png");
    assert_eq!(
        images::png_size(&bytes),
        (256, 128),
        "scaled to 256 px on the longer side"
    );

    // The copied value works against the API.
    b.grant_clipboard().await;
    click(&b, "copy-secret").await;
    eventually("copied", token["token"].as_str().unwrap().to_string(), || b.clipboard()).await;
    let copied = b.clipboard().await;
    assert_eq!(sandbox.status_with(&copied).await, 200);

    click(&b, "summary-details").await;
    eventually("details", format!("/api-tokens/{id}/general"), || b.path_and_query()).await;
    assert_eq!(b.text("[data-testid=details-name]").await, "Wizard bot");
    let img = b.find(".details-head [data-testid=avatar-img]").await;
    assert!(img
        .attr("src")
        .await
        .unwrap()
        .unwrap()
        .ends_with(token["icon"].as_str().unwrap()));
}

#[tokio::test]
async fn every_unacceptable_file_is_refused_at_the_field_and_changes_nothing() {
    let sandbox = Sandbox::start();
    let dir = tempfile::tempdir().unwrap();
    let good = images::png(40, 40);
    let mut truncated = images::png(300, 300);
    truncated.truncate(truncated.len() / 2);
    let mut huge = images::png(8, 8);
    huge.resize(6 * 1024 * 1024, 0);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "logo.svg",
            b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".to_vec(),
            "not a PNG or JPEG",
        ),
        (
            "logo.gif",
            b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec(),
            "not a PNG or JPEG",
        ),
        ("notes.png", b"just some text, renamed".to_vec(), "not a PNG or JPEG"),
        ("broken.png", truncated, "damaged"),
        ("huge.png", huge, "at most 5 MB"),
        ("empty.png", Vec::new(), "empty"),
    ];
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens/new", &sandbox.token).await;
    b.find("[data-testid=logo-drop-zone]").await;
    for (name, bytes, expected) in &cases {
        pick_file(&b, &images::file(dir.path(), name, bytes)).await;
        eventually(&format!("{name} refused"), true, || async {
            b.text("[data-testid=logo-error]").await.contains(expected)
        })
        .await;
        assert_eq!(
            b.js("return document.querySelectorAll('[data-testid=logo-preview]').length")
                .await,
            0,
            "{name}"
        );
    }
    // A good logo is kept when a bad file follows it.
    pick_file(&b, &images::file(dir.path(), "good.png", &good)).await;
    b.find("[data-testid=logo-preview]").await;
    let src = b.find("[data-testid=logo-preview]").await.attr("src").await.unwrap();
    pick_file(&b, &images::file(dir.path(), "bad.gif", b"GIF89a....")).await;
    eventually("refused", true, || async {
        b.text("[data-testid=logo-error]").await.contains("not a PNG")
    })
    .await;
    assert_eq!(
        b.find("[data-testid=logo-preview]").await.attr("src").await.unwrap(),
        src
    );
    // And it can be removed.
    click(&b, "logo-remove").await;
    eventually("removed", 0, || b.count("[data-testid=logo-preview]")).await;
}

#[tokio::test]
async fn a_file_dropped_on_the_drop_area_becomes_the_logo() {
    let sandbox = Sandbox::start();
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens/new", &sandbox.token).await;
    b.find("[data-testid=logo-drop-zone]").await;
    let b64 = base64::engine::general_purpose::STANDARD.encode(images::jpeg(320, 200));
    b.js(&format!(
        "const bytes = Uint8Array.from(atob('{b64}'), c => c.charCodeAt(0));
         const file = new File([bytes], 'dropped.jpg', {{ type: 'image/jpeg' }});
         const dt = new DataTransfer(); dt.items.add(file);
         const zone = document.querySelector('[data-testid=logo-drop-zone]');
         for (const type of ['dragenter', 'dragover', 'drop']) {{
           zone.dispatchEvent(new DragEvent(type, {{ dataTransfer: dt, bubbles: true, cancelable: true }}));
         }}"
    ))
    .await;
    b.find("[data-testid=logo-preview]").await;
    fill_name(&b, "Dropped logo", "").await;
    click(&b, "wizard-next").await;
    check_module(&b, "MOD-1299").await;
    click(&b, "wizard-next").await;
    click(&b, "wizard-add").await;
    let id = b.text("[data-testid=summary-id]").await;
    let token = sandbox.api_get(&format!("/public/v1/accounts/api-tokens/{id}")).await;
    let (ct, bytes) = fetch_icon(&sandbox, token["icon"].as_str().unwrap()).await;
    assert_eq!(ct, "image/jpeg");
    assert!(bytes.starts_with(&[0xFF, 0xD8, 0xFF]));
}

#[tokio::test]
async fn next_is_gated_by_the_checks_and_a_double_add_creates_one_token() {
    let sandbox = Sandbox::start();
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens/new", &sandbox.token).await;
    click(&b, "wizard-next").await;
    assert!(b.text("[data-testid=name-error]").await.contains("Enter a name"));
    expect_step(&b, "1. General").await;
    fill_name(&b, "Only once", "").await;
    // Enter in the name field submits the step.
    b.find("[data-testid=name-input]")
        .await
        .send_keys(&fantoccini::key::Key::Enter.to_string())
        .await
        .unwrap();
    expect_step(&b, "2. Modules").await;
    click(&b, "wizard-next").await;
    assert!(b.text("[data-testid=modules-error]").await.contains("at least one"));
    expect_step(&b, "2. Modules").await;
    check_module(&b, "MOD-1255").await;
    click(&b, "wizard-next").await;
    expect_step(&b, "3. Overview").await;
    b.js("const a = document.querySelector('[data-testid=wizard-add]'); a.click(); a.click(); a.click();")
        .await;
    b.find("[data-testid=summary-id]").await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(tokens_named(&sandbox, "Only once").await.len(), 1);
    // The Summary cannot go back to add again.
    assert_eq!(
        b.js("return document.querySelectorAll('[data-testid=wizard-add], [data-testid=wizard-back]').length")
            .await,
        0
    );
    click(&b, "summary-close").await;
    eventually("list", "/api-tokens".to_string(), || b.path_and_query()).await;
    let first = tokens_named(&sandbox, "Only once").await;
    eventually("list shows the new token", true, || async {
        b.row_ids()
            .await
            .contains(&first[0]["id"].as_str().unwrap().to_string())
    })
    .await;
}

#[tokio::test]
async fn closing_with_entered_data_asks_first() {
    let sandbox = Sandbox::start();
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens?q=robot", &sandbox.token).await;
    b.find("[data-testid=token-row]").await;
    click(&b, "add-token").await;
    fill_name(&b, "Half done", "").await;
    click(&b, "wizard-close").await;
    b.find("[data-testid=discard-dialog][open]").await;
    b.click("[data-testid=discard-dialog][open] button.btn").await;
    assert_eq!(b.value("[data-testid=name-input]").await.as_deref(), Some("Half done"));
    click(&b, "wizard-close").await;
    b.click("[data-testid=discard-dialog][open] [data-testid=confirm]")
        .await;
    eventually("back to the list as it was", "/api-tokens?q=robot".to_string(), || {
        b.path_and_query()
    })
    .await;
    assert!(tokens_named(&sandbox, "Half done").await.is_empty());
}

#[tokio::test]
async fn a_401_while_adding_signs_in_again_and_keeps_every_value_logo_included() {
    let sandbox = Sandbox::start();
    let dir = tempfile::tempdir().unwrap();
    let (session_id, session_secret) = sandbox.create_token("Wizard session").await;
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens/new", &session_secret).await;
    pick_file(&b, &images::file(dir.path(), "logo.png", &images::png(64, 64))).await;
    b.find("[data-testid=logo-preview]").await;
    fill_name(&b, "Survives sign-in", "Kept across a 401").await;
    click(&b, "wizard-next").await;
    check_module(&b, "MOD-1322").await;
    click(&b, "wizard-next").await;
    // The overview has read the modules' names: the next request is the Add.
    expect_step(&b, "3. Overview").await;
    b.find("[data-testid=overview-module]").await;

    sandbox.transition(&session_id, "disable").await;
    click(&b, "wizard-add").await;
    b.sign_in_again(&sandbox.token, 0).await;
    expect_step(&b, "3. Overview").await;
    assert_eq!(b.text("[data-testid=overview-name]").await, "Survives sign-in");
    assert_eq!(b.text("[data-testid=overview-description]").await, "Kept across a 401");
    b.find("[data-testid=overview-logo]").await;
    click(&b, "wizard-add").await;
    let id = b.text("[data-testid=summary-id]").await;
    let token = sandbox.api_get(&format!("/public/v1/accounts/api-tokens/{id}")).await;
    assert!(token["icon"].is_string());
    assert_eq!(token["modules"][0]["id"], "MOD-1322");
}

#[tokio::test]
async fn create_similar_prefills_description_logo_and_modules() {
    let sandbox = Sandbox::start();
    let icon = format!(
        "data:image/png;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(images::png(50, 50))
    );
    let res = reqwest::Client::new()
        .post(format!("{}/public/v1/accounts/api-tokens", sandbox.url))
        .bearer_auth(&sandbox.token)
        .json(
            &serde_json::json!({"name": "Original", "description": "Shared setup", "icon": icon,
            "modules": [{"id": "MOD-1340"}, {"id": "MOD-1389"}]}),
        )
        .send()
        .await
        .unwrap();
    let original: serde_json::Value = res.json().await.unwrap();
    let b = Browser::start().await;
    b.sign_in(
        &sandbox,
        &format!("/api-tokens/{}/general", original["id"].as_str().unwrap()),
        &sandbox.token,
    )
    .await;
    b.click(".details-head [data-testid=row-actions]").await;
    b.click(".details-head [role=menuitem]").await;
    eventually(
        "wizard",
        format!("/api-tokens/new?from={}", original["id"].as_str().unwrap()),
        || b.path_and_query(),
    )
    .await;
    eventually("description prefilled", Some("Shared setup".to_string()), || async {
        b.value("[data-testid=description-input]").await
    })
    .await;
    b.find("[data-testid=logo-preview]").await;
    assert_eq!(b.value("[data-testid=name-input]").await.as_deref(), Some(""));
    fill_name(&b, "Similar", "").await;
    click(&b, "wizard-next").await;
    click(&b, "wizard-next").await;
    click(&b, "wizard-add").await;
    let id = b.text("[data-testid=summary-id]").await;
    let copy = sandbox.api_get(&format!("/public/v1/accounts/api-tokens/{id}")).await;
    assert_eq!(copy["description"], "Shared setup");
    assert_eq!(copy["modules"], original["modules"]);
    assert!(copy["icon"].is_string() && copy["icon"] != original["icon"]);
}

#[tokio::test]
async fn logos_whose_path_needs_the_bearer_header_are_still_shown() {
    let sandbox = Sandbox::start_with(&["--private-icons"]);
    let icon = format!(
        "data:image/png;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(images::png(32, 32))
    );
    let res = reqwest::Client::new()
        .post(format!("{}/public/v1/accounts/api-tokens", sandbox.url))
        .bearer_auth(&sandbox.token)
        .json(&serde_json::json!({"name": "Private logo", "icon": icon, "modules": [{"id": "MOD-1255"}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens?q=Private%20logo", &sandbox.token)
        .await;
    eventually("logo fetched with the bearer header and shown", true, || async {
        b.js(
            "const i = document.querySelector('[data-testid=token-row] [data-testid=avatar-img]');
              return !!i && i.src.startsWith('blob:') && i.complete && i.naturalWidth === 32",
        )
        .await
        .as_bool()
        .unwrap_or(false)
    })
    .await;
}

#[tokio::test]
async fn a_network_failure_keeps_the_overview_with_a_retry() {
    let sandbox = Sandbox::start();
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens/new", &sandbox.token).await;
    fill_name(&b, "Offline attempt", "Entered before the network went away").await;
    click(&b, "wizard-next").await;
    check_module(&b, "MOD-1255").await;
    click(&b, "wizard-next").await;
    b.find("[data-testid=overview]").await;

    b.set_offline(true).await;
    click(&b, "wizard-add").await;
    eventually("error shown", true, || async {
        b.text("[data-testid=add-error]").await.contains("could not be reached")
    })
    .await;
    expect_step(&b, "3. Overview").await;
    assert_eq!(b.text("[data-testid=wizard-add]").await, "Retry: Add");
    assert!(tokens_named(&sandbox, "Offline attempt").await.is_empty());

    b.set_offline(false).await;
    click(&b, "wizard-add").await;
    b.find("[data-testid=summary-id]").await;
    let made = tokens_named(&sandbox, "Offline attempt").await;
    assert_eq!(made.len(), 1);
    assert_eq!(made[0]["description"], "Entered before the network went away");
}

#[tokio::test]
async fn a_logo_the_api_refuses_is_explained_and_the_token_can_be_added_without_it() {
    let sandbox = Sandbox::start_with(&["--no-data-url-icons"]);
    let dir = tempfile::tempdir().unwrap();
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens/new", &sandbox.token).await;
    pick_file(&b, &images::file(dir.path(), "logo.png", &images::png(64, 64))).await;
    b.find("[data-testid=logo-preview]").await;
    fill_name(&b, "Refused logo", "Kept through the refusal").await;
    click(&b, "wizard-next").await;
    check_module(&b, "MOD-1340").await;
    click(&b, "wizard-next").await;
    click(&b, "wizard-add").await;
    // Back at the logo, with the API's reason and a way on.
    expect_step(&b, "1. General").await;
    assert!(b.text("[data-testid=icon-error]").await.contains("data URLs"));
    assert!(b.text("[data-testid=form-error]").await.contains("Bad Request"));
    assert_eq!(
        b.value("[data-testid=name-input]").await.as_deref(),
        Some("Refused logo")
    );
    click(&b, "without-logo").await;
    let id = b.text("[data-testid=summary-id]").await;
    let token = sandbox.api_get(&format!("/public/v1/accounts/api-tokens/{id}")).await;
    assert!(token["icon"].is_null());
    assert_eq!(token["description"], "Kept through the refusal");
    assert_eq!(token["modules"][0]["id"], "MOD-1340");
}
