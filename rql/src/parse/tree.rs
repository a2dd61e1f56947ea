//! The first step of reading a filter: tokens become a generic tree of
//! calls, groups, words and `=` shortcuts, with no operator checked yet.

use super::MAX_DEPTH;
use crate::error::ParseError;
use crate::lex::{tokenize, Join, Tok, Token, Word};

/// A filter's items, each with the separator before it.
pub(super) type Items = Vec<(Option<Join>, Node)>;

/// The tree of `input`; a `)` that closes nothing is an error.
pub(super) fn tree(input: &str) -> Result<Items, ParseError> {
    let mut p = Parser {
        tokens: tokenize(input)?,
        pos: 0,
    };
    let items = p.seq(0)?;
    if p.pos < p.tokens.len() {
        return Err(ParseError::syntax(format!(
            "Unexpected ')' at position {}: it closes nothing",
            p.at()
        )));
    }
    Ok(items)
}

/// The generic tree before operators are checked.
#[derive(Debug, Clone)]
pub(super) enum Node {
    Empty,
    Word(Word),
    Call { name: String, args: Vec<Node> },
    Group(Vec<(Option<Join>, Node)>),
    Shortcut(Box<Node>, Box<Node>),
}

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.pos).map(|t| &t.tok)
    }

    fn at(&self) -> usize {
        self.tokens.get(self.pos).map_or(usize::MAX, |t| t.at)
    }

    fn bump(&mut self) -> Option<Tok> {
        let t = self.tokens.get(self.pos).map(|t| t.tok.clone());
        self.pos += 1;
        t
    }

    /// A separated sequence up to (not including) a `)` or the end.
    fn seq(&mut self, depth: usize) -> Result<Vec<(Option<Join>, Node)>, ParseError> {
        let mut items = Vec::new();
        let mut join = None;
        loop {
            let mut node = self.item(depth)?;
            if self.peek() == Some(&Tok::Equals) {
                self.bump();
                let rhs = self.item(depth)?;
                if matches!(rhs, Node::Empty | Node::Group(_)) || self.peek() == Some(&Tok::Equals) {
                    return Err(ParseError::syntax("Invalid equals shortcut expression"));
                }
                node = Node::Shortcut(Box::new(node), Box::new(rhs));
            }
            items.push((join, node));
            match self.peek() {
                None | Some(Tok::Close) => return Ok(items),
                Some(Tok::Sep(j)) => {
                    join = Some(*j);
                    self.bump();
                }
                Some(_) => {
                    return Err(ParseError::syntax(format!(
                        "Expressions side by side at position {}: join them with ',' '&' (and) or ';' '|' (or)",
                        self.at()
                    )))
                }
            }
        }
    }

    fn close(&mut self, what: &str, opened: usize) -> Result<(), ParseError> {
        match self.bump() {
            Some(Tok::Close) => Ok(()),
            _ => Err(ParseError::syntax(format!(
                "Missing ')' closing {what} opened at position {opened}"
            ))),
        }
    }

    fn item(&mut self, depth: usize) -> Result<Node, ParseError> {
        if depth > MAX_DEPTH {
            return Err(ParseError::syntax(format!(
                "Expressions are nested deeper than {MAX_DEPTH} levels"
            )));
        }
        match self.peek() {
            Some(Tok::Word(_)) => {
                let at = self.at();
                let Some(Tok::Word(word)) = self.bump() else {
                    return Ok(Node::Empty);
                };
                if self.peek() != Some(&Tok::Open) {
                    return Ok(Node::Word(word));
                }
                self.bump();
                let args = self.seq(depth + 1)?;
                self.close(&format!("'{}('", word.text), at)?;
                Ok(Node::Call {
                    name: word.text.to_lowercase(),
                    args: args
                        .into_iter()
                        .map(|(_, n)| n)
                        .filter(|n| !matches!(n, Node::Empty))
                        .collect(),
                })
            }
            Some(Tok::Open) => {
                let at = self.at();
                self.bump();
                let items = self.seq(depth + 1)?;
                self.close("'('", at)?;
                Ok(Node::Group(items))
            }
            _ => Ok(Node::Empty),
        }
    }
}
