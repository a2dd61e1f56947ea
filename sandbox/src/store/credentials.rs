//! Bearer credentials: API token values (any Active token of any account)
//! and user access tokens (JWTs the sandbox signed), resolved to a caller.

use super::caller::{AccountRef, Actor, ActorKind, Caller, Scope};
use super::{optional, StoreError};
use crate::domain::{clock, ids, jwt};
use rusqlite::{params, Connection};

const JWT_KEY: &str = "jwt-signing-key";

/// How long a user access token the sandbox issues stays valid.
pub const USER_TOKEN_HOURS: i64 = 12;

/// The caller a bearer credential stands for, or `None` when it is not valid
/// (unknown, disabled, deleted, forged or expired). A token's use is recorded
/// as its `lastAccessAt`.
pub fn authenticate(conn: &Connection, bearer: &str) -> Result<Option<Caller>, StoreError> {
    if jwt::looks_like_jwt(bearer) {
        user(conn, bearer)
    } else {
        api_token(conn, bearer)
    }
}

fn api_token(conn: &Connection, secret: &str) -> Result<Option<Caller>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.id, t.name, t.status, a.id, a.name, a.type FROM tokens t JOIN accounts a ON a.id = t.account_id
         WHERE t.token = ?",
    )?;
    let row = optional(stmt.query_row([secret], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            AccountRef {
                id: r.get(3)?,
                name: r.get(4)?,
                kind: r.get(5)?,
            },
        ))
    }))?;
    let Some((id, name, _, account)) = row.filter(|(_, _, status, _)| status == super::tokens::ACTIVE) else {
        return Ok(None);
    };
    conn.prepare_cached("UPDATE tokens SET last_access_at = ? WHERE id = ?")?
        .execute(params![clock::now(), id])?;
    let scope = if account.kind == "Operations" {
        Scope::Everything
    } else {
        Scope::Accounts(vec![account.id.clone()])
    };
    Ok(Some(Caller {
        actor: Actor {
            id,
            name,
            kind: ActorKind::Token,
        },
        account,
        scope,
        user_agent: None,
        ip: None,
    }))
}

/// The key user access tokens are signed with, made on first use.
fn signing_key(conn: &Connection) -> Result<Vec<u8>, StoreError> {
    if let Some(key) = optional(
        conn.query_row("SELECT value FROM settings WHERE key = ?", [JWT_KEY], |r| {
            r.get::<_, Vec<u8>>(0)
        }),
    )? {
        return Ok(key);
    }
    let key = ids::random_key();
    conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)", params![JWT_KEY, key])?;
    Ok(key)
}

fn account(conn: &Connection, id: &str) -> Result<Option<AccountRef>, StoreError> {
    Ok(optional(conn.query_row(
        "SELECT id, name, type FROM accounts WHERE id = ?",
        [id],
        |r| {
            Ok(AccountRef {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: r.get(2)?,
            })
        },
    ))?)
}

fn memberships(conn: &Connection, user_id: &str) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT account_id FROM memberships WHERE user_id = ? ORDER BY account_id")?;
    let ids = stmt
        .query_map([user_id], |r| r.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ids)
}

fn user(conn: &Connection, token: &str) -> Result<Option<Caller>, StoreError> {
    let key = signing_key(conn)?;
    let Ok(claims) = jwt::verify(token, &key, clock::now_seconds()) else {
        return Ok(None);
    };
    let name: Option<String> =
        optional(conn.query_row("SELECT name FROM users WHERE id = ?", [&claims.user_id], |r| r.get(0)))?;
    let Some(name) = name else { return Ok(None) };
    let member_of = memberships(conn, &claims.user_id)?;
    let current = if member_of.contains(&claims.account_id) {
        claims.account_id.clone()
    } else {
        match member_of.first() {
            Some(first) => first.clone(),
            None => return Ok(None),
        }
    };
    let Some(account) = account(conn, &current)? else {
        return Ok(None);
    };
    Ok(Some(Caller {
        actor: Actor {
            id: claims.user_id,
            name,
            kind: ActorKind::User,
        },
        account,
        scope: Scope::Accounts(member_of),
        user_agent: None,
        ip: None,
    }))
}

/// A user access token for `user_id`, valid for [`USER_TOKEN_HOURS`], working in
/// the first account the user belongs to.
pub fn issue_user_token(conn: &Connection, user_id: &str) -> Result<String, StoreError> {
    let key = signing_key(conn)?;
    let name: String = optional(conn.query_row("SELECT name FROM users WHERE id = ?", [user_id], |r| r.get(0)))?
        .ok_or_else(|| StoreError::not_found("User", user_id))?;
    let account_id = memberships(conn, user_id)?
        .into_iter()
        .next()
        .ok_or_else(|| StoreError::Conflict(format!("user {user_id} belongs to no account")))?;
    let now = clock::now_seconds();
    let claims = jwt::Claims {
        iss: "sandbox".into(),
        sub: user_id.into(),
        user_id: user_id.into(),
        account_id,
        name,
        iat: now,
        exp: now + USER_TOKEN_HOURS * 3600,
    };
    Ok(jwt::sign(&claims, &key))
}
