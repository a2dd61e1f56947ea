//! Reading Chromium's log (console errors, CSP reports) and ending the
//! session, over plain blocking HTTP so that `Drop` can do it.

use super::Browser;
use std::time::Duration;

impl Browser {
    /// One WebDriver command over a plain blocking connection (usable in
    /// `Drop`); returns the raw HTTP reply.
    pub(super) fn webdriver_blocking(&self, method: &str, path: &str, body: &str) -> std::io::Result<String> {
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
