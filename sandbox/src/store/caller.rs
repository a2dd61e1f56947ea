//! Who is calling and what they may see. Every store operation takes the
//! caller and keeps to its scope: an account's API token sees its own
//! account; a user sees the accounts they belong to; an Operations
//! account's token sees every account.

/// What kind of identity acted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorKind {
    /// An API token (`TKN-…`).
    Token,
    /// A user with an access token (`USR-…`).
    User,
}

/// The identity that acts, as audit stamps and records name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// `TKN-…` or `USR-…`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Token or user.
    pub kind: ActorKind,
}

/// An account as references to it carry it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountRef {
    /// `ACC-…`
    pub id: String,
    pub name: String,
    /// `Client`, `Vendor` or `Operations`.
    pub kind: String,
}

/// The accounts a caller may see and change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every account (an Operations account's token).
    Everything,
    /// These accounts only.
    Accounts(Vec<String>),
}

impl Scope {
    /// Whether objects of `account_id` are visible.
    pub fn sees(&self, account_id: &str) -> bool {
        match self {
            Scope::Everything => true,
            Scope::Accounts(ids) => ids.iter().any(|a| a == account_id),
        }
    }

    /// A SQL condition that `column` (an account id) is in scope, with its parameters.
    pub fn sql(&self, column: &str) -> (String, Vec<String>) {
        match self {
            Scope::Everything => ("1 = 1".into(), Vec::new()),
            Scope::Accounts(ids) if ids.is_empty() => ("0 = 1".into(), Vec::new()),
            Scope::Accounts(ids) => (
                format!("{column} IN ({})", vec!["?"; ids.len()].join(", ")),
                ids.clone(),
            ),
        }
    }
}

/// An authenticated request's caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    pub actor: Actor,
    /// The account the credentials belong to (a user's current account).
    pub account: AccountRef,
    /// What they may see.
    pub scope: Scope,
    /// The request's User-Agent, for the audit trail.
    pub user_agent: Option<String>,
    /// The peer address, for the audit trail.
    pub ip: Option<String>,
}
