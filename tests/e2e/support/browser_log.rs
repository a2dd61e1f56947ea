//! The guard on console errors and CSP violations, in every engine:
//! Chromium's own log; in Firefox and WebKit a watcher put into each page
//! (console.error, uncaught errors and rejections, the crash banner); and
//! in all three the CSP reports the sandbox collected from the pages it
//! served. Plain blocking HTTP, so that `Drop` can use it.

use super::engine::Engine;
use super::Browser;
use std::time::Duration;

/// Put into each page of Firefox and WebKit after it loads.
const WATCH: &str = "if (!window.__e2eGuard) {
    window.__e2eGuard = [];
    const push = (m) => window.__e2eGuard.push(String(m));
    const error = console.error.bind(console);
    console.error = (...a) => { push('console.error: ' + a.join(' ')); error(...a); };
    window.addEventListener('error', (e) => push('error: ' + e.message));
    window.addEventListener('unhandledrejection', (e) => push('unhandled rejection: ' + e.reason));
  }
  return true;";

/// What the watcher saw (emptying it), and whether the crash banner is up.
const READ: &str = "const g = (window.__e2eGuard || []).slice();
  if (window.__e2eGuard) window.__e2eGuard.length = 0;
  if (document.getElementById('crash-banner')) g.push('the crash banner is shown');
  return g;";

/// One HTTP request over a plain blocking connection to `base` (`http://host:port`);
/// the raw reply.
pub(super) fn http_blocking(base: &str, method: &str, path: &str, body: &str) -> std::io::Result<String> {
    use std::io::{Read, Write};
    let addr = base.trim_start_matches("http://").trim_end_matches('/');
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let mut stream = std::net::TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(20)))?;
    stream.write_all(request.as_bytes())?;
    // Read the headers, then exactly Content-Length bytes (drivers keep the connection open).
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

fn json_body(reply: &str) -> Option<serde_json::Value> {
    serde_json::from_str(reply.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or_default()).ok()
}

impl Browser {
    /// One WebDriver command over a plain blocking connection.
    pub(super) fn webdriver_blocking(&self, method: &str, path: &str, body: &str) -> std::io::Result<String> {
        http_blocking(&self.webdriver, method, path, body)
    }

    /// After a page from `base` loaded: remember it (a sandbox's CSP reports
    /// are read from there), watch the page.
    pub(super) async fn arrived(&self, base: &str) {
        if let Ok(mut v) = self.visited.lock() {
            if !v.iter().any(|u| u == base) {
                v.push(base.to_string());
            }
        }
        if self.engine != Engine::Chromium {
            let _ = self.client.execute(WATCH, vec![]).await;
        }
    }

    /// Before leaving a page: keep what its watcher saw.
    pub(super) async fn leave_page(&self) {
        if self.engine == Engine::Chromium {
            return;
        }
        if let Ok(seen) = self.client.execute(READ, vec![]).await {
            let lines = seen
                .as_array()
                .map(|a| a.iter().filter_map(|l| l.as_str().map(str::to_string)).collect());
            if let (Some(lines), Ok(mut found)) = (lines, self.found.lock()) {
                found.extend::<Vec<String>>(lines);
            }
        }
    }

    fn chromium_log(&self, session: &str) -> Vec<String> {
        let reply =
            match self.webdriver_blocking("POST", &format!("/session/{session}/se/log"), r#"{"type":"browser"}"#) {
                Ok(r) => r,
                Err(e) => return vec![format!("reading the browser log: {e}")],
            };
        let Some(entries) = json_body(&reply).and_then(|v| v.get("value").and_then(|v| v.as_array()).cloned()) else {
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

    fn page_watch(&self, session: &str) -> Vec<String> {
        let body = serde_json::json!({"script": READ, "args": []}).to_string();
        let mut out = self
            .found
            .lock()
            .map(|mut f| std::mem::take(&mut *f))
            .unwrap_or_default();
        if let Ok(reply) = self.webdriver_blocking("POST", &format!("/session/{session}/execute/sync"), &body) {
            if let Some(lines) = json_body(&reply).and_then(|v| v["value"].as_array().cloned()) {
                out.extend(lines.iter().filter_map(|l| l.as_str().map(str::to_string)));
            }
        }
        out
    }

    /// CSP reports the visited sandboxes received (each read once).
    fn csp_reports(&self) -> Vec<String> {
        let urls = self.visited.lock().map(|v| v.clone()).unwrap_or_default();
        let mut out = Vec::new();
        for url in urls {
            let Ok(reply) = http_blocking(&url, "GET", "/__sandbox/csp-reports", "") else {
                continue;
            };
            let reports = json_body(&reply)
                .and_then(|v| v.as_array().cloned())
                .unwrap_or_default();
            let Ok(mut seen) = self.csp_seen.lock() else { continue };
            let already = seen.insert(url.clone(), reports.len()).unwrap_or(0);
            for r in reports.iter().skip(already) {
                out.push(format!(
                    "Content Security Policy report: {}",
                    r.as_str().unwrap_or_default()
                ));
            }
        }
        out
    }

    /// Everything that means something is wrong on the pages so far: console
    /// errors (not the network's own "failed to load" lines, which tests that
    /// provoke 401s, faults or going offline expect) and CSP violations.
    /// Reading empties it.
    pub fn console_problems_blocking(&self) -> Vec<String> {
        let Some(session) = self.session.clone() else {
            return vec!["no WebDriver session id".into()];
        };
        let mut problems = self.csp_reports();
        match self.engine {
            Engine::Chromium => problems.extend(self.chromium_log(&session)),
            Engine::Firefox | Engine::WebKit => problems.extend(self.page_watch(&session)),
        }
        problems
    }
}
