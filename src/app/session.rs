//! Who is signed in: the bearer token (memory and sessionStorage only), who
//! it is and which accounts it manages, and whether the API has since
//! refused it.

use crate::api::identity::{Identity, Reach, SignedIn};
use crate::api::{Account, Credentials};
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
    signed_in: RwSignal<Option<SignedIn>>,
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

    /// Who the token is and what it manages, once known (tracked).
    pub fn signed_in(&self) -> Option<SignedIn> {
        self.signed_in.get()
    }

    /// Who is signed in, once known (tracked).
    pub fn identity(&self) -> Option<Identity> {
        self.signed_in.with(|s| s.as_ref().map(|s| s.identity.clone()))
    }

    /// The one account the credentials manage, if they manage exactly one (tracked).
    pub fn only_account(&self) -> Option<Account> {
        self.signed_in.with(|s| match s.as_ref().map(|s| &s.reach) {
            Some(Reach::One(a)) => Some(a.clone()),
            _ => None,
        })
    }

    /// Whether the credentials manage several accounts (tracked).
    pub fn manages_several(&self) -> bool {
        self.signed_in
            .with(|s| matches!(s.as_ref().map(|s| &s.reach), Some(Reach::Several)))
    }

    /// Remembers a token that the API accepted, and what it is.
    pub fn sign_in(&self, token: String, who: SignedIn) {
        self.set_token.set(token);
        self.signed_in.set(Some(who));
        self.expired.set(None);
        self.generation.update(|g| *g += 1);
    }

    /// Records what a token restored from sessionStorage is.
    pub fn restore(&self, who: SignedIn) {
        self.signed_in.set(Some(who));
    }

    /// Forgets the token everywhere.
    pub fn sign_out(&self) {
        self.set_token.set(String::new());
        self.forget.with_value(|f| f());
        self.signed_in.set(None);
        self.expired.set(None);
    }

    /// Forgets the token but keeps the page, behind the sign-in dialog that
    /// says `reason` (idle sign-out): what was entered survives a new sign-in.
    pub fn lock(&self, reason: impl Into<String>) {
        self.set_token.set(String::new());
        self.forget.with_value(|f| f());
        self.expired.set(Some(reason.into()));
    }

    /// Whether a page is shown: signed in, or waiting behind the sign-in dialog (tracked).
    pub fn has_page(&self) -> bool {
        self.is_signed_in() || self.expired.with(Option::is_some)
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

impl Credentials for Session {
    fn bearer(&self) -> Option<String> {
        self.token()
    }

    fn refused(&self) {
        self.expire("The API no longer accepts your token. Sign in again to continue where you were.");
    }

    fn generation(&self) -> u64 {
        Session::generation(self)
    }
}

/// Creates the session (restoring a token from sessionStorage) and provides it.
pub fn provide_session() -> Session {
    let (token, set_token, remove) = use_session_storage::<String, FromToStringCodec>(TOKEN_KEY);
    let session = Session {
        token,
        set_token,
        forget: StoredValue::new(Arc::new(remove)),
        signed_in: RwSignal::new(None),
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
