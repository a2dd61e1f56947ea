//! `/public/v1/audit/records`.

use super::{ApiClient, ApiError, Page};
use rql::{Expr, OrderField, Query};
use serde::Deserialize;

/// Who acted.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
#[serde(default)]
pub struct AuditActor {
    /// `USR-…` or `TKN-…`.
    pub id: String,
    /// Name.
    pub name: String,
}

/// One audit record.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
#[serde(default)]
pub struct AuditRecord {
    /// `AUD-…`.
    pub id: String,
    /// Event name.
    pub event: String,
    /// One line.
    pub summary: String,
    /// More.
    pub details: String,
    /// When.
    pub timestamp: Option<String>,
    /// Who.
    pub actor: Option<AuditActor>,
}

/// The query for one object's records, newest first.
pub fn object_query(object_id: &str, limit: u32, offset: u32) -> Query {
    Query {
        filter: Some(Expr::eq("object.id", object_id)),
        order: vec![OrderField::desc("timestamp")],
        limit: Some(i64::from(limit)),
        offset: Some(i64::from(offset)),
        ..Query::default()
    }
}

/// One page of an object's audit records, newest first.
pub async fn for_object(
    api: &ApiClient,
    object_id: &str,
    limit: u32,
    offset: u32,
) -> Result<Page<AuditRecord>, ApiError> {
    api.get(&format!(
        "/public/v1/audit/records?{}",
        object_query(object_id, limit, offset).to_query_string()
    ))
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_query_filters_on_the_quoted_id_newest_first() {
        let q = rql::percent_decode(&object_query("TKN-1234-5678", 10, 20).to_query_string()).unwrap();
        assert_eq!(
            q,
            r#"eq(object.id,"TKN-1234-5678")&order=-timestamp&limit=10&offset=20"#
        );
    }
}
