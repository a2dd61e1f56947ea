//! A whole list query as the platform's web layer reads its query string:
//! split on `&`, each part decoded (`+` is a space), a repeated key keeps its
//! first value; `limit`, `offset`, `select` and `order` are parameters and
//! `render()` an option; every other part (`name=value`, or a bare
//! expression) is a filter item, and the items are joined with `,` (and)
//! before the filter is parsed.

use crate::ast::Expr;
use crate::encoding::{decode_component, percent_encode};
use crate::error::{ParseError, WriteError};
use crate::parse::parse_filter;

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

/// One field of `select=`: add (`+field`, `field`) or drop (`-field`). The
/// text is kept as sent (`*`, `audit`, `request.api.geolocation`); which
/// names mean something is the resource's business.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectField {
    /// Field path, or `*`.
    pub prop: String,
    /// `-field`: leave it out.
    pub exclude: bool,
}

impl SelectField {
    /// `+prop`
    pub fn include(prop: &str) -> Self {
        SelectField {
            prop: prop.to_string(),
            exclude: false,
        }
    }
}

/// A parsed or to-be-written list query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// The filter: its items AND-ed together.
    pub filter: Option<Expr>,
    /// Sort fields, most significant first.
    pub order: Vec<OrderField>,
    /// Field projection.
    pub select: Vec<SelectField>,
    /// Page size, as sent (the server applies its default and cap).
    pub limit: Option<i64>,
    /// Rows to skip.
    pub offset: Option<i64>,
    /// `render()`: fill in templates (audit records' `details`).
    pub render: bool,
}

fn number(name: &str, raw: Option<&str>) -> Result<i64, ParseError> {
    raw.and_then(|r| r.trim().parse::<i64>().ok())
        .filter(|n| *n >= 0)
        .ok_or_else(|| {
            ParseError::invalid(
                format!(
                    "'{name}' must be a whole number of 0 or more, not '{}'",
                    raw.unwrap_or_default()
                ),
                Some(name),
            )
        })
}

/// The sign rule of `select` and `order`: `-` drops or descends; `+`, a space
/// (a `+` decoded) or nothing adds or ascends.
fn signed(field: &str) -> (&str, bool) {
    match field.strip_prefix('-') {
        Some(rest) => (rest, true),
        None => (field.strip_prefix(['+', ' ']).unwrap_or(field), false),
    }
}

fn order_fields(raw: &str) -> Result<Vec<OrderField>, ParseError> {
    let mut fields = Vec::new();
    for f in raw.split(',').filter(|f| !f.is_empty()) {
        let (prop, descending) = signed(f);
        let plain = !prop.is_empty()
            && prop
                .split('.')
                .all(|s| !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '$'));
        if !plain {
            return Err(ParseError::invalid("Invalid property path.", Some(prop)));
        }
        fields.push(OrderField {
            prop: prop.to_string(),
            descending,
        });
    }
    if fields.is_empty() {
        return Err(ParseError::invalid(
            "No valid ordering properties were detected",
            Some("order:no_props"),
        ));
    }
    Ok(fields)
}

fn decode(part: &str) -> Result<String, ParseError> {
    decode_component(part).ok_or_else(|| ParseError::syntax(format!("'{part}' is not correctly percent-encoded")))
}

impl Query {
    /// Parses a raw (still percent-encoded) query string such as
    /// `and(eq(status,Active),ilike(name,*bot*))&order=-name&limit=10`.
    pub fn parse(raw: &str) -> Result<Query, ParseError> {
        let mut q = Query::default();
        let mut seen: Vec<String> = Vec::new();
        let mut items: Vec<String> = Vec::new();
        for part in raw.split('&').filter(|p| !p.is_empty()) {
            let (name, value) = match part.split_once('=') {
                Some((n, v)) => (decode(n)?.trim_start().to_string(), Some(decode(v)?)),
                None => (decode(part)?, None),
            };
            let key = name.to_lowercase();
            if seen.contains(&key) {
                continue;
            }
            seen.push(key.clone());
            let value_str = value.as_deref();
            match key.as_str() {
                "limit" => q.limit = Some(number("limit", value_str)?),
                "offset" => q.offset = Some(number("offset", value_str)?),
                "order" => q.order = order_fields(value_str.unwrap_or_default())?,
                "select" => {
                    q.select = value_str
                        .unwrap_or_default()
                        .split(',')
                        .filter(|f| !f.trim().is_empty())
                        .map(|f| {
                            let (prop, exclude) = signed(f);
                            SelectField {
                                prop: prop.to_string(),
                                exclude,
                            }
                        })
                        .collect();
                }
                "render()" if value_str.unwrap_or_default().is_empty() => q.render = true,
                _ => items.push(match value_str {
                    Some(v) if !v.is_empty() => format!("{name}={v}"),
                    _ => name,
                }),
            }
        }
        q.filter = parse_filter(&items.join(","))?;
        Ok(q)
    }

    /// Writes the query string (without `?`), every part percent-encoded.
    pub fn to_query_string(&self) -> Result<String, WriteError> {
        let mut parts = Vec::new();
        if let Some(f) = &self.filter {
            parts.push(percent_encode(&f.to_rql()?));
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
        if self.render {
            parts.push("render()".into());
        }
        Ok(parts.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CmpOp, Value};

    #[test]
    fn parses_the_documented_example() {
        let q = Query::parse(
            "and(eq(status,Active),ilike(name,*robot*))&order=-audit.created.at&select=audit&limit=10&offset=20",
        )
        .unwrap();
        assert!(matches!(q.filter, Some(Expr::And(_))));
        assert_eq!(q.order, vec![OrderField::desc("audit.created.at")]);
        assert_eq!(q.select, vec![SelectField::include("audit")]);
        assert_eq!((q.limit, q.offset), (Some(10), Some(20)));
    }

    #[test]
    fn reads_what_the_official_python_client_sends() {
        // Lists: filter raw with single quotes, %20 for spaces, render() last.
        let q =
            Query::parse("limit=100&offset=0&select=-name&and(eq(id,'TKN-8857-1729'),eq(name,'E2E%20Seeded%20Token'))")
                .unwrap();
        assert_eq!(
            q.filter,
            Some(Expr::And(vec![
                Expr::eq("id", "TKN-8857-1729"),
                Expr::eq("name", "E2E Seeded Token")
            ]))
        );
        assert_eq!(
            q.select,
            vec![SelectField {
                prop: "name".into(),
                exclude: true
            }]
        );
        let q = Query::parse("limit=100&offset=0&eq(object.id,'PRD-7255-3950')&render()").unwrap();
        assert!(q.render);
        // Single reads: httpx turns render() into `render%28%29=`.
        let q = Query::parse("select=object%2Cactor%2Cdetails&render%28%29=").unwrap();
        assert!(q.render && q.filter.is_none());
        assert_eq!(q.select.len(), 3);
    }

    #[test]
    fn top_level_parts_and_shortcuts_are_anded() {
        let q = Query::parse("name=Robot&eq(status,Active)").unwrap();
        assert_eq!(
            q.filter,
            Some(Expr::And(vec![Expr::eq("name", "Robot"), Expr::eq("status", "Active")]))
        );
        // An or across parts re-associates exactly as on the platform.
        let q = Query::parse("a=1|b=2&c=3").unwrap();
        assert_eq!(
            q.filter,
            Some(Expr::Or(vec![
                Expr::eq("a", "1"),
                Expr::And(vec![Expr::eq("b", "2"), Expr::eq("c", "3")])
            ]))
        );
    }

    #[test]
    fn plus_is_a_space_and_signs_follow_the_platform() {
        let q = Query::parse("order=+name,-lastAccessAt&select=+audit").unwrap();
        assert_eq!(q.order, vec![OrderField::asc("name"), OrderField::desc("lastAccessAt")]);
        assert_eq!(q.select, vec![SelectField::include("audit")]);
        // A raw + in a value is a space, as it is for the platform.
        let q = Query::parse("gt(audit.created.at,2020-01-01T00:00:00+00:00)").unwrap();
        let Some(Expr::Cmp {
            value: Value::Text(t),
            op: CmpOp::Gt,
            ..
        }) = q.filter
        else {
            panic!()
        };
        assert_eq!(t, "2020-01-01T00:00:00 00:00");
    }

    #[test]
    fn a_repeated_key_keeps_its_first_value() {
        let q = Query::parse("limit=5&limit=50&status=Active&status=Disabled").unwrap();
        assert_eq!(q.limit, Some(5));
        assert_eq!(q.filter, Some(Expr::eq("status", "Active")));
    }

    #[test]
    fn bad_parameters_are_errors_that_name_the_fault() {
        for (bad, key) in [
            ("limit=-1", "limit"),
            ("limit=ten", "limit"),
            ("offset=1.5", "offset"),
            ("order=", "order:no_props"),
            ("order=a..b", "a..b"),
            ("justtext", "justtext"),
            ("name=", ""),
        ] {
            let e = Query::parse(bad).unwrap_err();
            if !key.is_empty() {
                assert_eq!(e.key(), key, "{bad}: {e}");
            }
        }
        assert!(Query::parse("%zz").is_err());
    }

    #[test]
    fn written_queries_parse_back_identically() {
        let q = Query {
            filter: Expr::all_of(vec![
                Expr::contains("name", "a&b=c\"),x(*+#%"),
                Expr::is_in("status", ["Active", "Disabled"]),
            ]),
            order: vec![OrderField::desc("audit.created.at"), OrderField::asc("name")],
            select: vec![SelectField::include("audit")],
            limit: Some(25),
            offset: Some(50),
            render: true,
        };
        let s = q.to_query_string().unwrap();
        for c in ['"', '\'', '+', '#', ' '] {
            assert!(!s.contains(c), "{c} is percent-encoded: {s}");
        }
        assert_eq!(Query::parse(&s).unwrap(), q);
    }
}
