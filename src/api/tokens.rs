//! `/public/v1/accounts/api-tokens` and `/public/v1/accounts/modules`.

use super::{ApiClient, ApiError, ApiToken, Page};
use crate::model::bulk::{Acted, NotDone};
use crate::model::json::Value;
use crate::model::token_action::{Change, TokenStatus};
use gloo_net::http::Method;
use rql::Query;

const TOKENS: &str = "/public/v1/accounts/api-tokens";

fn token_path(id: &str) -> String {
    format!("{TOKENS}/{}", rql::percent_encode(id))
}

/// One page of tokens for a list query.
pub async fn list(api: &ApiClient, query: &Query) -> Result<Page<ApiToken>, ApiError> {
    let q = query.to_query_string().map_err(|e| ApiError::Request(e.to_string()))?;
    api.get(&format!("{TOKENS}?{q}")).await
}

/// Rows per request when reading every page.
const ALL_PAGE: i64 = 100;

/// Every token `query` matches, a page at a time in its order; `progress`
/// hears `(read, total)` after each page and stops the reading (with
/// [`ApiError::Aborted`]) by returning false.
pub async fn list_all(
    api: &ApiClient,
    query: &Query,
    progress: impl Fn(u64, u64) -> bool,
) -> Result<Vec<ApiToken>, ApiError> {
    let mut q = query.clone();
    q.limit = Some(ALL_PAGE);
    let mut rows: Vec<ApiToken> = Vec::new();
    loop {
        q.offset = Some(rows.len() as i64);
        let page = list(api, &q).await?;
        let (total, got) = (page.total(), page.data.len());
        rows.extend(page.data);
        if !progress(rows.len() as u64, total) {
            return Err(ApiError::Aborted);
        }
        // A short page ends it too: rows deleted meanwhile shrink the total.
        if got == 0 || rows.len() as u64 >= total {
            return Ok(rows);
        }
    }
}

/// What reading a pasted value's token found.
#[derive(Debug, Clone)]
pub enum ValueMatch {
    /// The token whose value it is.
    Confirmed(ApiToken),
    /// The token its id names; the API did not send a value to compare.
    Unconfirmed(ApiToken),
    /// No token of the account has this value.
    NoMatch,
}

/// Finds the token whose value is `value` (normalised, `idt:{id}:…`): read
/// by `id`, then the value compared. Another account's token, or an id
/// that does not exist, is no match.
pub async fn find_by_value(api: &ApiClient, id: &str, value: &str) -> Result<ValueMatch, ApiError> {
    match get(api, id).await {
        Ok(t) => Ok(match t.token.as_ref().map(|s| s.expose() == value) {
            Some(true) => ValueMatch::Confirmed(t),
            Some(false) => ValueMatch::NoMatch,
            None => ValueMatch::Unconfirmed(t),
        }),
        Err(e) if e.status() == Some(404) => Ok(ValueMatch::NoMatch),
        Err(e) => Err(e),
    }
}

/// One token, its secret and audit stamps included (the platform may leave
/// `audit` out of a read unless selected).
pub async fn get(api: &ApiClient, id: &str) -> Result<ApiToken, ApiError> {
    api.get(&format!("{}?select=audit", token_path(id))).await
}

/// Makes `change` to a token. The answer is not read: the console reloads
/// what it shows.
pub async fn act(api: &ApiClient, id: &str, change: Change) -> Result<(), ApiError> {
    let path = token_path(id);
    match change {
        Change::Enable => api.act(Method::POST, &format!("{path}/enable")).await,
        Change::Disable => api.act(Method::POST, &format!("{path}/disable")).await,
        Change::Delete => api.act(Method::DELETE, &path).await,
    }
}

/// What to say instead of making `change` when the token, read again now,
/// is already past it (someone else made it): "Already disabled by Ana".
/// `None` when the change still applies.
async fn already(api: &ApiClient, id: &str, change: Change) -> Result<Option<String>, ApiError> {
    let token = match get(api, id).await {
        Ok(t) => t,
        Err(e) if e.status() == Some(404) && change == Change::Delete => return Ok(Some("Already deleted".into())),
        Err(e) => return Err(e),
    };
    if change.applies_to(token.status) {
        return Ok(None);
    }
    let by = token
        .updated()
        .and_then(|u| u.by.as_ref())
        .map(|a| format!(" by {}", a.name))
        .unwrap_or_default();
    Ok(Some(match token.status {
        TokenStatus::Unknown => format!("Changed meanwhile{by}"),
        _ => format!("Already {}{by}", change.done()),
    }))
}

/// Makes `change` unless the token, read again first, is already past it:
/// then `Some(what to say)`, and nothing is sent.
pub async fn act_unless_already(api: &ApiClient, id: &str, change: Change) -> Result<Option<String>, ApiError> {
    match already(api, id, change).await? {
        Some(said) => Ok(Some(said)),
        None => act(api, id, change).await.map(|()| None),
    }
}

/// Makes `change` to one token for [`crate::model::bulk::run`], read again first as a
/// single action is: a change someone else made is said, not sent again; a
/// busy API pauses the run.
pub async fn act_checked(api: ApiClient, id: String, change: Change) -> Result<Acted, NotDone> {
    act_unless_already(&api, &id, change)
        .await
        .map(|said| said.map_or(Acted::Done, Acted::Already))
        .map_err(|e| NotDone {
            pause: matches!(e, ApiError::Busy { .. }),
            why: e.to_string(),
        })
}

/// What a create or update sends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenDraft {
    /// Trimmed name.
    pub name: String,
    /// Trimmed description (`None` clears it).
    pub description: Option<String>,
    /// `icon`: current path, data URL, or `None` for no logo.
    pub icon: Option<String>,
    /// Module ids.
    pub modules: Vec<String>,
}

/// `{"id": …}`, as the API refers to an object.
fn id_ref(id: &str) -> Value {
    Value::object([("id", Value::from(id))])
}

impl TokenDraft {
    /// `CreateApiTokenDto` (with `account`) or `UpdateApiTokenDto` (without).
    fn body(&self, account_id: Option<&str>) -> Value {
        let account = account_id.map(|id| ("account", id_ref(id)));
        Value::object(account.into_iter().chain([
            ("name", Value::from(self.name.as_str())),
            ("description", Value::from(self.description.as_deref())),
            ("icon", Value::from(self.icon.as_deref())),
            (
                "modules",
                Value::Array(self.modules.iter().map(|id| id_ref(id)).collect()),
            ),
        ]))
    }
}

/// `PUT` a token's new values.
pub async fn update(api: &ApiClient, id: &str, draft: &TokenDraft) -> Result<ApiToken, ApiError> {
    api.send(Method::PUT, &token_path(id), &draft.body(None)).await
}

/// `POST` a new token for the account; the answer carries its secret.
pub async fn create(api: &ApiClient, account_id: &str, draft: &TokenDraft) -> Result<ApiToken, ApiError> {
    api.send(Method::POST, TOKENS, &draft.body(Some(account_id))).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::json::write;

    #[test]
    fn drafts_become_the_contracts_bodies() {
        let d = TokenDraft {
            name: "Robot".into(),
            description: None,
            icon: Some("data:image/png;base64,AA==".into()),
            modules: vec!["MOD-1255".into(), "MOD-1310".into()],
        };
        // As serde_json reads what is sent.
        let sent = |account| serde_json::from_str::<serde_json::Value>(&write(&d.body(account))).unwrap();
        assert_eq!(
            sent(None),
            serde_json::json!({"name": "Robot", "description": null, "icon": "data:image/png;base64,AA==",
                "modules": [{"id": "MOD-1255"}, {"id": "MOD-1310"}]})
        );
        assert_eq!(sent(Some("ACC-1"))["account"], serde_json::json!({"id": "ACC-1"}));
    }
}
