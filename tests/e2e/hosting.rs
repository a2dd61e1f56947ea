//! The console as a static host serves it: security headers, caching, and
//! deployment under a sub-path. (The guard on console errors and CSP
//! reports is tested in every engine, in `engines.rs`.)

use crate::support::{chunks_in, eventually, sub_path_dist, Browser, Sandbox};

async fn head(url: &str) -> reqwest::header::HeaderMap {
    let res = reqwest::get(url).await.expect("request");
    assert!(res.status().is_success(), "{url}: {}", res.status());
    res.headers().clone()
}

fn header(h: &reqwest::header::HeaderMap, name: &str) -> String {
    h.get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn pages_carry_a_strict_csp_and_the_right_caching() {
    let sandbox = Sandbox::start();
    let page = head(&format!("{}/api-tokens/TKN-0000-0000-0001", sandbox.url)).await;
    let csp = header(&page, "content-security-policy");
    for directive in [
        "default-src 'none'",
        "script-src 'self' 'wasm-unsafe-eval' 'sha256-",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ] {
        assert!(csp.contains(directive), "CSP lacks {directive}: {csp}");
    }
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"),
        "{csp}"
    );
    assert_eq!(header(&page, "x-content-type-options"), "nosniff");
    assert_eq!(header(&page, "referrer-policy"), "no-referrer");
    assert!(header(&page, "permissions-policy").contains("camera=()"));
    assert_eq!(
        header(&page, "strict-transport-security"),
        "max-age=63072000; includeSubDomains"
    );
    assert_eq!(header(&page, "cache-control"), "no-cache");
    assert_eq!(
        header(&head(&format!("{}/config.json", sandbox.url)).await, "cache-control"),
        "no-cache"
    );

    // The hashed wasm and script may be cached for good.
    let html = reqwest::get(&sandbox.url)
        .await
        .expect("index")
        .text()
        .await
        .expect("html");
    let wasm = html
        .split(['"', '\''])
        .find(|s| s.ends_with("_bg.wasm"))
        .expect("index.html names the wasm");
    let asset = head(&format!("{}{wasm}", sandbox.url)).await;
    assert_eq!(header(&asset, "cache-control"), "public, max-age=31536000, immutable");
    assert_eq!(header(&asset, "content-type"), "application/wasm");
    // No <base> element: the CSP's base-uri 'none' would refuse it.
    assert!(!html.contains("<base"), "{html}");
}

#[tokio::test]
async fn the_console_runs_under_a_sub_path() {
    let sandbox = Sandbox::start_serving(sub_path_dist());
    let browser = Browser::start().await;
    browser.sign_in(&sandbox, "/console/", &sandbox.token).await;
    browser.find("[data-testid=token-row]").await;
    eventually("the list under /console", "/console/api-tokens".to_string(), || async {
        browser.path_and_query().await
    })
    .await;

    // Every chunk is downloaded ahead of need, from under /console/ too.
    eventually("every chunk prefetched", chunks_in(sub_path_dist()), || {
        browser.fetched_chunks()
    })
    .await;

    // Links and reloads stay under the sub-path.
    let id = browser.row_ids().await.first().cloned().expect("a row");
    browser
        .click(&format!("[data-testid=token-row][data-id='{id}'] a"))
        .await;
    let details = format!("/console/api-tokens/{id}/general");
    eventually("the details under /console", details.clone(), || async {
        browser.path_and_query().await
    })
    .await;
    browser.client.refresh().await.expect("reload");
    assert_eq!(browser.text("[data-testid=details-id]").await, id);
    assert_eq!(browser.path_and_query().await, details);

    // The page's assets and config come from under /console/ too.
    let html = reqwest::get(format!("{}/console/", sandbox.url))
        .await
        .expect("index")
        .text()
        .await
        .expect("html");
    assert!(html.contains("'/console/tokens-console-"), "{html}");
    assert!(
        html.contains(r#"<meta name="tokens-console-base" content="/console/">"#),
        "{html}"
    );
}
