//! The three browser engines the console is tested in, and how each one's
//! WebDriver is started: Chromium (ChromeDriver), Firefox ESR (geckodriver)
//! and WebKit (WebKitWebDriver driving WebKitGTK's MiniBrowser on a private
//! Xvfb display).

use std::process::{Child, Command, Stdio};

/// A browser engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// Chromium: Chrome, Edge.
    Chromium,
    /// Firefox ESR.
    Firefox,
    /// WebKitGTK: Safari's engine.
    WebKit,
}

fn env_or(var: &str, default: &str) -> String {
    std::env::var(var).unwrap_or_else(|_| default.into())
}

fn object(v: serde_json::Value) -> serde_json::Map<String, serde_json::Value> {
    match v {
        serde_json::Value::Object(m) => m,
        _ => serde_json::Map::new(),
    }
}

/// A private X display for a browser that needs one, stopped when dropped.
pub struct Display {
    child: Child,
    /// `:N`
    pub name: String,
}

impl Display {
    /// Starts Xvfb on the first free display number from 90.
    fn start() -> Display {
        for n in 90..190 {
            if std::path::Path::new(&format!("/tmp/.X{n}-lock")).exists() {
                continue;
            }
            let mut child = Command::new(env_or("XVFB", "Xvfb"))
                .args([
                    format!(":{n}"),
                    "-screen".into(),
                    "0".into(),
                    "1280x900x24".into(),
                    "-nolisten".into(),
                    "tcp".into(),
                ])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("Xvfb starts (scripts/setup.sh --browser installs it)");
            for _ in 0..50 {
                if std::path::Path::new(&format!("/tmp/.X11-unix/X{n}")).exists() {
                    return Display {
                        child,
                        name: format!(":{n}"),
                    };
                }
                if let Ok(Some(_)) = child.try_wait() {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
        panic!("no free X display for WebKit");
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Engine {
    /// A short name, as test names carry it.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::WebKit => "webkit",
        }
    }

    /// Starts this engine's WebDriver on `port` with `env` added; the display
    /// it draws on, when it needs one.
    pub fn driver(self, port: u16, env: &[(&str, &str)]) -> (Child, Option<Display>) {
        let (program, args, display) = match self {
            Engine::Chromium => (
                env_or("CHROMEDRIVER", "chromedriver"),
                vec![format!("--port={port}")],
                None,
            ),
            Engine::Firefox => (
                env_or("GECKODRIVER", "geckodriver"),
                vec!["--port".into(), port.to_string()],
                None,
            ),
            Engine::WebKit => (
                env_or("WEBKIT_WEBDRIVER", "WebKitWebDriver"),
                vec![format!("--port={port}")],
                Some(Display::start()),
            ),
        };
        let mut cmd = Command::new(&program);
        cmd.args(&args).stdout(Stdio::null()).stderr(Stdio::null());
        if let Some(d) = &display {
            cmd.env("DISPLAY", &d.name);
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("{program} starts (scripts/setup.sh --browser installs it): {e}"));
        (child, display)
    }

    /// The session's capabilities.
    pub fn capabilities(self) -> serde_json::Map<String, serde_json::Value> {
        object(match self {
            Engine::Chromium => serde_json::json!({
                "browserName": "chrome",
                // Console messages and CSP reports, read back by Browser::console_problems.
                "goog:loggingPrefs": {"browser": "ALL"},
                "goog:chromeOptions": {
                    "binary": env_or("CHROME_BIN", "/usr/bin/chromium"),
                    "args": [
                        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-quic", "--no-first-run", "--window-size=1280,900"
                    ]
                }
            }),
            Engine::Firefox => serde_json::json!({
                "browserName": "firefox",
                "moz:firefoxOptions": {
                    "binary": env_or("FIREFOX_BIN", "/usr/bin/firefox-esr"),
                    "args": ["-headless", "--width=1280", "--height=900"],
                    "prefs": {
                        // No background traffic to hosts this machine cannot reach.
                        "app.update.enabled": false,
                        "browser.shell.checkDefaultBrowser": false,
                        "datareporting.policy.dataSubmissionEnabled": false,
                        "network.captive-portal-service.enabled": false,
                        "network.connectivity-service.enabled": false,
                        "browser.safebrowsing.malware.enabled": false,
                        "browser.safebrowsing.phishing.enabled": false
                    }
                }
            }),
            Engine::WebKit => serde_json::json!({
                "browserName": "MiniBrowser",
                "webkitgtk:browserOptions": {
                    "binary": env_or("MINIBROWSER", "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"),
                    "args": ["--automation"]
                }
            }),
        })
    }
}
