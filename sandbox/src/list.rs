//! The shared machinery of list endpoints: RQL parsing, paging limits,
//! projection, and the `{"$meta":{"pagination":…},"data":[…]}` envelope.

use crate::problem::Problem;
use crate::sql::{self, Resource, Sql};
use rql::Query;
use rusqlite::Connection;
use serde_json::{json, Map, Value};

/// Page size when none is asked for, and the largest one served.
pub const MAX_LIMIT: i64 = 100;

/// A list request, checked and translated.
#[derive(Debug)]
pub struct Plan {
    filter: Option<Sql>,
    order: String,
    /// Rows per page after the default and cap.
    pub limit: i64,
    /// Rows skipped.
    pub offset: i64,
    projection: Projection,
}

/// Which top-level fields an answer carries.
#[derive(Debug, Clone)]
pub struct Projection {
    included: Vec<&'static str>,
    omitted: Vec<&'static str>,
}

impl Projection {
    /// Resolves `select` against a resource; `in_list` applies its list defaults.
    pub fn new(resource: &Resource, select: &[rql::SelectField], in_list: bool) -> Result<Self, Problem> {
        let mut omitted: Vec<&'static str> = if in_list {
            resource.omitted_in_lists.to_vec()
        } else {
            Vec::new()
        };
        let mut excluded: Vec<&'static str> = Vec::new();
        for s in select {
            let top = s.prop.split('.').next().unwrap_or_default();
            let field = resource
                .fields
                .iter()
                .find(|f| **f == top)
                .ok_or_else(|| Problem::bad_query(format!("'{}' is not a field that can be selected", s.prop)))?;
            if s.exclude {
                excluded.push(field);
            } else {
                omitted.retain(|o| o != field);
            }
        }
        let included = resource
            .fields
            .iter()
            .copied()
            .filter(|f| !omitted.contains(f) && !excluded.contains(f))
            .collect();
        omitted.extend(excluded);
        Ok(Projection { included, omitted })
    }

    /// Whether `field` is part of the answer.
    pub fn includes(&self, field: &str) -> bool {
        self.included.contains(&field)
    }

    /// Keeps only the included fields of an object.
    pub fn apply(&self, value: Value) -> Value {
        match value {
            Value::Object(map) => {
                let kept: Map<String, Value> = map
                    .into_iter()
                    .filter(|(k, _)| self.included.contains(&k.as_str()))
                    .collect();
                Value::Object(kept)
            }
            other => other,
        }
    }
}

impl Plan {
    /// Parses and checks the raw query string of a list request.
    pub fn new(resource: &Resource, raw_query: &str) -> Result<Plan, Problem> {
        let q = Query::parse(raw_query)?;
        let projection = Projection::new(resource, &q.select, true)?;
        // Properties of an omitted field can be neither filtered nor sorted on.
        let mut used = Vec::new();
        if let Some(f) = &q.filter {
            sql::referenced_props(f, &mut used);
        }
        used.extend(q.order.iter().map(|o| o.prop.clone()));
        for prop in &used {
            let top = prop.split('.').next().unwrap_or_default();
            if projection.omitted.contains(&top) {
                return Err(Problem::bad_query(format!(
                    "'{prop}' can be used only when '{top}' is selected: add select=+{top}"
                )));
            }
        }
        let filter = q.filter.as_ref().map(|f| sql::where_clause(resource, f)).transpose()?;
        let order = sql::order_by(resource, &q.order)?;
        Ok(Plan {
            filter,
            order,
            limit: q.limit.unwrap_or(MAX_LIMIT).min(MAX_LIMIT),
            offset: q.offset.unwrap_or(0),
            projection,
        })
    }

    /// The projection to apply to each row.
    pub fn projection(&self) -> &Projection {
        &self.projection
    }

    /// Runs the count and the page query; `scope` is a condition every row must
    /// meet (e.g. the caller's account) with its own parameters.
    pub fn fetch_keys(
        &self,
        conn: &Connection,
        resource: &Resource,
        scope: &str,
        scope_params: &[&str],
    ) -> Result<(i64, Vec<String>), Problem> {
        let mut cond = scope.to_string();
        let mut params: Vec<String> = scope_params.iter().map(|s| s.to_string()).collect();
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

    /// The list envelope around already projected rows.
    pub fn envelope(&self, total: i64, data: Vec<Value>) -> Value {
        let mut meta = json!({
            "pagination": { "offset": self.offset, "limit": self.limit, "total": total }
        });
        if !self.projection.omitted.is_empty() {
            meta["omitted"] = json!(self.projection.omitted);
        }
        json!({ "$meta": meta, "data": data })
    }
}
