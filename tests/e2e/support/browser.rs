//! ChromeDriver and one Chromium session per test.

use super::{free_port, Sandbox, UI_TIMEOUT};
use fantoccini::{Client, ClientBuilder, Locator};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// ChromeDriver plus one headless Chromium session; both end when dropped.
pub struct Browser {
    driver: Child,
    pub(super) webdriver: String,
    pub(super) session: Option<String>,
    /// The WebDriver client.
    pub client: Client,
}

fn capabilities() -> serde_json::Map<String, serde_json::Value> {
    let caps = serde_json::json!({
        "browserName": "chrome",
        // Console messages and CSP reports, read back by Browser::console_problems.
        "goog:loggingPrefs": {"browser": "ALL"},
        "goog:chromeOptions": {
            "binary": std::env::var("CHROME_BIN").unwrap_or_else(|_| "/usr/bin/chromium".into()),
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--window-size=1280,900"
            ]
        }
    });
    match caps {
        serde_json::Value::Object(m) => m,
        _ => unreachable!("a literal object"),
    }
}

impl Browser {
    /// Starts ChromeDriver on a free port and opens a session.
    pub async fn start() -> Browser {
        let port = free_port();
        let driver_bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let driver = Command::new(driver_bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts (scripts/setup.sh --browser installs it)");
        let webdriver = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        let client = loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(capabilities())
                .connect(&webdriver)
                .await
            {
                Ok(c) => break c,
                Err(e) if Instant::now() < deadline => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Err(e) => panic!("no WebDriver session: {e}"),
            }
        };
        let session = client.session_id().await.ok().flatten().map(|s| s.to_string());
        Browser {
            driver,
            webdriver,
            session,
            client,
        }
    }

    /// Waits for an element matching `css` and returns its text.
    pub async fn text_of(&self, css: &str) -> String {
        let el = self
            .client
            .wait()
            .at_most(UI_TIMEOUT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"));
        el.text().await.expect("element text")
    }
}

impl Drop for Browser {
    /// Ends the session (ChromeDriver then quits Chromium; killing only the
    /// driver would leave the browser running), stops the driver, and fails
    /// the test if the page logged an error or a CSP violation that the test
    /// did not expect (see [`Browser::console_problems_blocking`]).
    fn drop(&mut self) {
        let problems = if std::thread::panicking() {
            Vec::new()
        } else {
            self.console_problems_blocking()
        };
        if let Some(session) = self.session.as_deref() {
            let _ = self.webdriver_blocking("DELETE", &format!("/session/{session}"), "");
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        assert!(
            problems.is_empty(),
            "the page logged problems:\n{}",
            problems.join("\n")
        );
    }
}

impl Browser {
    /// Waits for an element matching `css`.
    pub async fn find(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(UI_TIMEOUT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
    }

    /// Opens `path` (with its query) of the sandbox's console.
    pub async fn open(&self, sandbox: &Sandbox, path: &str) {
        self.client
            .goto(&format!("{}{path}", sandbox.url))
            .await
            .unwrap_or_else(|e| panic!("navigate to {path}: {e}"));
    }

    /// Types `text` into the element matching `css` (waiting for it).
    pub async fn type_into(&self, css: &str, text: &str) {
        self.find(css)
            .await
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("type into {css}: {e}"));
    }

    /// Opens `path` of the sandbox and signs in with `token`, waiting for the list.
    pub async fn sign_in(&self, sandbox: &Sandbox, path: &str, token: &str) {
        self.client
            .goto(&format!("{}{path}", sandbox.url))
            .await
            .expect("navigate");
        let input = self.find("#sign-in-token").await;
        input.send_keys(token).await.expect("type token");
        self.find("[data-testid=sign-in-form] button[type=submit]")
            .await
            .click()
            .await
            .expect("submit");
    }

    /// Saves a PNG of the page (for looking at it while developing).
    pub async fn screenshot(&self, path: &str) {
        let png = self.client.screenshot().await.expect("screenshot");
        std::fs::write(path, png).expect("write screenshot");
    }
}
