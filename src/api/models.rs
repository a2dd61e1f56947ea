//! The API's objects as the console reads them (read from JSON in
//! [`read`]). Lenient by design: unknown fields are ignored and missing or
//! mistyped optional ones take defaults.

use std::fmt;

mod read;

/// A token's value. Its `Debug` never shows it, so it cannot end up in logs.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Secret(String);

impl Secret {
    /// The value itself, for display after an explicit reveal or for copying.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn new(s: impl Into<String>) -> Secret {
        Secret(s.into())
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(••••)")
    }
}

pub use crate::model::token_action::TokenStatus;

/// `{id, name}` of a person or token that acted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Actor {
    /// `USR-…` or `TKN-…`.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// When and by whom.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Event {
    /// Instant (ISO 8601).
    pub at: Option<String>,
    pub by: Option<Actor>,
}

/// An object's audit stamps.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Audit {
    /// Creation.
    pub created: Option<Event>,
    /// Last change.
    pub updated: Option<Event>,
}

/// A module as tokens and the modules list carry it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Module {
    /// `MOD-1234`.
    pub id: String,
    pub name: String,
    /// What it covers.
    pub description: Option<String>,
    /// The account types it is for (`Client`, `vendor`, …), when the API says.
    pub account_types: Option<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Account {
    /// `ACC-1234-5678`.
    pub id: String,
    pub name: String,
    /// `Active`, `Enabled`, `Disabled`.
    pub status: Option<String>,
    /// `Client`, `Vendor`, `Operations`.
    pub kind: Option<String>,
    /// Logo path.
    pub icon: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ApiToken {
    /// `TKN-1234-5678`.
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    /// Logo path (relative to the API) or URL.
    pub icon: Option<String>,
    pub status: TokenStatus,
    /// Last authenticated use.
    pub last_access_at: Option<String>,
    /// The secret (only in single reads and on create).
    pub token: Option<Secret>,
    /// Owning account.
    pub account: Option<Account>,
    /// Modules it grants.
    pub modules: Vec<Module>,
    /// Created/updated stamps.
    pub audit: Option<Audit>,
}

impl ApiToken {
    /// Creation stamp, if sent.
    pub fn created(&self) -> Option<&Event> {
        self.audit.as_ref().and_then(|a| a.created.as_ref())
    }

    /// Last-change stamp, if sent.
    pub fn updated(&self) -> Option<&Event> {
        self.audit.as_ref().and_then(|a| a.updated.as_ref())
    }

    /// The token as an exported row: metadata only, never its value.
    pub fn export_row(&self) -> crate::model::export::ExportRow {
        let created = self.created();
        crate::model::export::ExportRow {
            id: self.id.clone(),
            name: self.name.clone(),
            description: self.description.clone().unwrap_or_default(),
            status: self.status.label().to_string(),
            module_ids: self.modules.iter().map(|m| m.id.clone()).collect(),
            modules: self.modules.iter().map(|m| m.name.clone()).collect(),
            created_at: created.and_then(|c| c.at.clone()).unwrap_or_default(),
            created_by: created
                .and_then(|c| c.by.as_ref())
                .map(|b| b.name.clone())
                .unwrap_or_default(),
            last_access_at: self.last_access_at.clone().unwrap_or_default(),
        }
    }

    /// The token as a bulk action's target.
    pub fn target(&self) -> crate::model::bulk::Target {
        crate::model::bulk::Target {
            id: self.id.clone(),
            name: self.name.clone(),
            status: self.status,
        }
    }
}

/// `$meta.pagination`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pagination {
    /// Rows skipped.
    pub offset: u64,
    /// Page size.
    pub limit: u64,
    /// Rows matching in all.
    pub total: Option<u64>,
}

/// `$meta` of a list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListMeta {
    pub pagination: Pagination,
}

/// A list answer: `{"$meta":{…},"data":[…]}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page<T> {
    /// `$meta`.
    pub meta: ListMeta,
    pub data: Vec<T>,
}

impl<T> Page<T> {
    /// Total rows matching (falls back to the rows present).
    pub fn total(&self) -> u64 {
        self.meta.pagination.total.unwrap_or(self.data.len() as u64)
    }
}
