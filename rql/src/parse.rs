//! Parser for RQL filter expressions (already percent-decoded).
//!
//! Escaping has one level: a backslash makes the next character literal,
//! inside or outside quotes. In an `ilike` pattern an unescaped `*` is a
//! wildcard and `\*` a literal star.

use crate::ast::{CmpOp, Expr, Pattern, PatternPart, Value};
use std::fmt;

/// Deepest nesting of expressions accepted.
pub const MAX_DEPTH: usize = 32;

/// Why an expression could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError(pub String);

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ParseError {}

fn err<T>(msg: impl Into<String>) -> Result<T, ParseError> {
    Err(ParseError(msg.into()))
}

/// A word: its characters, each marked escaped or not, and whether any part was quoted.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Word {
    chars: Vec<(char, bool)>,
    quoted: bool,
}

impl Word {
    fn text(&self) -> String {
        self.chars.iter().map(|(c, _)| c).collect()
    }

    fn pattern(&self) -> Pattern {
        let mut parts = Vec::new();
        let mut lit = String::new();
        for &(c, escaped) in &self.chars {
            if c == '*' && !escaped {
                if !lit.is_empty() {
                    parts.push(PatternPart::Literal(std::mem::take(&mut lit)));
                }
                parts.push(PatternPart::Wildcard);
            } else {
                lit.push(c);
            }
        }
        if !lit.is_empty() {
            parts.push(PatternPart::Literal(lit));
        }
        Pattern(parts)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Open,
    Close,
    Comma,
    Word(Word),
}

fn tokenize(input: &str) -> Result<Vec<Token>, ParseError> {
    let mut tokens = Vec::new();
    let mut chars = input.chars().peekable();
    while let Some(&c) = chars.peek() {
        match c {
            '(' => {
                chars.next();
                tokens.push(Token::Open);
            }
            ')' => {
                chars.next();
                tokens.push(Token::Close);
            }
            ',' => {
                chars.next();
                tokens.push(Token::Comma);
            }
            c if c.is_whitespace() => {
                chars.next();
            }
            _ => {
                let mut word = Word {
                    chars: Vec::new(),
                    quoted: false,
                };
                while let Some(&c) = chars.peek() {
                    match c {
                        '(' | ')' | ',' => break,
                        '"' | '\'' => {
                            chars.next();
                            word.quoted = true;
                            loop {
                                match chars.next() {
                                    None => return err(format!("unterminated quoted value (missing {c})")),
                                    Some('\\') => match chars.next() {
                                        Some(e) => word.chars.push((e, true)),
                                        None => return err("a backslash ends the expression"),
                                    },
                                    Some(q) if q == c => break,
                                    Some(other) => word.chars.push((other, false)),
                                }
                            }
                        }
                        '\\' => {
                            chars.next();
                            match chars.next() {
                                Some(e) => word.chars.push((e, true)),
                                None => return err("a backslash ends the expression"),
                            }
                        }
                        _ => {
                            chars.next();
                            word.chars.push((c, false));
                        }
                    }
                }
                // Unquoted surrounding blanks are not part of a value.
                if !word.quoted {
                    while word.chars.last().is_some_and(|(c, e)| !e && c.is_whitespace()) {
                        word.chars.pop();
                    }
                }
                tokens.push(Token::Word(word));
            }
        }
    }
    Ok(tokens)
}

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn next(&mut self) -> Option<Token> {
        let t = self.tokens.get(self.pos).cloned();
        self.pos += 1;
        t
    }

    fn expect(&mut self, want: Token, what: &str) -> Result<(), ParseError> {
        match self.next() {
            Some(t) if t == want => Ok(()),
            Some(Token::Word(w)) => err(format!("expected {what}, found '{}'", w.text())),
            Some(_) | None => err(format!("expected {what}")),
        }
    }

    fn word(&mut self, what: &str) -> Result<Word, ParseError> {
        match self.next() {
            Some(Token::Word(w)) => Ok(w),
            _ => err(format!("expected {what}")),
        }
    }

    fn property(&mut self) -> Result<String, ParseError> {
        let w = self.word("a property name")?;
        let name = w.text();
        let valid = !w.quoted
            && !name.is_empty()
            && name
                .split('.')
                .all(|seg| !seg.is_empty() && seg.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$'));
        if valid {
            Ok(name)
        } else {
            err(format!("'{name}' is not a property name"))
        }
    }

    /// A value: a word, or `null()` / `empty()`.
    fn value(&mut self) -> Result<Value, ParseError> {
        let w = self.word("a value")?;
        if !w.quoted && self.peek() == Some(&Token::Open) {
            let name = w.text();
            self.next();
            self.expect(Token::Close, "')'")?;
            return match name.as_str() {
                "null" => Ok(Value::Null),
                "empty" => Ok(Value::Empty),
                _ => err(format!("'{name}()' is not a value")),
            };
        }
        Ok(Value::Text(w.text()))
    }

    fn expr(&mut self, depth: usize) -> Result<Expr, ParseError> {
        if depth > MAX_DEPTH {
            return err(format!("expressions are nested deeper than {MAX_DEPTH} levels"));
        }
        let w = self.word("an operator such as eq, and, ilike")?;
        let name = w.text();
        if w.quoted {
            return err(format!("expected an operator, found a quoted value '{name}'"));
        }
        self.expect(Token::Open, &format!("'(' after '{name}'"))?;
        let expr = match name.as_str() {
            "and" | "or" => {
                let mut items = vec![self.expr(depth + 1)?];
                while self.peek() == Some(&Token::Comma) {
                    self.next();
                    items.push(self.expr(depth + 1)?);
                }
                if name == "and" {
                    Expr::And(items)
                } else {
                    Expr::Or(items)
                }
            }
            "not" => Expr::Not(Box::new(self.expr(depth + 1)?)),
            "any" | "all" => {
                let collection = self.property()?;
                self.expect(Token::Comma, "','")?;
                Expr::Collection {
                    collection,
                    expr: Box::new(self.expr(depth + 1)?),
                    all: name == "all",
                }
            }
            "in" | "out" => {
                let prop = self.property()?;
                self.expect(Token::Comma, "','")?;
                self.expect(Token::Open, &format!("'(' opening the list of {name}"))?;
                let mut values = vec![self.value()?];
                while self.peek() == Some(&Token::Comma) {
                    self.next();
                    values.push(self.value()?);
                }
                self.expect(Token::Close, &format!("')' closing the list of {name}"))?;
                Expr::In {
                    prop,
                    values,
                    negated: name == "out",
                }
            }
            "ilike" => {
                let prop = self.property()?;
                self.expect(Token::Comma, "','")?;
                let pattern = self.word("a pattern")?.pattern();
                Expr::Ilike { prop, pattern }
            }
            other => match CmpOp::from_name(other) {
                Some(op) => {
                    let prop = self.property()?;
                    self.expect(Token::Comma, "','")?;
                    let value = self.value()?;
                    Expr::Cmp { op, prop, value }
                }
                None => return err(format!("unknown operator '{other}'")),
            },
        };
        self.expect(Token::Close, &format!("')' closing '{name}'"))?;
        Ok(expr)
    }
}

/// Parses one filter expression, such as `and(eq(status,Active),ilike(name,*bot*))`.
pub fn parse_expr(input: &str) -> Result<Expr, ParseError> {
    let mut p = Parser {
        tokens: tokenize(input)?,
        pos: 0,
    };
    let expr = p.expr(0)?;
    if p.pos < p.tokens.len() {
        return err("unexpected text after the end of the expression");
    }
    Ok(expr)
}

/// Parses a single value written on its own (the right side of `prop=value`).
pub(crate) fn parse_value(input: &str) -> Result<Value, ParseError> {
    let mut p = Parser {
        tokens: tokenize(input)?,
        pos: 0,
    };
    let v = p.value()?;
    if p.pos < p.tokens.len() {
        return err("unexpected text after the value");
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_nested_logic_and_comparisons() {
        let e = parse_expr("and(eq(status,Active),or(ilike(name,*bot*),not(eq(id,\"TKN-1\"))))").unwrap();
        let Expr::And(items) = e else { panic!("not and") };
        assert_eq!(items.len(), 2);
        assert_eq!(items[0], Expr::eq("status", "Active"));
    }

    #[test]
    fn quoted_values_keep_special_characters() {
        let e = parse_expr(r#"eq(name,"a(b),c 'd' \"e\"")"#).unwrap();
        assert_eq!(e, Expr::eq("name", "a(b),c 'd' \"e\""));
        let e = parse_expr("eq(name,'x\"y')").unwrap();
        assert_eq!(e, Expr::eq("name", "x\"y"));
    }

    #[test]
    fn escaped_star_is_literal_in_ilike() {
        let e = parse_expr(r#"ilike(name,"*a\*b*")"#).unwrap();
        assert_eq!(
            e,
            Expr::Ilike {
                prop: "name".into(),
                pattern: Pattern(vec![
                    PatternPart::Wildcard,
                    PatternPart::Literal("a*b".into()),
                    PatternPart::Wildcard
                ])
            }
        );
    }

    #[test]
    fn in_null_empty_any() {
        let e = parse_expr("in(status,(Active,Disabled))").unwrap();
        assert_eq!(e, Expr::is_in("status", ["Active", "Disabled"]));
        assert_eq!(
            parse_expr("eq(lastAccessAt,null())").unwrap(),
            Expr::Cmp {
                op: CmpOp::Eq,
                prop: "lastAccessAt".into(),
                value: Value::Null
            }
        );
        assert!(matches!(
            parse_expr("any(modules,eq(id,MOD-1234))").unwrap(),
            Expr::Collection { all: false, .. }
        ));
    }

    #[test]
    fn rejects_malformed_expressions_with_a_reason() {
        for bad in [
            "eq(name)",
            "eq(name,x",
            "eq(name,x))",
            "frob(name,x)",
            "eq(\"name\",x)",
            "eq(na me,x)",
            "eq(name,\"x)",
            "eq(name,x\\",
            "eq(name,bogus())",
            "in(status,Active)",
            "and()",
            "",
        ] {
            assert!(parse_expr(bad).is_err(), "{bad} should fail");
        }
    }

    #[test]
    fn depth_is_limited() {
        let deep = "not(".repeat(MAX_DEPTH + 2) + "eq(a,b)" + &")".repeat(MAX_DEPTH + 2);
        assert!(parse_expr(&deep).unwrap_err().0.contains("nested"));
    }
}
