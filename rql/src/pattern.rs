//! `like` / `ilike` patterns as the platform reads them (mpt-rql-net's
//! `Like`): a `*` is a wildcard only as the pattern's first or last
//! character, where `\*` stands for a literal star; anywhere else every
//! character, `*` and `\` included, is itself. A pattern therefore means one
//! of: equals, starts with, ends with, or contains a literal.

/// A parsed pattern: an optional wildcard at each end around a literal.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Pattern {
    /// Starts with `*`: anything may come before the literal.
    pub leading: bool,
    /// The text matched literally.
    pub literal: String,
    /// Ends with `*`: anything may come after the literal.
    pub trailing: bool,
}

/// Why a pattern cannot be written so that the platform reads it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unwritable(pub String);

impl Pattern {
    /// `*text*`: values containing `text` anywhere.
    pub fn contains(text: impl Into<String>) -> Pattern {
        Pattern {
            leading: true,
            literal: text.into(),
            trailing: true,
        }
    }

    /// `text*`: values starting with `text`.
    pub fn starts_with(text: impl Into<String>) -> Pattern {
        Pattern {
            leading: false,
            literal: text.into(),
            trailing: true,
        }
    }

    /// Reads pattern text (quotes already removed) the way the platform does.
    pub fn parse(text: &str) -> Pattern {
        let starts_wildcard = text.starts_with('*');
        let starts_escaped = text.starts_with("\\*");
        let ends_escaped = text.len() >= 2 && text.ends_with("\\*");
        let ends_wildcard = !ends_escaped && text.ends_with('*');
        let chars: Vec<char> = text.chars().collect();
        let start = usize::from(starts_wildcard || starts_escaped);
        let mut end = chars.len();
        if ends_escaped {
            end = start.max(end.saturating_sub(2));
        } else if ends_wildcard {
            end = start.max(end.saturating_sub(1));
        }
        let mut literal: String = chars.get(start..end).unwrap_or_default().iter().collect();
        if ends_escaped {
            literal.push('*');
        }
        Pattern {
            leading: starts_wildcard,
            literal,
            trailing: ends_wildcard,
        }
    }

    /// The pattern text that [`Pattern::parse`] reads back as `self`, or why there is none.
    pub fn to_text(&self) -> Result<String, Unwritable> {
        let lit = &self.literal;
        if lit.is_empty() {
            return Ok(if self.leading || self.trailing { "**" } else { "" }.to_string());
        }
        if !self.leading && lit.starts_with("\\*") {
            return Err(Unwritable(format!(
                "a pattern cannot begin with a literal '\\*' ('{lit}'): the platform reads it as an escaped star"
            )));
        }
        if self.trailing && lit.ends_with('\\') {
            return Err(Unwritable(format!(
                "a pattern cannot end with '\\' before a wildcard ('{lit}'): the platform reads '\\*' as a literal star"
            )));
        }
        let mut out = String::with_capacity(lit.len() + 4);
        if self.leading {
            out.push('*');
        } else if lit.starts_with('*') {
            out.push('\\');
        }
        if !self.trailing && lit.ends_with('*') {
            // The last star becomes `\*`; a one-character `*` was already escaped in front.
            let body = &lit[..lit.len() - 1];
            out.push_str(body);
            if !body.is_empty() || self.leading {
                out.push('\\');
            }
            out.push('*');
        } else {
            out.push_str(lit);
        }
        if self.trailing {
            out.push('*');
        }
        Ok(out)
    }

    /// Whether `value` matches; `fold` compares case-insensitively (Unicode).
    pub fn matches(&self, value: &str, fold: bool) -> bool {
        matches(self.leading, &self.literal, self.trailing, value, fold)
    }
}

/// Where `lit` must sit in `value`.
fn placed(leading: bool, trailing: bool, value: &[u8], lit: &[u8], eq: impl Fn(&[u8], &[u8]) -> bool) -> bool {
    let at = |i: usize| value.get(i..i + lit.len()).is_some_and(|w| eq(w, lit));
    match (leading, trailing) {
        (true, true) => lit.is_empty() || (0..=value.len().saturating_sub(lit.len())).any(at),
        (true, false) => value.len() >= lit.len() && at(value.len() - lit.len()),
        (false, true) => at(0),
        (false, false) => value.len() == lit.len() && at(0),
    }
}

/// [`Pattern::matches`] without building a pattern: the form the sandbox's
/// SQL function calls for every row, so ASCII text is compared in place.
pub fn matches(leading: bool, literal: &str, trailing: bool, value: &str, fold: bool) -> bool {
    if !fold {
        return placed(leading, trailing, value.as_bytes(), literal.as_bytes(), |a, b| a == b);
    }
    if value.is_ascii() && literal.is_ascii() {
        return placed(leading, trailing, value.as_bytes(), literal.as_bytes(), |a, b| {
            a.eq_ignore_ascii_case(b)
        });
    }
    let (v, l) = (value.to_lowercase(), literal.to_lowercase());
    placed(leading, trailing, v.as_bytes(), l.as_bytes(), |a, b| a == b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(leading: bool, literal: &str, trailing: bool) -> Pattern {
        Pattern {
            leading,
            literal: literal.into(),
            trailing,
        }
    }

    #[test]
    fn reads_patterns_as_mpt_rql_net_does() {
        // The table computed from mpt-rql-net's Like.cs.
        for (text, want) in [
            ("*", p(true, "", true)),
            ("**", p(true, "", true)),
            ("\\*", p(false, "*", false)),
            ("abc", p(false, "abc", false)),
            ("abc*", p(false, "abc", true)),
            ("*abc", p(true, "abc", false)),
            ("*abc*", p(true, "abc", true)),
            ("a*b", p(false, "a*b", false)),
            ("*a*b*", p(true, "a*b", true)),
            ("\\*abc", p(false, "*abc", false)),
            ("\\*abc*", p(false, "*abc", true)),
            ("*abc\\*", p(true, "abc*", false)),
            ("\\*abc\\*", p(false, "*abc*", false)),
            ("a\\*b", p(false, "a\\*b", false)),
            ("\\**", p(false, "*", true)),
            ("The\\**", p(false, "The\\*", true)),
            ("***", p(true, "*", true)),
        ] {
            assert_eq!(Pattern::parse(text), want, "{text}");
        }
    }

    #[test]
    fn every_writable_pattern_reads_back_as_itself() {
        let literals = [
            "", "a", "*", "**", "a*", "*a", "*a*", "a\\b", "\\", "a\\", "\\*x", "x\\*", "é ✓",
        ];
        for lit in literals {
            for (leading, trailing) in [(false, false), (true, false), (false, true), (true, true)] {
                let pat = p(leading, lit, trailing);
                match pat.to_text() {
                    Ok(text) => {
                        let back = Pattern::parse(&text);
                        if lit.is_empty() && (leading || trailing) {
                            assert_eq!(back, p(true, "", true), "{text}");
                        } else {
                            assert_eq!(back, pat, "{lit:?} {leading} {trailing} wrote {text:?}");
                        }
                    }
                    Err(_) => assert!(
                        (trailing && lit.ends_with('\\')) || (!leading && lit.starts_with("\\*")),
                        "{lit:?} {leading} {trailing} should be writable"
                    ),
                }
            }
        }
    }

    #[test]
    fn matching_follows_the_four_kinds() {
        assert!(Pattern::contains("BOT").matches("my robot", true));
        assert!(!Pattern::contains("BOT").matches("my robot", false));
        assert!(Pattern::starts_with("TKN-12").matches("TKN-1234-5678", false));
        assert!(!Pattern::starts_with("TKN-12").matches("xTKN-12", false));
        assert!(Pattern::parse("*a*b*").matches("xa*by", false));
        assert!(!Pattern::parse("*a*b*").matches("axxb", false));
        assert!(Pattern::parse("*").matches("", false));
        assert!(Pattern::contains("ÄRGER").matches("viel ärger", true));
        assert!(Pattern::parse("*ot").matches("ROBOT", true) && !Pattern::parse("*ot").matches("ROBOT", false));
        assert!(Pattern::parse("").matches("", false) && !Pattern::parse("").matches("x", false));
        assert!(Pattern::contains("").matches("anything", false));
        assert!(!Pattern::contains("longer than").matches("short", true));
    }
}
