//! The listable resources: their tables, queryable properties, scope rule
//! and projection defaults.

use super::query::{Collection, Column, Kind};

/// How a resource's rows are limited to the caller's accounts.
#[derive(Debug, Clone, Copy)]
pub enum ScopeRule {
    /// A column holding the row's account id.
    Column(&'static str),
    /// Modules: those enabled for an account in scope.
    EnabledModules,
    /// Audit records: those an account in scope may view.
    Viewers,
}

/// A listable resource.
#[derive(Debug)]
pub struct Resource {
    /// What one row is called in messages ("API token").
    pub name: &'static str,
    /// `FROM` clause, aliasing the main table.
    pub from: &'static str,
    /// Primary key expression, the final sort key.
    pub key: &'static str,
    /// A condition every row meets, whoever asks (deleted tokens are never shown).
    pub always: &'static str,
    /// How rows are limited to the caller's accounts.
    pub scope: ScopeRule,
    /// Sort used when the query names none.
    pub default_order: &'static str,
    /// Filterable and sortable properties.
    pub columns: &'static [Column],
    /// Collection properties.
    pub collections: &'static [Collection],
    /// Top-level fields a list leaves out unless selected (`$meta.omitted`).
    pub omitted_in_lists: &'static [&'static str],
    /// Top-level fields that exist at all (for `select`).
    pub fields: &'static [&'static str],
    /// Whether `render()` means something here.
    pub renders: bool,
}

const fn text(prop: &'static str, sql: &'static str) -> Column {
    Column {
        prop,
        sql,
        kind: Kind::Text,
    }
}

const fn date(prop: &'static str, sql: &'static str) -> Column {
    Column {
        prop,
        sql,
        kind: Kind::DateTime,
    }
}

const MODULE_ITEMS: &[Column] = &[
    text("id", "m.id"),
    text("name", "m.name"),
    text("description", "m.description"),
    text("code", "m.code"),
];

/// API tokens (`t`).
pub static TOKENS: Resource = Resource {
    name: "API token",
    from: "tokens t",
    key: "t.id",
    always: "t.status <> 'Deleted'",
    scope: ScopeRule::Column("t.account_id"),
    default_order: "t.created_at DESC",
    columns: &[
        text("id", "t.id"),
        text("name", "t.name"),
        text("description", "t.description"),
        text("status", "t.status"),
        date("lastAccessAt", "t.last_access_at"),
        text("account.id", "t.account_id"),
        date("audit.created.at", "t.created_at"),
        text("audit.created.by.id", "t.created_by_id"),
        text("audit.created.by.name", "t.created_by_name"),
        date("audit.updated.at", "t.updated_at"),
        text("audit.updated.by.id", "t.updated_by_id"),
        text("audit.updated.by.name", "t.updated_by_name"),
    ],
    collections: &[Collection {
        prop: "modules",
        exists: "SELECT 1 FROM token_modules tm JOIN modules m ON m.id = tm.module_id WHERE tm.token_id = t.id",
        items: MODULE_ITEMS,
    }],
    omitted_in_lists: &["audit", "token"],
    fields: &[
        "id",
        "name",
        "description",
        "icon",
        "status",
        "lastAccessAt",
        "token",
        "account",
        "modules",
        "audit",
    ],
    renders: false,
};

/// Modules (`m`): the platform's modules, as far as the caller's accounts have them.
pub static MODULES: Resource = Resource {
    name: "Module",
    from: "modules m",
    key: "m.id",
    always: "1 = 1",
    scope: ScopeRule::EnabledModules,
    default_order: "m.name ASC",
    columns: MODULE_ITEMS,
    collections: &[],
    omitted_in_lists: &["audit"],
    fields: &["id", "name", "description", "code", "accountTypes", "audit"],
    renders: false,
};

/// Audit records (`a`).
pub static AUDIT_RECORDS: Resource = Resource {
    name: "Audit record",
    from: "audit_records a",
    key: "a.id",
    always: "1 = 1",
    scope: ScopeRule::Viewers,
    default_order: "a.timestamp DESC",
    columns: &[
        text("id", "a.id"),
        text("event", "a.event"),
        text("summary", "a.summary"),
        date("timestamp", "a.timestamp"),
        text("object.id", "a.object_id"),
        text("object.name", "a.object_name"),
        text("object.objectType", "a.object_type"),
        text("actor.id", "a.actor_id"),
        text("actor.name", "a.actor_name"),
        text("actor.account.id", "a.actor_account_id"),
        text("actor.account.name", "a.actor_account_name"),
        text("type", "a.type"),
    ],
    collections: &[],
    omitted_in_lists: &[],
    fields: &[
        "id",
        "event",
        "summary",
        "details",
        "object",
        "timestamp",
        "actor",
        "type",
        "request",
        "documents",
        "viewers",
    ],
    renders: true,
};

/// Accounts (`c`).
pub static ACCOUNTS: Resource = Resource {
    name: "Account",
    from: "accounts c",
    key: "c.id",
    always: "1 = 1",
    scope: ScopeRule::Column("c.id"),
    default_order: "c.name ASC",
    columns: &[
        text("id", "c.id"),
        text("name", "c.name"),
        text("status", "c.status"),
        text("type", "c.type"),
        date("audit.created.at", "c.created_at"),
    ],
    collections: &[],
    omitted_in_lists: &[],
    fields: &["id", "name", "status", "type", "icon", "address", "audit"],
    renders: false,
};
