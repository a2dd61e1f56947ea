//! What one tab of the console tells the others over a `BroadcastChannel`,
//! as plain text. Never a secret: no bearer token, no token value, no form
//! content; only that something happened.

/// One message between tabs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TabMessage {
    /// The user signed out: every tab forgets its token.
    SignedOut,
    /// The idle timer ran out: every tab forgets its token and asks for a
    /// new sign-in over its page, saying why.
    Locked(String),
    /// The API refused the token (401): every tab asks for a new sign-in.
    Refused(String),
    /// The user's hand is on the console in some tab: no tab is idle.
    Active,
    /// A write succeeded: what other tabs show may be stale.
    Changed,
    /// The user chose this account to manage: the other tabs follow
    /// (an account id is not a secret).
    Account(String),
}

const SIGNED_OUT: &str = "signed-out";
const LOCKED: &str = "locked:";
const REFUSED: &str = "refused:";
const ACTIVE: &str = "active";
const CHANGED: &str = "changed";
const ACCOUNT: &str = "account:";

impl TabMessage {
    /// The text sent.
    pub fn encode(&self) -> String {
        match self {
            TabMessage::SignedOut => SIGNED_OUT.into(),
            TabMessage::Locked(reason) => format!("{LOCKED}{reason}"),
            TabMessage::Refused(reason) => format!("{REFUSED}{reason}"),
            TabMessage::Active => ACTIVE.into(),
            TabMessage::Changed => CHANGED.into(),
            TabMessage::Account(id) => format!("{ACCOUNT}{id}"),
        }
    }

    /// The message a text is, if it is one (another version of the console
    /// may send what this one does not know: ignored).
    pub fn decode(text: &str) -> Option<TabMessage> {
        match text {
            SIGNED_OUT => Some(TabMessage::SignedOut),
            ACTIVE => Some(TabMessage::Active),
            CHANGED => Some(TabMessage::Changed),
            _ => {
                if let Some(reason) = text.strip_prefix(LOCKED) {
                    Some(TabMessage::Locked(reason.into()))
                } else if let Some(id) = text.strip_prefix(ACCOUNT) {
                    Some(id.trim())
                        .filter(|id| !id.is_empty())
                        .map(|id| TabMessage::Account(id.into()))
                } else {
                    text.strip_prefix(REFUSED).map(|r| TabMessage::Refused(r.into()))
                }
            }
        }
    }
}

/// The channel's name: tabs of consoles of one API agree, whatever path
/// they are served under.
pub fn channel_name(api_base: &str) -> String {
    format!("tokens-console {}", api_base.trim_end_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_survives_the_trip() {
        for m in [
            TabMessage::SignedOut,
            TabMessage::Locked("Signed out after 15 minutes: idle".into()),
            TabMessage::Refused("The API no longer accepts your token.".into()),
            TabMessage::Active,
            TabMessage::Changed,
            TabMessage::Account("ACC-1234-5678".into()),
        ] {
            assert_eq!(TabMessage::decode(&m.encode()), Some(m));
        }
    }

    #[test]
    fn unknown_texts_are_ignored() {
        assert_eq!(TabMessage::decode(""), None);
        assert_eq!(TabMessage::decode("signed-out-later"), None);
        assert_eq!(TabMessage::decode("{\"kind\":\"x\"}"), None);
        assert_eq!(TabMessage::decode("account: "), None, "an account message names one");
    }

    #[test]
    fn consoles_of_one_api_share_a_channel() {
        assert_eq!(
            channel_name("https://api.example/"),
            channel_name("https://api.example")
        );
        assert_ne!(channel_name("https://a.example"), channel_name("https://b.example"));
    }
}
