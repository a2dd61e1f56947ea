//! Splitting a filter into tokens as mpt-rql-net's scanner does: `( ) = `
//! and the separators `,` `&` (and) and `;` `|` (or) are special; a value
//! may be quoted with `"` or `'`, and inside quotes every character is data
//! (there is no escape: a quote is written inside the other kind). Outside
//! quotes every other character, a space included, belongs to the word.
//! Where the platform silently reads damaged text (an unclosed quote, text
//! glued to a quoted value), this scanner refuses it and says where.

use crate::error::ParseError;

/// How two neighbouring expressions combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Join {
    /// `,` or `&`
    And,
    /// `;` or `|`
    Or,
}

/// A run of word characters, or one quoted value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    pub text: String,
    pub quoted: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Tok {
    Open,
    Close,
    Sep(Join),
    Equals,
    Word(Word),
}

/// A token and the character position it starts at (for messages).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    pub tok: Tok,
    pub at: usize,
}

fn special(c: char) -> Option<Tok> {
    Some(match c {
        '(' => Tok::Open,
        ')' => Tok::Close,
        ',' | '&' => Tok::Sep(Join::And),
        ';' | '|' => Tok::Sep(Join::Or),
        '=' => Tok::Equals,
        _ => return None,
    })
}

pub(crate) fn tokenize(input: &str) -> Result<Vec<Token>, ParseError> {
    let chars: Vec<char> = input.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if let Some(tok) = special(c) {
            tokens.push(Token { tok, at: i });
            i += 1;
        } else if c == '"' || c == '\'' {
            let start = i;
            let close = chars
                .get(i + 1..)
                .and_then(|rest| rest.iter().position(|&q| q == c))
                .ok_or_else(|| {
                    ParseError::syntax(format!(
                        "Unterminated quoted value: the {c} at position {start} is never closed"
                    ))
                })?;
            let end = i + 1 + close;
            let text: String = chars.get(i + 1..end).unwrap_or_default().iter().collect();
            i = end + 1;
            if let Some(&next) = chars.get(i) {
                if special(next).is_none() {
                    return Err(ParseError::syntax(format!(
                        "Text after a quoted value at position {i}: quote the whole value"
                    )));
                }
            }
            tokens.push(Token {
                tok: Tok::Word(Word { text, quoted: true }),
                at: start,
            });
        } else {
            let start = i;
            let mut text = String::new();
            while let Some(&c) = chars.get(i) {
                if special(c).is_some() {
                    break;
                }
                if c == '"' || c == '\'' {
                    return Err(ParseError::syntax(format!(
                        "A quote inside an unquoted value at position {i}: quote the whole value with the other kind of quote"
                    )));
                }
                text.push(c);
                i += 1;
            }
            tokens.push(Token {
                tok: Tok::Word(Word { text, quoted: false }),
                at: start,
            });
        }
    }
    Ok(tokens)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(input: &str) -> Vec<(String, bool)> {
        tokenize(input)
            .unwrap()
            .into_iter()
            .filter_map(|t| match t.tok {
                Tok::Word(w) => Some((w.text, w.quoted)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn quotes_of_either_kind_hold_anything_but_themselves() {
        assert_eq!(
            words(r#"eq(product.name,'i am "happy" is =quoted here=')"#),
            [
                ("eq".into(), false),
                ("product.name".into(), false),
                (r#"i am "happy" is =quoted here="#.into(), true)
            ]
        );
        assert_eq!(words(r#"eq(name,"it's (a), b")"#)[2], ("it's (a), b".into(), true));
        assert_eq!(words(r#"eq(name,"")"#)[2], ("".into(), true));
    }

    #[test]
    fn spaces_and_backslashes_are_word_characters() {
        assert_eq!(
            words("eq(name, Jewelry Widget )")[2],
            (" Jewelry Widget ".into(), false)
        );
        assert_eq!(words(r"like(name,*With\*)")[2], (r"*With\*".into(), false));
    }

    #[test]
    fn damaged_quoting_is_refused_with_a_position() {
        let e = tokenize("eq(name,O'Brien)").unwrap_err();
        assert!(e.message.contains("position 9"), "{e}");
        let e = tokenize("eq(name,\"abc)").unwrap_err();
        assert!(e.message.contains("never closed"), "{e}");
        assert!(tokenize("eq(name,'abc'def)").is_err());
        // A backslash is no escape for a quote.
        assert!(tokenize(r#"eq(name,"a\"b")"#).is_err());
    }
}
