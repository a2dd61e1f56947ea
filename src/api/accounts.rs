//! `/public/v1/accounts/accounts`: the accounts the credentials can manage.

use super::{Account, ApiClient, ApiError, Page};
use rql::{Expr, OrderField, Query};

const ACCOUNTS: &str = "/public/v1/accounts/accounts";

/// The query for accounts whose name holds `search`, by name.
pub fn search_query(search: &str, limit: i64) -> Query {
    let search = search.trim().trim_end_matches('\\');
    Query {
        filter: (!search.is_empty()).then(|| Expr::contains("name", search)),
        order: vec![OrderField::asc("name")],
        limit: Some(limit),
        ..Query::default()
    }
}

/// One page of the accounts the credentials see, by name.
pub async fn search(api: &ApiClient, search: &str, limit: i64) -> Result<Page<Account>, ApiError> {
    let q = search_query(search, limit)
        .to_query_string()
        .map_err(|e| ApiError::Request(e.to_string()))?;
    api.get(&format!("{ACCOUNTS}?{q}")).await
}

/// One account, if the credentials see it.
pub async fn get(api: &ApiClient, id: &str) -> Result<Account, ApiError> {
    api.get(&format!("{ACCOUNTS}/{}", rql::percent_encode(id))).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_searches_are_by_name_and_quoted() {
        let q = search_query("Stark \"Industries\"", 50).to_query_string().unwrap();
        assert_eq!(
            rql::percent_decode(&q).unwrap(),
            r#"ilike(name,'*Stark "Industries"*')&order=name&limit=50"#
        );
        assert_eq!(search_query("  ", 10).to_query_string().unwrap(), "order=name&limit=10");
    }
}
