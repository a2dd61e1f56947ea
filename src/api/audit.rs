//! `/public/v1/audit/records`: a token's audit trail, rendered. The trail
//! asks for what it shows (`select=object,actor,details`) with `render()`,
//! as SoftwareOne's CLI does, so `details` arrives as prose.

use super::json::{object, text, text_or_empty, FromJson};
use super::{ApiClient, ApiError, Page};
use crate::model::json::Value;
use rql::{Expr, OrderField, Query, SelectField};

/// The account an actor acted for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActorAccount {
    /// `ACC-…`
    pub id: String,
    pub name: String,
    /// `Client`, `Vendor`, `Operations`.
    pub account_type: Option<String>,
}

/// Who acted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AuditActor {
    /// `USR-…` or `TKN-…`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The account the actor acted for.
    pub account: Option<ActorAccount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AuditRecord {
    /// `AUD-…`
    pub id: String,
    /// Event code, `platform.accounts.api_token.created`.
    pub event: String,
    /// What happened, rendered.
    pub details: String,
    /// When (ISO 8601).
    pub timestamp: Option<String>,
    pub actor: Option<AuditActor>,
}

impl FromJson for ActorAccount {
    fn from_json(v: &Value) -> Option<Self> {
        let o = v.as_object()?;
        Some(ActorAccount {
            id: text_or_empty(o, "id"),
            name: text_or_empty(o, "name"),
            account_type: text(o, "accountType"),
        })
    }
}

impl FromJson for AuditActor {
    fn from_json(v: &Value) -> Option<Self> {
        let o = v.as_object()?;
        Some(AuditActor {
            id: text_or_empty(o, "id"),
            name: text_or_empty(o, "name"),
            account: object(o, "account"),
        })
    }
}

impl FromJson for AuditRecord {
    fn from_json(v: &Value) -> Option<Self> {
        let o = v.as_object()?;
        Some(AuditRecord {
            id: text_or_empty(o, "id"),
            event: text_or_empty(o, "event"),
            details: text_or_empty(o, "details"),
            timestamp: text(o, "timestamp"),
            actor: object(o, "actor"),
        })
    }
}

/// The query for one object's records, newest first, rendered.
pub fn object_query(object_id: &str, limit: u32, offset: u32) -> Query {
    Query {
        filter: Some(Expr::eq("object.id", object_id)),
        order: vec![OrderField::desc("timestamp")],
        select: ["object", "actor", "details"]
            .into_iter()
            .map(SelectField::include)
            .collect(),
        limit: Some(i64::from(limit)),
        offset: Some(i64::from(offset)),
        render: true,
    }
}

/// One page of an object's audit records, newest first.
pub async fn for_object(
    api: &ApiClient,
    object_id: &str,
    limit: u32,
    offset: u32,
) -> Result<Page<AuditRecord>, ApiError> {
    let q = object_query(object_id, limit, offset)
        .to_query_string()
        .map_err(|e| ApiError::Request(e.to_string()))?;
    api.get(&format!("/public/v1/audit/records?{q}")).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_query_asks_for_what_the_trail_shows_rendered() {
        let q = rql::percent_decode(&object_query("TKN-1234-5678", 10, 20).to_query_string().unwrap()).unwrap();
        assert_eq!(
            q,
            r#"eq(object.id,"TKN-1234-5678")&order=-timestamp&select=object,actor,details&limit=10&offset=20&render()"#
        );
    }

    #[test]
    fn records_decode_with_the_actors_account() {
        let r: AuditRecord = crate::api::client::decode(
            r#"{"id":"AUD-1","event":"e","details":"d","timestamp":"2026-01-01T00:00:00Z",
                "actor":{"id":"TKN-1","name":"Robot","account":{"id":"ACC-1","name":"Stark","accountType":"Client"}},"x":1}"#,
        )
        .unwrap();
        assert_eq!(
            r.actor.unwrap().account.unwrap().account_type.as_deref(),
            Some("Client")
        );
    }
}
