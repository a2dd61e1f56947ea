//! Who a credential is, and which accounts it manages, learned the way
//! SoftwareOne's CLI and MCP server learn it: an API token value names its
//! token, whose `account` is the one managed (an Operations account's token
//! manages every account); a user access token, or anything else, is asked
//! which accounts it sees.

use super::client::{decode, request, Outgoing, REQUEST_TIMEOUT};
use super::credential::{classify, Credential};
use super::{Account, ApiError, ApiToken, Page};
use gloo_net::http::Method;

/// Who is signed in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Identity {
    Token {
        /// `TKN-…`
        id: String,
        name: String,
    },
    User {
        /// `USR-…`, when known.
        id: Option<String>,
        /// Display name, when known.
        name: Option<String>,
    },
    /// Credentials that do not say who they are.
    Unknown,
}

/// Which accounts the credentials manage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reach {
    /// Exactly this one.
    One(Account),
    /// Several: the user chooses, and the URL says which.
    Several,
}

/// What a sign-in learned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedIn {
    pub identity: Identity,
    /// The account the credentials belong to, when known.
    pub home: Option<Account>,
    /// Which accounts they manage.
    pub reach: Reach,
}

fn get(path: &str) -> Outgoing<'_> {
    Outgoing {
        method: Method::GET,
        path,
        body: None,
        abort: None,
        timeout: REQUEST_TIMEOUT,
    }
}

/// Whether an account's credentials manage every account.
fn is_operations(account: &Account) -> bool {
    account.kind.as_deref() == Some("Operations")
}

/// The accounts `token` sees: one, or several.
async fn reach(base: &str, token: &str) -> Result<(Reach, Option<Account>), ApiError> {
    let text = request(base, token, get("/public/v1/accounts/accounts?order=name&limit=2")).await?;
    let page: Page<Account> = decode(&text)?;
    match (page.total(), page.data.into_iter().next()) {
        (_, None) => Err(ApiError::Decode(
            "The API returned no account for these credentials.".into(),
        )),
        (1, Some(only)) => Ok((Reach::One(only.clone()), Some(only))),
        (_, Some(_)) => Ok((Reach::Several, None)),
    }
}

/// Checks `token` against the API and learns who it is.
pub async fn resolve(base: &str, token: &str) -> Result<SignedIn, ApiError> {
    match classify(token) {
        Credential::ApiToken { id } => {
            let path = format!(
                "/public/v1/accounts/api-tokens/{}?select=-token",
                rql::percent_encode(&id)
            );
            match request(base, token, get(&path)).await {
                Ok(text) => {
                    let me: ApiToken = decode(&text)?;
                    let identity = Identity::Token {
                        id: me.id,
                        name: me.name,
                    };
                    match me.account {
                        Some(home) if !is_operations(&home) && !home.id.is_empty() => Ok(SignedIn {
                            identity,
                            reach: Reach::One(home.clone()),
                            home: Some(home),
                        }),
                        home => {
                            let (reach, _) = reach(base, token).await?;
                            Ok(SignedIn { identity, home, reach })
                        }
                    }
                }
                // Not a token this API knows by that id: ask which accounts it sees.
                Err(ApiError::Problem(p)) if p.status == Some(404) => {
                    let (reach, home) = reach(base, token).await?;
                    Ok(SignedIn {
                        identity: Identity::Unknown,
                        home,
                        reach,
                    })
                }
                Err(e) => Err(e),
            }
        }
        Credential::User(claims) => {
            let (reach, home) = reach(base, token).await?;
            Ok(SignedIn {
                identity: Identity::User {
                    id: claims.user_id,
                    name: claims.name,
                },
                home,
                reach,
            })
        }
        Credential::Opaque => {
            let (reach, home) = reach(base, token).await?;
            Ok(SignedIn {
                identity: Identity::Unknown,
                home,
                reach,
            })
        }
    }
}
