//! Percent-encoding for RQL query strings.

/// Characters left as they are in an encoded query part: unreserved ones plus
/// the RQL punctuation `(`, `)`, `,`, `*` and `:`. Everything else, `&`, `=`,
/// `+`, `#`, `%`, quotes, spaces and `\` included, is percent-encoded, so the
/// server's query-string layer (which splits on `&` and turns `+` into a
/// space before RQL sees anything) cannot change a value.
fn is_kept(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'(' | b')' | b',' | b'*' | b':')
}

/// Percent-encodes `s` (UTF-8) for use inside a query string or path segment.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if is_kept(b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes; `+` stays a plus. Returns `None` for a broken
/// escape or bytes that are not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Decodes a query-string component as the platform's web layer (ASP.NET
/// Core) does: `+` is a space, then `%XX` escapes.
pub fn decode_component(s: &str) -> Option<String> {
    percent_decode(&s.replace('+', " "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_reserved_and_unicode_characters() {
        let raw = "a&b=c+d \"e\" 'f' \\g #h %i ümlaut 😀";
        let enc = percent_encode(raw);
        for c in ['&', '=', '+', '#', ' ', '"', '\''] {
            assert!(!enc.contains(c), "{c} in {enc}");
        }
        assert_eq!(percent_decode(&enc).as_deref(), Some(raw));
        assert_eq!(decode_component(&enc).as_deref(), Some(raw));
    }

    #[test]
    fn broken_escapes_are_rejected() {
        assert_eq!(percent_decode("%"), None);
        assert_eq!(percent_decode("%4"), None);
        assert_eq!(percent_decode("%zz"), None);
        assert_eq!(percent_decode("%FF"), None);
    }

    #[test]
    fn plus_is_a_space_only_in_query_components() {
        assert_eq!(percent_decode("+name").as_deref(), Some("+name"));
        assert_eq!(decode_component("+name").as_deref(), Some(" name"));
        assert_eq!(decode_component("a%2Bb").as_deref(), Some("a+b"));
    }
}
