//! SQLite storage: one connection behind a mutex, WAL journal, full sync, so an
//! acknowledged write is on disk before the response leaves.

use super::StoreError;
use rusqlite::functions::FunctionFlags;
use rusqlite::Connection;
use std::path::Path;
use std::sync::{Arc, Mutex};

/// The schema's version (`PRAGMA user_version`); a database of another version is refused.
const VERSION: i64 = 2;

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
CREATE TABLE IF NOT EXISTS memberships (
    user_id TEXT NOT NULL REFERENCES users(id),
    account_id TEXT NOT NULL REFERENCES accounts(id),
    PRIMARY KEY (user_id, account_id)
);
CREATE TABLE IF NOT EXISTS modules (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    code TEXT NOT NULL,
    account_types TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS account_modules (
    account_id TEXT NOT NULL REFERENCES accounts(id),
    module_id TEXT NOT NULL REFERENCES modules(id),
    PRIMARY KEY (account_id, module_id)
);
CREATE TABLE IF NOT EXISTS tokens (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    name TEXT NOT NULL,
    description TEXT,
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
CREATE INDEX IF NOT EXISTS tokens_account ON tokens(account_id, status);
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
    token_id TEXT PRIMARY KEY REFERENCES tokens(id),
    content_type TEXT NOT NULL,
    etag TEXT NOT NULL,
    data BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS audit_records (
    id TEXT PRIMARY KEY,
    event TEXT NOT NULL,
    summary TEXT NOT NULL,
    details TEXT NOT NULL,
    documents TEXT,
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
CREATE TABLE IF NOT EXISTS audit_viewers (
    record_id TEXT NOT NULL REFERENCES audit_records(id),
    account_id TEXT NOT NULL,
    PRIMARY KEY (record_id, account_id)
);
CREATE INDEX IF NOT EXISTS audit_viewers_account ON audit_viewers(account_id);
CREATE TABLE IF NOT EXISTS settings (
    key TEXT PRIMARY KEY,
    value BLOB NOT NULL
);
"#;

/// Shared handle to the database.
#[derive(Clone)]
pub struct Db {
    conn: Arc<Mutex<Connection>>,
}

/// Functions the RQL translation uses: Unicode case folding and the
/// platform's like/ilike matching (see `rql::Pattern`).
fn register_functions(conn: &Connection) -> rusqlite::Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    conn.create_scalar_function("rql_fold", 1, flags, |ctx| {
        let s: Option<String> = ctx.get(0)?;
        Ok(s.map(|s| s.to_lowercase()))
    })?;
    conn.create_scalar_function("rql_like", 5, flags, |ctx| {
        // Read in place: this runs for every row a filter looks at.
        let text = |i: usize| {
            ctx.get_raw(i)
                .as_str_or_null()
                .map_err(|e| rusqlite::Error::UserFunctionError(e.into()))
        };
        let (Some(value), Some(literal)) = (text(0)?, text(2)?) else {
            return Ok(false);
        };
        Ok(rql::pattern_matches(
            ctx.get(1)?,
            literal,
            ctx.get(3)?,
            value,
            ctx.get(4)?,
        ))
    })
}

impl Db {
    /// Opens (creating if needed) the database file and its schema; the file
    /// is readable by its owner only.
    pub fn open(path: &Path) -> Result<Db, StoreError> {
        if let Some(dir) = path.parent() {
            // A missing folder surfaces as an open error just below.
            let _ = std::fs::create_dir_all(dir);
        }
        restrict_to_owner(path);
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        register_functions(&conn)?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let has_tables: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table')",
            [],
            |r| r.get(0),
        )?;
        if has_tables && version != VERSION {
            return Err(StoreError::Database(format!(
                "the database {} was made by another version of the sandbox (schema {version}, this one uses {VERSION}); delete it to start again from the seed data",
                path.display()
            )));
        }
        conn.execute_batch(SCHEMA)?;
        conn.pragma_update(None, "user_version", VERSION)?;
        Ok(Db {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// Runs `f` on the connection on a blocking thread.
    pub async fn run<T, F>(&self, f: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, StoreError> + Send + 'static,
    {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            let mut guard = conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            f(&mut guard)
        })
        .await
        .map_err(|e| StoreError::Database(format!("the database task failed: {e}")))?
    }

    /// Runs `f` on the connection on the current thread (start-up, seeding, tools).
    pub fn run_blocking<T>(&self, f: impl FnOnce(&mut Connection) -> T) -> T {
        let mut guard = self.conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut guard)
    }
}

/// Owner-only permissions on the database file (created so when new; SQLite
/// gives its journal files the database file's permissions) and on the
/// files an earlier run left.
#[cfg(unix)]
fn restrict_to_owner(path: &Path) {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    // Failures surface when SQLite opens the file.
    let _ = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(path);
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600));
    }
}

#[cfg(not(unix))]
fn restrict_to_owner(_path: &Path) {}
