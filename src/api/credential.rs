//! What a pasted credential is. The platform takes two kinds: API token
//! values (`idt:TKN-1234-5678:secret`, whose middle part is the token's id, as
//! SoftwareOne's CLI and MCP server read it) and user access tokens (JWTs
//! carrying `https://claims.softwareone.com/userId` and `…/accountId`). A
//! value pasted from a header may start with `Bearer `. Pure: tested natively.

use crate::model::json::{parse, Value};

/// The claims of a user access token the console reads (unverified: the API
/// verifies; these only name who is signed in).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UserClaims {
    /// `USR-…`
    pub user_id: Option<String>,
    /// The account the token works in.
    pub account_id: Option<String>,
    /// Display name, when the issuer includes one.
    pub name: Option<String>,
    /// Expiry, seconds since the epoch.
    pub exp: Option<i64>,
}

/// A credential, classified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credential {
    /// An API token value; `id` is the token's (`TKN-…`).
    ApiToken {
        /// `TKN-1234-5678`
        id: String,
    },
    /// A user access token.
    User(UserClaims),
    /// Something else; the API will say whether it accepts it.
    Opaque,
}

/// The value to send: trimmed, without a leading `Bearer ` (any case).
pub fn normalize(raw: &str) -> String {
    let v = raw.trim();
    let stripped = v
        .get(..7)
        .filter(|p| p.eq_ignore_ascii_case("bearer "))
        .and_then(|_| v.get(7..))
        .unwrap_or(v);
    stripped.trim().to_string()
}

fn base64url_decode(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in s.bytes().filter(|&c| c != b'=') {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

fn jwt_claims(value: &str) -> Option<UserClaims> {
    let mut parts = value.split('.');
    let (Some(_), Some(payload), Some(_), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    let payload = String::from_utf8(base64url_decode(payload)?).ok()?;
    let claims = parse(&payload).ok()?;
    let claims = claims.as_object()?;
    let text = |key| claim(claims.get(key), |v| v.as_str().map(str::to_string));
    Some(UserClaims {
        user_id: text("https://claims.softwareone.com/userId")?,
        account_id: text("https://claims.softwareone.com/accountId")?,
        name: text("name")?,
        exp: claim(claims.get("exp"), Value::as_i64)?,
    })
}

/// A claim absent or null is `Some(None)`; one of another type than `read`
/// takes is `None`: the payload is not one the console knows.
fn claim<T>(found: Option<&Value>, read: impl Fn(&Value) -> Option<T>) -> Option<Option<T>> {
    match found {
        None | Some(Value::Null) => Some(None),
        Some(v) => read(v).map(Some),
    }
}

/// Classifies a normalized credential.
pub fn classify(value: &str) -> Credential {
    let parts: Vec<&str> = value.split(':').collect();
    if let [_, id, _, ..] = parts.as_slice() {
        if id.starts_with("TKN-") && id.len() <= 40 {
            return Credential::ApiToken { id: id.to_string() };
        }
    }
    match jwt_claims(value) {
        Some(claims) => Credential::User(claims),
        None => Credential::Opaque,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bearer_prefixes_and_blanks_are_removed() {
        assert_eq!(normalize("  Bearer idt:TKN-1:x \n"), "idt:TKN-1:x");
        assert_eq!(normalize("bearer   eyJ.a.b"), "eyJ.a.b");
        assert_eq!(normalize("idt:TKN-1:x"), "idt:TKN-1:x");
        assert_eq!(normalize("Bear"), "Bear");
        assert_eq!(normalize("Bearé x"), "Bearé x");
    }

    #[test]
    fn api_token_values_name_their_token() {
        assert_eq!(
            classify("idt:TKN-1234-5678:s3cr3t"),
            Credential::ApiToken {
                id: "TKN-1234-5678".into()
            }
        );
        // A secret may itself hold colons.
        assert_eq!(classify("idt:TKN-1:a:b"), Credential::ApiToken { id: "TKN-1".into() });
        assert_eq!(classify("idt:USR-1:x"), Credential::Opaque);
        assert_eq!(classify("sandbox-admin-abc"), Credential::Opaque);
    }

    #[test]
    fn user_access_tokens_yield_their_claims() {
        // {"https://claims.softwareone.com/userId":"USR-1","https://claims.softwareone.com/accountId":"ACC-1","name":"Sarah","exp":5}
        let payload = "eyJodHRwczovL2NsYWltcy5zb2Z0d2FyZW9uZS5jb20vdXNlcklkIjoiVVNSLTEiLCJodHRwczovL2NsYWltcy5zb2Z0d2FyZW9uZS5jb20vYWNjb3VudElkIjoiQUNDLTEiLCJuYW1lIjoiU2FyYWgiLCJleHAiOjV9";
        let Credential::User(c) = classify(&format!("eyJhbGciOiJIUzI1NiJ9.{payload}.sig")) else {
            panic!("not a user token")
        };
        assert_eq!(c.user_id.as_deref(), Some("USR-1"));
        assert_eq!(c.account_id.as_deref(), Some("ACC-1"));
        assert_eq!(c.name.as_deref(), Some("Sarah"));
        assert_eq!(c.exp, Some(5));
        // {"name":7}: a claim of another type is not a token the console knows.
        assert_eq!(classify("eyJhbGciOiJIUzI1NiJ9.eyJuYW1lIjo3fQ.sig"), Credential::Opaque);
        // {"name":null,"exp":null}: null claims are absent ones.
        assert_eq!(
            classify("eyJhbGciOiJIUzI1NiJ9.eyJuYW1lIjpudWxsLCJleHAiOm51bGx9.sig"),
            Credential::User(UserClaims::default())
        );
        for garbage in ["a.b.c", "a.!!!.c", "a.b", "", "...."] {
            assert_eq!(classify(garbage), Credential::Opaque, "{garbage}");
        }
    }
}
