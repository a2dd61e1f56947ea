//! The list state in the URL's query: read leniently (nothing in a URL can
//! break the page), written minimally (defaults are left out).

use super::{
    FilterChoice, FixedChoices, GrantFilter, ListState, Sort, StatusFilter, UsageFilter, DEFAULT_PAGE_SIZE, PAGE_SIZES,
};

/// Longest search text kept from a URL.
const MAX_SEARCH: usize = 200;

fn is_module_id(s: &str) -> bool {
    s.len() <= 32 && !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

impl ListState {
    /// Reads the state from URL query parameters; anything missing or not
    /// understood falls back to its default, so no URL can break the page.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> ListState {
        let d = ListState::default();
        ListState {
            search: get("q")
                .map(|q| q.trim().chars().take(MAX_SEARCH).collect())
                .unwrap_or_default(),
            status: get("status").as_deref().and_then(StatusFilter::parse),
            module: get("module").filter(|m| is_module_id(m)),
            usage: get("usage").as_deref().and_then(UsageFilter::parse),
            grants: get("grants").as_deref().and_then(GrantFilter::parse),
            sort: get("sort").as_deref().and_then(Sort::parse).unwrap_or(d.sort),
            page: get("page")
                .and_then(|p| p.parse::<u32>().ok())
                .filter(|p| *p >= 1)
                .unwrap_or(1),
            per_page: get("size")
                .and_then(|s| s.parse::<u32>().ok())
                .filter(|s| PAGE_SIZES.contains(s))
                .unwrap_or(DEFAULT_PAGE_SIZE),
        }
    }

    /// Reads the state from a URL query as [`ListState::to_query`] writes
    /// it (a leading `?` optional); like [`ListState::from_params`], nothing
    /// in it can fail.
    pub fn from_query(query: &str) -> ListState {
        let pairs: Vec<(&str, String)> = query
            .trim_start_matches('?')
            .split('&')
            .filter_map(|p| p.split_once('='))
            .filter_map(|(k, v)| rql::percent_decode(v).map(|v| (k, v)))
            .collect();
        ListState::from_params(|key| pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone()))
    }

    /// The URL query (with a leading `?`, or empty for the defaults).
    pub fn to_query(&self) -> String {
        let d = ListState::default();
        let mut parts = Vec::new();
        if !self.search.is_empty() {
            parts.push(format!("q={}", rql::percent_encode(&self.search)));
        }
        if let Some(s) = self.status {
            parts.push(format!("status={}", s.as_str()));
        }
        if let Some(m) = &self.module {
            parts.push(format!("module={}", rql::percent_encode(m)));
        }
        if let Some(u) = self.usage {
            parts.push(format!("usage={}", u.value()));
        }
        if let Some(g) = self.grants {
            parts.push(format!("grants={}", g.value()));
        }
        if self.sort != d.sort {
            parts.push(format!("sort={}", rql::percent_encode(&self.sort.as_param())));
        }
        if self.page != 1 {
            parts.push(format!("page={}", self.page));
        }
        if self.per_page != d.per_page {
            parts.push(format!("size={}", self.per_page));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::SortField;
    use super::*;

    #[test]
    fn url_state_round_trips() {
        let s = ListState {
            search: "a&b=c \"d\" (e), *f* ü".into(),
            status: Some(StatusFilter::Disabled),
            module: Some("MOD-1255".into()),
            usage: Some(UsageFilter::Idle),
            grants: Some(GrantFilter::EveryModule),
            sort: Sort {
                field: SortField::LastAccess,
                descending: false,
            },
            page: 3,
            per_page: 25,
        };
        assert_eq!(ListState::from_query(&s.to_query()), s);
        assert_eq!(ListState::default().to_query(), "");
        assert_eq!(ListState::from_query(""), ListState::default());
    }

    #[test]
    fn nonsense_in_the_url_falls_back_to_defaults() {
        let s =
            ListState::from_query("?status=Deleted&sort=password&page=0&size=7&usage=x&module=MOD-1%27%29&grants=all");
        assert_eq!(s, ListState::default());
        assert_eq!(ListState::from_query("?page=-2").page, 1);
        assert_eq!(ListState::from_query("?page=99999999999").page, 1);
        assert_eq!(ListState::from_query("?q=%ZZ").search, "");
    }
}
