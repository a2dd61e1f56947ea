//! Writing expressions as RQL text the platform reads back unchanged: the
//! canonical call form with no spaces, every text value quoted. A value is
//! double-quoted, or single-quoted when it holds a `"`; RQL has no escape
//! for quotes, so a value holding both kinds cannot be written, and saying so
//! is the writer's job (see [`WriteError`]). Patterns escape `*` only where
//! the platform would read it as a wildcard (see [`crate::Pattern`]).

use crate::ast::{Expr, Value};
use crate::error::WriteError;
use std::fmt::Write;

/// `text` in quotes of the kind it does not contain.
pub fn quote(text: &str) -> Result<String, WriteError> {
    if !text.contains('"') {
        Ok(format!("\"{text}\""))
    } else if !text.contains('\'') {
        Ok(format!("'{text}'"))
    } else {
        Err(WriteError(format!(
            "'{text}' holds both kinds of quote, which RQL cannot express in one value"
        )))
    }
}

fn check_prop(prop: &str) -> Result<&str, WriteError> {
    let plain = !prop.is_empty()
        && prop
            .split('.')
            .all(|s| !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '$'));
    if plain {
        Ok(prop)
    } else {
        Err(WriteError(format!("'{prop}' is not a property path")))
    }
}

fn value(v: &Value) -> Result<String, WriteError> {
    match v {
        Value::Text(t) => quote(t),
        Value::Null => Ok("null()".into()),
        Value::Empty => Ok("empty()".into()),
    }
}

fn join(items: impl IntoIterator<Item = Result<String, WriteError>>) -> Result<String, WriteError> {
    Ok(items.into_iter().collect::<Result<Vec<_>, _>>()?.join(","))
}

impl Expr {
    /// The expression as RQL text (not yet percent-encoded).
    pub fn to_rql(&self) -> Result<String, WriteError> {
        let mut out = String::new();
        let w = &mut out;
        // Writing to a String cannot fail.
        let _ = match self {
            Expr::Cmp { op, prop, value: v } => write!(w, "{}({},{})", op.name(), check_prop(prop)?, value(v)?),
            Expr::In { prop, values, negated } => write!(
                w,
                "{}({},({}))",
                if *negated { "out" } else { "in" },
                check_prop(prop)?,
                join(values.iter().map(value))?
            ),
            Expr::Like { prop, pattern, fold } => {
                let text = pattern.to_text().map_err(|e| WriteError(e.0))?;
                write!(
                    w,
                    "{}({},{})",
                    if *fold { "ilike" } else { "like" },
                    check_prop(prop)?,
                    quote(&text)?
                )
            }
            Expr::And(items) => write!(w, "and({})", join(items.iter().map(Expr::to_rql))?),
            Expr::Or(items) => write!(w, "or({})", join(items.iter().map(Expr::to_rql))?),
            Expr::Not(e) => write!(w, "not({})", e.to_rql()?),
            Expr::Collection { collection, expr, all } => {
                let name = if *all { "all" } else { "any" };
                match expr {
                    Some(e) => write!(w, "{name}({},{})", check_prop(collection)?, e.to_rql()?),
                    None => write!(w, "{name}({})", check_prop(collection)?),
                }
            }
        };
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use crate::{parse_expr, CmpOp, Expr, Pattern, Value};

    /// Text that tries to break out of its value in every way RQL allows.
    const HOSTILE: [&str; 12] = [
        "plain",
        "with space",
        "a\"),eq(status,Deleted",
        "it's",
        "back\\slash\\",
        "paren(s),comma;semi|pipe&amp=eq",
        "*star*and\\*",
        "ünïcödé ✓ 😀",
        "",
        " leading and trailing ",
        "%41+%2B#frag",
        "\\*",
    ];

    #[test]
    fn any_text_with_one_kind_of_quote_survives_a_round_trip_as_one_value() {
        for s in HOSTILE {
            let e = Expr::eq("name", s);
            assert_eq!(parse_expr(&e.to_rql().unwrap()).unwrap(), e, "{s}");
            let e = Expr::is_in("status", [s, "x"]);
            assert_eq!(parse_expr(&e.to_rql().unwrap()).unwrap(), e, "{s}");
            let e = Expr::contains("name", s);
            match e.to_rql() {
                Ok(text) => assert_eq!(parse_expr(&text).unwrap(), e, "{s}"),
                Err(err) => assert!(s.ends_with('\\'), "{s}: {err}"),
            }
        }
    }

    #[test]
    fn both_kinds_of_quote_cannot_be_written() {
        let e = Expr::eq("name", "it's \"x\"");
        assert!(e.to_rql().unwrap_err().0.contains("both kinds of quote"));
    }

    #[test]
    fn writes_the_canonical_form() {
        let e = Expr::And(vec![
            Expr::eq("status", "Active"),
            Expr::contains("name", "a*b"),
            Expr::cmp(CmpOp::Eq, "lastAccessAt", Value::Null),
            Expr::any("modules", Expr::eq("id", "MOD-1")),
            Expr::ilike("id", Pattern::starts_with("TKN-12")),
            Expr::eq("name", "say \"hi\""),
        ]);
        assert_eq!(
            e.to_rql().unwrap(),
            r#"and(eq(status,"Active"),ilike(name,"*a*b*"),eq(lastAccessAt,null()),any(modules,eq(id,"MOD-1")),ilike(id,"TKN-12*"),eq(name,'say "hi"'))"#
        );
        assert!(Expr::eq("bad prop", "x").to_rql().is_err());
    }
}
