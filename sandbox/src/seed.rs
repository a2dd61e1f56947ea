//! The data an empty database starts with: one account, the platform's
//! modules, a few users, and about thirty tokens in varied states.

use crate::auth::Actor;
use crate::problem::Problem;
use crate::store::{audit, tokens};
use crate::validate::NewToken;
use crate::{clock, db::Db};
use rusqlite::params;

/// The seeded account.
pub const ACCOUNT: (&str, &str, &str) = ("ACC-0001-0002", "Stark Industries", "Client");
/// The identity the admin token acts as.
pub const ADMIN_USER: (&str, &str) = ("USR-1234-1250-2100", "Sarah Sanderson");

const USERS: [(&str, &str); 4] = [
    ("USR-1234-1210-2143", "John Smith"),
    ("USR-1234-1240-2141", "Andy Anderson"),
    ADMIN_USER,
    ("USR-1234-1260-2188", "Maria Garcia"),
];

/// `(id, name, code, description)` of the platform's modules.
pub const MODULES: [(&str, &str, &str, &str); 9] = [
    (
        "MOD-1255",
        "Access management",
        "access-management",
        "Users, groups, roles and API tokens of the account.",
    ),
    (
        "MOD-1299",
        "Account management",
        "account-management",
        "Account details, addresses and settings.",
    ),
    (
        "MOD-1310",
        "Marketplace",
        "marketplace",
        "Catalog, orders, subscriptions and agreements.",
    ),
    (
        "MOD-1322",
        "Collaboration site",
        "collaboration-site",
        "Shared workspace with SoftwareOne experts.",
    ),
    (
        "MOD-1340",
        "Billing",
        "billing",
        "Statements, invoices, journals and credit memos.",
    ),
    (
        "MOD-1351",
        "Procurement",
        "procurement",
        "Requests, approvals and purchase workflows.",
    ),
    ("MOD-1367", "Support", "support", "Support cases and service requests."),
    (
        "MOD-1378",
        "Spotlight",
        "spotlight",
        "Insights and recommendations on the account's assets.",
    ),
    ("MOD-1389", "Reporting", "reporting", "Reports and data exports."),
];

const NAMES: [&str; 30] = [
    "Robot 1",
    "Robot 2",
    "Robot 3",
    "CI pipeline",
    "Billing export",
    "ERP connector",
    "Nightly sync",
    "Order intake bot",
    "Subscription auditor",
    "Reporting warehouse",
    "ServiceNow bridge",
    "Slack notifier",
    "Invoice reconciler",
    "Provisioning worker",
    "License optimizer",
    "Spotlight collector",
    "Support triage",
    "Terraform runner",
    "Procurement portal",
    "Data lake loader",
    "Backup agent",
    "Partner integration",
    "Renewal reminder",
    "Usage meter",
    "Catalog importer",
    "Test harness",
    "Staging smoke tests",
    "Legacy connector",
    "Finance dashboard",
    "Ops runbook",
];

fn seed_actor(user: (&str, &str)) -> Actor {
    Actor {
        id: user.0.into(),
        name: user.1.into(),
        account_id: ACCOUNT.0.into(),
        account_name: ACCOUNT.1.into(),
        account_type: ACCOUNT.2.into(),
        user_agent: Some("sandbox seed".into()),
        ip: None,
    }
}

fn seed_token(tx: &rusqlite::Transaction<'_>, i: usize, name: &str, created_days_ago: i64) -> Result<(), Problem> {
    let user = USERS[i % USERS.len()];
    let first = i * 2 % MODULES.len();
    let count = [1, 2, 1, 3, 4, 1, 2][i % 7];
    let modules = (0..count)
        .map(|k| MODULES[(first + k) % MODULES.len()].0.to_string())
        .collect();
    let new = NewToken {
        name: name.to_string(),
        description: (i % 3 != 2).then(|| format!("Used by the {} integration.", name.to_lowercase())),
        icon: None,
        modules,
        account_id: None,
    };
    let created = clock::ago(created_days_ago, (i as i64 * 97) % 1440);
    let last_access = match i % 6 {
        0 => None,
        3 => Some(clock::ago(created_days_ago.min(200) / 2 + 95, 13)),
        _ => Some(clock::ago((i as i64 * 5) % 40, (i as i64 * 37) % 1440)),
    }
    // Nothing is used before it exists.
    .filter(|at| *at >= created);
    let status = if i % 4 == 1 { tokens::DISABLED } else { tokens::ACTIVE };
    let id = tokens::insert_raw(tx, ACCOUNT.0, user, &new, status, &created, last_access.as_deref())?;
    let actor = seed_actor(user);
    audit::record(
        tx,
        &actor,
        &created,
        &audit::Event {
            event: "platform.accounts.api_token.created",
            summary: format!("API token '{name}' was created"),
            details: format!("Modules: {}", new.modules.join(", ")),
            object_id: &id,
            object_name: name,
        },
    )?;
    if status == tokens::DISABLED {
        let at = clock::ago(created_days_ago / 2, 0);
        tx.execute(
            "UPDATE tokens SET updated_at = ?, updated_by_id = ?, updated_by_name = ? WHERE id = ?",
            params![at, user.0, user.1, id],
        )?;
        audit::record(
            tx,
            &actor,
            &at,
            &audit::Event {
                event: "platform.accounts.api_token.disabled",
                summary: format!("API token '{name}' was disabled"),
                details: "Status Active → Disabled".into(),
                object_id: &id,
                object_name: name,
            },
        )?;
    }
    Ok(())
}

/// Seeds an empty database; returns whether it did anything.
pub fn seed_if_empty(db: &Db) -> Result<bool, Problem> {
    db.run_blocking(|conn| {
        let has_account: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM accounts)", [], |r| r.get(0))?;
        if has_account {
            return Ok(false);
        }
        let tx = conn.transaction()?;
        let since = clock::ago(900, 0);
        tx.execute(
            "INSERT INTO accounts (id, name, status, type, icon, created_at) VALUES (?, ?, 'Active', ?, NULL, ?)",
            params![ACCOUNT.0, ACCOUNT.1, ACCOUNT.2, since],
        )?;
        for (id, name) in USERS {
            tx.execute("INSERT INTO users (id, name) VALUES (?, ?)", [id, name])?;
        }
        for (id, name, code, description) in MODULES {
            tx.execute(
                "INSERT INTO modules (id, account_id, name, description, code, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                params![id, ACCOUNT.0, name, description, code, since],
            )?;
        }
        for (i, name) in NAMES.iter().enumerate() {
            seed_token(&tx, i, name, 700 - i as i64 * 23)?;
        }
        tx.commit()?;
        Ok(true)
    })
}

/// Adds `n` more tokens (benchmarks and large-list tests).
pub fn add_bulk_tokens(db: &Db, n: usize) -> Result<(), Problem> {
    db.run_blocking(|conn| {
        let tx = conn.transaction()?;
        for i in 0..n {
            let name = format!("Bulk token {i:05}");
            seed_token(&tx, i, &name, (i % 800) as i64)?;
        }
        tx.commit()?;
        Ok(())
    })
}
