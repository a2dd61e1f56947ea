//! The RQL query a list state asks the API for.

use super::super::format::{days_before, IDLE_DAYS, UNUSED_DAYS};
use super::{GrantFilter, ListState, SortField, UsageFilter};
use rql::{CmpOp, Expr, OrderField, Query, SelectField, Value};

/// What a list query is relative to: the account, the moment from which
/// "idle" and "created over a week ago" are counted, and the modules the
/// account's tokens can be given (for "granted every module").
#[derive(Debug, Clone, Copy)]
pub struct Scope<'a> {
    pub account: &'a str,
    pub now_ms: i64,
    /// Module ids; only read when the state filters on grants.
    pub module_ids: &'a [String],
}

impl ListState {
    /// Whether [`ListState::to_rql`] needs the account's module ids.
    pub fn needs_module_ids(&self) -> bool {
        self.grants.is_some()
    }

    /// The API query for this state in `scope`.
    pub fn to_rql(&self, scope: &Scope) -> Query {
        let mut filters = vec![Expr::eq("account.id", scope.account)];
        filters.extend(super::super::search::search_filter(&self.search));
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
            value: Value::text(days_before(scope.now_ms, days)),
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
        // One `any()` per module: RQL has no "contains all of".
        if let Some(GrantFilter::EveryModule) = self.grants {
            filters.extend(
                scope
                    .module_ids
                    .iter()
                    .map(|id| Expr::any("modules", Expr::eq("id", id.as_str()))),
            );
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
}

#[cfg(test)]
mod tests {
    use super::super::{Sort, StatusFilter};
    use super::*;

    /// 2026-11-23T12:00:00Z.
    const NOW: i64 = 1_795_435_200_000;

    fn scope(account: &str) -> Scope<'_> {
        Scope {
            account,
            now_ms: NOW,
            module_ids: &[],
        }
    }

    fn filter_of(state: ListState, scope: &Scope) -> String {
        state
            .to_rql(scope)
            .filter
            .map(|f| f.to_rql().unwrap())
            .unwrap_or_default()
    }

    #[test]
    fn rql_quotes_the_search_text_so_it_cannot_change_the_query() {
        let s = ListState {
            search: "x\"),eq(status,Deleted".into(),
            ..ListState::default()
        };
        let q = s.to_rql(&scope("ACC-1"));
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
            ..ListState::default()
        };
        let q = s.to_rql(&scope("ACC-0001-0002")).to_query_string().unwrap();
        assert_eq!(
            rql::percent_decode(&q).unwrap(),
            r#"and(eq(account.id,"ACC-0001-0002"),ilike(name,"*bot*"),eq(status,"Active"),any(modules,eq(id,"MOD-1255")),eq(lastAccessAt,null()))&order=-audit.created.at,name&select=audit&limit=25&offset=25"#
        );
        let usage = |usage| ListState {
            usage: Some(usage),
            ..ListState::default()
        };
        assert_eq!(
            filter_of(usage(UsageFilter::Idle), &scope("ACC-1")),
            r#"and(eq(account.id,"ACC-1"),lt(lastAccessAt,"2026-08-25T12:00:00.000Z"))"#
        );
        assert_eq!(
            filter_of(usage(UsageFilter::Unused), &scope("ACC-1")),
            r#"and(eq(account.id,"ACC-1"),eq(lastAccessAt,null()),lt(audit.created.at,"2026-11-16T12:00:00.000Z"))"#
        );
    }

    #[test]
    fn every_module_asks_for_each_of_the_accounts_modules() {
        let every = ListState {
            grants: Some(GrantFilter::EveryModule),
            ..ListState::default()
        };
        assert!(every.needs_module_ids());
        assert!(!ListState::default().needs_module_ids());
        let ids = ["MOD-1".to_string(), "MOD-2".to_string()];
        let scope = Scope {
            module_ids: &ids,
            ..scope("ACC-1")
        };
        assert_eq!(
            filter_of(every, &scope),
            r#"and(eq(account.id,"ACC-1"),any(modules,eq(id,"MOD-1")),any(modules,eq(id,"MOD-2")))"#
        );
        // Module ids are only read for the grants filter.
        assert_eq!(filter_of(ListState::default(), &scope), r#"eq(account.id,"ACC-1")"#);
    }
}
