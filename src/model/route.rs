//! The console's pages as values. Every link and navigation is made from a
//! [`Screen`], and the router's patterns use the same segment names, so a
//! path is spelled in this file only.

use super::list_state::ListState;

/// The first path segment of every token page.
pub const TOKENS_SEGMENT: &str = "api-tokens";
/// The segment of the Add wizard, after [`TOKENS_SEGMENT`].
pub const NEW_SEGMENT: &str = "new";
/// The segment that opens the Edit dialog over a token's General tab.
pub const EDIT_SEGMENT: &str = "edit";
/// The segment of a token's rotation, after its id.
pub const ROTATE_SEGMENT: &str = "rotate";
/// The route parameter of a token's id (the field of the pages' `Params`).
pub const ID_PARAM: &str = "id";
/// The route parameter of a token's tab, or `edit`.
pub const TAB_PARAM: &str = "tab";
/// The query parameter naming the account managed, when the credentials see several.
pub const ACCOUNT_PARAM: &str = "account";
/// The query parameter naming the token "Create similar" copies.
pub const FROM_PARAM: &str = "from";

/// The details page's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// Description, endpoint, token value.
    General,
    /// Modules granted.
    Modules,
    /// Dates and people.
    Details,
    /// Audit records.
    Audit,
}

impl Tab {
    /// Tabs in order.
    pub const ALL: [Tab; 4] = [Tab::General, Tab::Modules, Tab::Details, Tab::Audit];

    /// URL segment.
    pub fn slug(self) -> &'static str {
        match self {
            Tab::General => "general",
            Tab::Modules => "modules",
            Tab::Details => "details",
            Tab::Audit => "audit",
        }
    }

    /// Visible name.
    pub fn label(self) -> &'static str {
        match self {
            Tab::General => "General",
            Tab::Modules => "Modules",
            Tab::Details => "Details",
            Tab::Audit => "Audit trail",
        }
    }

    /// The tab a URL segment names; anything else (or none) is General.
    pub fn parse(segment: Option<&str>) -> Tab {
        Tab::ALL
            .into_iter()
            .find(|t| Some(t.slug()) == segment)
            .unwrap_or(Tab::General)
    }

    /// The tab `step` places away, wrapping around.
    pub fn step(self, step: isize) -> Tab {
        let i = Tab::ALL.iter().position(|t| *t == self).unwrap_or(0) as isize;
        let n = Tab::ALL.len() as isize;
        Tab::ALL
            .get((i + step).rem_euclid(n) as usize)
            .copied()
            .unwrap_or(Tab::General)
    }
}

/// A page of the console.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// The list, with its search, filters, sort and page.
    List(ListState),
    /// The Add wizard, prefilled from token `from` ("Create similar").
    New {
        /// The token to copy.
        from: Option<String>,
    },
    /// A token's details, on a tab.
    Token {
        /// `TKN-…`
        id: String,
        tab: Tab,
    },
    /// A token's General tab with the Edit dialog open.
    Edit {
        /// `TKN-…`
        id: String,
    },
    /// Replacing a token with a new one of the same kind.
    Rotate {
        /// `TKN-…` of the token replaced.
        id: String,
    },
}

impl Screen {
    /// The list with nothing narrowed.
    pub fn list() -> Screen {
        Screen::List(ListState::default())
    }

    /// A token's details on `tab`.
    pub fn token(id: &str, tab: Tab) -> Screen {
        Screen::Token {
            id: id.to_string(),
            tab,
        }
    }

    /// The path and query under the console's base (`/api-tokens/TKN-1/general`).
    pub fn path(&self) -> String {
        let id = |id: &str| rql::percent_encode(id);
        match self {
            Screen::List(state) => format!("/{TOKENS_SEGMENT}{}", state.to_query()),
            Screen::New { from: None } => format!("/{TOKENS_SEGMENT}/{NEW_SEGMENT}"),
            Screen::New { from: Some(from) } => format!("/{TOKENS_SEGMENT}/{NEW_SEGMENT}?{FROM_PARAM}={}", id(from)),
            Screen::Token { id: t, tab } => format!("/{TOKENS_SEGMENT}/{}/{}", id(t), tab.slug()),
            Screen::Edit { id: t } => format!("/{TOKENS_SEGMENT}/{}/{EDIT_SEGMENT}", id(t)),
            Screen::Rotate { id: t } => format!("/{TOKENS_SEGMENT}/{}/{ROTATE_SEGMENT}", id(t)),
        }
    }
}

/// The pages whose code comes in a chunk of its own (see `shell/chunks.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LazyPage {
    /// A token's details, any tab, and its Edit dialog.
    Details,
    AddWizard,
    Rotate,
}

/// Which chunked page a router path (no base, query allowed) shows; `None`
/// for the list and anything else.
pub fn lazy_page_of(path: &str) -> Option<LazyPage> {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    match segments.as_slice() {
        [TOKENS_SEGMENT, NEW_SEGMENT] => Some(LazyPage::AddWizard),
        [TOKENS_SEGMENT, _, ROTATE_SEGMENT] => Some(LazyPage::Rotate),
        [TOKENS_SEGMENT, _] | [TOKENS_SEGMENT, _, _] => Some(LazyPage::Details),
        _ => None,
    }
}

/// `path` with the managed account's parameter added to its query.
pub fn with_account(path: &str, account: Option<&str>) -> String {
    match account {
        None => path.to_string(),
        Some(acc) => {
            let joiner = if path.contains('?') { '&' } else { '?' };
            format!("{path}{joiner}{ACCOUNT_PARAM}={}", rql::percent_encode(acc))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::list_state::StatusFilter;

    #[test]
    fn chunked_pages_are_known_by_their_paths() {
        assert_eq!(
            lazy_page_of(&Screen::New { from: None }.path()),
            Some(LazyPage::AddWizard)
        );
        assert_eq!(
            lazy_page_of(
                &Screen::New {
                    from: Some("TKN-1".into())
                }
                .path()
            ),
            Some(LazyPage::AddWizard)
        );
        assert_eq!(
            lazy_page_of(&Screen::Rotate { id: "TKN-1".into() }.path()),
            Some(LazyPage::Rotate)
        );
        for tab in [Tab::General, Tab::Audit] {
            assert_eq!(
                lazy_page_of(&Screen::token("TKN-1", tab).path()),
                Some(LazyPage::Details)
            );
        }
        assert_eq!(
            lazy_page_of(&Screen::Edit { id: "TKN-1".into() }.path()),
            Some(LazyPage::Details)
        );
        assert_eq!(lazy_page_of("/api-tokens/TKN-1"), Some(LazyPage::Details));
        assert_eq!(lazy_page_of(&Screen::list().path()), None);
        assert_eq!(lazy_page_of("/api-tokens?q=new"), None);
        assert_eq!(lazy_page_of("/elsewhere/new"), None);
    }

    #[test]
    fn routes_have_one_spelling() {
        assert_eq!(Screen::list().path(), "/api-tokens");
        let narrowed = ListState {
            status: Some(StatusFilter::Disabled),
            page: 2,
            ..ListState::default()
        };
        assert_eq!(Screen::List(narrowed).path(), "/api-tokens?status=Disabled&page=2");
        assert_eq!(Screen::New { from: None }.path(), "/api-tokens/new");
        assert_eq!(
            Screen::New {
                from: Some("TKN-1 2".into())
            }
            .path(),
            "/api-tokens/new?from=TKN-1%202"
        );
        assert_eq!(
            Screen::token("TKN-1/..", Tab::Audit).path(),
            "/api-tokens/TKN-1%2F../audit"
        );
        assert_eq!(Screen::Edit { id: "TKN-1".into() }.path(), "/api-tokens/TKN-1/edit");
        assert_eq!(Screen::Rotate { id: "TKN-1".into() }.path(), "/api-tokens/TKN-1/rotate");
    }

    #[test]
    fn the_managed_account_joins_the_query() {
        assert_eq!(with_account("/api-tokens", None), "/api-tokens");
        assert_eq!(with_account("/api-tokens", Some("ACC-1")), "/api-tokens?account=ACC-1");
        assert_eq!(
            with_account("/api-tokens?page=2", Some("ACC-1")),
            "/api-tokens?page=2&account=ACC-1"
        );
    }

    #[test]
    fn tabs_parse_and_wrap() {
        assert_eq!(Tab::parse(Some("audit")), Tab::Audit);
        assert_eq!(Tab::parse(Some("edit")), Tab::General);
        assert_eq!(Tab::parse(None), Tab::General);
        assert_eq!(Tab::General.step(-1), Tab::Audit);
        assert_eq!(Tab::Audit.step(1), Tab::General);
    }
}
