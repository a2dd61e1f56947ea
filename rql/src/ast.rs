//! The syntax tree of an RQL filter.

use crate::pattern::Pattern;

/// A comparison operator taking `(property, value)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    /// `eq`
    Eq,
    /// `ne`
    Ne,
    /// `gt`
    Gt,
    /// `ge`
    Ge,
    /// `lt`
    Lt,
    /// `le`
    Le,
}

impl CmpOp {
    /// The operator's RQL name.
    pub fn name(self) -> &'static str {
        match self {
            CmpOp::Eq => "eq",
            CmpOp::Ne => "ne",
            CmpOp::Gt => "gt",
            CmpOp::Ge => "ge",
            CmpOp::Lt => "lt",
            CmpOp::Le => "le",
        }
    }

    /// The operator for a lower-case RQL name, if it is one.
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "eq" => CmpOp::Eq,
            "ne" => CmpOp::Ne,
            "gt" => CmpOp::Gt,
            "ge" => CmpOp::Ge,
            "lt" => CmpOp::Lt,
            "le" => CmpOp::Le,
            _ => return None,
        })
    }
}

/// A value on the right of a comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// Literal text, quotes removed.
    Text(String),
    /// `null()`
    Null,
    /// `empty()`: the empty string.
    Empty,
}

impl Value {
    /// A text value.
    pub fn text(s: impl Into<String>) -> Self {
        Value::Text(s.into())
    }
}

/// An RQL filter expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// `op(property,value)`, or the shorthand `property=value` for `eq`.
    Cmp {
        /// Which comparison.
        op: CmpOp,
        /// Dotted property path.
        prop: String,
        /// Right-hand side.
        value: Value,
    },
    /// `in(property,(v1,v2,...))`, or `out(...)` when `negated`.
    In {
        /// Dotted property path.
        prop: String,
        values: Vec<Value>,
        /// `out` instead of `in`.
        negated: bool,
    },
    /// `like(property,pattern)`, or `ilike` when `fold` (case-insensitive).
    Like {
        /// Dotted property path.
        prop: String,
        pattern: Pattern,
        /// `ilike`: compare ignoring case.
        fold: bool,
    },
    /// `and(e1,e2,...)`, `e1&e2`, `e1,e2`.
    And(Vec<Expr>),
    /// `or(e1,e2,...)`, `e1|e2`, `e1;e2`.
    Or(Vec<Expr>),
    /// `not(e)`
    Not(Box<Expr>),
    /// `any(collection,e)`, `any(collection)` (not empty), or `all(collection,e)`.
    Collection {
        /// The collection's property path.
        collection: String,
        /// The condition on the collection's items (`None`: it has any item).
        expr: Option<Box<Expr>>,
        /// `all` instead of `any`.
        all: bool,
    },
}

impl Expr {
    /// `eq(prop,"value")`
    pub fn eq(prop: &str, value: impl Into<String>) -> Self {
        Expr::Cmp {
            op: CmpOp::Eq,
            prop: prop.to_string(),
            value: Value::Text(value.into()),
        }
    }

    /// `op(prop,value)` for any comparison and value.
    pub fn cmp(op: CmpOp, prop: &str, value: Value) -> Self {
        Expr::Cmp {
            op,
            prop: prop.to_string(),
            value,
        }
    }

    /// `in(prop,("v1","v2"))`
    pub fn is_in<S: Into<String>>(prop: &str, values: impl IntoIterator<Item = S>) -> Self {
        Expr::In {
            prop: prop.to_string(),
            values: values.into_iter().map(|v| Value::Text(v.into())).collect(),
            negated: false,
        }
    }

    /// `ilike(prop,pattern)`: a case-insensitive match.
    pub fn ilike(prop: &str, pattern: Pattern) -> Self {
        Expr::Like {
            prop: prop.to_string(),
            pattern,
            fold: true,
        }
    }

    /// `ilike(prop,"*text*")`: a case-insensitive "contains" search.
    pub fn contains(prop: &str, text: &str) -> Self {
        Expr::ilike(prop, Pattern::contains(text))
    }

    /// `any(collection,expr)`
    pub fn any(collection: &str, expr: Expr) -> Self {
        Expr::Collection {
            collection: collection.to_string(),
            expr: Some(Box::new(expr)),
            all: false,
        }
    }

    /// `and(...)` of several expressions, collapsing zero or one.
    pub fn all_of(mut exprs: Vec<Expr>) -> Option<Self> {
        match exprs.len() {
            0 => None,
            1 => exprs.pop(),
            _ => Some(Expr::And(exprs)),
        }
    }

    /// Every property path the expression refers to (collections by their own name).
    pub fn props(&self, out: &mut Vec<String>) {
        match self {
            Expr::Cmp { prop, .. } | Expr::In { prop, .. } | Expr::Like { prop, .. } => out.push(prop.clone()),
            Expr::And(items) | Expr::Or(items) => items.iter().for_each(|i| i.props(out)),
            Expr::Not(inner) => inner.props(out),
            Expr::Collection { collection, .. } => out.push(collection.clone()),
        }
    }
}
