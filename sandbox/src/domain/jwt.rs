//! User access tokens: JWTs signed with HS256 by the sandbox, carrying the
//! claims SoftwareOne's own clients read (`https://claims.softwareone.com/userId`
//! and `…/accountId`, as mpt-mcp's token validator and the mobile app do).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

/// The claim naming the user.
pub const USER_CLAIM: &str = "https://claims.softwareone.com/userId";
/// The claim naming the user's current account.
pub const ACCOUNT_CLAIM: &str = "https://claims.softwareone.com/accountId";

/// What a user access token says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// Issuer.
    pub iss: String,
    /// Subject: the user id.
    pub sub: String,
    /// The user's id (`USR-…`).
    #[serde(rename = "https://claims.softwareone.com/userId")]
    pub user_id: String,
    /// The account the user is working in (`ACC-…`).
    #[serde(rename = "https://claims.softwareone.com/accountId")]
    pub account_id: String,
    /// The user's display name.
    pub name: String,
    /// Issued at (seconds since the epoch).
    pub iat: i64,
    /// Expires at (seconds since the epoch).
    pub exp: i64,
}

/// Why a token is not a valid user access token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JwtError {
    /// Not three base64url parts of JSON, or not HS256.
    Malformed,
    /// The signature does not match.
    BadSignature,
    /// Past its `exp`.
    Expired,
}

/// Whether `token` has the shape of a JWT (three dot-separated parts).
pub fn looks_like_jwt(token: &str) -> bool {
    token.split('.').count() == 3 && token.starts_with("eyJ")
}

fn mac(key: &[u8]) -> Hmac<Sha256> {
    // HMAC takes keys of any length; this cannot fail.
    <Hmac<Sha256> as Mac>::new_from_slice(key).unwrap_or_else(|_| unreachable!("HMAC accepts any key length"))
}

pub fn sign(claims: &Claims, key: &[u8]) -> String {
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(claims).unwrap_or_default());
    let signing_input = format!("{header}.{payload}");
    let mut m = mac(key);
    m.update(signing_input.as_bytes());
    let sig = URL_SAFE_NO_PAD.encode(m.finalize().into_bytes());
    format!("{signing_input}.{sig}")
}

/// Checks `token`'s signature with `key` and its expiry at `now` (seconds).
pub fn verify(token: &str, key: &[u8], now: i64) -> Result<Claims, JwtError> {
    let mut parts = token.split('.');
    let (Some(h), Some(p), Some(s), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return Err(JwtError::Malformed);
    };
    let header: serde_json::Value = URL_SAFE_NO_PAD
        .decode(h)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or(JwtError::Malformed)?;
    if header["alg"] != "HS256" {
        return Err(JwtError::Malformed);
    }
    let sig = URL_SAFE_NO_PAD.decode(s).map_err(|_| JwtError::Malformed)?;
    let mut m = mac(key);
    m.update(format!("{h}.{p}").as_bytes());
    m.verify_slice(&sig).map_err(|_| JwtError::BadSignature)?;
    let claims: Claims = URL_SAFE_NO_PAD
        .decode(p)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or(JwtError::Malformed)?;
    if claims.exp <= now {
        return Err(JwtError::Expired);
    }
    Ok(claims)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(exp: i64) -> Claims {
        Claims {
            iss: "sandbox".into(),
            sub: "USR-1".into(),
            user_id: "USR-1".into(),
            account_id: "ACC-1".into(),
            name: "Sarah".into(),
            iat: 0,
            exp,
        }
    }

    #[test]
    fn signed_tokens_verify_and_carry_the_platform_claims() {
        let t = sign(&claims(100), b"key");
        assert!(looks_like_jwt(&t));
        assert_eq!(verify(&t, b"key", 50).unwrap(), claims(100));
        let payload = URL_SAFE_NO_PAD.decode(t.split('.').nth(1).unwrap()).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&payload).unwrap();
        assert_eq!(v[USER_CLAIM], "USR-1");
        assert_eq!(v[ACCOUNT_CLAIM], "ACC-1");
    }

    #[test]
    fn forged_expired_and_garbled_tokens_are_refused() {
        let t = sign(&claims(100), b"key");
        assert_eq!(verify(&t, b"other", 50), Err(JwtError::BadSignature));
        assert_eq!(verify(&t, b"key", 100), Err(JwtError::Expired));
        let mut forged: Vec<&str> = t.split('.').collect();
        let other = sign(&claims(999), b"attacker");
        forged[1] = other.split('.').nth(1).unwrap();
        assert_eq!(verify(&forged.join("."), b"key", 50), Err(JwtError::BadSignature));
        assert_eq!(verify("a.b", b"key", 0), Err(JwtError::Malformed));
        assert_eq!(verify("idt:TKN-1:x", b"key", 0), Err(JwtError::Malformed));
    }
}
