//! One browser session per test, in any of the three engines; the
//! session, the driver (and the display WebKit draws on) end when dropped.

use super::engine::{Display, Engine};
use super::{free_port, Sandbox, UI_TIMEOUT};
use fantoccini::{Client, ClientBuilder, Locator};
use std::process::Child;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A WebDriver session and its driver.
pub struct Browser {
    driver: Child,
    _display: Option<Display>,
    pub(super) webdriver: String,
    pub(super) session: Option<String>,
    /// Which engine this is.
    pub engine: Engine,
    /// Base URLs of the sandboxes this browser opened (their CSP reports are checked).
    pub(super) visited: Mutex<Vec<String>>,
    /// What the page guard found on pages since left.
    pub(super) found: Mutex<Vec<String>>,
    /// How many CSP reports of each visited sandbox were already read.
    pub(super) csp_seen: Mutex<std::collections::HashMap<String, usize>>,
    /// The WebDriver client.
    pub client: Client,
}

impl Browser {
    /// A Chromium session.
    pub async fn start() -> Browser {
        Self::start_in(Engine::Chromium).await
    }

    /// A session of `engine`.
    pub async fn start_in(engine: Engine) -> Browser {
        Self::launch(engine, &[]).await
    }

    /// A session of `engine` whose driver (and so its browser) runs with `env`
    /// added (WebKit takes its language from the locale).
    pub async fn launch(engine: Engine, env: &[(&str, &str)]) -> Browser {
        let port = free_port();
        let (driver, display) = engine.driver(port, env);
        let webdriver = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(40);
        let client = loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(engine.capabilities())
                .connect(&webdriver)
                .await
            {
                Ok(c) => break c,
                Err(e) if Instant::now() < deadline => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Err(e) => panic!("no {} WebDriver session: {e}", engine.name()),
            }
        };
        if engine == Engine::WebKit {
            let _ = client.set_window_size(1280, 900).await;
        }
        let session = client.session_id().await.ok().flatten().map(|s| s.to_string());
        Browser {
            driver,
            _display: display,
            webdriver,
            session,
            engine,
            visited: Mutex::new(Vec::new()),
            found: Mutex::new(Vec::new()),
            csp_seen: Mutex::new(Default::default()),
            client,
        }
    }
}

impl Drop for Browser {
    /// Ends the session (the driver then quits the browser; killing only the
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
        let deadline = Instant::now() + UI_TIMEOUT;
        loop {
            match self.client.find(Locator::Css(css)).await {
                Ok(element) => return element,
                Err(e) if Instant::now() < deadline && not_there_yet(&e) => {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => panic!("no element {css}: {e}"),
            }
        }
    }

    /// Opens `path` (with its query) of the sandbox's console.
    pub async fn open(&self, sandbox: &Sandbox, path: &str) {
        self.open_at(&sandbox.url, path).await;
    }

    /// Opens `path` of the console served at `base` (`http://127.0.0.1:PORT`).
    pub async fn open_at(&self, base: &str, path: &str) {
        self.leave_page().await;
        self.client
            .goto(&format!("{base}{path}"))
            .await
            .unwrap_or_else(|e| panic!("navigate to {path}: {e}"));
        self.arrived(base).await;
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
        self.sign_in_at(&sandbox.url, path, token).await;
    }

    /// [`Browser::sign_in`] on the console served at `base`.
    pub async fn sign_in_at(&self, base: &str, path: &str, token: &str) {
        self.open_at(base, path).await;
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

/// Whether a failed lookup may succeed if asked again: the element is not
/// there yet, or WebKitWebDriver ran its lookup while the page was changing
/// and answered "Could not parse element info" (seen once in CI, at the
/// wizard's first field just after signing in).
fn not_there_yet(e: &fantoccini::error::CmdError) -> bool {
    match e {
        fantoccini::error::CmdError::Standard(w) => {
            w.error == fantoccini::error::ErrorStatus::NoSuchElement
                || w.message.contains("Could not parse element info")
        }
        _ => false,
    }
}
