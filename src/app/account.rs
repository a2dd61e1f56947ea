//! Which account is being managed. Credentials that manage one account
//! manage that one; credentials that manage several (an Operations token, a
//! user of several accounts) name it in the URL (`?account=ACC-…`), and
//! without it the user chooses. Never a silent first row.

use super::session::use_session;
use crate::api::{accounts, use_api, Account, ApiError};
use crate::model::route::ACCOUNT_PARAM;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Which account the console manages, as far as it is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhichAccount {
    /// Who the credentials are is not known yet.
    Resolving,
    /// The user must choose an account; `notice` says why the URL's did not do.
    Choose {
        /// Why the account in the URL was not used.
        notice: Option<String>,
    },
    /// Managing `account`; `param` is what the URL names (`None` for credentials of one account).
    Manage {
        /// The account managed.
        account: Account,
        /// The URL's `account` value, carried by every link.
        param: Option<String>,
    },
}

/// Works out which account is managed from the session and the URL, and provides it (call inside the router).
pub fn provide_managed() {
    let session = use_session();
    let api = use_api();
    let query = use_query_map();
    let param = Memo::new(move |_| query.with(|q| q.get(ACCOUNT_PARAM)).filter(|p| !p.trim().is_empty()));
    // The URL's account, asked for while a page is shown by credentials not
    // known to manage exactly one: a reload asks beside "who is this token",
    // not after it (one answer less before the rows). Only the URL's account
    // is looked up; a new sign-in, or a lock, keeps the page as it is.
    let wanted = Memo::new(move |_| {
        param
            .get()
            .filter(|_| session.has_page() && session.only_account().is_none())
    });
    let chosen = LocalResource::new(move || {
        let (api, id) = (api.clone(), wanted.get());
        async move {
            match id {
                Some(id) => accounts::get(&api, &id).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let which = Memo::new(move |_| {
        if let Some(account) = session.only_account() {
            return WhichAccount::Manage { account, param: None };
        }
        if !session.manages_several() {
            return WhichAccount::Resolving;
        }
        let Some(id) = param.get() else {
            return WhichAccount::Choose { notice: None };
        };
        match chosen.get() {
            Some(Ok(Some(account))) if account.id == id => WhichAccount::Manage {
                account,
                param: Some(id),
            },
            Some(Err(ApiError::Unauthorized(_))) | None => WhichAccount::Resolving,
            Some(Err(e)) => WhichAccount::Choose {
                notice: Some(format!(
                    "The account {id} cannot be managed with these credentials: {e}"
                )),
            },
            Some(Ok(_)) => WhichAccount::Resolving,
        }
    });
    provide_which_account(which);
}

/// Where the frame stands, shared through context.
#[derive(Clone, Copy)]
struct WhichAccountContext(Memo<WhichAccount>);

/// Provides `which` as the account managed (the console's is [`provide_managed`]'s).
pub fn provide_which_account(which: Memo<WhichAccount>) {
    provide_context(WhichAccountContext(which));
}

/// Which account is managed, as [`provide_managed`] provided it.
pub fn use_which_account() -> Memo<WhichAccount> {
    expect_context::<WhichAccountContext>().0
}

/// The account the routes below manage, shared through context.
#[derive(Clone)]
struct Managed(Account);

/// Provides `account` as the one the views below manage (the routes, once
/// it is known).
pub fn provide_account(account: Account) {
    provide_context(Managed(account));
}

/// The account being managed: only views under [`provide_account`] have one.
pub fn use_account() -> Account {
    expect_context::<Managed>().0
}
