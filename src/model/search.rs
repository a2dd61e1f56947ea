//! The list's search box as an RQL filter, as the platform's own search
//! does it: a complete token id is `eq(id,…)`, the start of one an `ilike`
//! on the id, and anything else a case-insensitive "contains" on the name.
//!
//! RQL has no escape for quotes, so a text holding both `'` and `"` is
//! searched as its pieces between the `"`, all of which must appear (each
//! piece is written in double quotes). And because the platform reads `\*`
//! at a pattern's end as a literal star, backslashes that end a piece are
//! left out of it. Both widen the match a little; neither can change the
//! query's structure.

use rql::{Expr, Pattern};

fn is_token_id(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 13
        && s.starts_with("TKN-")
        && b.get(8) == Some(&b'-')
        && s.bytes()
            .enumerate()
            .all(|(i, c)| i < 4 || i == 8 || c.is_ascii_digit())
}

fn is_id_prefix(s: &str) -> bool {
    s.starts_with("TKN-") && s.len() <= 13 && s.bytes().skip(4).all(|c| c.is_ascii_digit() || c == b'-')
}

/// The filter for a search text; `None` when it is blank.
pub fn search_filter(text: &str) -> Option<Expr> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let upper = t.to_ascii_uppercase();
    if is_token_id(&upper) {
        return Some(Expr::eq("id", upper));
    }
    if is_id_prefix(&upper) {
        return Some(Expr::ilike("id", Pattern::starts_with(upper)));
    }
    let pieces: Vec<&str> = if t.contains('"') && t.contains('\'') {
        t.split('"').collect()
    } else {
        vec![t]
    };
    let exprs: Vec<Expr> = pieces
        .into_iter()
        .map(|p| p.trim_end_matches('\\'))
        .filter(|p| !p.is_empty())
        .map(|p| Expr::contains("name", p))
        .collect();
    Expr::all_of(exprs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rql(text: &str) -> String {
        search_filter(text).map(|e| e.to_rql().unwrap()).unwrap_or_default()
    }

    #[test]
    fn ids_are_looked_up_by_id() {
        assert_eq!(rql("TKN-1234-5678"), r#"eq(id,"TKN-1234-5678")"#);
        assert_eq!(rql(" tkn-1234-5678 "), r#"eq(id,"TKN-1234-5678")"#);
        assert_eq!(rql("TKN-12"), r#"ilike(id,"TKN-12*")"#);
        assert_eq!(rql("tkn-"), r#"ilike(id,"TKN-*")"#);
        assert_eq!(rql("TKN-1234-56789"), r#"ilike(name,"*TKN-1234-56789*")"#);
    }

    #[test]
    fn other_text_searches_names() {
        assert_eq!(rql("robot"), r#"ilike(name,"*robot*")"#);
        assert_eq!(rql("  "), "");
        assert_eq!(rql("a*b"), r#"ilike(name,"*a*b*")"#);
        assert_eq!(rql(r#"say "hi""#), r#"ilike(name,'*say "hi"*')"#);
        assert_eq!(rql("it's"), r#"ilike(name,"*it's*")"#);
    }

    #[test]
    fn text_rql_cannot_express_is_narrowed_by_a_stated_rule() {
        // Both kinds of quote: the pieces between double quotes, all required.
        assert_eq!(
            rql(r#"it's "quoted""#),
            r#"and(ilike(name,"*it's *"),ilike(name,"*quoted*"))"#
        );
        // A trailing backslash would read as an escaped star.
        assert_eq!(rql(r"back\"), r#"ilike(name,"*back*")"#);
        assert_eq!(rql(r"\\"), "");
        // Whatever is typed, the result is written and parses back as one filter.
        for hostile in [r#"x"),eq(status,Deleted"#, r#"'"'"'"#, "\\*\\", "(,&|;=)", "*"] {
            if let Some(e) = search_filter(hostile) {
                let text = e.to_rql().unwrap();
                assert_eq!(rql::parse_expr(&text).unwrap(), e, "{hostile}");
            }
        }
    }
}
