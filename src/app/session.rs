//! Who is signed in: the bearer token (memory and sessionStorage only), the
//! account it belongs to, and whether the API has since refused it.

use crate::api::Account;
use codee::string::FromToStringCodec;
use leptos::prelude::*;
use leptos_use_storage::use_session_storage;
use std::sync::Arc;

/// sessionStorage key of the bearer token (cleared by sign-out and by closing the tab).
const TOKEN_KEY: &str = "tokens-console.session";

/// The signed-in session, shared through context.
#[derive(Clone, Copy)]
pub struct Session {
    token: Signal<String>,
    set_token: WriteSignal<String>,
    forget: StoredValue<Arc<dyn Fn() + Send + Sync>>,
    account: RwSignal<Option<Account>>,
    expired: RwSignal<Option<String>>,
    generation: RwSignal<u64>,
}

impl Session {
    /// The bearer token, if any (not tracked: read it when sending).
    pub fn token(&self) -> Option<String> {
        Some(self.token.get_untracked()).filter(|t| !t.is_empty())
    }

    /// Whether a token is held (tracked).
    pub fn is_signed_in(&self) -> bool {
        !self.token.with(String::is_empty)
    }

    /// The account of the signed-in token, once known (tracked).
    pub fn account(&self) -> Option<Account> {
        self.account.get()
    }

    /// Remembers a token that the API accepted, and its account.
    pub fn sign_in(&self, token: String, account: Account) {
        self.set_token.set(token);
        self.account.set(Some(account));
        self.expired.set(None);
        self.generation.update(|g| *g += 1);
    }

    /// Records the account of a token restored from sessionStorage.
    pub fn set_account(&self, account: Account) {
        self.account.set(Some(account));
    }

    /// Forgets the token everywhere.
    pub fn sign_out(&self) {
        self.set_token.set(String::new());
        self.forget.with_value(|f| f());
        self.account.set(None);
        self.expired.set(None);
    }

    /// The API refused the token: ask for another while keeping the page as it is.
    pub fn expire(&self, message: impl Into<String>) {
        self.expired.set(Some(message.into()));
    }

    /// Why the session needs a new sign-in, if it does (tracked).
    pub fn expired(&self) -> Option<String> {
        self.expired.get()
    }

    /// Changes on every sign-in; loads read it so they run again afterwards.
    pub fn generation(&self) -> u64 {
        self.generation.get()
    }
}

/// Creates the session (restoring a token from sessionStorage) and provides it.
pub fn provide_session() -> Session {
    let (token, set_token, remove) = use_session_storage::<String, FromToStringCodec>(TOKEN_KEY);
    let session = Session {
        token,
        set_token,
        forget: StoredValue::new(Arc::new(remove)),
        account: RwSignal::new(None),
        expired: RwSignal::new(None),
        generation: RwSignal::new(0),
    };
    provide_context(session);
    session
}

/// The session provided by [`provide_session`].
pub fn use_session() -> Session {
    expect_context::<Session>()
}
