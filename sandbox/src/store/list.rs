//! The machinery every list shares: checking a query against a resource,
//! projection (`select`), scoping to the caller's accounts and paging.

use super::caller::Scope;
use super::query::{order_by, where_clause, Sql};
use super::schema::{Resource, ScopeRule};
use super::StoreError;
use rql::{Query, SelectField};
use rusqlite::Connection;
use serde_json::{Map, Value};

/// Page size when none is asked for, and the largest one served.
pub const MAX_LIMIT: i64 = 100;

/// Which top-level fields an answer carries. Unknown names in `select` are
/// ignored, as the platform ignores them; `*` and `-*` add or drop all.
#[derive(Debug, Clone)]
pub struct Projection {
    included: Vec<&'static str>,
    omitted: Vec<&'static str>,
}

impl Projection {
    /// Resolves `select` against a resource; `in_list` applies its list defaults.
    pub fn new(resource: &Resource, select: &[SelectField], in_list: bool) -> Projection {
        let defaults: &[&str] = if in_list { resource.omitted_in_lists } else { &[] };
        let mut included: Vec<&'static str> = resource
            .fields
            .iter()
            .copied()
            .filter(|f| !defaults.contains(f))
            .collect();
        for s in select {
            let top = s.prop.split('.').next().unwrap_or_default().trim();
            if top == "*" {
                included = if s.exclude {
                    Vec::new()
                } else {
                    resource.fields.to_vec()
                };
                continue;
            }
            let Some(field) = resource.fields.iter().find(|f| f.eq_ignore_ascii_case(top)) else {
                continue;
            };
            included.retain(|f| f != field);
            if !s.exclude {
                included.push(field);
            }
        }
        let omitted = resource
            .fields
            .iter()
            .copied()
            .filter(|f| !included.contains(f))
            .collect();
        Projection { included, omitted }
    }

    /// The resource's fields left out, as `$meta.omitted` lists them.
    pub fn omitted(&self) -> &[&'static str] {
        &self.omitted
    }

    /// Whether `field` is part of the answer.
    pub fn includes(&self, field: &str) -> bool {
        self.included.contains(&field)
    }

    /// Keeps only the included fields of an object.
    pub fn apply(&self, value: Value) -> Value {
        match value {
            Value::Object(map) => Value::Object(
                map.into_iter()
                    .filter(|(k, _)| self.included.contains(&k.as_str()))
                    .collect::<Map<_, _>>(),
            ),
            other => other,
        }
    }
}

/// A list request, checked and translated.
#[derive(Debug)]
pub struct Plan {
    filter: Option<Sql>,
    order: String,
    /// Rows per page after the default and cap.
    pub limit: i64,
    /// Rows skipped.
    pub offset: i64,
    /// Fields of each row.
    pub projection: Projection,
    /// Whether templates are to be filled in.
    pub render: bool,
}

impl Plan {
    /// Checks `q` against `resource`.
    pub fn new(resource: &Resource, q: &Query) -> Result<Plan, StoreError> {
        if q.render && !resource.renders {
            return Err(StoreError::query(
                "render() applies to audit records only.",
                Some("render()"),
            ));
        }
        let projection = Projection::new(resource, &q.select, true);
        // Fields a list leaves out by default can be neither filtered nor sorted on
        // unless selected, as the platform's documentation says of `audit`.
        let mut used = Vec::new();
        if let Some(f) = &q.filter {
            f.props(&mut used);
        }
        used.extend(q.order.iter().map(|o| o.prop.clone()));
        for prop in &used {
            let top = prop.split('.').next().unwrap_or_default();
            let default_omitted = resource.omitted_in_lists.iter().find(|f| f.eq_ignore_ascii_case(top));
            if let Some(field) = default_omitted.filter(|f| !projection.includes(f)) {
                return Err(StoreError::query(
                    format!("Filtering and sorting on '{prop}' needs '{field}' selected: add select={field}."),
                    Some(prop),
                ));
            }
        }
        Ok(Plan {
            filter: q.filter.as_ref().map(|f| where_clause(resource, f)).transpose()?,
            order: order_by(resource, &q.order)?,
            limit: q.limit.unwrap_or(MAX_LIMIT).min(MAX_LIMIT),
            offset: q.offset.unwrap_or(0),
            projection,
            render: q.render,
        })
    }

    /// The total and the keys of this page's rows, within `scope`.
    pub fn fetch_keys(
        &self,
        conn: &Connection,
        resource: &Resource,
        scope: &Scope,
    ) -> Result<(i64, Vec<String>), StoreError> {
        let (scope_sql, scope_params) = scope_condition(resource, scope);
        let mut cond = format!("{} AND {scope_sql}", resource.always);
        let mut params: Vec<rusqlite::types::Value> =
            scope_params.into_iter().map(rusqlite::types::Value::Text).collect();
        if let Some(f) = &self.filter {
            cond = format!("{cond} AND {}", f.text);
            params.extend(f.params.iter().cloned());
        }
        let count_sql = format!("SELECT COUNT(*) FROM {} WHERE {cond}", resource.from);
        let total: i64 = conn.query_row(&count_sql, rusqlite::params_from_iter(params.iter()), |r| r.get(0))?;
        if self.limit == 0 {
            return Ok((total, Vec::new()));
        }
        let page_sql = format!(
            "SELECT {} FROM {} WHERE {cond} ORDER BY {} LIMIT {} OFFSET {}",
            resource.key, resource.from, self.order, self.limit, self.offset
        );
        let mut stmt = conn.prepare(&page_sql)?;
        let keys = stmt
            .query_map(rusqlite::params_from_iter(params.iter()), |r| r.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok((total, keys))
    }
}

/// The condition limiting `resource`'s rows to `scope`, with its parameters.
pub fn scope_condition(resource: &Resource, scope: &Scope) -> (String, Vec<String>) {
    match (resource.scope, scope) {
        (_, Scope::Everything) => ("1 = 1".into(), Vec::new()),
        (ScopeRule::Column(col), s) => s.sql(col),
        (ScopeRule::EnabledModules, s) => {
            let (inner, params) = s.sql("am.account_id");
            (
                format!("EXISTS (SELECT 1 FROM account_modules am WHERE am.module_id = m.id AND {inner})"),
                params,
            )
        }
        (ScopeRule::Viewers, s) => {
            let (inner, params) = s.sql("v.account_id");
            (
                format!("EXISTS (SELECT 1 FROM audit_viewers v WHERE v.record_id = a.id AND {inner})"),
                params,
            )
        }
    }
}

/// An object a list can serve: its resource, and how one row is read.
pub trait Listed: Sized {
    /// The table, properties and defaults it is listed by.
    const RESOURCE: &'static Resource;
    /// One row by key (`render`: fill in templates), `None` if it is gone.
    fn load(conn: &Connection, key: &str, render: bool) -> Result<Option<Self>, StoreError>;
}

/// One page of a list, with what the answer is to show of each row.
#[derive(Debug)]
pub struct Page<T> {
    /// Matching rows in all pages.
    pub total: i64,
    /// Rows skipped.
    pub offset: i64,
    /// Rows per page after the default and cap.
    pub limit: i64,
    /// This page's rows.
    pub rows: Vec<T>,
    /// The fields `select` leaves in.
    pub projection: Projection,
}

/// A whole list answer for `q` within `scope`.
pub fn run<T: Listed>(conn: &Connection, scope: &Scope, q: &Query) -> Result<Page<T>, StoreError> {
    let plan = Plan::new(T::RESOURCE, q)?;
    let (total, keys) = plan.fetch_keys(conn, T::RESOURCE, scope)?;
    let mut rows = Vec::with_capacity(keys.len());
    for key in keys {
        rows.extend(T::load(conn, &key, plan.render)?);
    }
    Ok(Page {
        total,
        offset: plan.offset,
        limit: plan.limit,
        rows,
        projection: plan.projection,
    })
}

/// Whether the row `key` of `resource` is within `scope`.
pub fn visible(conn: &Connection, resource: &Resource, scope: &Scope, key: &str) -> Result<bool, StoreError> {
    let (scope_sql, mut params) = scope_condition(resource, scope);
    params.insert(0, key.to_string());
    let sql = format!(
        "SELECT EXISTS (SELECT 1 FROM {} WHERE {} = ? AND {} AND {scope_sql})",
        resource.from, resource.key, resource.always
    );
    Ok(conn.query_row(&sql, rusqlite::params_from_iter(params.iter()), |r| r.get(0))?)
}
