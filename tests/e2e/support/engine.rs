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
    /// Starts Xvfb on a display number it picks itself (`-displayfd`), so
    /// tests starting displays at the same time never share one: a shared
    /// display would vanish under one test when the other one ends.
    fn start() -> Display {
        use std::io::BufRead;
        let mut child = Command::new(env_or("XVFB", "Xvfb"))
            .args(["-displayfd", "1", "-screen", "0", "1280x900x24", "-nolisten", "tcp"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb starts (scripts/setup.sh --browser installs it)");
        let mut number = String::new();
        if let Some(out) = child.stdout.take() {
            // Xvfb writes the number once it accepts connections.
            let _ = std::io::BufReader::new(out).read_line(&mut number);
        }
        let number = number.trim();
        assert!(!number.is_empty(), "Xvfb found no free display for WebKit");
        Display {
            name: format!(":{number}"),
            child,
        }
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        // SIGTERM, so Xvfb removes its lock file and socket (SIGKILL would
        // leave them and use up display numbers run after run).
        let _ = Command::new("kill").arg(self.child.id().to_string()).status();
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
