//! `href`s for plain `<a>` elements. The router adds the console's base path
//! (`/console` for a build with `--public-url /console/`) to its own
//! navigations, but an `href` written in a view must carry it itself.

use leptos::prelude::*;
use std::sync::Arc;

/// Turns router paths (`/api-tokens/…`) into hrefs under the base path.
#[derive(Clone, Default)]
pub struct Links {
    base: Arc<str>,
}

impl Links {
    /// Links under `base` (`""` or `/console`; see [`crate::config::normalize_base`]).
    pub fn new(base: &str) -> Links {
        Links { base: base.into() }
    }

    /// The href of a router path.
    pub fn href(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

/// Provides the links of the console's base path to the components below.
pub fn provide_links(base: &str) {
    provide_context(Links::new(base));
}

/// The console's links; at the site's root when none were provided.
pub fn use_links() -> Links {
    use_context::<Links>().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::Links;

    #[test]
    fn hrefs_carry_the_base_path() {
        assert_eq!(Links::new("").href("/api-tokens?page=2"), "/api-tokens?page=2");
        assert_eq!(
            Links::new("/console").href("/api-tokens/TKN-1/general"),
            "/console/api-tokens/TKN-1/general"
        );
    }
}
