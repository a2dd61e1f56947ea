//! The e2e harness: build artefacts once, a sandbox per test, a browser per test.

use fantoccini::{Client, ClientBuilder, Locator};
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// How long to wait for the console to show something.
pub const UI_TIMEOUT: Duration = Duration::from_secs(20);

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `target/<profile>` of the running test binary (`…/deps/e2e-…`).
fn profile_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary knows its path");
    exe.parent()
        .and_then(Path::parent)
        .expect("test binary lives in target/<profile>/deps")
        .to_path_buf()
}

fn run(cmd: &mut Command, what: &str) {
    let status = cmd.status().unwrap_or_else(|e| panic!("could not run {what}: {e}"));
    assert!(status.success(), "{what} failed: {status}");
}

struct Artifacts {
    sandbox: PathBuf,
    dist: PathBuf,
}

/// Builds the sandbox and the console once per test run, unless the test
/// script already did and said where (`E2E_SANDBOX_BIN`, `E2E_DIST`).
fn artifacts() -> &'static Artifacts {
    static ARTIFACTS: OnceLock<Artifacts> = OnceLock::new();
    ARTIFACTS.get_or_init(|| {
        let root = workspace_root();
        let sandbox = match std::env::var_os("E2E_SANDBOX_BIN") {
            Some(p) => PathBuf::from(p),
            None => {
                run(
                    Command::new(env!("CARGO"))
                        .current_dir(&root)
                        .args(["build", "-p", "sandbox"]),
                    "cargo build -p sandbox",
                );
                profile_dir().join("sandbox")
            }
        };
        let dist = built_console("E2E_DIST", "e2e-dist", &[]);
        assert!(sandbox.is_file(), "no sandbox binary at {}", sandbox.display());
        assert!(
            dist.join("index.html").is_file(),
            "no console build in {}",
            dist.display()
        );
        Artifacts { sandbox, dist }
    })
}

/// The console built into `target/<profile>/<folder>` with extra trunk
/// arguments, unless the test script already did and named it in `env`.
fn built_console(env: &str, folder: &str, args: &[&str]) -> PathBuf {
    if let Some(p) = std::env::var_os(env) {
        return PathBuf::from(p);
    }
    let dist = profile_dir().join(folder);
    run(
        Command::new("trunk")
            .current_dir(workspace_root())
            .arg("build")
            .arg("--dist")
            .arg(&dist)
            .args(args),
        "trunk build",
    );
    dist
}

/// The console built for deployment under `/console/` (`trunk build --public-url /console/`).
pub fn sub_path_dist() -> &'static Path {
    static DIST: OnceLock<PathBuf> = OnceLock::new();
    DIST.get_or_init(|| built_console("E2E_DIST_CONSOLE", "e2e-dist-console", &["--public-url", "/console/"]))
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// A sandbox process with its own database, stopped when dropped.
pub struct Sandbox {
    child: Child,
    _dir: tempfile::TempDir,
    /// `http://127.0.0.1:PORT`
    pub url: String,
    /// The admin bearer token.
    pub admin_token: String,
}

impl Sandbox {
    /// Starts a freshly seeded sandbox serving the built console.
    pub fn start() -> Sandbox {
        Self::start_serving(&artifacts().dist)
    }

    /// The built console's folder, for tests that serve a modified copy.
    pub fn built_dist() -> &'static Path {
        &artifacts().dist
    }

    /// Starts a freshly seeded sandbox with extra command-line flags.
    pub fn start_with(flags: &[&str]) -> Sandbox {
        Self::launch(&artifacts().dist, flags)
    }

    /// Starts a freshly seeded sandbox serving the console from `dist`.
    pub fn start_serving(dist: &Path) -> Sandbox {
        Self::launch(dist, &[])
    }

    fn launch(dist: &Path, flags: &[&str]) -> Sandbox {
        let a = artifacts();
        let dir = tempfile::tempdir().expect("a temporary folder");
        let admin_token = format!("e2e-admin-{}", std::process::id());
        let mut child = Command::new(&a.sandbox)
            .arg("--listen")
            .arg("127.0.0.1:0")
            .arg("--db")
            .arg(dir.path().join("sandbox.db"))
            .arg("--dist")
            .arg(dist)
            .args(flags)
            .env("SANDBOX_ADMIN_TOKEN", &admin_token)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the sandbox starts");
        let stdout = child.stdout.take().expect("piped stdout");
        // Keep draining its output for its whole life: a closed pipe would kill it.
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(u) = line.strip_prefix("Sandbox listening on ") {
                    let _ = tx.send(u.trim().to_string());
                }
            }
        });
        let url = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("the sandbox printed its address");
        Sandbox {
            child,
            _dir: dir,
            url,
            admin_token,
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// ChromeDriver plus one headless Chromium session; both end when dropped.
pub struct Browser {
    driver: Child,
    webdriver: String,
    session: Option<String>,
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
    /// One WebDriver command over a plain blocking connection (usable in
    /// `Drop`); returns the raw HTTP reply.
    fn webdriver_blocking(&self, method: &str, path: &str, body: &str) -> std::io::Result<String> {
        use std::io::{Read, Write};
        let addr = self.webdriver.trim_start_matches("http://");
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        let mut stream = std::net::TcpStream::connect(addr)?;
        stream.set_read_timeout(Some(Duration::from_secs(20)))?;
        stream.write_all(request.as_bytes())?;
        // Read the headers, then exactly Content-Length bytes (ChromeDriver keeps the connection open).
        let mut bytes = Vec::new();
        let mut chunk = [0u8; 16 * 1024];
        loop {
            let n = stream.read(&mut chunk)?;
            if n == 0 {
                break;
            }
            bytes.extend_from_slice(&chunk[..n]);
            let text = String::from_utf8_lossy(&bytes);
            if let Some((head, body)) = text.split_once("\r\n\r\n") {
                let length = head
                    .lines()
                    .find_map(|l| {
                        l.to_ascii_lowercase()
                            .strip_prefix("content-length:")
                            .map(|v| v.trim().to_string())
                    })
                    .and_then(|v| v.parse::<usize>().ok());
                if length.is_some_and(|len| body.len() >= len) {
                    break;
                }
            }
        }
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// Entries of the browser's log that mean something is wrong: any CSP
    /// report, and any error except the network's own "failed to load" lines
    /// (which a test provoking 401s, faults or going offline expects).
    /// Reading the log empties it.
    pub fn console_problems_blocking(&self) -> Vec<String> {
        let Some(session) = self.session.as_deref() else {
            return vec!["no WebDriver session id".into()];
        };
        let reply = self.webdriver_blocking("POST", &format!("/session/{session}/se/log"), r#"{"type":"browser"}"#);
        let reply = match reply {
            Ok(r) => r,
            Err(e) => return vec![format!("reading the browser log: {e}")],
        };
        let json = reply.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or_default();
        let entries = serde_json::from_str::<serde_json::Value>(json)
            .ok()
            .and_then(|v| v.get("value").and_then(|v| v.as_array()).cloned());
        let Some(entries) = entries else {
            return vec![format!("the browser log could not be read: {reply}")];
        };
        entries
            .iter()
            .filter(|e| {
                let message = e["message"].as_str().unwrap_or_default();
                let csp = message.contains("Content Security Policy") || e["source"] == "security";
                let error = e["level"] == "SEVERE" && e["source"] != "network";
                csp || error
            })
            .map(|e| format!("{} {}: {}", e["level"], e["source"], e["message"]))
            .collect()
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

/// Polls `probe` until it returns `expected`, or fails with the last value seen.
pub async fn eventually<T, F, Fut>(what: &str, expected: T, mut probe: F)
where
    T: PartialEq + std::fmt::Debug,
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = T>,
{
    let deadline = Instant::now() + UI_TIMEOUT;
    loop {
        let got = probe().await;
        if got == expected {
            return;
        }
        if Instant::now() > deadline {
            panic!("{what}: expected {expected:?}, last saw {got:?}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

impl Sandbox {
    fn http(&self, method: reqwest::Method, path: &str, token: &str) -> reqwest::RequestBuilder {
        reqwest::Client::new()
            .request(method, format!("{}{path}", self.url))
            .bearer_auth(token)
    }

    /// `GET path` as the admin; the JSON body.
    pub async fn api_get(&self, path: &str) -> serde_json::Value {
        let res = self
            .http(reqwest::Method::GET, path, &self.admin_token)
            .send()
            .await
            .expect("API request");
        assert!(res.status().is_success(), "GET {path}: {}", res.status());
        res.json().await.expect("JSON")
    }

    /// The ids the token list returns for an RQL query string.
    pub async fn api_ids(&self, query: &str) -> Vec<String> {
        let body = self.api_get(&format!("/public/v1/accounts/api-tokens?{query}")).await;
        body["data"]
            .as_array()
            .expect("data")
            .iter()
            .filter_map(|t| t["id"].as_str().map(str::to_string))
            .collect()
    }

    /// Creates a token as the admin: `(id, secret)`.
    pub async fn create_token(&self, name: &str) -> (String, String) {
        let res = self
            .http(
                reqwest::Method::POST,
                "/public/v1/accounts/api-tokens",
                &self.admin_token,
            )
            .json(&serde_json::json!({"name": name, "modules": [{"id": "MOD-1255"}]}))
            .send()
            .await
            .expect("create");
        assert_eq!(res.status(), 201);
        let t: serde_json::Value = res.json().await.expect("JSON");
        (
            t["id"].as_str().expect("id").into(),
            t["token"].as_str().expect("token").into(),
        )
    }

    /// Runs `POST …/{id}/{verb}` (enable/disable) as the admin.
    pub async fn transition(&self, id: &str, verb: &str) {
        let path = format!("/public/v1/accounts/api-tokens/{id}/{verb}");
        let res = self
            .http(reqwest::Method::POST, &path, &self.admin_token)
            .send()
            .await
            .expect("transition");
        assert!(res.status().is_success(), "{verb}: {}", res.status());
    }

    /// The status an API call authenticated with `token` gets.
    pub async fn status_with(&self, token: &str) -> u16 {
        self.http(reqwest::Method::GET, "/public/v1/accounts/modules", token)
            .send()
            .await
            .expect("request")
            .status()
            .as_u16()
    }
}

impl Browser {
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

    /// Text of the first element matching `css` (waits for it; retries when
    /// the element is replaced while being read).
    pub async fn text(&self, css: &str) -> String {
        let deadline = Instant::now() + UI_TIMEOUT;
        loop {
            match self.find(css).await.text().await {
                Ok(t) => return t,
                Err(e) if Instant::now() > deadline => panic!("text of {css}: {e}"),
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            }
        }
    }

    /// The `value` property of the first element matching `css` (waits for it).
    pub async fn value(&self, css: &str) -> Option<String> {
        self.find(css).await.prop("value").await.expect("value property")
    }

    /// How many elements match `css` right now.
    pub async fn count(&self, css: &str) -> u64 {
        let script = format!("return document.querySelectorAll({}).length", serde_json::json!(css));
        self.js(&script).await.as_u64().expect("a count")
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
}

/// axe-core's browser bundle (npm, installed by scripts/setup.sh).
fn axe_source() -> &'static str {
    static SOURCE: OnceLock<String> = OnceLock::new();
    SOURCE.get_or_init(|| {
        let path = workspace_root().join("tools/node_modules/axe-core/axe.min.js");
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (scripts/setup.sh installs axe-core)", path.display()))
    })
}

impl Browser {
    /// Runs axe-core (WCAG 2.x A and AA rules plus best practices) on the
    /// page as it is now and returns one line per violation.
    pub async fn axe_violations(&self) -> Vec<String> {
        self.client
            .execute(&format!("if (!window.axe) {{ {} }} return true;", axe_source()), vec![])
            .await
            .expect("inject axe-core");
        let result = self
            .client
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                   axe.run(document, { resultTypes: ["violations"] })
                     .then(r => done(r.violations.map(v =>
                        `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(" ")).join(", ")}`)))
                     .catch(e => done(["axe failed: " + e]));"#,
                vec![],
            )
            .await
            .expect("run axe-core");
        result
            .as_array()
            .map(|a| a.iter().map(|v| v.as_str().unwrap_or_default().to_string()).collect())
            .unwrap_or_else(|| vec![format!("unexpected axe result {result}")])
    }

    /// Fails the test with axe-core's findings on the page as it is now.
    pub async fn expect_accessible(&self, what: &str) {
        let violations = self.axe_violations().await;
        assert!(
            violations.is_empty(),
            "{what}: axe-core found\n{}",
            violations.join("\n")
        );
    }
}

/// Keyboard-only driving: keys go to whatever has focus, as a person's would.
impl Browser {
    /// Presses and releases each key in turn (`Key` codes or plain characters).
    pub async fn keys(&self, keys: impl IntoIterator<Item = char>) {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        let mut actions = KeyActions::new("keyboard".into());
        for key in keys {
            actions = actions
                .then(KeyAction::Down { value: key })
                .then(KeyAction::Up { value: key });
        }
        self.client.perform_actions(actions).await.expect("key actions");
    }

    /// Presses one key.
    pub async fn press(&self, key: fantoccini::key::Key) {
        self.keys([char::from(key)]).await;
    }

    /// Whether the focused element matches `css`.
    pub async fn focused_is(&self, css: &str) -> bool {
        let css = serde_json::to_string(css).expect("selector as JSON");
        self.js(&format!(
            "const a = document.activeElement; return !!a && a.matches({css});"
        ))
        .await
        .as_bool()
        .unwrap_or(false)
    }

    /// Presses Tab until the focused element matches `css` (at most 60 times).
    pub async fn tab_to(&self, css: &str) {
        for _ in 0..60 {
            if self.focused_is(css).await {
                return;
            }
            self.press(fantoccini::key::Key::Tab).await;
        }
        let at = self
            .js("const a = document.activeElement; return a ? a.outerHTML.slice(0, 200) : null")
            .await;
        panic!("Tab never reached {css}; focus is on {at}");
    }
}
