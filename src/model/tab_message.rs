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
    /// The API refused a token (401): every tab holding that token (by its
    /// [`fingerprint`]) asks for a new sign-in, saying why; a tab signed in
    /// with another token carries on.
    Refused {
        /// Which token, by [`fingerprint`].
        token: String,
        /// What to tell.
        reason: String,
    },
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
            TabMessage::Refused { token, reason } => format!("{REFUSED}{token}:{reason}"),
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
                    let (token, reason) = text.strip_prefix(REFUSED)?.split_once(':')?;
                    Some(TabMessage::Refused {
                        token: token.into(),
                        reason: reason.into(),
                    })
                }
            }
        }
    }
}

/// A token's fingerprint for [`TabMessage::Refused`]: which token, without
/// the token (64-bit FNV-1a, hex). Not a secret: any script of this origin
/// that can hear the channel can read the tab's sessionStorage anyway, and a
/// hash of a random token gives nothing to sign in with.
pub fn fingerprint(token: &str) -> String {
    let hash = token.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
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
            TabMessage::Refused {
                token: fingerprint("idt:TKN-1:secret"),
                reason: "The API no longer accepts your token: sign in again.".into(),
            },
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
    fn a_fingerprint_tells_tokens_apart_without_containing_them() {
        let (a, b) = (fingerprint("idt:TKN-1:secret"), fingerprint("idt:TKN-1:secreT"));
        assert_ne!(a, b);
        assert_eq!(a, fingerprint("idt:TKN-1:secret"));
        assert_eq!(a.len(), 16);
        assert!(!a.contains("secret"));
        assert_eq!(
            TabMessage::decode("refused:no reason"),
            None,
            "a refusal names its token"
        );
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
