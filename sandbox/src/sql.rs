//! Translating RQL into parameterised SQL. Property names are looked up in a
//! fixed table of columns; every value becomes a bound parameter, so nothing in
//! a query string can change the statement's text beyond choosing among those
//! columns and operators.

mod resources;

pub use resources::{Resource, ACCOUNTS, AUDIT_RECORDS, MODULES, TOKENS};

use crate::clock;
use crate::problem::Problem;
use rql::{CmpOp, Expr, OrderField, Pattern, PatternPart, Value};

/// How a column's values are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Plain text.
    Text,
    /// An instant stored as canonical ISO 8601 text; query values are normalised.
    DateTime,
}

/// A property that maps to one SQL expression.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// Dotted RQL property path.
    pub prop: &'static str,
    /// SQL expression (a column of the resource's main table alias).
    pub sql: &'static str,
    /// Comparison kind.
    pub kind: Kind,
}

/// A collection property (`modules`): items reached through an EXISTS subquery.
#[derive(Debug, Clone, Copy)]
pub struct Collection {
    /// RQL name of the collection.
    pub prop: &'static str,
    /// `SELECT 1 FROM … WHERE <join to the outer row>`; conditions are appended with AND.
    pub exists: &'static str,
    /// The items' own properties.
    pub items: &'static [Column],
}

/// A WHERE clause with its bound parameters.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Sql {
    /// SQL text using `?` placeholders.
    pub text: String,
    /// Parameters in placeholder order.
    pub params: Vec<String>,
}

fn find<'a>(columns: &'a [Column], prop: &str) -> Option<&'a Column> {
    columns.iter().find(|c| c.prop == prop)
}

fn bind(col: &Column, raw: &str) -> Result<String, Problem> {
    match col.kind {
        Kind::Text => Ok(raw.to_string()),
        Kind::DateTime => clock::normalize(raw).ok_or_else(|| {
            Problem::bad_query(format!(
                "'{raw}' is not a date-time for '{}'; use UTC ISO 8601 such as 2026-01-31T23:00:00.000Z",
                col.prop
            ))
        }),
    }
}

fn sql_op(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "=",
        CmpOp::Ne => "IS NOT",
        CmpOp::Gt => ">",
        CmpOp::Ge => ">=",
        CmpOp::Lt => "<",
        CmpOp::Le => "<=",
    }
}

/// LIKE pattern (with `\` as escape) for a lower-cased RQL pattern.
fn like_pattern(p: &Pattern) -> String {
    let mut out = String::new();
    for part in &p.0 {
        match part {
            PatternPart::Wildcard => out.push('%'),
            PatternPart::Literal(s) => {
                for c in s.to_lowercase().chars() {
                    if matches!(c, '%' | '_' | '\\') {
                        out.push('\\');
                    }
                    out.push(c);
                }
            }
        }
    }
    out
}

struct Translator<'a> {
    columns: &'a [Column],
    collections: &'a [Collection],
    params: Vec<String>,
}

impl Translator<'_> {
    fn column(&self, prop: &str) -> Result<Column, Problem> {
        find(self.columns, prop)
            .copied()
            .ok_or_else(|| Problem::bad_query(format!("'{prop}' is not a property that can be filtered on")))
    }

    /// `modules.id` → the `modules` collection and its item column `id`.
    fn collection_path(&self, prop: &str) -> Option<(Collection, Column)> {
        let (head, rest) = prop.split_once('.')?;
        let coll = self.collections.iter().find(|c| c.prop == head)?;
        Some((*coll, *find(coll.items, rest)?))
    }

    fn expr(&mut self, e: &Expr) -> Result<String, Problem> {
        match e {
            Expr::And(items) | Expr::Or(items) => {
                let joiner = if matches!(e, Expr::And(_)) { " AND " } else { " OR " };
                let parts = items.iter().map(|i| self.expr(i)).collect::<Result<Vec<_>, _>>()?;
                Ok(format!("({})", parts.join(joiner)))
            }
            Expr::Not(inner) => Ok(format!("(NOT {})", self.expr(inner)?)),
            Expr::Collection { collection, expr, all } => {
                let coll = self
                    .collections
                    .iter()
                    .find(|c| c.prop == collection)
                    .copied()
                    .ok_or_else(|| Problem::bad_query(format!("'{collection}' is not a collection")))?;
                let mut inner = Translator {
                    columns: coll.items,
                    collections: &[],
                    params: Vec::new(),
                };
                let cond = inner.expr(expr)?;
                self.params.extend(inner.params);
                Ok(if *all {
                    format!("(NOT EXISTS ({} AND NOT {cond}))", coll.exists)
                } else {
                    format!("(EXISTS ({} AND {cond}))", coll.exists)
                })
            }
            Expr::Cmp { prop, .. } | Expr::In { prop, .. } | Expr::Ilike { prop, .. } => {
                if let Some(coll) = self.collections.iter().find(|c| c.prop == prop).copied() {
                    return self.whole_collection(&coll, e);
                }
                if let Some((coll, item)) = self.collection_path(prop) {
                    let mut inner = Translator {
                        columns: &[],
                        collections: &[],
                        params: Vec::new(),
                    };
                    let cond = inner.leaf(&item, e)?;
                    self.params.extend(inner.params);
                    return Ok(format!("(EXISTS ({} AND {cond}))", coll.exists));
                }
                let col = self.column(prop)?;
                self.leaf(&col, e)
            }
        }
    }

    /// `eq(modules,empty())` / `ne(modules,empty())`: whether the collection has items.
    fn whole_collection(&mut self, coll: &Collection, e: &Expr) -> Result<String, Problem> {
        match e {
            Expr::Cmp {
                op: CmpOp::Eq,
                value: Value::Empty | Value::Null,
                ..
            } => Ok(format!("(NOT EXISTS ({}))", coll.exists)),
            Expr::Cmp {
                op: CmpOp::Ne,
                value: Value::Empty | Value::Null,
                ..
            } => Ok(format!("(EXISTS ({}))", coll.exists)),
            _ => Err(Problem::bad_query(format!(
                "'{}' is a collection: compare it only with empty(), or use any({0},…) or {0}.<property>",
                coll.prop
            ))),
        }
    }

    fn leaf(&mut self, col: &Column, e: &Expr) -> Result<String, Problem> {
        let c = col.sql;
        match e {
            Expr::Cmp {
                op, value: Value::Null, ..
            } => match op {
                CmpOp::Eq => Ok(format!("{c} IS NULL")),
                CmpOp::Ne => Ok(format!("{c} IS NOT NULL")),
                _ => Err(Problem::bad_query(format!(
                    "{}() cannot compare with null()",
                    op.name()
                ))),
            },
            Expr::Cmp {
                op,
                value: Value::Empty,
                ..
            } => match op {
                CmpOp::Eq => Ok(format!("COALESCE({c}, '') = ''")),
                CmpOp::Ne => Ok(format!("COALESCE({c}, '') <> ''")),
                _ => Err(Problem::bad_query(format!(
                    "{}() cannot compare with empty()",
                    op.name()
                ))),
            },
            Expr::Cmp {
                op,
                value: Value::Text(v),
                ..
            } => {
                self.params.push(bind(col, v)?);
                Ok(format!("{c} {} ?", sql_op(*op)))
            }
            Expr::In { values, negated, .. } => {
                let mut marks = Vec::with_capacity(values.len());
                for v in values {
                    match v {
                        Value::Text(t) => self.params.push(bind(col, t)?),
                        Value::Null | Value::Empty => {
                            return Err(Problem::bad_query("in() and out() take plain values only"))
                        }
                    }
                    marks.push("?");
                }
                let list = marks.join(", ");
                Ok(if *negated {
                    format!("({c} IS NULL OR {c} NOT IN ({list}))")
                } else {
                    format!("{c} IN ({list})")
                })
            }
            Expr::Ilike { pattern, .. } => {
                self.params.push(like_pattern(pattern));
                Ok(format!("rql_fold({c}) LIKE ? ESCAPE '\\'"))
            }
            _ => Err(Problem::bad_query("unsupported expression")),
        }
    }
}

/// Translates a filter for `resource` into a WHERE condition.
pub fn where_clause(resource: &Resource, filter: &Expr) -> Result<Sql, Problem> {
    let mut t = Translator {
        columns: resource.columns,
        collections: resource.collections,
        params: Vec::new(),
    };
    let text = t.expr(filter)?;
    Ok(Sql { text, params: t.params })
}

/// Translates `order=` into an ORDER BY list, ending with the primary key so
/// pages never overlap or skip rows.
pub fn order_by(resource: &Resource, order: &[OrderField]) -> Result<String, Problem> {
    let mut parts = Vec::new();
    for o in order {
        let col = find(resource.columns, &o.prop)
            .ok_or_else(|| Problem::bad_query(format!("'{}' is not a property that can be sorted on", o.prop)))?;
        parts.push(format!("{} {}", col.sql, if o.descending { "DESC" } else { "ASC" }));
    }
    if parts.is_empty() {
        parts.push(resource.default_order.to_string());
    }
    parts.push(format!("{} ASC", resource.key));
    Ok(parts.join(", "))
}

/// Every property path that `e` refers to (collections by their own name).
pub fn referenced_props(e: &Expr, out: &mut Vec<String>) {
    match e {
        Expr::Cmp { prop, .. } | Expr::In { prop, .. } | Expr::Ilike { prop, .. } => out.push(prop.clone()),
        Expr::And(items) | Expr::Or(items) => items.iter().for_each(|i| referenced_props(i, out)),
        Expr::Not(inner) => referenced_props(inner, out),
        Expr::Collection { collection, .. } => out.push(collection.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rql::parse_expr;

    fn sql(filter: &str) -> Result<Sql, Problem> {
        where_clause(&TOKENS, &parse_expr(filter).unwrap())
    }

    #[test]
    fn values_are_bound_never_inlined() {
        let s = sql(r#"eq(name,"x' OR 1=1 --")"#).unwrap();
        assert_eq!(s.text, "t.name = ?");
        assert_eq!(s.params, vec!["x' OR 1=1 --".to_string()]);
    }

    #[test]
    fn unknown_properties_are_refused() {
        let e = sql("eq(token_secret,x)").unwrap_err();
        assert_eq!(e.status.as_u16(), 400);
        assert!(e.detail.contains("token_secret"));
        // A property cannot be quoted, so it cannot smuggle SQL text either.
        assert!(parse_expr("eq(\"name) OR 1=1 --\",x)").is_err());
    }

    #[test]
    fn ilike_escapes_like_metacharacters() {
        let s = sql(r#"ilike(name,"*50%_off\*")"#).unwrap();
        assert_eq!(s.params, vec![r"%50\%\_off*".to_string()]);
    }

    #[test]
    fn collections_become_exists_subqueries() {
        let s = sql("any(modules,eq(id,MOD-1234))").unwrap();
        assert!(s.text.starts_with("(EXISTS (SELECT 1 FROM token_modules"));
        let s2 = sql("eq(modules.id,MOD-1234)").unwrap();
        assert_eq!(s.params, s2.params);
        assert!(sql("eq(modules,MOD-1)").is_err());
    }

    #[test]
    fn dates_are_normalised_and_checked() {
        let s = sql("gt(lastAccessAt,2026-01-31T23:00:00Z)").unwrap();
        assert_eq!(s.params, vec!["2026-01-31T23:00:00.000Z".to_string()]);
        assert!(sql("gt(lastAccessAt,yesterday)").is_err());
        assert_eq!(sql("eq(lastAccessAt,null())").unwrap().text, "t.last_access_at IS NULL");
    }
}
