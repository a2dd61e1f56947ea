//! The list page's state (search, filters, sort, page) as it lives in the
//! URL, and the RQL query it asks the API for. Pure: tested natively.

use super::format::{days_before, IDLE_DAYS, UNUSED_DAYS};
use rql::{CmpOp, Expr, OrderField, Query, SelectField, Value};

mod filters;
mod sort;

pub use filters::{FilterChoice, FixedChoices, StatusFilter, UsageFilter};
pub use sort::{Sort, SortField};

/// Rows-per-page choices.
pub const PAGE_SIZES: [u32; 4] = [10, 25, 50, 100];
/// Rows per page when the URL says nothing (or something else).
pub const DEFAULT_PAGE_SIZE: u32 = 10;
/// Longest search text kept from a URL.
const MAX_SEARCH: usize = 200;

/// Everything the list page shows, as read from and written to the URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListState {
    /// Text searched for in token names.
    pub search: String,
    /// Status filter.
    pub status: Option<StatusFilter>,
    /// Module id filter.
    pub module: Option<String>,
    /// Usage filter.
    pub usage: Option<UsageFilter>,
    /// Sort order.
    pub sort: Sort,
    /// 1-based page number.
    pub page: u32,
    /// Rows per page, one of [`PAGE_SIZES`].
    pub per_page: u32,
}

impl Default for ListState {
    fn default() -> Self {
        ListState {
            search: String::new(),
            status: None,
            module: None,
            usage: None,
            sort: Sort::default(),
            page: 1,
            per_page: DEFAULT_PAGE_SIZE,
        }
    }
}

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

    /// Whether any search or filter narrows the list.
    pub fn is_filtered(&self) -> bool {
        !self.search.is_empty() || self.status.is_some() || self.module.is_some() || self.usage.is_some()
    }

    /// The same state with filters and search cleared (sort and page size kept).
    pub fn cleared(&self) -> ListState {
        ListState {
            sort: self.sort,
            per_page: self.per_page,
            ..ListState::default()
        }
    }

    /// The API query for this state within `account` at `now_ms` (from
    /// which "idle" and "created over a week ago" are counted).
    pub fn to_rql(&self, account: &str, now_ms: i64) -> Query {
        let mut filters = vec![Expr::eq("account.id", account)];
        filters.extend(super::search::search_filter(&self.search));
        if let Some(s) = self.status {
            filters.push(Expr::eq("status", s.as_str()));
        }
        if let Some(m) = &self.module {
            filters.push(Expr::any("modules", Expr::eq("id", m.as_str())));
        }
        let never_used = || Expr::Cmp {
            op: CmpOp::Eq,
            prop: "lastAccessAt".into(),
            value: Value::Null,
        };
        let before = |prop: &str, days| Expr::Cmp {
            op: CmpOp::Lt,
            prop: prop.into(),
            value: Value::text(days_before(now_ms, days)),
        };
        match self.usage {
            Some(UsageFilter::NeverUsed) => filters.push(never_used()),
            Some(UsageFilter::Unused) => {
                filters.push(never_used());
                filters.push(before("audit.created.at", UNUSED_DAYS));
            }
            Some(UsageFilter::Idle) => filters.push(before("lastAccessAt", IDLE_DAYS)),
            None => {}
        }
        let mut order = vec![OrderField {
            prop: self.sort.field.property().into(),
            descending: self.sort.descending,
        }];
        if self.sort.field != SortField::Name {
            order.push(OrderField::asc("name"));
        }
        Query {
            filter: Expr::all_of(filters),
            order,
            select: vec![SelectField::include("audit")],
            limit: Some(i64::from(self.per_page)),
            offset: Some(i64::from(self.page.saturating_sub(1)) * i64::from(self.per_page)),
            render: false,
        }
    }

    /// Number of pages for `total` rows (at least 1).
    pub fn page_count(&self, total: u64) -> u32 {
        let per = u64::from(self.per_page.max(1));
        u32::try_from(total.div_ceil(per).max(1)).unwrap_or(u32::MAX)
    }

    /// `1–10 of 42 rows`, or `0 rows`.
    pub fn range_label(&self, total: u64, shown: usize) -> String {
        if total == 0 || shown == 0 {
            return format!("0 of {total} rows");
        }
        let first = u64::from(self.page.saturating_sub(1)) * u64::from(self.per_page) + 1;
        let last = first + shown as u64 - 1;
        format!("{first}–{last} of {total} rows")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// 2026-11-23T12:00:00Z.
    const NOW: i64 = 1_795_435_200_000;

    fn parse_query(q: &str) -> ListState {
        let map: HashMap<String, String> = q
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.to_string(), rql::percent_decode(v).unwrap()))
            .collect();
        ListState::from_params(|k| map.get(k).cloned())
    }

    #[test]
    fn url_state_round_trips() {
        let s = ListState {
            search: "a&b=c \"d\" (e), *f* ü".into(),
            status: Some(StatusFilter::Disabled),
            module: Some("MOD-1255".into()),
            usage: Some(UsageFilter::Idle),
            sort: Sort {
                field: SortField::LastAccess,
                descending: false,
            },
            page: 3,
            per_page: 25,
        };
        assert_eq!(parse_query(&s.to_query()), s);
        assert_eq!(ListState::default().to_query(), "");
        assert_eq!(parse_query(""), ListState::default());
    }

    #[test]
    fn nonsense_in_the_url_falls_back_to_defaults() {
        let s = parse_query("?status=Deleted&sort=password&page=0&size=7&usage=x&module=MOD-1%27%29");
        assert_eq!(s, ListState::default());
        assert_eq!(parse_query("?page=-2").page, 1);
        assert_eq!(parse_query("?page=99999999999").page, 1);
    }

    #[test]
    fn rql_quotes_the_search_text_so_it_cannot_change_the_query() {
        let s = ListState {
            search: "x\"),eq(status,Deleted".into(),
            ..ListState::default()
        };
        let q = s.to_rql("ACC-1", NOW);
        let parsed = rql::Query::parse(&q.to_query_string().unwrap()).unwrap();
        assert_eq!(
            parsed.filter,
            Some(Expr::And(vec![
                Expr::eq("account.id", "ACC-1"),
                Expr::contains("name", "x\"),eq(status,Deleted")
            ]))
        );
    }

    #[test]
    fn rql_for_filters_sort_and_page() {
        let s = ListState {
            search: "bot".into(),
            status: Some(StatusFilter::Active),
            module: Some("MOD-1255".into()),
            usage: Some(UsageFilter::NeverUsed),
            sort: Sort {
                field: SortField::Created,
                descending: true,
            },
            page: 2,
            per_page: 25,
        };
        let q = s.to_rql("ACC-0001-0002", NOW).to_query_string().unwrap();
        assert_eq!(
            rql::percent_decode(&q).unwrap(),
            r#"and(eq(account.id,"ACC-0001-0002"),ilike(name,"*bot*"),eq(status,"Active"),any(modules,eq(id,"MOD-1255")),eq(lastAccessAt,null()))&order=-audit.created.at,name&select=audit&limit=25&offset=25"#
        );
        let filter_of = |usage| {
            let q = ListState {
                usage: Some(usage),
                ..ListState::default()
            }
            .to_rql("ACC-1", NOW);
            q.filter.map(|f| f.to_rql().unwrap()).unwrap_or_default()
        };
        assert_eq!(
            filter_of(UsageFilter::Idle),
            r#"and(eq(account.id,"ACC-1"),lt(lastAccessAt,"2026-08-25T12:00:00.000Z"))"#
        );
        assert_eq!(
            filter_of(UsageFilter::Unused),
            r#"and(eq(account.id,"ACC-1"),eq(lastAccessAt,null()),lt(audit.created.at,"2026-11-16T12:00:00.000Z"))"#
        );
    }

    #[test]
    fn sort_toggling_and_page_labels() {
        let s = Sort::default();
        assert_eq!(
            s.toggled(SortField::Created),
            Sort {
                field: SortField::Created,
                descending: false
            }
        );
        assert_eq!(
            s.toggled(SortField::Name),
            Sort {
                field: SortField::Name,
                descending: false
            }
        );
        let st = ListState {
            page: 2,
            per_page: 10,
            ..ListState::default()
        };
        assert_eq!(st.page_count(0), 1);
        assert_eq!(st.page_count(21), 3);
        assert_eq!(st.range_label(21, 10), "11–20 of 21 rows");
        assert_eq!(ListState::default().range_label(3, 3), "1–3 of 3 rows");
        assert_eq!(ListState::default().range_label(0, 0), "0 of 0 rows");
    }
}
