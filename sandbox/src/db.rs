//! SQLite storage: one connection behind a mutex, WAL journal, full sync, so an
//! acknowledged write is on disk before the response leaves.

use crate::problem::Problem;
use rusqlite::functions::FunctionFlags;
use rusqlite::Connection;
use std::path::Path;
use std::sync::{Arc, Mutex};

const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS accounts (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    status TEXT NOT NULL,
    type TEXT NOT NULL,
    icon TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS users (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS modules (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    code TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    name TEXT NOT NULL,
    description TEXT,
    icon TEXT,
    token TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    last_access_at TEXT,
    created_at TEXT NOT NULL,
    created_by_id TEXT NOT NULL,
    created_by_name TEXT NOT NULL,
    updated_at TEXT,
    updated_by_id TEXT,
    updated_by_name TEXT
);
CREATE INDEX IF NOT EXISTS tokens_status ON tokens(status);
CREATE INDEX IF NOT EXISTS tokens_created ON tokens(created_at);
CREATE INDEX IF NOT EXISTS tokens_name ON tokens(name);
CREATE TABLE IF NOT EXISTS token_modules (
    token_id TEXT NOT NULL REFERENCES tokens(id),
    module_id TEXT NOT NULL REFERENCES modules(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (token_id, module_id)
);
CREATE INDEX IF NOT EXISTS token_modules_module ON token_modules(module_id);
CREATE TABLE IF NOT EXISTS icons (
    name TEXT PRIMARY KEY,
    content_type TEXT NOT NULL,
    data BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS audit_records (
    id TEXT PRIMARY KEY,
    event TEXT NOT NULL,
    summary TEXT NOT NULL,
    details TEXT NOT NULL,
    object_id TEXT NOT NULL,
    object_name TEXT,
    object_type TEXT NOT NULL,
    timestamp TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    actor_account_id TEXT NOT NULL,
    actor_account_name TEXT NOT NULL,
    actor_account_type TEXT NOT NULL,
    type TEXT NOT NULL,
    user_agent TEXT,
    ip TEXT
);
CREATE INDEX IF NOT EXISTS audit_object ON audit_records(object_id, timestamp);
"#;

/// Shared handle to the database.
#[derive(Clone)]
pub struct Db {
    conn: Arc<Mutex<Connection>>,
}

/// Case folding used by `ilike`: Unicode lower case, unlike SQLite's ASCII-only LIKE.
fn register_functions(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        "rql_fold",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let s: Option<String> = ctx.get(0)?;
            Ok(s.map(|s| s.to_lowercase()))
        },
    )
}

impl Db {
    /// Opens (creating if needed) the database file and its schema.
    pub fn open(path: &Path) -> rusqlite::Result<Db> {
        if let Some(dir) = path.parent() {
            // A missing folder surfaces as an open error just below.
            let _ = std::fs::create_dir_all(dir);
        }
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        register_functions(&conn)?;
        conn.execute_batch(SCHEMA)?;
        Ok(Db {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// Runs `f` on the connection on a blocking thread.
    pub async fn run<T, F>(&self, f: F) -> Result<T, Problem>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, Problem> + Send + 'static,
    {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            let mut guard = conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            f(&mut guard)
        })
        .await
        .map_err(Problem::internal)?
    }

    /// Runs `f` on the connection on the current thread (start-up, seeding, tools).
    pub fn run_blocking<T>(&self, f: impl FnOnce(&mut Connection) -> T) -> T {
        let mut guard = self.conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut guard)
    }
}
