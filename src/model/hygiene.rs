//! The list page's hygiene overview: the checks worth an administrator's
//! attention, the list filter each one links to, and the `limit=0` query
//! that counts it. Pure.

use super::list_state::{GrantFilter, ListState, Scope, StatusFilter, UsageFilter};
use rql::Query;

/// A kind of token that deserves a look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Never used, and created more than a week ago.
    Unused,
    /// Not used for more than 90 days.
    Idle,
    /// Disabled: refused by the API, candidates for deletion.
    Disabled,
    /// Granted every module the account's tokens can be given.
    EveryModule,
}

impl Check {
    /// Every check, in the order shown.
    pub const ALL: [Check; 4] = [Check::Unused, Check::Idle, Check::Disabled, Check::EveryModule];

    /// What the count is of, after the number.
    pub fn label(self) -> &'static str {
        match self {
            Check::Unused => "never used, created over 7 days ago",
            Check::Idle => "idle for over 90 days",
            Check::Disabled => "disabled",
            Check::EveryModule => "granted every module",
        }
    }

    /// For tests: `hygiene-unused`.
    pub fn testid(self) -> &'static str {
        match self {
            Check::Unused => "hygiene-unused",
            Check::Idle => "hygiene-idle",
            Check::Disabled => "hygiene-disabled",
            Check::EveryModule => "hygiene-every-module",
        }
    }

    /// The list showing exactly these tokens, keeping `current`'s sort and
    /// rows per page (search and other filters are dropped).
    pub fn list(self, current: &ListState) -> ListState {
        let mut state = current.cleared();
        match self {
            Check::Unused => state.usage = Some(UsageFilter::Unused),
            Check::Idle => state.usage = Some(UsageFilter::Idle),
            Check::Disabled => state.status = Some(StatusFilter::Disabled),
            Check::EveryModule => state.grants = Some(GrantFilter::EveryModule),
        }
        state
    }

    /// Whether `state` is this check's list.
    pub fn is_shown_by(self, state: &ListState) -> bool {
        self.list(state) == *state
    }

    /// The query counting these tokens in `scope`: the list's filter, no
    /// rows (`limit=0`), the total in `$meta`. It keeps `select=audit`: the
    /// platform filters on `audit.created.at` only when `audit` is selected.
    pub fn count_query(self, scope: &Scope) -> Query {
        let mut q = self.list(&ListState::default()).to_rql(scope);
        q.order.clear();
        q.limit = Some(0);
        q.offset = None;
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::list_state::{Sort, SortField};

    /// 2026-11-23T12:00:00Z.
    const NOW: i64 = 1_795_435_200_000;

    fn scope(module_ids: &[String]) -> Scope<'_> {
        Scope {
            account: "ACC-1",
            now_ms: NOW,
            module_ids,
        }
    }

    fn decoded(q: &Query) -> String {
        rql::percent_decode(&q.to_query_string().unwrap()).unwrap()
    }

    #[test]
    fn each_check_counts_with_limit_zero_and_the_filter_its_link_applies() {
        assert_eq!(
            decoded(&Check::Unused.count_query(&scope(&[]))),
            r#"and(eq(account.id,"ACC-1"),eq(lastAccessAt,null()),lt(audit.created.at,"2026-11-16T12:00:00.000Z"))&select=audit&limit=0"#
        );
        assert_eq!(
            decoded(&Check::Idle.count_query(&scope(&[]))),
            r#"and(eq(account.id,"ACC-1"),lt(lastAccessAt,"2026-08-25T12:00:00.000Z"))&select=audit&limit=0"#
        );
        assert_eq!(
            decoded(&Check::Disabled.count_query(&scope(&[]))),
            r#"and(eq(account.id,"ACC-1"),eq(status,"Disabled"))&select=audit&limit=0"#
        );
        let ids = ["MOD-1".to_string(), "MOD-2".to_string()];
        assert_eq!(
            decoded(&Check::EveryModule.count_query(&scope(&ids))),
            r#"and(eq(account.id,"ACC-1"),any(modules,eq(id,"MOD-1")),any(modules,eq(id,"MOD-2")))&select=audit&limit=0"#
        );
    }

    #[test]
    fn a_link_replaces_search_and_filters_and_keeps_sort_and_page_size() {
        let current = ListState {
            search: "bot".into(),
            status: Some(StatusFilter::Active),
            sort: Sort {
                field: SortField::Created,
                descending: false,
            },
            page: 3,
            per_page: 50,
            ..ListState::default()
        };
        let idle = Check::Idle.list(&current);
        assert_eq!(idle.to_query(), "?usage=idle&sort=created&size=50");
        assert!(Check::Idle.is_shown_by(&idle));
        assert!(!Check::Unused.is_shown_by(&idle));
        assert!(!Check::Idle.is_shown_by(&current));
        assert_eq!(
            Check::Disabled.list(&ListState::default()).to_query(),
            "?status=Disabled"
        );
        assert_eq!(
            Check::EveryModule.list(&ListState::default()).to_query(),
            "?grants=every"
        );
    }
}
