//! The listable resources of the sandbox's database: their tables,
//! queryable properties, scope rule and projection defaults, written in the
//! terms of [`super::schema`].

use super::schema::{Collection, Column, Resource, ScopeRule};

const MODULE_ITEMS: &[Column] = &[
    Column::text("id", "m.id"),
    Column::text("name", "m.name"),
    Column::text("description", "m.description"),
    Column::text("code", "m.code"),
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
        Column::text("id", "t.id"),
        Column::text("name", "t.name"),
        Column::text("description", "t.description"),
        Column::text("status", "t.status"),
        Column::date("lastAccessAt", "t.last_access_at"),
        Column::text("account.id", "t.account_id"),
        Column::date("audit.created.at", "t.created_at"),
        Column::text("audit.created.by.id", "t.created_by_id"),
        Column::text("audit.created.by.name", "t.created_by_name"),
        Column::date("audit.updated.at", "t.updated_at"),
        Column::text("audit.updated.by.id", "t.updated_by_id"),
        Column::text("audit.updated.by.name", "t.updated_by_name"),
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
        Column::text("id", "a.id"),
        Column::text("event", "a.event"),
        Column::text("summary", "a.summary"),
        Column::date("timestamp", "a.timestamp"),
        Column::text("object.id", "a.object_id"),
        Column::text("object.name", "a.object_name"),
        Column::text("object.objectType", "a.object_type"),
        Column::text("actor.id", "a.actor_id"),
        Column::text("actor.name", "a.actor_name"),
        Column::text("actor.account.id", "a.actor_account_id"),
        Column::text("actor.account.name", "a.actor_account_name"),
        Column::text("type", "a.type"),
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
        Column::text("id", "c.id"),
        Column::text("name", "c.name"),
        Column::text("status", "c.status"),
        Column::text("type", "c.type"),
        Column::date("audit.created.at", "c.created_at"),
    ],
    collections: &[],
    omitted_in_lists: &[],
    fields: &["id", "name", "status", "type", "icon", "address", "audit"],
    renders: false,
};
