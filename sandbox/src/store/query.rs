//! Translating RQL into parameterised SQL for a [`Resource`] of the schema
//! it is given. Property names (case-insensitive, as on the platform) are
//! looked up in the resource's fixed table of columns; every value becomes a
//! bound parameter, so nothing in a query string can change the statement's
//! text beyond choosing among those columns and operators.

use super::schema::{Collection, Column, Kind, Resource};
use super::StoreError;
use crate::domain::clock;
use rql::{CmpOp, Expr, OrderField, Pattern, Value};
use rusqlite::types::Value as SqlValue;

/// A WHERE condition with its bound parameters.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Sql {
    /// SQL text using `?` placeholders.
    pub text: String,
    /// Parameters in placeholder order.
    pub params: Vec<SqlValue>,
}

fn find<'a>(columns: &'a [Column], prop: &str) -> Option<&'a Column> {
    columns.iter().find(|c| c.prop.eq_ignore_ascii_case(prop))
}

fn invalid_path(prop: &str) -> StoreError {
    StoreError::query("Invalid property path.", Some(prop))
}

fn bind(col: &Column, raw: &str) -> Result<SqlValue, StoreError> {
    match col.kind {
        Kind::Text => Ok(SqlValue::Text(raw.to_string())),
        Kind::DateTime => clock::normalize(raw).map(SqlValue::Text).ok_or_else(|| {
            StoreError::query(
                format!("Cannot convert value: '{raw}'. Use UTC ISO 8601 such as 2026-01-31T23:00:00.000Z."),
                Some(col.prop),
            )
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

struct Translator<'a> {
    columns: &'a [Column],
    collections: &'a [Collection],
    params: Vec<SqlValue>,
}

impl Translator<'_> {
    fn collection(&self, prop: &str) -> Option<Collection> {
        self.collections
            .iter()
            .find(|c| c.prop.eq_ignore_ascii_case(prop))
            .copied()
    }

    /// `modules.id` → the `modules` collection and its item column `id`.
    fn collection_path(&self, prop: &str) -> Option<(Collection, Column)> {
        let (head, rest) = prop.split_once('.')?;
        let coll = self.collection(head)?;
        Some((coll, *find(coll.items, rest)?))
    }

    fn nested(&mut self, columns: &[Column], e: &Expr) -> Result<String, StoreError> {
        let mut inner = Translator {
            columns,
            collections: &[],
            params: Vec::new(),
        };
        let cond = inner.expr(e)?;
        self.params.extend(inner.params);
        Ok(cond)
    }

    fn expr(&mut self, e: &Expr) -> Result<String, StoreError> {
        match e {
            Expr::And(items) | Expr::Or(items) => {
                let joiner = if matches!(e, Expr::And(_)) { " AND " } else { " OR " };
                let parts = items.iter().map(|i| self.expr(i)).collect::<Result<Vec<_>, _>>()?;
                Ok(format!("({})", parts.join(joiner)))
            }
            Expr::Not(inner) => Ok(format!("(NOT {})", self.expr(inner)?)),
            Expr::Collection { collection, expr, all } => {
                let coll = self.collection(collection).ok_or_else(|| invalid_path(collection))?;
                match (expr, all) {
                    (None, _) => Ok(format!("(EXISTS ({}))", coll.exists)),
                    (Some(inner), false) => {
                        let cond = self.nested(coll.items, inner)?;
                        Ok(format!("(EXISTS ({} AND {cond}))", coll.exists))
                    }
                    (Some(inner), true) => {
                        let cond = self.nested(coll.items, inner)?;
                        Ok(format!("(NOT EXISTS ({} AND NOT {cond}))", coll.exists))
                    }
                }
            }
            Expr::Cmp { prop, .. } | Expr::In { prop, .. } | Expr::Like { prop, .. } => {
                if let Some(coll) = self.collection(prop) {
                    return whole_collection(&coll, e);
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
                let col = *find(self.columns, prop).ok_or_else(|| invalid_path(prop))?;
                self.leaf(&col, e)
            }
        }
    }

    fn leaf(&mut self, col: &Column, e: &Expr) -> Result<String, StoreError> {
        let c = col.sql;
        match e {
            Expr::Cmp {
                op, value: Value::Null, ..
            } => match op {
                CmpOp::Eq => Ok(format!("{c} IS NULL")),
                CmpOp::Ne => Ok(format!("{c} IS NOT NULL")),
                _ => Err(StoreError::query(
                    format!("Operator '{}' cannot compare with null()", op.name()),
                    Some(col.prop),
                )),
            },
            Expr::Cmp {
                op,
                value: Value::Empty,
                ..
            } => match op {
                CmpOp::Eq => Ok(format!("COALESCE({c}, '') = ''")),
                CmpOp::Ne => Ok(format!("COALESCE({c}, '') <> ''")),
                _ => Err(StoreError::query(
                    format!("Operator '{}' cannot compare with empty()", op.name()),
                    Some(col.prop),
                )),
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
                for v in values {
                    match v {
                        Value::Text(t) => self.params.push(bind(col, t)?),
                        Value::Empty => self.params.push(SqlValue::Text(String::new())),
                        Value::Null => return Err(StoreError::query("Null values are not supported.", None)),
                    }
                }
                let list = vec!["?"; values.len()].join(", ");
                Ok(if *negated {
                    format!("({c} IS NULL OR {c} NOT IN ({list}))")
                } else {
                    format!("{c} IN ({list})")
                })
            }
            Expr::Like { pattern, fold, .. } => {
                if col.kind != Kind::Text {
                    return Err(StoreError::query(
                        "Operator 'Contains' is not permitted",
                        Some(col.prop),
                    ));
                }
                let Pattern {
                    leading,
                    literal,
                    trailing,
                } = pattern.clone();
                self.params.extend([
                    SqlValue::Integer(i64::from(leading)),
                    SqlValue::Text(literal),
                    SqlValue::Integer(i64::from(trailing)),
                    SqlValue::Integer(i64::from(*fold)),
                ]);
                Ok(format!("rql_like({c}, ?, ?, ?, ?)"))
            }
            _ => Err(StoreError::query("Unsupported property node.", Some(col.prop))),
        }
    }
}

/// `eq(modules,empty())` / `ne(modules,empty())`: whether the collection has items.
fn whole_collection(coll: &Collection, e: &Expr) -> Result<String, StoreError> {
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
        _ => Err(StoreError::query(
            format!(
                "'{}' is a collection: compare it only with empty(), or use any({0},…) or {0}.<property>",
                coll.prop
            ),
            Some(coll.prop),
        )),
    }
}

/// Translates a filter for `resource` into a WHERE condition.
pub fn where_clause(resource: &Resource, filter: &Expr) -> Result<Sql, StoreError> {
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
pub fn order_by(resource: &Resource, order: &[OrderField]) -> Result<String, StoreError> {
    let mut parts = Vec::new();
    for o in order {
        let col = find(resource.columns, &o.prop).ok_or_else(|| invalid_path(&o.prop))?;
        parts.push(format!("{} {}", col.sql, if o.descending { "DESC" } else { "ASC" }));
    }
    if parts.is_empty() {
        parts.push(resource.default_order.to_string());
    }
    parts.push(format!("{} ASC", resource.key));
    Ok(parts.join(", "))
}

#[cfg(test)]
mod tests;
