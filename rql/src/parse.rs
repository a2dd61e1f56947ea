//! Reading a filter the way the platform does (mpt-rql-net's linear parser),
//! in two steps: tokens become a generic tree of calls, groups, words and
//! `=` shortcuts; the tree then becomes an [`Expr`], checking each operator's
//! arguments. Operator names are case-insensitive.
//!
//! Accepted: `op(…)` calls; bare `( … )` groups; infix `,` `&` (and) and `;`
//! `|` (or), where and binds tighter; `prop=value` for `eq`; `in(p,(a,b))`
//! and `in(p,a)`; `any(c)` and `any(c,cond)`; `null()` and `empty()`.
//! Refused with a reason: what the platform refuses, plus what it would
//! silently misread (unbalanced parentheses, expressions side by side
//! without a separator).

use crate::ast::{CmpOp, Expr, Value};
use crate::error::ParseError;
use crate::lex::Join;
use crate::pattern::Pattern;

mod tree;

use tree::{tree, Node};

/// Deepest nesting of calls and groups accepted.
pub const MAX_DEPTH: usize = 32;

fn property(node: &Node) -> Result<String, ParseError> {
    let text = match node {
        Node::Word(w) => w.text.clone(),
        Node::Call { name, .. } => format!("{name}()"),
        _ => String::new(),
    };
    let valid = !text.is_empty()
        && text
            .split('.')
            .all(|seg| !seg.is_empty() && seg.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '$'));
    if valid {
        Ok(text)
    } else {
        Err(ParseError::invalid("Invalid property path.", Some(&text)))
    }
}

fn constant(name: &str, args: &[Node]) -> Result<Option<Value>, ParseError> {
    let value = match name {
        "null" => Value::Null,
        "empty" => Value::Empty,
        _ => return Ok(None),
    };
    if args.is_empty() {
        Ok(Some(value))
    } else {
        Err(ParseError::syntax(format!(
            "Constant functions cannot have arguments: {name}(…)"
        )))
    }
}

fn value(node: &Node) -> Result<Value, ParseError> {
    match node {
        Node::Word(w) => Ok(Value::Text(w.text.clone())),
        Node::Call { name, args } => {
            constant(name, args)?.ok_or_else(|| ParseError::invalid("Unsupported argument type.", Some(name)))
        }
        _ => Err(ParseError::invalid("Unsupported argument type.", None)),
    }
}

fn binary<'a>(name: &str, args: &'a [Node]) -> Result<(&'a Node, &'a Node), ParseError> {
    match args {
        [a, b] => Ok((a, b)),
        _ => Err(ParseError::syntax(format!(
            "Binary expression must have 2 arguments: {name}() was given {}",
            args.len()
        ))),
    }
}

fn list(node: &Node) -> Result<Vec<Value>, ParseError> {
    let items: Vec<&Node> = match node {
        Node::Group(items) => items
            .iter()
            .map(|(_, n)| n)
            .filter(|n| !matches!(n, Node::Empty))
            .collect(),
        other => vec![other],
    };
    if items.is_empty() {
        return Err(ParseError::invalid("Value has to be a non empty array.", None));
    }
    items
        .into_iter()
        .map(|n| match value(n)? {
            Value::Null => Err(ParseError::invalid("Null values are not supported.", None)),
            v => Ok(v),
        })
        .collect()
}

fn call(name: &str, args: &[Node]) -> Result<Expr, ParseError> {
    match name {
        "and" | "or" => {
            if args.is_empty() {
                return Err(ParseError::invalid("Expression group cannot be empty.", None));
            }
            let items = args.iter().map(expr).collect::<Result<Vec<_>, _>>()?;
            Ok(if name == "and" {
                Expr::And(items)
            } else {
                Expr::Or(items)
            })
        }
        "not" => match args {
            [one] => Ok(Expr::Not(Box::new(expr(one)?))),
            _ => Err(ParseError::syntax(format!(
                "Unary expression must have 1 argument: not() was given {}",
                args.len()
            ))),
        },
        "in" | "out" => {
            let (p, l) = binary(name, args)?;
            Ok(Expr::In {
                prop: property(p)?,
                values: list(l)?,
                negated: name == "out",
            })
        }
        "like" | "ilike" => {
            let (p, pat) = binary(name, args)?;
            let pattern = match value(pat)? {
                Value::Text(t) => Pattern::parse(&t),
                Value::Empty => Pattern::default(),
                Value::Null => return Err(ParseError::invalid("Null values are not supported.", None)),
            };
            Ok(Expr::Like {
                prop: property(p)?,
                pattern,
                fold: name == "ilike",
            })
        }
        "any" | "all" => {
            let all = name == "all";
            match args {
                [] => Err(ParseError::syntax(format!(
                    "Collection expression must have at least 1 argument: {name}()"
                ))),
                [_] if all => Err(ParseError::invalid("all() function must have 2 arguments", None)),
                [c] => Ok(Expr::Collection {
                    collection: property(c)?,
                    expr: None,
                    all,
                }),
                [c, e] => Ok(Expr::Collection {
                    collection: property(c)?,
                    expr: Some(Box::new(expr(e)?)),
                    all,
                }),
                _ => Err(ParseError::syntax(format!(
                    "{name}() takes a collection and one condition; join several conditions with and()"
                ))),
            }
        }
        "null" | "empty" => Err(ParseError::invalid("Expression expected.", Some(&format!("{name}()")))),
        other => match CmpOp::from_name(other) {
            Some(op) => {
                let (p, v) = binary(name, args)?;
                Ok(Expr::Cmp {
                    op,
                    prop: property(p)?,
                    value: value(v)?,
                })
            }
            None => Err(ParseError::invalid("Unknown expression group.", Some(other))),
        },
    }
}

/// AND binds tighter than OR: `a&b|c` is `or(and(a,b),c)`.
fn reduce(items: &[(Option<Join>, Node)]) -> Result<Expr, ParseError> {
    let mut runs: Vec<Vec<Expr>> = Vec::new();
    for (join, node) in items {
        if matches!(node, Node::Empty) {
            continue;
        }
        let e = expr(node)?;
        match runs.last_mut() {
            Some(run) if *join != Some(Join::Or) => run.push(e),
            _ => runs.push(vec![e]),
        }
    }
    let mut ors: Vec<Expr> = runs
        .into_iter()
        .filter_map(|mut run| {
            if run.len() == 1 {
                run.pop()
            } else {
                Some(Expr::And(run))
            }
        })
        .collect();
    match ors.len() {
        0 => Err(ParseError::invalid("Expression group cannot be empty.", None)),
        1 => Ok(ors.remove(0)),
        _ => Ok(Expr::Or(ors)),
    }
}

fn expr(node: &Node) -> Result<Expr, ParseError> {
    match node {
        Node::Call { name, args } => call(name, args),
        Node::Group(items) => reduce(items),
        Node::Shortcut(lhs, rhs) => {
            if matches!(**rhs, Node::Call { ref name, .. } if name != "null" && name != "empty") {
                return Err(ParseError::syntax("Invalid equals shortcut expression"));
            }
            Ok(Expr::Cmp {
                op: CmpOp::Eq,
                prop: property(lhs)?,
                value: value(rhs)?,
            })
        }
        Node::Word(w) => Err(ParseError::invalid("Expression expected.", Some(&w.text))),
        Node::Empty => Err(ParseError::invalid("Expression expected.", None)),
    }
}

/// Parses a filter such as `and(eq(status,Active),ilike(name,*bot*))` or
/// `status=Active&name=Robot`. An empty text is no filter.
pub fn parse_filter(input: &str) -> Result<Option<Expr>, ParseError> {
    let items = tree(input)?;
    if items.iter().all(|(_, n)| matches!(n, Node::Empty)) {
        return Ok(None);
    }
    reduce(&items).map(Some)
}

/// Parses one filter expression; an empty text is an error.
pub fn parse_expr(input: &str) -> Result<Expr, ParseError> {
    parse_filter(input)?.ok_or_else(|| ParseError::invalid("Expression expected.", None))
}

#[cfg(test)]
mod tests;
