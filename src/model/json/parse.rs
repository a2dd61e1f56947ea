//! Reading JSON text (RFC 8259) into a [`Value`]: strict about the grammar,
//! as serde_json is, and never panicking on what it is given.

use super::{Map, Number, Value};

/// How deep arrays and objects may nest (serde_json's limit): deeper input
/// is refused instead of overflowing the stack.
const MAX_DEPTH: usize = 127;

/// Why a text is not JSON, and where (a byte offset).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// What was wrong.
    pub what: &'static str,
    /// Byte offset in the text.
    pub at: usize,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at byte {}", self.what, self.at)
    }
}

/// Parses `text`: one JSON value, with only whitespace around it.
pub fn parse(text: &str) -> Result<Value, ParseError> {
    let mut parser = Parser { text, at: 0 };
    let value = parser.value(0)?;
    parser.skip_whitespace();
    match parser.at == text.len() {
        true => Ok(value),
        false => Err(parser.error("trailing characters")),
    }
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
}

impl Parser<'_> {
    fn error(&self, what: &'static str) -> ParseError {
        ParseError { what, at: self.at }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Consumes `word` if the text goes on with it.
    fn eat(&mut self, word: &str) -> bool {
        let found = self.text.get(self.at..).is_some_and(|rest| rest.starts_with(word));
        if found {
            self.at += word.len();
        }
        found
    }

    fn value(&mut self, depth: usize) -> Result<Value, ParseError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number().map(Value::Number),
            _ if self.eat("null") => Ok(Value::Null),
            _ if self.eat("true") => Ok(Value::Bool(true)),
            _ if self.eat("false") => Ok(Value::Bool(false)),
            None => Err(self.error("unexpected end")),
            _ => Err(self.error("expected a value")),
        }
    }

    /// After `[`, `{`: past the opening, and whether the closing follows.
    fn open(&mut self, depth: usize, close: u8) -> Result<bool, ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.at += 1;
        self.skip_whitespace();
        Ok(self.peek() == Some(close) && {
            self.at += 1;
            true
        })
    }

    /// After an item: `true` at the closing, `false` past a comma.
    fn next_or_close(&mut self, close: u8) -> Result<bool, ParseError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b',') => {
                self.at += 1;
                Ok(false)
            }
            Some(c) if c == close => {
                self.at += 1;
                Ok(true)
            }
            None => Err(self.error("unexpected end")),
            _ => Err(self.error("expected a comma or a closing bracket")),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, ParseError> {
        let mut items = Vec::new();
        if !self.open(depth, b']')? {
            loop {
                items.push(self.value(depth)?);
                if self.next_or_close(b']')? {
                    break;
                }
            }
        }
        Ok(Value::Array(items))
    }

    fn object(&mut self, depth: usize) -> Result<Value, ParseError> {
        // Pushed as written, a repeated key too: checking each key against
        // the others would take quadratic time on a hostile object.
        let mut members = Vec::new();
        if !self.open(depth, b'}')? {
            loop {
                self.skip_whitespace();
                if self.peek() != Some(b'"') {
                    return Err(self.error("expected a key"));
                }
                let key = self.string()?;
                self.skip_whitespace();
                if !self.eat(":") {
                    return Err(self.error("expected a colon"));
                }
                let value = self.value(depth)?;
                members.push((key, value));
                if self.next_or_close(b'}')? {
                    break;
                }
            }
        }
        Ok(Value::Object(Map(members)))
    }

    /// Digits from here; `at_least_one` makes none an error.
    fn digits(&mut self, at_least_one: bool) -> Result<(), ParseError> {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        match at_least_one && self.at == start {
            true => Err(self.error("expected a digit")),
            false => Ok(()),
        }
    }

    fn number(&mut self) -> Result<Number, ParseError> {
        let start = self.at;
        self.eat("-");
        // No leading zeros: `0` alone, or a digit 1–9 and more.
        if !self.eat("0") {
            self.digits(true)?;
        }
        if self.eat(".") {
            self.digits(true)?;
        }
        if self.eat("e") || self.eat("E") {
            let _ = self.eat("+") || self.eat("-");
            self.digits(true)?;
        }
        let number = Number(self.text.get(start..self.at).unwrap_or_default().to_string());
        // As serde_json: a number beyond f64's range is refused.
        match number.as_f64().is_some_and(f64::is_infinite) {
            true => Err(self.error("number out of range")),
            false => Ok(number),
        }
    }

    /// Four hex digits of a `\u` escape.
    fn hex4(&mut self) -> Result<u32, ParseError> {
        let code = self
            .text
            .get(self.at..self.at + 4)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .ok_or_else(|| self.error("invalid \\u escape"))?;
        self.at += 4;
        Ok(code)
    }

    /// The character of a `\u` escape (past the `\u`), joining a surrogate pair.
    fn unicode_escape(&mut self) -> Result<char, ParseError> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if !self.eat("\\u") {
                    return Err(self.error("lone surrogate in \\u escape"));
                }
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error("lone surrogate in \\u escape"));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            _ => first,
        };
        char::from_u32(code).ok_or_else(|| self.error("lone surrogate in \\u escape"))
    }

    fn string(&mut self) -> Result<String, ParseError> {
        self.at += 1; // the opening quote
        let mut out = String::new();
        loop {
            // Copy the plain run up to the next quote, backslash or control character.
            let rest = self.text.get(self.at..).unwrap_or_default();
            let run = rest
                .find(|c: char| c == '"' || c == '\\' || c < ' ')
                .unwrap_or(rest.len());
            out.push_str(rest.get(..run).unwrap_or_default());
            self.at += run;
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escaped = self.peek();
                    self.at += 1;
                    out.push(match escaped {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.unicode_escape()?,
                        _ => return Err(self.error("invalid escape")),
                    });
                }
                None => return Err(self.error("unterminated string")),
                Some(_) => return Err(self.error("control character in a string")),
            }
        }
    }
}
