//! `config.json`, read at start-up: where the Marketplace API is.

use crate::model::json::{parse, Value};

/// The product's name, as the frame and the document title show it.
pub const PRODUCT_NAME: &str = "API tokens console";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppConfig {
    /// Base URL of the API without a trailing slash, e.g. `https://api.platform.softwareone.com`.
    pub api_base_url: String,
    /// The path the console is served under, without a trailing slash: `""` at
    /// the site's root, `"/console"` for a build with `--public-url /console/`.
    pub base_path: String,
    /// Sign out after this long without user activity (`None`: never).
    pub idle_timeout_ms: Option<u64>,
}

/// Minutes without activity after which the console signs out, unless configured.
pub const DEFAULT_IDLE_MINUTES: f64 = 15.0;

/// Name of the `<meta>` the build (`tools/post-build.mjs`) leaves in `index.html`
/// with trunk's public URL. A `<base>` element would do, but the CSP says `base-uri 'none'`.
pub const BASE_META: &str = "tokens-console-base";

/// Turns the public URL (`/`, `/console/`, `console`) into a router base
/// (`""`, `"/console"`). Anything that is not a plain path means the root.
pub fn normalize_base(raw: &str) -> String {
    let path = raw.trim().trim_matches('/');
    let plain = path.split('/').all(|seg| {
        !seg.is_empty()
            && seg != "."
            && seg != ".."
            && seg.chars().all(|c| c.is_ascii_alphanumeric() || "-_.~".contains(c))
    });
    if path.is_empty() || !plain {
        String::new()
    } else {
        format!("/{path}")
    }
}

/// Whether `url`'s host is this machine (`localhost`, `127.x.x.x`, `[::1]`).
fn is_loopback(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => authority.split(':').next().unwrap_or_default(),
    };
    host.eq_ignore_ascii_case("localhost")
        || host == "::1"
        || host
            .strip_prefix("127.")
            .is_some_and(|r| r.split('.').count() == 3 && r.split('.').all(|o| o.parse::<u8>().is_ok()))
}

fn idle_timeout(raw: Option<&Value>) -> Result<Option<u64>, String> {
    let minutes = match raw {
        None | Some(Value::Null) => DEFAULT_IDLE_MINUTES,
        Some(Value::Number(n)) => n.as_f64().filter(|m| m.is_finite() && *m >= 0.0).ok_or_else(|| {
            "idleTimeoutMinutes in config.json must be 0 or more (0 turns idle sign-out off)".to_string()
        })?,
        Some(other) => {
            return Err(format!(
                "idleTimeoutMinutes in config.json must be a number of minutes (0 turns idle sign-out off), not {other}"
            ))
        }
    };
    // Milliseconds, rounded: no float formatting or parsing beyond this.
    Ok((minutes > 0.0).then(|| (minutes * 60_000.0).round() as u64))
}

/// Parses `config.json`; an empty or missing `apiBaseUrl` means `origin` (the
/// console's own origin). Unknown fields are ignored.
pub fn parse_config(text: &str, origin: &str) -> Result<AppConfig, String> {
    let raw = parse(text).map_err(|e| format!("config.json is not valid JSON with an apiBaseUrl: {e}"))?;
    let raw = raw
        .as_object()
        .ok_or("config.json is not a JSON object with an apiBaseUrl")?;
    let idle_timeout_ms = idle_timeout(raw.get("idleTimeoutMinutes"))?;
    let base = match raw.get("apiBaseUrl") {
        None | Some(Value::Null) => "",
        Some(Value::String(base)) => base,
        Some(_) => return Err("apiBaseUrl in config.json must be text: empty or an http(s) URL".into()),
    };
    // As SoftwareOne's clients do: the console adds `/public/v1/…` itself.
    let mut base = base.trim().trim_end_matches('/');
    for suffix in ["/public/v1", "/public"] {
        base = base.strip_suffix(suffix).unwrap_or(base);
    }
    if base.is_empty() {
        return Ok(AppConfig {
            api_base_url: origin.trim_end_matches('/').to_string(),
            base_path: String::new(),
            idle_timeout_ms,
        });
    }
    if !(base.starts_with("https://") || base.starts_with("http://")) || base.contains(char::is_whitespace) {
        return Err(format!(
            "apiBaseUrl in config.json must be empty or an http(s) URL, not '{base}'"
        ));
    }
    // Credentials never travel unencrypted, except to this machine.
    if base.starts_with("http://") && !is_loopback(base) {
        return Err(format!(
            "apiBaseUrl in config.json must use https:// (http:// is allowed only for localhost), not '{base}'"
        ));
    }
    Ok(AppConfig {
        api_base_url: base.to_string(),
        base_path: String::new(),
        idle_timeout_ms,
    })
}

/// Fetches and parses `config.json` next to the console's `index.html`.
pub async fn load() -> Result<AppConfig, String> {
    let window = web_sys::window().ok_or("no browser window")?;
    let document = window.document().ok_or("no document")?;
    let origin = window.location().origin().map_err(|_| "the page has no origin")?;
    let base_path = document
        .query_selector(&format!("meta[name=\"{BASE_META}\"]"))
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .map(|raw| normalize_base(&raw))
        .unwrap_or_default();
    let url = format!("{origin}{base_path}/config.json");
    let res = gloo_net::http::Request::get(&url)
        .cache(web_sys::RequestCache::NoCache)
        .send()
        .await
        .map_err(|e| format!("config.json could not be loaded: {e}"))?;
    if !res.ok() {
        return Err(format!("config.json could not be loaded: HTTP {}", res.status()));
    }
    let text = res
        .text()
        .await
        .map_err(|e| format!("config.json could not be read: {e}"))?;
    Ok(AppConfig {
        base_path,
        ..parse_config(&text, &origin)?
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_base_means_the_consoles_origin() {
        let c = parse_config(r#"{"apiBaseUrl": ""}"#, "http://127.0.0.1:8080").unwrap();
        assert_eq!(c.api_base_url, "http://127.0.0.1:8080");
        let c = parse_config("{}", "http://127.0.0.1:8080/").unwrap();
        assert_eq!(c.api_base_url, "http://127.0.0.1:8080");
    }

    #[test]
    fn explicit_base_loses_its_trailing_slash_and_extra_fields_are_fine() {
        let c = parse_config(
            r#"{"apiBaseUrl": "https://api.platform.softwareone.com/", "x": 1}"#,
            "o",
        )
        .unwrap();
        assert_eq!(c.api_base_url, "https://api.platform.softwareone.com");
        for pasted in [
            "https://api.platform.softwareone.com/public",
            "https://api.platform.softwareone.com/public/v1/",
        ] {
            let json = format!(r#"{{"apiBaseUrl": "{pasted}"}}"#);
            assert_eq!(
                parse_config(&json, "o").unwrap().api_base_url,
                "https://api.platform.softwareone.com"
            );
        }
    }

    #[test]
    fn public_urls_become_router_bases() {
        assert_eq!(normalize_base("/"), "");
        assert_eq!(normalize_base(""), "");
        assert_eq!(normalize_base("/console/"), "/console");
        assert_eq!(normalize_base("console"), "/console");
        assert_eq!(normalize_base("/admin/tokens-console/"), "/admin/tokens-console");
        // Not plain paths: the root rather than somewhere unexpected.
        assert_eq!(normalize_base("https://evil.example/"), "");
        // Never protocol-relative (`//host`): at worst a path on this origin.
        assert_eq!(normalize_base("//evil.example/"), "/evil.example");
        assert_eq!(normalize_base("/a/../b/"), "");
        assert_eq!(normalize_base("/a b/"), "");
    }

    #[test]
    fn plain_http_is_refused_except_on_this_machine() {
        for ok in [
            "http://127.0.0.1:8080",
            "http://localhost:8080/",
            "http://[::1]:9000",
            "http://127.1.2.3",
        ] {
            assert!(
                parse_config(&format!(r#"{{"apiBaseUrl": "{ok}"}}"#), "o").is_ok(),
                "{ok}"
            );
        }
        for bad in [
            "http://api.example.com",
            "http://127.0.0.1.evil.example",
            "http://localhost.evil.example",
            "http://10.0.0.1",
        ] {
            let e = parse_config(&format!(r#"{{"apiBaseUrl": "{bad}"}}"#), "o").unwrap_err();
            assert!(e.contains("https://"), "{bad}: {e}");
        }
    }

    #[test]
    fn idle_timeout_defaults_to_fifteen_minutes_and_zero_turns_it_off() {
        assert_eq!(parse_config("{}", "o").unwrap().idle_timeout_ms, Some(900_000));
        assert_eq!(
            parse_config(r#"{"idleTimeoutMinutes": 0}"#, "o")
                .unwrap()
                .idle_timeout_ms,
            None
        );
        assert_eq!(
            parse_config(r#"{"idleTimeoutMinutes": 0.1}"#, "o")
                .unwrap()
                .idle_timeout_ms,
            Some(6_000)
        );
        assert!(parse_config(r#"{"idleTimeoutMinutes": -1}"#, "o").is_err());
        assert!(parse_config(r#"{"idleTimeoutMinutes": "15"}"#, "o")
            .unwrap_err()
            .contains("number of minutes"));
    }

    #[test]
    fn malformed_config_is_a_clear_error() {
        assert!(parse_config("<!doctype html>", "o")
            .unwrap_err()
            .contains("not valid JSON"));
        assert!(parse_config(r#"{"apiBaseUrl": 5}"#, "o").is_err());
        assert!(parse_config(r#"{"apiBaseUrl": "javascript:alert(1)"}"#, "o")
            .unwrap_err()
            .contains("http"));
    }
}
