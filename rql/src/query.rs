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
mod tests;
