//! A whole list query: filter, `order`, `select`, `limit` and `offset`.

use crate::ast::{CmpOp, Expr};
use crate::encoding::{percent_decode, percent_encode};
use crate::parse::{parse_expr, parse_value, ParseError};

/// One field of `order=`: a property and its direction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderField {
    /// Dotted property path.
    pub prop: String,
    /// `-prop`: descending.
    pub descending: bool,
}

impl OrderField {
    /// Ascending order on `prop`.
    pub fn asc(prop: &str) -> Self {
        OrderField {
            prop: prop.to_string(),
            descending: false,
        }
    }

    /// Descending order on `prop`.
    pub fn desc(prop: &str) -> Self {
        OrderField {
            prop: prop.to_string(),
            descending: true,
        }
    }
}

/// One field of `select=`: add (`+field` or `field`) or drop (`-field`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectField {
    /// Dotted property path.
    pub prop: String,
    /// `-field`: leave it out.
    pub exclude: bool,
}

/// A parsed or to-be-written list query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// The filter: top-level expressions AND-ed together.
    pub filter: Option<Expr>,
    /// Sort fields, most significant first.
    pub order: Vec<OrderField>,
    /// Field projection.
    pub select: Vec<SelectField>,
    /// Page size, as sent (the server applies its default and cap).
    pub limit: Option<i64>,
    /// Rows to skip.
    pub offset: Option<i64>,
}

fn is_identifier_call(part: &str) -> bool {
    let name_len = part.chars().take_while(|c| c.is_ascii_alphabetic()).count();
    name_len > 0 && part[name_len..].starts_with('(')
}

fn parse_number(name: &str, raw: &str) -> Result<i64, ParseError> {
    raw.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| *n >= 0)
        .ok_or_else(|| ParseError(format!("'{name}' must be a whole number of 0 or more, not '{raw}'")))
}

fn split_fields(raw: &str) -> impl Iterator<Item = &str> {
    raw.split(',').map(str::trim)
}

fn field_name(name: &str) -> Result<String, ParseError> {
    let ok = !name.is_empty()
        && name
            .split('.')
            .all(|seg| !seg.is_empty() && seg.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$'));
    if ok {
        Ok(name.to_string())
    } else {
        Err(ParseError(format!("'{name}' is not a property name")))
    }
}

impl Query {
    /// Parses a raw (still percent-encoded) query string such as
    /// `and(eq(status,Active),ilike(name,*bot*))&order=-name&limit=10`.
    pub fn parse(raw: &str) -> Result<Query, ParseError> {
        let mut q = Query::default();
        let mut filters = Vec::new();
        for raw_part in raw.split('&').filter(|p| !p.is_empty()) {
            let part = percent_decode(raw_part)
                .ok_or_else(|| ParseError(format!("'{raw_part}' is not correctly percent-encoded")))?;
            if let Some(v) = part.strip_prefix("limit=") {
                q.limit = Some(parse_number("limit", v)?);
            } else if let Some(v) = part.strip_prefix("offset=") {
                q.offset = Some(parse_number("offset", v)?);
            } else if let Some(v) = part.strip_prefix("order=") {
                for f in split_fields(v) {
                    let (prop, descending) = match f.strip_prefix('-') {
                        Some(p) => (p, true),
                        None => (f.strip_prefix('+').unwrap_or(f), false),
                    };
                    q.order.push(OrderField {
                        prop: field_name(prop)?,
                        descending,
                    });
                }
            } else if let Some(v) = part.strip_prefix("select=") {
                for f in split_fields(v) {
                    let (prop, exclude) = match f.strip_prefix('-') {
                        Some(p) => (p, true),
                        None => (f.strip_prefix('+').unwrap_or(f), false),
                    };
                    q.select.push(SelectField {
                        prop: field_name(prop)?,
                        exclude,
                    });
                }
            } else if is_identifier_call(&part) {
                filters.push(parse_expr(&part)?);
            } else if let Some((prop, value)) = part.split_once('=') {
                filters.push(Expr::Cmp {
                    op: CmpOp::Eq,
                    prop: field_name(prop.trim())?,
                    value: parse_value(value)?,
                });
            } else {
                return Err(ParseError(format!("'{part}' is neither an expression nor a parameter")));
            }
        }
        q.filter = Expr::all_of(filters);
        Ok(q)
    }

    /// Writes the query string (without `?`), every part percent-encoded.
    pub fn to_query_string(&self) -> String {
        let mut parts = Vec::new();
        if let Some(f) = &self.filter {
            parts.push(percent_encode(&f.to_string()));
        }
        if !self.order.is_empty() {
            let fields: Vec<String> = self
                .order
                .iter()
                .map(|o| format!("{}{}", if o.descending { "-" } else { "" }, o.prop))
                .collect();
            parts.push(format!("order={}", percent_encode(&fields.join(","))));
        }
        if !self.select.is_empty() {
            let fields: Vec<String> = self
                .select
                .iter()
                .map(|s| format!("{}{}", if s.exclude { "-" } else { "" }, s.prop))
                .collect();
            parts.push(format!("select={}", percent_encode(&fields.join(","))));
        }
        if let Some(l) = self.limit {
            parts.push(format!("limit={l}"));
        }
        if let Some(o) = self.offset {
            parts.push(format!("offset={o}"));
        }
        parts.join("&")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_documented_example() {
        let q = Query::parse(
            "and(eq(status,Active),ilike(name,*robot*))&order=-audit.created.at&select=audit&limit=10&offset=20",
        )
        .unwrap();
        assert!(matches!(q.filter, Some(Expr::And(_))));
        assert_eq!(q.order, vec![OrderField::desc("audit.created.at")]);
        assert_eq!(
            q.select,
            vec![SelectField {
                prop: "audit".into(),
                exclude: false
            }]
        );
        assert_eq!((q.limit, q.offset), (Some(10), Some(20)));
    }

    #[test]
    fn several_top_level_filters_and_the_shortcut_are_anded() {
        let q = Query::parse("name=Robot&eq(status,Active)").unwrap();
        assert_eq!(
            q.filter,
            Some(Expr::And(vec![Expr::eq("name", "Robot"), Expr::eq("status", "Active")]))
        );
    }

    #[test]
    fn order_accepts_plus_and_several_fields() {
        let q = Query::parse("order=+name,-lastAccessAt").unwrap();
        assert_eq!(q.order, vec![OrderField::asc("name"), OrderField::desc("lastAccessAt")]);
    }

    #[test]
    fn bad_parameters_are_errors() {
        for bad in [
            "limit=-1",
            "limit=ten",
            "offset=1.5",
            "order=",
            "select=a..b",
            "justtext",
            "%zz",
        ] {
            assert!(Query::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn written_queries_parse_back_identically() {
        let q = Query {
            filter: Expr::all_of(vec![
                Expr::contains("name", "a&b=c\"),x(*"),
                Expr::is_in("status", ["Active", "Disabled"]),
            ]),
            order: vec![OrderField::desc("audit.created.at"), OrderField::asc("name")],
            select: vec![SelectField {
                prop: "audit".into(),
                exclude: false,
            }],
            limit: Some(25),
            offset: Some(50),
        };
        let s = q.to_query_string();
        assert!(!s.contains('"'), "quotes are percent-encoded: {s}");
        assert_eq!(Query::parse(&s).unwrap(), q);
    }
}
