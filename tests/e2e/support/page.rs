//! Reading and driving the page: rows, values, clipboard, network.

use super::{eventually, Browser, Sandbox, UI_TIMEOUT};
use std::time::{Duration, Instant};

impl Browser {
    /// The chunk files the page has downloaded so far (fetches the HTTP cache
    /// answered, and failed ones, are not counted), sorted.
    pub async fn fetched_chunks(&self) -> Vec<String> {
        let names = self
            .js("return performance.getEntriesByType('resource').filter(e => e.transferSize > 0 && e.responseStatus === 200).map(e => e.name.split('/').pop()).filter(n => n.endsWith('.wasm') && !n.startsWith('tokens-console-'))")
            .await;
        let mut names: Vec<String> = serde_json::from_value(names).unwrap_or_default();
        names.sort();
        names
    }

    /// Grants this page's origin clipboard read and write (WebDriver "Set Permission").
    pub async fn grant_clipboard(&self) {
        let session = self.client.session_id().await.expect("session").expect("a session id");
        for name in ["clipboard-read", "clipboard-write"] {
            let res = reqwest::Client::new()
                .post(format!("{}/session/{session}/permissions", self.webdriver))
                .json(&serde_json::json!({"descriptor": {"name": name}, "state": "granted"}))
                .send()
                .await
                .expect("permission request");
            assert!(res.status().is_success(), "granting {name}: {}", res.status());
        }
    }

    /// Takes the browser off the network, or back on (ChromeDriver's network conditions).
    pub async fn set_offline(&self, offline: bool) {
        let session = self.client.session_id().await.expect("session").expect("a session id");
        let res = reqwest::Client::new()
            .post(format!(
                "{}/session/{session}/chromium/network_conditions",
                self.webdriver
            ))
            .json(&serde_json::json!({"network_conditions": {
                "offline": offline, "latency": 0, "download_throughput": -1, "upload_throughput": -1
            }}))
            .send()
            .await
            .expect("network conditions request");
        assert!(res.status().is_success(), "network conditions: {}", res.status());
    }

    /// Runs a DevTools protocol command (ChromeDriver's `goog/cdp/execute`).
    pub async fn cdp(&self, cmd: &str, params: serde_json::Value) -> serde_json::Value {
        let session = self.client.session_id().await.expect("session").expect("a session id");
        let res = reqwest::Client::new()
            .post(format!("{}/session/{session}/goog/cdp/execute", self.webdriver))
            .json(&serde_json::json!({"cmd": cmd, "params": params}))
            .send()
            .await
            .expect("CDP request");
        assert!(res.status().is_success(), "CDP {cmd}: {}", res.status());
        let body: serde_json::Value = res.json().await.expect("CDP answer");
        body["value"].clone()
    }

    /// Emulates a phone's screen, `width` CSS pixels wide (Chromium only).
    pub async fn phone_width(&self, width: u32) {
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            serde_json::json!({"width": width, "height": 812, "deviceScaleFactor": 2, "mobile": true}),
        )
        .await;
    }

    /// How far the page scrolls sideways (0 when it fits the width).
    pub async fn sideways_overflow(&self) -> i64 {
        let v = self
            .js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            .await;
        v.as_i64().expect("a number")
    }

    /// What the clipboard holds, read through the page.
    pub async fn clipboard(&self) -> String {
        let v = self
            .client
            .execute_async(
                "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('ERROR: ' + e));",
                vec![],
            )
            .await
            .expect("script");
        v.as_str().unwrap_or_default().to_string()
    }

    /// The ids of the rows the list shows, in order.
    pub async fn row_ids(&self) -> Vec<String> {
        let v = self
            .client
            .execute(
                "return Array.from(document.querySelectorAll('[data-testid=token-row]')).map(r => r.dataset.id)",
                vec![],
            )
            .await
            .expect("script");
        serde_json::from_value(v).unwrap_or_default()
    }

    /// The statuses of the rows the list shows, in order.
    pub async fn row_statuses(&self) -> Vec<String> {
        let v = self
            .js("return Array.from(document.querySelectorAll('[data-testid=token-row]')).map(r => r.dataset.status)")
            .await;
        serde_json::from_value(v).unwrap_or_default()
    }

    /// The page's path and query.
    pub async fn path_and_query(&self) -> String {
        let url = self.client.current_url().await.expect("url");
        match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_string(),
        }
    }

    /// Waits until the list shows exactly the rows the API returns for `query`.
    pub async fn expect_rows(&self, sandbox: &Sandbox, query: &str) {
        let expected = sandbox.api_ids(query).await;
        eventually(&format!("rows for {query}"), expected, || self.row_ids()).await;
    }

    /// Reads `what` of the first element matching `css` with `read` (waits
    /// for it; finds it again when it is replaced while being read).
    async fn read<T, Fut>(&self, css: &str, what: &str, read: impl Fn(fantoccini::elements::Element) -> Fut) -> T
    where
        Fut: std::future::Future<Output = Result<T, fantoccini::error::CmdError>>,
    {
        let deadline = Instant::now() + UI_TIMEOUT;
        loop {
            match read(self.find(css).await).await {
                Ok(t) => return t,
                Err(e) if Instant::now() > deadline => panic!("{what} of {css}: {e}"),
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            }
        }
    }

    /// Text of the first element matching `css` (waits for it; retries when
    /// the element is replaced while being read).
    pub async fn text(&self, css: &str) -> String {
        self.read(css, "text", |el| async move { el.text().await }).await
    }

    /// The `value` property of the first element matching `css` (waits for
    /// it; retries when the element is replaced while being read).
    pub async fn value(&self, css: &str) -> Option<String> {
        self.read(css, "value property", |el| async move { el.prop("value").await })
            .await
    }

    /// How many elements match `css` right now.
    pub async fn count(&self, css: &str) -> u64 {
        let script = format!("return document.querySelectorAll({}).length", serde_json::json!(css));
        self.js(&script).await.as_u64().expect("a count")
    }

    /// In the open dialog `dialog` (a CSS selector) that asks for `typed`:
    /// checks that Delete waits for it, types it and confirms.
    pub async fn confirm_typed(&self, dialog: &str, typed: &str) {
        let open = format!("{dialog}[open]");
        assert_eq!(self.text(&format!("{open} [data-testid=typed-expected]")).await, typed);
        let confirm = format!("{open} [data-testid=confirm]");
        assert!(
            !self.find(&confirm).await.is_enabled().await.expect("enabled?"),
            "Delete waits for the typed text"
        );
        self.type_into(&format!("{open} [data-testid=typed-confirm]"), typed)
            .await;
        self.click(&confirm).await;
    }

    /// Clicks the first element matching `css` (waits for it).
    pub async fn click(&self, css: &str) {
        self.find(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Signs in with `token` in the dialog shown when the API refused the
    /// session's token, and waits until no dialog but `remaining` is open.
    pub async fn sign_in_again(&self, token: &str, remaining: u64) {
        let input = self.find("[data-testid=session-expired][open] #sign-in-token").await;
        input.send_keys(token).await.expect("type token");
        self.click("[data-testid=session-expired] button[type=submit]").await;
        eventually("sign-in dialog closed", remaining, || self.count("dialog[open]")).await;
    }

    /// Runs a script and returns its value.
    pub async fn js(&self, script: &str) -> serde_json::Value {
        self.client.execute(script, vec![]).await.expect("script")
    }

    /// Runs a script that returns strings, and returns them (whatever is
    /// not a string, or not in an array, is left out).
    pub async fn js_strings(&self, script: &str) -> Vec<String> {
        let value = self.js(script).await;
        value
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect()
    }

    /// Clicks the first element matching `css` whose text is `text` (waiting for one).
    pub async fn click_text(&self, css: &str, text: &str) {
        let deadline = Instant::now() + UI_TIMEOUT;
        loop {
            let items = self
                .client
                .find_all(fantoccini::Locator::Css(css))
                .await
                .unwrap_or_default();
            for item in items {
                if item.text().await.unwrap_or_default() == text {
                    item.click().await.unwrap_or_else(|e| panic!("click {text}: {e}"));
                    return;
                }
            }
            if Instant::now() > deadline {
                panic!("no {css} reading {text}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Opens the actions menu of the first row and chooses `entry`.
    pub async fn choose_row_action(&self, entry: &str) {
        self.click("[data-testid=token-row] [data-testid=row-actions]").await;
        self.click_text("[data-testid=token-row] [role=menuitem]", entry).await;
    }
}
