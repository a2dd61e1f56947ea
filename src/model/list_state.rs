//! The list page's state (search, filters, sort, page) as it lives in the
//! URL ([`url`]), and the RQL query it asks the API for ([`query`]). Pure:
//! tested natively.

mod filters;
mod query;
mod sort;
mod url;

pub use filters::{FilterChoice, FixedChoices, GrantFilter, StatusFilter, UsageFilter};
pub use query::Scope;
pub use sort::{Sort, SortField};

/// Rows-per-page choices.
pub const PAGE_SIZES: [u32; 4] = [10, 25, 50, 100];
/// Rows per page when the URL says nothing (or something else).
pub const DEFAULT_PAGE_SIZE: u32 = 10;

/// Everything the list page shows, as read from and written to the URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListState {
    /// Text searched for in token names.
    pub search: String,
    pub status: Option<StatusFilter>,
    /// Module id filter.
    pub module: Option<String>,
    pub usage: Option<UsageFilter>,
    /// Filter on how much the tokens are granted.
    pub grants: Option<GrantFilter>,
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
            grants: None,
            sort: Sort::default(),
            page: 1,
            per_page: DEFAULT_PAGE_SIZE,
        }
    }
}

impl ListState {
    /// Whether any search or filter narrows the list.
    pub fn is_filtered(&self) -> bool {
        !self.search.is_empty()
            || self.status.is_some()
            || self.module.is_some()
            || self.usage.is_some()
            || self.grants.is_some()
    }

    /// The same state with filters and search cleared (sort and page size kept).
    pub fn cleared(&self) -> ListState {
        ListState {
            sort: self.sort,
            per_page: self.per_page,
            ..ListState::default()
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
