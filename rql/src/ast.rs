//! The syntax tree of an RQL filter.

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

    /// The operator for an RQL name, if it is one.
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
    /// Literal text (already unescaped).
    Text(String),
    /// `null()`
    Null,
    /// `empty()`
    Empty,
}

impl Value {
    /// A text value.
    pub fn text(s: impl Into<String>) -> Self {
        Value::Text(s.into())
    }
}

/// One piece of an `ilike` pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternPart {
    /// Characters matched literally (case-insensitively).
    Literal(String),
    /// `*`: any run of characters, including none.
    Wildcard,
}

/// An `ilike` pattern: literal runs and wildcards.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Pattern(pub Vec<PatternPart>);

impl Pattern {
    /// `*text*`: matches values containing `text` anywhere, whatever it holds.
    pub fn contains(text: &str) -> Self {
        if text.is_empty() {
            return Pattern(vec![PatternPart::Wildcard, PatternPart::Wildcard]);
        }
        Pattern(vec![
            PatternPart::Wildcard,
            PatternPart::Literal(text.to_string()),
            PatternPart::Wildcard,
        ])
    }

    /// Whether `value` matches this pattern, ignoring case (Unicode-aware).
    pub fn matches(&self, value: &str) -> bool {
        let value: Vec<char> = value.chars().flat_map(char::to_lowercase).collect();
        let parts: Vec<PatternPart> = self
            .0
            .iter()
            .map(|p| match p {
                PatternPart::Literal(s) => PatternPart::Literal(s.chars().flat_map(char::to_lowercase).collect()),
                PatternPart::Wildcard => PatternPart::Wildcard,
            })
            .collect();
        match_parts(&parts, &value)
    }
}

/// Greedy-with-backtracking glob match over already lower-cased input.
fn match_parts(parts: &[PatternPart], value: &[char]) -> bool {
    match parts.split_first() {
        None => value.is_empty(),
        Some((PatternPart::Literal(lit), rest)) => {
            let lit: Vec<char> = lit.chars().collect();
            value.starts_with(&lit) && value.get(lit.len()..).is_some_and(|tail| match_parts(rest, tail))
        }
        Some((PatternPart::Wildcard, rest)) => {
            if rest.is_empty() {
                return true;
            }
            (0..=value.len()).any(|skip| value.get(skip..).is_some_and(|tail| match_parts(rest, tail)))
        }
    }
}

/// An RQL filter expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// `op(property,value)`
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
        /// The candidate values.
        values: Vec<Value>,
        /// `out` instead of `in`.
        negated: bool,
    },
    /// `ilike(property,pattern)`
    Ilike {
        /// Dotted property path.
        prop: String,
        /// The pattern.
        pattern: Pattern,
    },
    /// `and(e1,e2,...)`
    And(Vec<Expr>),
    /// `or(e1,e2,...)`
    Or(Vec<Expr>),
    /// `not(e)`
    Not(Box<Expr>),
    /// `any(collection,e)`, or `all(collection,e)` when `all` is set.
    Collection {
        /// The collection's property path.
        collection: String,
        /// The condition on the collection's items.
        expr: Box<Expr>,
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

    /// `in(prop,("v1","v2"))`
    pub fn is_in<S: Into<String>>(prop: &str, values: impl IntoIterator<Item = S>) -> Self {
        Expr::In {
            prop: prop.to_string(),
            values: values.into_iter().map(|v| Value::Text(v.into())).collect(),
            negated: false,
        }
    }

    /// `ilike(prop,*text*)`: a case-insensitive "contains" search.
    pub fn contains(prop: &str, text: &str) -> Self {
        Expr::Ilike {
            prop: prop.to_string(),
            pattern: Pattern::contains(text),
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pattern_contains_matches_case_insensitively_including_unicode() {
        let p = Pattern::contains("ÄRGER");
        assert!(p.matches("viel ärger hier"));
        assert!(!p.matches("arger"));
    }

    #[test]
    fn pattern_literal_star_is_not_a_wildcard() {
        let p = Pattern(vec![PatternPart::Literal("a*b".into())]);
        assert!(p.matches("A*B"));
        assert!(!p.matches("axxb"));
    }

    #[test]
    fn pattern_with_wildcards_backtracks() {
        let p = Pattern(vec![
            PatternPart::Literal("ro".into()),
            PatternPart::Wildcard,
            PatternPart::Literal("t".into()),
        ]);
        assert!(p.matches("Robot"));
        assert!(p.matches("root"));
        assert!(!p.matches("Robots"));
    }
}
