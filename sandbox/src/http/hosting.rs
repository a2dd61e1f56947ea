//! The hosting rules the console's build writes (`dist/headers.json`, the same
//! rules as its `_headers` file), so the sandbox serves the console as a CDN would:
//! under its public URL, with its CSP and caching headers.

use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use serde::Deserialize;
use std::path::Path;
use std::sync::Arc;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawRules {
    public_url: String,
    rules: Vec<RawRule>,
    #[serde(default)]
    proxy: Option<RawProxy>,
    #[serde(default)]
    asset_extensions: Vec<String>,
}

#[derive(Deserialize)]
struct RawProxy {
    path: String,
    to: String,
}

#[derive(Deserialize)]
struct RawRule {
    path: String,
    headers: serde_json::Map<String, serde_json::Value>,
}

/// One rule: a path (exact, or a prefix when it ends in `*`) and its headers.
#[derive(Debug, Clone)]
pub struct Rule {
    path: String,
    headers: Vec<(HeaderName, HeaderValue)>,
}

impl Rule {
    fn matches(&self, path: &str) -> bool {
        match self.path.strip_suffix('*') {
            Some(prefix) => path.starts_with(prefix),
            None => path == self.path,
        }
    }
}

/// The console's public URL and header rules.
#[derive(Debug, Clone)]
pub struct Hosting {
    /// Where the console lives, with slashes on both ends (`/`, `/console/`).
    pub public_url: String,
    rules: Vec<Rule>,
    /// `(path prefix, upstream origin)`: requests under the prefix are forwarded
    /// there (the build's same-origin API proxy).
    pub proxy: Option<(String, String)>,
    /// Extensions of paths that are files whatever their name: a missing one
    /// is a 404, not the page.
    asset_extensions: Vec<String>,
}

impl Default for Hosting {
    /// A console built without the post-build step: at the root, no extra headers.
    fn default() -> Self {
        Hosting {
            public_url: "/".into(),
            rules: Vec::new(),
            proxy: None,
            asset_extensions: Vec::new(),
        }
    }
}

impl Hosting {
    /// Reads `dist/headers.json`; a missing file means [`Hosting::default`].
    pub fn load(dist: &Path) -> Result<Hosting, String> {
        let path = dist.join("headers.json");
        if !path.is_file() {
            return Ok(Hosting::default());
        }
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        Self::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Parses the rules; headers that are not valid HTTP are an error, not skipped.
    pub fn parse(text: &str) -> Result<Hosting, String> {
        let raw: RawRules = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let public_url = raw.public_url;
        if !public_url.starts_with('/') || !public_url.ends_with('/') {
            return Err(format!("publicUrl must start and end with '/', not {public_url:?}"));
        }
        let mut rules = Vec::with_capacity(raw.rules.len());
        for r in raw.rules {
            let mut headers = Vec::with_capacity(r.headers.len());
            for (name, value) in r.headers {
                let value = value.as_str().ok_or_else(|| format!("header {name} is not a string"))?;
                headers.push((
                    HeaderName::try_from(name.as_str()).map_err(|e| format!("{name}: {e}"))?,
                    HeaderValue::from_str(value).map_err(|e| format!("{name}: {e}"))?,
                ));
            }
            rules.push(Rule { path: r.path, headers });
        }
        let proxy = match raw.proxy {
            Some(p) if p.path.starts_with('/') && p.to.starts_with("http://") => {
                Some((p.path, p.to.trim_end_matches('/').to_string()))
            }
            Some(p) => {
                return Err(format!(
                    "proxy {} → {}: the sandbox forwards to http:// origins only",
                    p.path, p.to
                ))
            }
            None => None,
        };
        Ok(Hosting {
            public_url,
            rules,
            proxy,
            asset_extensions: raw.asset_extensions,
        })
    }

    /// Whether `path` names an asset (its last segment ends in one of the
    /// asset extensions): when missing, it is a 404 rather than the page.
    pub fn is_asset(&self, path: &str) -> bool {
        let last = path.rsplit('/').next().unwrap_or_default();
        last.rsplit_once('.')
            .is_some_and(|(_, ext)| self.asset_extensions.iter().any(|e| e == ext))
    }

    /// The headers for a request path: every matching rule, later rules winning.
    pub fn headers_for(&self, path: &str) -> Vec<(HeaderName, HeaderValue)> {
        let mut out: Vec<(HeaderName, HeaderValue)> = Vec::new();
        for rule in self.rules.iter().filter(|r| r.matches(path)) {
            for (name, value) in &rule.headers {
                out.retain(|(n, _)| n != name);
                out.push((name.clone(), value.clone()));
            }
        }
        out
    }
}

/// Where the sandbox collects the reports of CSP violations on its pages.
pub const CSP_REPORTS: &str = "/__sandbox/csp-reports";

/// `csp` with a `report-uri` to the sandbox, so that tests in any browser can
/// see violations (hosts serve the build's policy as it is).
fn reporting(csp: &HeaderValue) -> HeaderValue {
    csp.to_str()
        .ok()
        .and_then(|v| HeaderValue::from_str(&format!("{v}; report-uri {CSP_REPORTS}")).ok())
        .unwrap_or_else(|| csp.clone())
}

/// Middleware: adds the rules' headers to a response that does not set them itself.
pub async fn apply(State(hosting): State<Arc<Hosting>>, req: Request, next: Next) -> Response {
    let headers = hosting.headers_for(req.uri().path());
    let mut res = next.run(req).await;
    for (name, value) in headers {
        let value = if name == axum::http::header::CONTENT_SECURITY_POLICY {
            reporting(&value)
        } else {
            value
        };
        res.headers_mut().entry(name).or_insert(value);
    }
    // What the rules leave open is revalidated, as static hosts do by default
    // (Netlify: max-age=0, must-revalidate): a file a new deploy removed, answered
    // with index.html, must not be kept and served again when it is back.
    res.headers_mut()
        .entry(axum::http::header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-cache"));
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULES: &str = r#"{
      "publicUrl": "/console/",
      "rules": [
        {"path": "/console/*", "headers": {"Content-Security-Policy": "default-src 'none'", "X-Content-Type-Options": "nosniff"}},
        {"path": "/console/index.html", "headers": {"Cache-Control": "no-cache"}},
        {"path": "/console/app-0123456789abcdef.js", "headers": {"Cache-Control": "immutable"}}
      ]
    }"#;

    fn names(h: &Hosting, path: &str) -> Vec<String> {
        h.headers_for(path)
            .into_iter()
            .map(|(n, v)| format!("{n}: {}", v.to_str().unwrap_or("?")))
            .collect()
    }

    #[test]
    fn rules_match_exact_paths_and_prefixes() {
        let h = Hosting::parse(RULES).unwrap();
        assert_eq!(h.public_url, "/console/");
        assert_eq!(
            names(&h, "/console/index.html"),
            [
                "content-security-policy: default-src 'none'",
                "x-content-type-options: nosniff",
                "cache-control: no-cache"
            ]
        );
        assert_eq!(names(&h, "/console/app-0123456789abcdef.js").len(), 3);
        assert_eq!(names(&h, "/console/api-tokens/TKN-1").len(), 2);
        assert!(names(&h, "/public/v1/accounts").is_empty());
    }

    #[test]
    fn paths_with_an_asset_extension_are_files_and_routes_are_not() {
        let h = Hosting::parse(r#"{"publicUrl": "/", "rules": [], "assetExtensions": ["js", "wasm"]}"#).unwrap();
        assert!(h.is_asset("/console/chunk_1_gone-0123abcd_bg.wasm"));
        assert!(h.is_asset("/x.js"));
        assert!(!h.is_asset("/api-tokens/TKN-0000-0000-0001/audit"));
        assert!(!h.is_asset("/a.b/route"), "only the last segment counts");
        assert!(!h.is_asset("/index.html"), "not in the list");
        assert!(
            !Hosting::default().is_asset("/x.wasm"),
            "no list: every miss is the page"
        );
    }

    #[test]
    fn bad_rules_are_refused() {
        assert!(Hosting::parse(r#"{"publicUrl": "console", "rules": []}"#).is_err());
        assert!(Hosting::parse(r#"{"publicUrl": "/", "rules": [{"path": "/*", "headers": {"X": "a\nb"}}]}"#).is_err());
        assert!(Hosting::parse(r#"{"publicUrl": "/", "rules": [{"path": "/*", "headers": {"X": 1}}]}"#).is_err());
    }
}
