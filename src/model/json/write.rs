//! Writing a [`Value`] as JSON text, compact or indented as serde_json's
//! `to_string` and `to_string_pretty` write it.

use super::Value;

/// Compact JSON: no whitespace.
pub fn write(value: &Value) -> String {
    let mut out = String::new();
    Writer {
        out: &mut out,
        indent: None,
    }
    .value(value, 0);
    out
}

/// JSON indented by two spaces, one member or item per line.
pub fn write_pretty(value: &Value) -> String {
    let mut out = String::new();
    Writer {
        out: &mut out,
        indent: Some("  "),
    }
    .value(value, 0);
    out
}

struct Writer<'a> {
    out: &'a mut String,
    indent: Option<&'static str>,
}

impl Writer<'_> {
    fn value(&mut self, value: &Value, depth: usize) {
        match value {
            Value::Null => self.out.push_str("null"),
            Value::Bool(b) => self.out.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) => self.out.push_str(&n.0),
            Value::String(s) => self.string(s),
            Value::Array(items) => self.list(('[', ']'), items.iter().map(|v| (None, v)), depth),
            Value::Object(map) => self.list(('{', '}'), map.iter().map(|(k, v)| (Some(k.as_str()), v)), depth),
        }
    }

    /// Items (with their keys, in an object) between `brackets`.
    fn list<'v>(
        &mut self,
        brackets: (char, char),
        items: impl ExactSizeIterator<Item = (Option<&'v str>, &'v Value)>,
        depth: usize,
    ) {
        self.out.push(brackets.0);
        let empty = items.len() == 0;
        for (i, (key, item)) in items.enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            self.line(depth + 1);
            if let Some(key) = key {
                self.string(key);
                self.out.push_str(if self.indent.is_some() { ": " } else { ":" });
            }
            self.value(item, depth + 1);
        }
        if !empty {
            self.line(depth);
        }
        self.out.push(brackets.1);
    }

    /// A new line at `depth`, when indenting.
    fn line(&mut self, depth: usize) {
        if let Some(indent) = self.indent {
            self.out.push('\n');
            for _ in 0..depth {
                self.out.push_str(indent);
            }
        }
    }

    fn string(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '\u{8}' => self.out.push_str("\\b"),
                '\u{c}' => self.out.push_str("\\f"),
                c if c < ' ' => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    let code = c as usize;
                    self.out.push_str("\\u00");
                    for nibble in [code >> 4, code & 0xf] {
                        self.out.push(HEX.get(nibble).map_or('0', |&b| b as char));
                    }
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }
}
