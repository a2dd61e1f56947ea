//! Who is signed in: the bearer token (memory and sessionStorage only), who
//! it is and which accounts it manages, and whether the API has since
//! refused it. Signing out, the idle lock and a refusal apply to every tab
//! of the console at once; a write in one makes the others load again.

use super::tabs::Tabs;
use crate::api::identity::{Identity, Reach, SignedIn};
use crate::api::{Account, Credentials};
use crate::app::stored::{use_stored, Area};
use crate::model::tab_message::{fingerprint, TabMessage};
use leptos::prelude::*;
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
    /// Loads every view again: another tab's writes, the connection
    /// coming back.
    reloads: Trigger,
    /// Changes heard from other tabs so far: a reload follows the last of a
    /// burst (a bulk action tells one per token).
    changes_heard: StoredValue<u64>,
    tabs: StoredValue<Tabs>,
}

/// How long after the last change heard from another tab the views load again.
const SETTLE_MS: u64 = 300;

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

    /// Forgets the token, in this tab and every other.
    pub fn sign_out(&self) {
        self.signed_out();
        self.tell(TabMessage::SignedOut);
    }

    fn signed_out(&self) {
        self.set_token.set(String::new());
        self.forget.with_value(|f| f());
        self.signed_in.set(None);
        self.expired.set(None);
    }

    /// Forgets the token but keeps the page, behind the sign-in dialog that
    /// says `reason` (idle sign-out): what was entered survives a new
    /// sign-in. Every other tab is locked too.
    pub fn lock(&self, reason: impl Into<String>) {
        let reason = reason.into();
        self.locked(reason.clone());
        self.tell(TabMessage::Locked(reason));
    }

    fn locked(&self, reason: String) {
        self.set_token.set(String::new());
        self.forget.with_value(|f| f());
        self.expired.set(Some(reason));
    }

    fn tell(&self, message: TabMessage) {
        self.tabs.with_value(|t| t.tell(&message));
    }

    /// What another tab said about the session.
    fn heard(&self, message: &TabMessage) {
        match message {
            TabMessage::SignedOut if self.has_page() => self.signed_out(),
            TabMessage::Locked(reason) if self.is_signed_in() => self.locked(reason.clone()),
            TabMessage::Refused { token, reason }
                if self.expired.get_untracked().is_none()
                    && self.token().is_some_and(|mine| fingerprint(&mine) == *token) =>
            {
                self.expire(reason.clone())
            }
            TabMessage::Changed => self.load_again_when_settled(),
            _ => {}
        }
    }

    /// Loads every view again once the changes heard have paused for
    /// [`SETTLE_MS`].
    fn load_again_when_settled(&self) {
        let heard = self.changes_heard.get_value() + 1;
        self.changes_heard.set_value(heard);
        let this = *self;
        set_timeout(
            move || {
                if this.changes_heard.try_get_value() == Some(heard) {
                    this.reloads.notify();
                }
            },
            std::time::Duration::from_millis(SETTLE_MS),
        );
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

    /// Makes every view load again (what it shows may have changed elsewhere).
    pub fn load_again(&self) {
        self.reloads.notify();
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
        let reason = "The API no longer accepts your token. Sign in again to continue where you were.";
        let token = self.token();
        self.expire(reason);
        if let Some(token) = token {
            self.tell(TabMessage::Refused {
                token: fingerprint(&token),
                reason: reason.into(),
            });
        }
    }

    fn wrote(&self) {
        self.tell(TabMessage::Changed);
    }

    fn generation(&self) -> u64 {
        Session::generation(self)
    }

    fn track_changes(&self) {
        self.reloads.track();
    }
}

/// Creates the session (restoring a token from sessionStorage), hears what
/// the other `tabs` say of it, and provides it.
pub fn provide_session(tabs: Tabs) -> Session {
    let (token, set_token, remove) = use_stored(Area::Session, TOKEN_KEY);
    let session = Session {
        token,
        set_token,
        forget: StoredValue::new(Arc::new(remove)),
        signed_in: RwSignal::new(None),
        expired: RwSignal::new(None),
        generation: RwSignal::new(0),
        reloads: Trigger::new(),
        changes_heard: StoredValue::new(0),
        tabs: StoredValue::new(tabs.clone()),
    };
    tabs.listen(move |message| session.heard(message));
    provide_context(session);
    session
}

/// The session provided by [`provide_session`].
pub fn use_session() -> Session {
    expect_context::<Session>()
}
