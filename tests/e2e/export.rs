//! Export: every page of the current filter, in the list's order, as CSV
//! or JSON; metadata only, formulas neutralised.

use crate::support::{eventually, Browser, Sandbox};

/// Keeps each Blob the console hands to `URL.createObjectURL`.
const CAPTURE: &str = "window.__exports = []; const make = URL.createObjectURL; \
    URL.createObjectURL = b => { window.__exports.push(b); return make.call(URL, b); };";

/// The text of the `n`th file exported.
async fn exported(b: &Browser, n: usize) -> String {
    eventually("a file", true, || async {
        b.js(&format!("return window.__exports.length > {n}")).await == serde_json::json!(true)
    })
    .await;
    b.js(&format!("window.__exports[{n}].text().then(t => window.__text{n} = t)"))
        .await;
    eventually("its text", true, || async {
        b.js(&format!("return typeof window.__text{n} === 'string'")).await == serde_json::json!(true)
    })
    .await;
    b.js(&format!("return window.__text{n}"))
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Every id the token list returns for `filter` in the list's order, read
/// a page of 100 (the most the API gives) at a time.
async fn all_ids(sandbox: &Sandbox, filter: &str) -> Vec<String> {
    let mut ids = Vec::new();
    loop {
        let query = format!(
            "{filter}&order=-audit.created.at,name&select=audit&limit=100&offset={}",
            ids.len()
        );
        let page = sandbox.api_ids(&query).await;
        if page.is_empty() {
            return ids;
        }
        ids.extend(page);
    }
}

#[tokio::test]
async fn csv_and_json_hold_every_page_of_the_filter_and_no_token_value() {
    let sandbox = Sandbox::start_with(&["--bulk-tokens", "230"]);
    let (formula, secret) = sandbox.create_token("=HYPERLINK(\"http://x\",\"Bulk\")").await;
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens?q=Bulk", &sandbox.token).await;
    b.find("[data-testid=token-row]").await;
    b.js(CAPTURE).await;

    b.click("[data-testid=export]").await;
    b.find("[data-testid=export-dialog][open]").await;
    b.expect_accessible("export dialog").await;
    b.click("[data-testid=export-dialog][open] [data-testid=confirm]").await;
    let csv = exported(&b, 0).await;
    let expected = all_ids(&sandbox, "ilike(name,*Bulk*)").await;
    assert!(expected.len() > 100, "more than one page: {}", expected.len());
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert!(lines[0].ends_with("ID,Name,Description,Status,Module IDs,Modules,Created at,Created by,Last access at"));
    let ids: Vec<String> = lines[1..]
        .iter()
        .map(|l| l.split(',').next().unwrap_or_default().to_string())
        .collect();
    assert_eq!(ids, expected, "every row of the filter, in the list's order");
    let row = lines.iter().find(|l| l.starts_with(&formula)).expect("the formula row");
    assert!(
        row.starts_with(&format!("{formula},\"'=HYPERLINK(\"\"http://x\"\",\"\"Bulk\"\")\",")),
        "{row}"
    );
    assert!(!csv.contains(&secret) && !csv.contains("idt:"), "no token value");
    eventually("dialog closed", 0, || b.count("dialog[open]")).await;

    b.open(&sandbox, "/api-tokens?status=Disabled").await;
    b.find("[data-testid=token-row]").await;
    b.js(CAPTURE).await;
    b.click("[data-testid=export]").await;
    b.click("[data-testid=export-dialog][open] input[value=JSON]").await;
    b.click("[data-testid=export-dialog][open] [data-testid=confirm]").await;
    let json: serde_json::Value = serde_json::from_str(&exported(&b, 0).await).expect("JSON");
    let ids: Vec<String> = json
        .as_array()
        .expect("an array")
        .iter()
        .map(|t| t["id"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(ids, all_ids(&sandbox, "eq(status,Disabled)").await);
    assert!(json[0].get("token").is_none(), "no token value");
    assert!(json[0]["moduleIds"].is_array());
}

/// Holds back every request for a page after the first by 2 s, and keeps
/// the offsets asked for.
const SLOW_PAGES: &str = "window.__offsets = []; const real = window.fetch; \
    window.fetch = (input, init) => { const url = new URL(input.url || input, location.href); \
      const offset = Number(url.searchParams.get('offset') || 0); \
      if (url.pathname.endsWith('/api-tokens')) window.__offsets.push(offset); \
      return offset > 0 ? new Promise(r => setTimeout(r, 2000)).then(() => real(input, init)) : real(input, init); };";

#[tokio::test]
async fn cancelling_an_export_stops_the_reading_and_saves_nothing() {
    let sandbox = Sandbox::start_with(&["--bulk-tokens", "230"]);
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens?q=Bulk", &sandbox.token).await;
    b.find("[data-testid=token-row]").await;
    b.js(CAPTURE).await;
    b.js(SLOW_PAGES).await;

    b.click("[data-testid=export]").await;
    b.click("[data-testid=export-dialog][open] [data-testid=confirm]").await;
    eventually("the first page read", true, || async {
        b.text("[data-testid=export-progress]")
            .await
            .starts_with("Read 100 of ")
    })
    .await;
    b.click("[data-testid=export-dialog][open] [data-testid=cancel]").await;
    eventually("dialog closed", 0, || b.count("dialog[open]")).await;
    // The page being read arrives, and then nothing more is asked or saved.
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    let offsets = b.js("return window.__offsets").await;
    assert_eq!(offsets, serde_json::json!([0, 100]), "no page after the one being read");
    assert_eq!(
        b.js("return window.__exports.length").await,
        serde_json::json!(0),
        "nothing saved"
    );

    // The next export starts afresh and runs to the end.
    b.click("[data-testid=export]").await;
    b.click("[data-testid=export-dialog][open] [data-testid=confirm]").await;
    assert!(exported(&b, 0).await.lines().count() > 200);
}
