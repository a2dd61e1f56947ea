//! The platform's objects as the sandbox serves them: what the store reads
//! and returns, and what the HTTP edge serialises (and projects with
//! `select`). Field names and null-versus-absent follow the platform's
//! published `ApiToken`, `Module`, `Account` and `AuditRecord` schemas.

use serde::Serialize;
use serde_json::Value;

/// Who did something: a user or a token, by id and name. Either may be
/// missing on rows written before the platform recorded them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorRef {
    pub id: Option<String>,
    pub name: Option<String>,
}

/// When and by whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stamp {
    pub at: String,
    pub by: ActorRef,
}

/// A token's `audit`: `updated` is absent until the first change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TokenAudit {
    pub created: Stamp,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<Stamp>,
}

/// The `audit` of modules and accounts: only when they were made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CreatedAudit {
    pub created: CreatedAt,
}

/// An instant alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CreatedAt {
    pub at: String,
}

/// A module as a token lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModuleRef {
    pub id: String,
    pub name: String,
    pub description: String,
}

/// An account as another object refers to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccountRef {
    pub id: String,
    pub name: String,
    pub status: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub icon: Option<String>,
}

/// `ApiToken`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiToken {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    /// The secret; lists leave it out unless selected.
    pub token: String,
    pub status: String,
    pub last_access_at: Option<String>,
    /// The logo's path, or null.
    pub icon: Option<String>,
    pub account: AccountRef,
    pub modules: Vec<ModuleRef>,
    pub audit: TokenAudit,
}

/// `Module`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Module {
    pub id: String,
    pub name: String,
    pub description: String,
    pub code: String,
    pub account_types: Vec<String>,
    pub audit: CreatedAudit,
}

/// `Account`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Account {
    #[serde(flatten)]
    pub reference: AccountRef,
    pub audit: CreatedAudit,
}

/// What an audit record is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RecordObject {
    pub id: String,
    pub name: Option<String>,
    pub object_type: String,
}

/// The account an actor acted for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActingAccount {
    pub id: String,
    pub name: String,
    pub account_type: String,
}

/// Who made an audit record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordActor {
    pub id: String,
    pub name: String,
    pub account: ActingAccount,
}

/// The API request behind a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiRequest {
    pub user_agent: String,
    pub ip: String,
}

/// `request` of a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordRequest {
    pub api: ApiRequest,
}

/// An account that may read a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Viewer {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub icon: Option<String>,
}

/// `AuditRecord`. `documents` is free-form JSON by the platform's design.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditRecord {
    pub id: String,
    pub event: String,
    pub summary: String,
    /// A template over `documents`, or its rendering.
    pub details: String,
    pub documents: Value,
    pub object: RecordObject,
    pub timestamp: String,
    pub actor: RecordActor,
    #[serde(rename = "type")]
    pub kind: String,
    pub request: RecordRequest,
    pub viewers: Vec<Viewer>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn token(updated: Option<Stamp>) -> ApiToken {
        let by = ActorRef {
            id: Some("USR-1".into()),
            name: Some("Ada".into()),
        };
        ApiToken {
            id: "TKN-1".into(),
            name: "CI".into(),
            description: None,
            token: "idt:TKN-1:secret".into(),
            status: "Active".into(),
            last_access_at: None,
            icon: None,
            account: AccountRef {
                id: "ACC-1".into(),
                name: "Acme".into(),
                status: "Active".into(),
                kind: "Vendor".into(),
                icon: None,
            },
            modules: vec![],
            audit: TokenAudit {
                created: Stamp {
                    at: "2026-01-01T00:00:00Z".into(),
                    by,
                },
                updated,
            },
        }
    }

    #[test]
    fn a_never_changed_token_has_no_updated_stamp_and_explicit_nulls() {
        let v = serde_json::to_value(token(None)).unwrap();
        assert!(v["audit"].get("updated").is_none(), "{v}");
        assert_eq!(v["description"], json!(null));
        assert_eq!(v["lastAccessAt"], json!(null));
        assert_eq!(v["icon"], json!(null));
        assert_eq!(v["account"]["type"], "Vendor");
    }

    #[test]
    fn an_updated_stamp_keeps_an_unknown_author_as_null() {
        let stamp = Stamp {
            at: "2026-02-01T00:00:00Z".into(),
            by: ActorRef { id: None, name: None },
        };
        let v = serde_json::to_value(token(Some(stamp))).unwrap();
        assert_eq!(v["audit"]["updated"]["at"], "2026-02-01T00:00:00Z");
        assert_eq!(v["audit"]["updated"]["by"], json!({ "id": null, "name": null }));
    }

    #[test]
    fn an_account_flattens_its_reference_beside_its_audit() {
        let account = Account {
            reference: token(None).account,
            audit: CreatedAudit {
                created: CreatedAt {
                    at: "2025-01-01T00:00:00Z".into(),
                },
            },
        };
        let v = serde_json::to_value(account).unwrap();
        assert_eq!(v["id"], "ACC-1");
        assert_eq!(v["audit"]["created"]["at"], "2025-01-01T00:00:00Z");
    }
}
