//! The data an empty database starts with: an Operations account whose token
//! sees every account, two client accounts and a vendor account with their
//! users, modules and tokens in varied states, and the audit trail of it all.
//! Also the credentials the sandbox prints at start.

mod data;

pub use data::{ADMIN_TOKEN_ID, CONSOLE_TOKEN_ID, OPERATIONS, STARK};

use super::caller::{AccountRef, Actor, ActorKind, Caller, Scope};
use super::{credentials, tokens, Db, StoreError};
use crate::domain::clock;
use crate::domain::validate::NewToken;
use data::{AccountRow, ACCOUNT_MODULES, ACME, MODULES, OTHER_TOKENS, PRINTED_USER, STARK_TOKENS, USERS, WAYNE};
use rusqlite::{params, Connection};

/// The credentials to sign in with.
#[derive(Debug, Clone)]
pub struct Credentials {
    /// The Operations account's token: sees every account.
    pub admin: String,
    /// Whether the admin token was given (`SANDBOX_ADMIN_TOKEN`) rather than generated.
    pub admin_given: bool,
    /// Stark Industries' "Sandbox console" token.
    pub account: String,
    /// A user access token for a user of two accounts.
    pub user: String,
}

fn account_ref(row: AccountRow) -> AccountRef {
    AccountRef {
        id: row.0.into(),
        name: row.1.into(),
        kind: row.2.into(),
    }
}

/// A seeded user acting in `account`, as seeding records it.
fn user_caller(user: usize, account: AccountRow) -> Caller {
    let (id, name, _) = USERS[user % USERS.len()];
    Caller {
        actor: Actor {
            id: id.into(),
            name: name.into(),
            kind: ActorKind::User,
        },
        account: account_ref(account),
        scope: Scope::Accounts(vec![account.0.into()]),
        user_agent: Some("sandbox seed".into()),
        ip: None,
    }
}

/// Users who may act in `account`.
fn members(account: AccountRow) -> Vec<usize> {
    (0..USERS.len()).filter(|&u| USERS[u].2.contains(&account.0)).collect()
}

/// One seeded token; `i` varies its modules, dates and status.
fn seed_token(conn: &Connection, account: AccountRow, i: usize, name: &str, days_ago: i64) -> Result<(), StoreError> {
    let users = members(account);
    let caller = user_caller(users.get(i % users.len().max(1)).copied().unwrap_or(0), account);
    let enabled = ACCOUNT_MODULES
        .iter()
        .find(|(a, _)| *a == account.0)
        .map(|(_, m)| *m)
        .unwrap_or_default();
    let first = i * 2 % enabled.len().max(1);
    let count = [1, 2, 1, 3, 4, 1, 2][i % 7].min(enabled.len());
    let new = NewToken {
        name: name.to_string(),
        description: (i % 3 != 2).then(|| format!("Used by the {} integration.", name.to_lowercase())),
        icon: None,
        modules: (0..count)
            .map(|k| enabled[(first + k) % enabled.len()].to_string())
            .collect(),
        account_id: None,
    };
    let created = clock::ago(days_ago, (i as i64 * 97) % 1440);
    let last_access = match i % 6 {
        0 => None,
        3 => Some(clock::ago(days_ago.min(200) / 2 + 95, 13)),
        _ => Some(clock::ago((i as i64 * 5) % 40, (i as i64 * 37) % 1440)),
    }
    // Nothing is used before it exists.
    .filter(|at| *at >= created);
    let status = if i % 4 == 1 { tokens::DISABLED } else { tokens::ACTIVE };
    let place = tokens::Placement {
        id: None,
        account_id: account.0,
        status: tokens::ACTIVE,
        created_at: &created,
        last_access_at: last_access.as_deref(),
    };
    let id = tokens::insert(conn, &caller, &new, &place)?;
    tokens::record_event(conn, &caller, &created, &id, "created", None)?;
    if status == tokens::DISABLED {
        let at = clock::ago(days_ago / 2, 0);
        conn.execute(
            "UPDATE tokens SET status = ?, updated_at = ?, updated_by_id = ?, updated_by_name = ? WHERE id = ?",
            params![status, at, caller.actor.id, caller.actor.name, id],
        )?;
        tokens::record_event(conn, &caller, &at, &id, "disabled", None)?;
    }
    Ok(())
}

/// A token with a fixed id (the printed credentials).
fn fixed_token(
    conn: &Connection,
    id: &str,
    account: AccountRow,
    name: &str,
    modules: &[&str],
) -> Result<(), StoreError> {
    let caller = user_caller(members(account).first().copied().unwrap_or(0), account);
    let new = NewToken {
        name: name.into(),
        description: Some("Signs in to the API tokens console on this sandbox.".into()),
        icon: None,
        modules: modules.iter().map(|m| m.to_string()).collect(),
        account_id: None,
    };
    let created = clock::ago(30, 0);
    let place = tokens::Placement {
        id: Some(id),
        account_id: account.0,
        status: tokens::ACTIVE,
        created_at: &created,
        last_access_at: None,
    };
    tokens::insert(conn, &caller, &new, &place)?;
    tokens::record_event(conn, &caller, &created, id, "created", None)
}

fn seed_catalog(conn: &Connection) -> Result<(), StoreError> {
    let since = clock::ago(900, 0);
    for (id, name, kind) in [OPERATIONS, STARK, WAYNE, ACME] {
        conn.execute(
            "INSERT INTO accounts (id, name, status, type, icon, created_at) VALUES (?, ?, 'Active', ?, NULL, ?)",
            params![id, name, kind, since],
        )?;
    }
    for (id, name, accounts) in USERS {
        conn.execute("INSERT INTO users (id, name) VALUES (?, ?)", [id, name])?;
        for account in accounts {
            conn.execute(
                "INSERT INTO memberships (user_id, account_id) VALUES (?, ?)",
                [id, account],
            )?;
        }
    }
    for (id, name, code, description, types) in MODULES {
        conn.execute(
            "INSERT INTO modules (id, name, description, code, account_types, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            params![id, name, description, code, types, since],
        )?;
    }
    for (account, modules) in ACCOUNT_MODULES {
        for m in modules {
            conn.execute(
                "INSERT INTO account_modules (account_id, module_id) VALUES (?, ?)",
                [account, m],
            )?;
        }
    }
    Ok(())
}

/// Seeds an empty database; returns whether it did anything.
pub fn seed_if_empty(db: &Db) -> Result<bool, StoreError> {
    db.run_blocking(|conn| {
        let has_account: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM accounts)", [], |r| r.get(0))?;
        if has_account {
            return Ok(false);
        }
        let tx = conn.transaction()?;
        seed_catalog(&tx)?;
        let all: Vec<&str> = MODULES.iter().map(|m| m.0).collect();
        fixed_token(&tx, ADMIN_TOKEN_ID, OPERATIONS, "Sandbox administrator", &all)?;
        for (i, name) in STARK_TOKENS.iter().enumerate() {
            seed_token(&tx, STARK, i, name, 700 - i as i64 * 23)?;
        }
        fixed_token(&tx, CONSOLE_TOKEN_ID, STARK, "Sandbox console", &["MOD-1255"])?;
        for (account, names) in OTHER_TOKENS {
            let row = [WAYNE, ACME].into_iter().find(|a| a.0 == account).unwrap_or(WAYNE);
            for (i, name) in names.iter().enumerate() {
                seed_token(&tx, row, i, name, 300 - i as i64 * 41)?;
            }
        }
        tx.commit()?;
        Ok(true)
    })
}

/// Adds `n` more tokens to Stark Industries (benchmarks and large-list figures).
pub fn add_bulk_tokens(db: &Db, n: usize) -> Result<(), StoreError> {
    db.run_blocking(|conn| {
        let tx = conn.transaction()?;
        for i in 0..n {
            seed_token(&tx, STARK, i, &format!("Bulk token {i:05}"), (i % 800) as i64)?;
        }
        tx.commit()?;
        Ok(())
    })
}

fn token_value(conn: &Connection, id: &str) -> Result<String, StoreError> {
    Ok(conn.query_row("SELECT token FROM tokens WHERE id = ?", [id], |r| r.get(0))?)
}

/// The credentials to print; `admin` (when given) becomes the admin token's value.
pub fn credentials(db: &Db, admin: Option<&str>) -> Result<Credentials, StoreError> {
    db.run_blocking(|conn| {
        if let Some(value) = admin {
            conn.execute(
                "UPDATE tokens SET token = ? WHERE id = ?",
                params![value, ADMIN_TOKEN_ID],
            )?;
        }
        Ok(Credentials {
            admin: token_value(conn, ADMIN_TOKEN_ID)?,
            admin_given: admin.is_some(),
            account: token_value(conn, CONSOLE_TOKEN_ID)?,
            user: credentials::issue_user_token(conn, PRINTED_USER)?,
        })
    })
}
