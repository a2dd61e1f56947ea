//! `/public/v1/accounts/api-tokens`, `/modules` and `/accounts`.

use super::{Account, ApiClient, ApiError, ApiToken, Module, Page};
use gloo_net::http::Method;

const TOKENS: &str = "/public/v1/accounts/api-tokens";

/// The token lifecycle operations offered to users.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenAction {
    /// Disabled → Active.
    Enable,
    /// Active → Disabled.
    Disable,
    /// Active or Disabled → Deleted.
    Delete,
}

impl TokenAction {
    /// Verb for buttons and menu entries.
    pub fn label(self) -> &'static str {
        match self {
            TokenAction::Enable => "Enable",
            TokenAction::Disable => "Disable",
            TokenAction::Delete => "Delete",
        }
    }

    /// Past participle for result messages.
    pub fn done(self) -> &'static str {
        match self {
            TokenAction::Enable => "enabled",
            TokenAction::Disable => "disabled",
            TokenAction::Delete => "deleted",
        }
    }

    /// Whether a token in `status` can undergo this action.
    pub fn applies_to(self, status: super::TokenStatus) -> bool {
        use super::TokenStatus::*;
        match self {
            TokenAction::Enable => status == Disabled,
            TokenAction::Disable => status == Active,
            TokenAction::Delete => matches!(status, Active | Disabled),
        }
    }
}

/// One page of tokens for an RQL query string (without `?`).
pub async fn list(api: &ApiClient, query: &str) -> Result<Page<ApiToken>, ApiError> {
    api.get(&format!("{TOKENS}?{query}")).await
}

/// One token, secret included.
pub async fn get(api: &ApiClient, id: &str) -> Result<ApiToken, ApiError> {
    api.get(&format!("{TOKENS}/{}", rql::percent_encode(id))).await
}

/// Runs a lifecycle action on a token.
pub async fn act(api: &ApiClient, id: &str, action: TokenAction) -> Result<(), ApiError> {
    let path = format!("{TOKENS}/{}", rql::percent_encode(id));
    match action {
        TokenAction::Enable => api
            .send::<serde_json::Value>(Method::POST, &format!("{path}/enable"), None)
            .await
            .map(|_| ()),
        TokenAction::Disable => api
            .send::<serde_json::Value>(Method::POST, &format!("{path}/disable"), None)
            .await
            .map(|_| ()),
        TokenAction::Delete => api.send_no_content(Method::DELETE, &path).await,
    }
}

/// The account's modules, by name.
pub async fn modules(api: &ApiClient) -> Result<Page<Module>, ApiError> {
    api.get("/public/v1/accounts/modules?order=name&limit=100").await
}

/// The caller's account.
pub async fn account(api: &ApiClient) -> Result<Account, ApiError> {
    first_account(api.get("/public/v1/accounts/accounts").await?)
}

/// The first account of an accounts list.
pub fn first_account(page: Page<Account>) -> Result<Account, ApiError> {
    page.data
        .into_iter()
        .next()
        .ok_or_else(|| ApiError::Decode("The API returned no account for this token.".into()))
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

impl TokenDraft {
    /// The JSON body (`UpdateApiTokenDto`; plus `account` for a create).
    pub fn body(&self, account_id: Option<&str>) -> serde_json::Value {
        let mut body = serde_json::json!({
            "name": self.name,
            "description": self.description,
            "icon": self.icon,
            "modules": self.modules.iter().map(|id| serde_json::json!({ "id": id })).collect::<Vec<_>>(),
        });
        if let Some(acc) = account_id {
            body["account"] = serde_json::json!({ "id": acc });
        }
        body
    }
}

/// `PUT` a token's new values.
pub async fn update(api: &ApiClient, id: &str, draft: &TokenDraft) -> Result<ApiToken, ApiError> {
    api.send(
        Method::PUT,
        &format!("{TOKENS}/{}", rql::percent_encode(id)),
        Some(&draft.body(None)),
    )
    .await
}

/// `POST` a new token for the account; the answer carries its secret.
pub async fn create(api: &ApiClient, account_id: &str, draft: &TokenDraft) -> Result<ApiToken, ApiError> {
    api.send(Method::POST, TOKENS, Some(&draft.body(Some(account_id))))
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_become_the_contracts_bodies() {
        let d = TokenDraft {
            name: "Robot".into(),
            description: None,
            icon: Some("data:image/png;base64,AA==".into()),
            modules: vec!["MOD-1255".into(), "MOD-1310".into()],
        };
        assert_eq!(
            d.body(None),
            serde_json::json!({"name": "Robot", "description": null, "icon": "data:image/png;base64,AA==",
                "modules": [{"id": "MOD-1255"}, {"id": "MOD-1310"}]})
        );
        assert_eq!(d.body(Some("ACC-1"))["account"], serde_json::json!({"id": "ACC-1"}));
    }

    #[test]
    fn actions_apply_by_status() {
        use crate::api::TokenStatus::*;
        assert!(TokenAction::Enable.applies_to(Disabled) && !TokenAction::Enable.applies_to(Active));
        assert!(TokenAction::Disable.applies_to(Active) && !TokenAction::Disable.applies_to(Disabled));
        assert!(TokenAction::Delete.applies_to(Active) && TokenAction::Delete.applies_to(Disabled));
        assert!(!TokenAction::Delete.applies_to(Deleted));
    }
}
