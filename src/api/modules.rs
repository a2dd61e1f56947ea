//! The modules a token of an account can be given. The platform's
//! documentation opens "List modules" to Operations accounts only; other
//! credentials get a 403, and then the modules the account's tokens already
//! have are what is known to be grantable, and the console says so.

use super::{use_load, Account, ApiClient, ApiError, ApiToken, Module, Page};
use crate::model::format::lower;
use leptos::prelude::LocalResource;
use rql::{Expr, OrderField, Query};

/// Where a module list came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModuleSource {
    /// `GET /accounts/modules`.
    Platform,
    /// The modules of the account's tokens (the credentials may not list modules).
    AccountTokens,
}

/// The modules offered, by name, and where they came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Available {
    /// By name.
    pub modules: Vec<Module>,
    pub source: ModuleSource,
}

/// Whether `module` is for accounts of `kind` (a module that does not say is).
fn fits(module: &Module, kind: Option<&str>) -> bool {
    match (&module.account_types, kind) {
        (Some(types), Some(kind)) if !types.is_empty() => types.iter().any(|t| t.eq_ignore_ascii_case(kind)),
        _ => true,
    }
}

/// The distinct modules of `tokens`, by name.
pub fn modules_of(tokens: &[ApiToken]) -> Vec<Module> {
    let mut out: Vec<Module> = Vec::new();
    for m in tokens.iter().flat_map(|t| &t.modules) {
        if !out.iter().any(|o| o.id == m.id) {
            out.push(m.clone());
        }
    }
    out.sort_by_cached_key(|m| lower(&m.name));
    out
}

/// The modules for a token of `account`, loaded for the view.
pub fn use_modules(account: Account) -> LocalResource<Result<Available, ApiError>> {
    use_load(
        move || account.clone(),
        |api, account| async move { available(&api, &account.id, account.kind.as_deref()).await },
    )
}

/// The account's modules loaded once for a page whose parts all need them.
#[derive(Clone, Copy)]
struct SharedModules(LocalResource<Result<Available, ApiError>>);

/// Loads the modules of `account` once for the views below to share (the
/// wizard's steps; the list's filter, rows and hygiene counts); returns them.
pub fn provide_shared_modules(account: Account) -> LocalResource<Result<Available, ApiError>> {
    let modules = use_modules(account);
    leptos::prelude::provide_context(SharedModules(modules));
    modules
}

/// The modules provided for this page, or else loaded here.
pub fn use_shared_modules(account: Account) -> LocalResource<Result<Available, ApiError>> {
    leptos::prelude::use_context::<SharedModules>()
        .map(|m| m.0)
        .unwrap_or_else(|| use_modules(account))
}

/// The ids of `available`'s modules.
pub fn ids_of(available: &Available) -> Vec<String> {
    available.modules.iter().map(|m| m.id.clone()).collect()
}

/// The modules for a token of account `account_id` (of type `kind`).
pub async fn available(api: &ApiClient, account_id: &str, kind: Option<&str>) -> Result<Available, ApiError> {
    match api
        .get::<Page<Module>>("/public/v1/accounts/modules?order=name&limit=100")
        .await
    {
        Ok(page) => Ok(Available {
            modules: page.data.into_iter().filter(|m| fits(m, kind)).collect(),
            source: ModuleSource::Platform,
        }),
        Err(ApiError::Forbidden(_)) => {
            let q = Query {
                filter: Some(Expr::eq("account.id", account_id)),
                order: vec![OrderField::asc("name")],
                limit: Some(100),
                ..Query::default()
            };
            let tokens = super::tokens::list(api, &q).await?;
            Ok(Available {
                modules: modules_of(&tokens.data),
                source: ModuleSource::AccountTokens,
            })
        }
        Err(e) => Err(e),
    }
}

/// The ids of the modules a token of `account` can be given, when `needed`
/// (a list filtered on grants); otherwise none, without a request. They come
/// from `shared`, the page's one module list, when it loaded; else they are
/// asked for now, so a Retry does not repeat a shared failure.
pub async fn ids_if(
    api: &ApiClient,
    account: &Account,
    shared: LocalResource<Result<Available, ApiError>>,
    needed: bool,
) -> Result<Vec<String>, ApiError> {
    if !needed {
        return Ok(Vec::new());
    }
    match shared.await {
        Ok(found) => Ok(ids_of(&found)),
        Err(_) => Ok(ids_of(&available(api, &account.id, account.kind.as_deref()).await?)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn module(id: &str, name: &str, types: Option<&[&str]>) -> Module {
        Module {
            id: id.into(),
            name: name.into(),
            description: None,
            account_types: types.map(|t| t.iter().map(|s| s.to_string()).collect()),
        }
    }

    #[test]
    fn modules_fit_the_accounts_type_whatever_the_case() {
        assert!(fits(&module("MOD-1", "A", Some(&["vendor", "client"])), Some("Client")));
        assert!(!fits(
            &module("MOD-1", "A", Some(&["Vendor", "Operations"])),
            Some("Client")
        ));
        assert!(fits(&module("MOD-1", "A", None), Some("Client")));
        assert!(fits(&module("MOD-1", "A", Some(&["Vendor"])), None));
    }

    #[test]
    fn the_modules_of_tokens_are_each_listed_once_by_name() {
        let token = |mods: Vec<Module>| ApiToken {
            modules: mods,
            ..ApiToken::default()
        };
        let tokens = [
            token(vec![module("MOD-2", "billing", None), module("MOD-1", "Access", None)]),
            token(vec![module("MOD-1", "Access", None)]),
        ];
        let ids: Vec<String> = modules_of(&tokens).into_iter().map(|m| m.id).collect();
        assert_eq!(ids, ["MOD-1", "MOD-2"]);
    }
}
