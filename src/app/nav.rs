//! Links and navigations, made from [`Screen`]s. The router adds the console's
//! base path (`/console` for a build with `--public-url /console/`) to its own
//! navigations, but an `href` written in a view must carry it itself; and
//! when the credentials manage several accounts, every URL names the one
//! being managed (`?account=ACC-…`).

use super::leave_guard::use_leave_guard;
use crate::model::route::{with_account, Screen};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use std::sync::Arc;

/// Turns routes into hrefs and router paths.
#[derive(Clone, Default)]
pub struct Nav {
    base: Arc<str>,
    account: Option<Arc<str>>,
}

impl Nav {
    /// Links under `base` (`""` or `/console`; see [`crate::app::config::normalize_base`]),
    /// naming `account` when the credentials manage several.
    pub fn new(base: &str, account: Option<&str>) -> Nav {
        Nav {
            base: base.into(),
            account: account.map(Arc::from),
        }
    }

    /// The base path links carry (`""` or `/console`).
    pub fn base(&self) -> &str {
        &self.base
    }

    /// The router path of `route` (without the base).
    pub fn path(&self, route: &Screen) -> String {
        with_account(&route.path(), self.account.as_deref())
    }

    /// The `href` of `route`.
    pub fn href(&self, route: &Screen) -> String {
        format!("{}{}", self.base, self.path(route))
    }

    /// The same links for another managed account (`None`: the account chooser).
    pub fn for_account(&self, account: Option<&str>) -> Nav {
        Nav::new(&self.base, account)
    }
}

/// Provides `nav` to the components below.
pub fn provide_nav(nav: Nav) {
    provide_context(nav);
}

/// The console's links; at the site's root when none were provided.
pub fn use_nav() -> Nav {
    use_context::<Nav>().unwrap_or_default()
}

/// A function that navigates to a route (call in a component's body),
/// through the leave guard when the routes have one.
pub fn use_go() -> impl Fn(&Screen, NavigateOptions) + Clone + 'static {
    let navigate = use_navigate();
    let nav = use_nav();
    let guard = use_leave_guard();
    move |route: &Screen, options: NavigateOptions| match guard {
        Some(guard) => guard.go(nav.path(route), options),
        None => navigate(&nav.path(route), options),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::route::Tab;

    #[test]
    fn hrefs_carry_the_base_path_and_the_managed_account() {
        assert_eq!(Nav::new("", None).href(&Screen::list()), "/api-tokens");
        assert_eq!(
            Nav::new("/console", None).href(&Screen::token("TKN-1", Tab::General)),
            "/console/api-tokens/TKN-1/general"
        );
        let several = Nav::new("/console", Some("ACC-1"));
        assert_eq!(
            several.href(&Screen::New { from: None }),
            "/console/api-tokens/new?account=ACC-1"
        );
        assert_eq!(several.path(&Screen::list()), "/api-tokens?account=ACC-1");
        assert_eq!(several.for_account(None).href(&Screen::list()), "/console/api-tokens");
    }
}
