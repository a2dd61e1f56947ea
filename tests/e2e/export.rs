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
