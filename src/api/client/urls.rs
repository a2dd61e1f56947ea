//! The API's origin and the URLs of the assets it names.

/// `scheme://host[:port]` of an absolute URL.
pub fn origin_of(url: &str) -> Option<&str> {
    let (scheme, rest) = url.split_once("://")?;
    if !(scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http")) {
        return None;
    }
    let host_len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = rest.get(..host_len).filter(|h| !h.is_empty() && !h.contains('@'))?;
    url.get(..scheme.len() + 3 + host.len())
}

/// The URL of an asset the API names by path (a token's or account's `icon`).
/// Relative paths are relative to the API's `/public` root, as the
/// platform's own clients resolve them (`/v1/accounts/…/icon`).
pub fn asset_url(base: &str, path: &str) -> String {
    let p = path.trim();
    if origin_of(p).is_some() || p.starts_with("data:image/") {
        p.to_string()
    } else if p.starts_with("/public/") {
        format!("{base}{p}")
    } else {
        format!("{base}/public/{}", p.trim_start_matches('/'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn icon_paths_resolve_against_the_public_root() {
        let base = "https://api.platform.softwareone.com";
        assert_eq!(
            asset_url(base, "/v1/accounts/api-tokens/TKN-1/icon"),
            "https://api.platform.softwareone.com/public/v1/accounts/api-tokens/TKN-1/icon"
        );
        assert_eq!(
            asset_url(base, "/public/v1/catalog/products/PRD-1/icon"),
            "https://api.platform.softwareone.com/public/v1/catalog/products/PRD-1/icon"
        );
        assert_eq!(
            asset_url(base, "static/x.png"),
            "https://api.platform.softwareone.com/public/static/x.png"
        );
        assert_eq!(
            asset_url(base, "https://cdn.example/x.png"),
            "https://cdn.example/x.png"
        );
        assert_eq!(
            asset_url(base, "data:image/png;base64,AA=="),
            "data:image/png;base64,AA=="
        );
        // Not an absolute URL of a web scheme: a path on the API.
        assert_eq!(
            asset_url(base, "javascript:alert(1)"),
            "https://api.platform.softwareone.com/public/javascript:alert(1)"
        );
    }

    #[test]
    fn origins_are_compared_exactly() {
        assert_eq!(
            origin_of("https://api.example:8443/public/x"),
            Some("https://api.example:8443")
        );
        assert_eq!(origin_of("http://127.0.0.1:8080"), Some("http://127.0.0.1:8080"));
        assert_eq!(
            origin_of("https://api.example.evil.test/x"),
            Some("https://api.example.evil.test")
        );
        assert_eq!(origin_of("https://user@api.example/x"), None);
        assert_eq!(origin_of("/v1/x"), None);
        assert_eq!(origin_of("ftp://x/y"), None);
    }
}
