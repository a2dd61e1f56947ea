//! Token logos. A token's `icon` is a path in the platform's form, relative
//! to the API's `/public` root (`/v1/accounts/api-tokens/{id}/icon`), and the
//! API serves the image there.

use super::caller::Scope;
use super::list::visible;
use super::resources::TOKENS;
use super::{optional, StoreError};
use crate::domain::icon::Icon;
use crate::domain::ids;
use rusqlite::{params, Connection};

/// The `icon` path of token `id`'s logo.
pub fn path(token_id: &str) -> String {
    format!("/v1/accounts/api-tokens/{token_id}/icon")
}

/// Whether `sent` names token `id`'s logo: its path, or that path under any
/// prefix (a client may send back the URL it resolved).
pub fn is_path_of(sent: &str, token_id: &str) -> bool {
    let own = path(token_id);
    sent == own || (sent.ends_with(&own) && sent[..sent.len() - own.len()].ends_with("/public"))
}

/// Stores (or replaces) token `id`'s logo.
pub fn put(conn: &Connection, token_id: &str, icon: &Icon) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO icons (token_id, content_type, etag, data) VALUES (?, ?, ?, ?)
         ON CONFLICT(token_id) DO UPDATE SET content_type = excluded.content_type, etag = excluded.etag, data = excluded.data",
        params![token_id, icon.content_type, ids::etag(), icon.data],
    )?;
    Ok(())
}

/// Removes token `id`'s logo, if it has one.
pub fn remove(conn: &Connection, token_id: &str) -> Result<(), StoreError> {
    conn.execute("DELETE FROM icons WHERE token_id = ?", [token_id])?;
    Ok(())
}

/// Whether token `id` has a logo.
pub fn exists(conn: &Connection, token_id: &str) -> Result<bool, StoreError> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM icons WHERE token_id = ?")?
        .exists([token_id])?)
}

/// A stored logo: content type, entity tag, bytes.
pub type Stored = (String, String, Vec<u8>);

/// Token `id`'s logo, within `scope` when one is given (private logos).
pub fn get(conn: &Connection, scope: Option<&Scope>, token_id: &str) -> Result<Option<Stored>, StoreError> {
    if let Some(scope) = scope {
        if !visible(conn, &TOKENS, scope, token_id)? {
            return Ok(None);
        }
    }
    Ok(optional(conn.query_row(
        "SELECT i.content_type, i.etag, i.data FROM icons i JOIN tokens t ON t.id = i.token_id
         WHERE i.token_id = ? AND t.status <> 'Deleted'",
        [token_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    ))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_sent_back_are_recognised_in_either_form() {
        assert!(is_path_of("/v1/accounts/api-tokens/TKN-1/icon", "TKN-1"));
        assert!(is_path_of(
            "https://api.example/public/v1/accounts/api-tokens/TKN-1/icon",
            "TKN-1"
        ));
        assert!(!is_path_of("/v1/accounts/api-tokens/TKN-2/icon", "TKN-1"));
        assert!(!is_path_of(
            "https://evil.example/x/v1/accounts/api-tokens/TKN-1/icon",
            "TKN-1"
        ));
    }
}
