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
        let dist = match std::env::var_os("E2E_DIST") {
            Some(p) => PathBuf::from(p),
            None => {
                let dist = profile_dir().join("e2e-dist");
                run(
                    Command::new("trunk")
                        .current_dir(&root)
                        .arg("build")
                        .arg("--dist")
                        .arg(&dist),
                    "trunk build",
                );
                dist
            }
        };
        assert!(sandbox.is_file(), "no sandbox binary at {}", sandbox.display());
        assert!(
            dist.join("index.html").is_file(),
            "no console build in {}",
            dist.display()
        );
        Artifacts { sandbox, dist }
    })
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
        let a = artifacts();
        let dir = tempfile::tempdir().expect("a temporary folder");
        let admin_token = format!("e2e-admin-{}", std::process::id());
        let mut child = Command::new(&a.sandbox)
            .arg("--listen")
            .arg("127.0.0.1:0")
            .arg("--db")
            .arg(dir.path().join("sandbox.db"))
            .arg("--dist")
            .arg(&a.dist)
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
    /// The WebDriver client.
    pub client: Client,
}

fn capabilities() -> serde_json::Map<String, serde_json::Value> {
    let caps = serde_json::json!({
        "browserName": "chrome",
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
        Browser { driver, client }
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
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
