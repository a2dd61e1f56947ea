//! Writing expressions back to RQL text. Every value is double-quoted and
//! escaped, so no value can close a quote, a list or a call.

use crate::ast::{Expr, Pattern, PatternPart, Value};
use std::fmt::{self, Write};

fn write_quoted(f: &mut impl Write, s: &str, escape_star: bool) -> fmt::Result {
    f.write_char('"')?;
    write_escaped(f, s, escape_star)?;
    f.write_char('"')
}

fn write_escaped(f: &mut impl Write, s: &str, escape_star: bool) -> fmt::Result {
    for c in s.chars() {
        if c == '"' || c == '\\' || (escape_star && c == '*') {
            f.write_char('\\')?;
        }
        f.write_char(c)?;
    }
    Ok(())
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Text(s) => write_quoted(f, s, false),
            Value::Null => f.write_str("null()"),
            Value::Empty => f.write_str("empty()"),
        }
    }
}

impl fmt::Display for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('"')?;
        for part in &self.0 {
            match part {
                PatternPart::Literal(s) => write_escaped(f, s, true)?,
                PatternPart::Wildcard => f.write_char('*')?,
            }
        }
        f.write_char('"')
    }
}

fn write_list<T: fmt::Display>(f: &mut fmt::Formatter<'_>, items: &[T]) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            f.write_char(',')?;
        }
        write!(f, "{item}")?;
    }
    Ok(())
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expr::Cmp { op, prop, value } => write!(f, "{}({prop},{value})", op.name()),
            Expr::In { prop, values, negated } => {
                write!(f, "{}({prop},(", if *negated { "out" } else { "in" })?;
                write_list(f, values)?;
                f.write_str("))")
            }
            Expr::Ilike { prop, pattern } => write!(f, "ilike({prop},{pattern})"),
            Expr::And(items) | Expr::Or(items) => {
                f.write_str(if matches!(self, Expr::And(_)) { "and(" } else { "or(" })?;
                write_list(f, items)?;
                f.write_char(')')
            }
            Expr::Not(e) => write!(f, "not({e})"),
            Expr::Collection { collection, expr, all } => {
                write!(f, "{}({collection},{expr})", if *all { "all" } else { "any" })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{parse_expr, Expr, Value};

    /// Text that tries to break out of its value in every way RQL allows.
    const HOSTILE: [&str; 9] = [
        "plain",
        "with space",
        "a\"),eq(status,Deleted",
        "it's",
        "back\\slash\\",
        "paren(s),comma",
        "star*and\\*",
        "ünïcödé ✓ 😀",
        "",
    ];

    #[test]
    fn any_text_survives_a_write_parse_round_trip_as_one_value() {
        for s in HOSTILE {
            let e = Expr::eq("name", s);
            assert_eq!(parse_expr(&e.to_string()).unwrap(), e, "{s}");
            let e = Expr::contains("name", s);
            assert_eq!(parse_expr(&e.to_string()).unwrap(), e, "{s}");
            let e = Expr::is_in("status", [s, "x"]);
            assert_eq!(parse_expr(&e.to_string()).unwrap(), e, "{s}");
        }
    }

    #[test]
    fn writes_the_expected_text() {
        let e = Expr::And(vec![
            Expr::eq("status", "Active"),
            Expr::contains("name", "a*b"),
            Expr::Cmp {
                op: crate::CmpOp::Eq,
                prop: "lastAccessAt".into(),
                value: Value::Null,
            },
        ]);
        assert_eq!(
            e.to_string(),
            r#"and(eq(status,"Active"),ilike(name,"*a\*b*"),eq(lastAccessAt,null()))"#
        );
    }
}
