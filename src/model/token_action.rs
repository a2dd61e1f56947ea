//! What a user can do to a token, and which status allows what: the one
//! place the row menu, the details header, the bulk bar and the
//! confirmation read them from. Pure.

/// A token's status, as the API names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TokenStatus {
    /// Accepted by the API.
    Active,
    /// Temporarily refused.
    Disabled,
    /// Removed.
    Deleted,
    /// A status this console does not know.
    #[default]
    Unknown,
}

impl TokenStatus {
    /// The status the API calls `name`; `Unknown` for any other.
    pub fn from_name(name: &str) -> TokenStatus {
        match name {
            "Active" => TokenStatus::Active,
            "Disabled" => TokenStatus::Disabled,
            "Deleted" => TokenStatus::Deleted,
            _ => TokenStatus::Unknown,
        }
    }

    /// Label as shown in badges.
    pub fn label(self) -> &'static str {
        match self {
            TokenStatus::Active => "Active",
            TokenStatus::Disabled => "Disabled",
            TokenStatus::Deleted => "Deleted",
            TokenStatus::Unknown => "Unknown",
        }
    }
}

/// A change of a token's state that the API makes, confirmed first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Disabled → Active.
    Enable,
    /// Active → Disabled.
    Disable,
    /// Active or Disabled → Deleted.
    Delete,
}

impl Change {
    /// Every change, in the order menus and the bulk bar show them.
    pub const ALL: [Change; 3] = [Change::Enable, Change::Disable, Change::Delete];

    /// Verb for buttons and menu entries.
    pub fn label(self) -> &'static str {
        match self {
            Change::Enable => "Enable",
            Change::Disable => "Disable",
            Change::Delete => "Delete",
        }
    }

    /// The test id of the bulk bar's button for it (`bulk-disable`).
    pub fn bulk_testid(self) -> &'static str {
        match self {
            Change::Enable => "bulk-enable",
            Change::Disable => "bulk-disable",
            Change::Delete => "bulk-delete",
        }
    }

    /// Past participle for result messages.
    pub fn done(self) -> &'static str {
        match self {
            Change::Enable => "enabled",
            Change::Disable => "disabled",
            Change::Delete => "deleted",
        }
    }

    /// Whether a token in `status` can undergo this change.
    pub fn applies_to(self, status: TokenStatus) -> bool {
        match self {
            Change::Enable => status == TokenStatus::Disabled,
            Change::Disable => status == TokenStatus::Active,
            Change::Delete => matches!(status, TokenStatus::Active | TokenStatus::Disabled),
        }
    }

    /// The change that undoes this one, where the API has one.
    pub fn undo(self) -> Option<Change> {
        match self {
            Change::Enable => Some(Change::Disable),
            Change::Disable => Some(Change::Enable),
            Change::Delete => None,
        }
    }

    /// Whether it cannot be undone.
    pub fn is_destructive(self) -> bool {
        self == Change::Delete
    }

    /// What the user types before this change of token `name` may run:
    /// the name for a deletion, nothing otherwise.
    pub fn typed_confirmation(self, name: &str) -> Option<String> {
        self.is_destructive().then(|| name.to_string())
    }

    /// What the confirmation says will happen to token `name` (`id`).
    pub fn consequence(self, name: &str, id: &str) -> String {
        match self {
            Change::Enable => format!("{name} ({id}) will be accepted by the API again."),
            Change::Disable => format!("{name} ({id}) will be refused by the API until it is enabled again."),
            Change::Delete => format!(
                "{name} ({id}) will be deleted permanently. Applications using it lose access, and this cannot be undone."
            ),
        }
    }
}

/// An entry of a token's actions menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenAction {
    /// Opens the Edit dialog.
    Edit,
    /// Opens the Add wizard prefilled from the token.
    CreateSimilar,
    /// Replaces an active token with a new one of the same kind.
    Rotate,
    /// A change the API makes.
    Change(Change),
}

impl TokenAction {
    /// Menu label.
    pub fn label(self) -> &'static str {
        match self {
            TokenAction::Edit => "Edit",
            TokenAction::CreateSimilar => "Create similar",
            TokenAction::Rotate => "Rotate",
            TokenAction::Change(c) => c.label(),
        }
    }

    /// Whether the entry is styled as destructive.
    pub fn is_destructive(self) -> bool {
        matches!(self, TokenAction::Change(c) if c.is_destructive())
    }

    /// What the menu of a token in `status` offers, in order. `with_edit` is
    /// false where Edit is a button of its own (the details header).
    pub fn menu(status: TokenStatus, with_edit: bool) -> Vec<TokenAction> {
        let mut entries = Vec::with_capacity(5);
        if with_edit {
            entries.push(TokenAction::Edit);
        }
        entries.push(TokenAction::CreateSimilar);
        if status == TokenStatus::Active {
            entries.push(TokenAction::Rotate);
        }
        entries.extend(
            Change::ALL
                .into_iter()
                .filter(|c| c.applies_to(status))
                .map(TokenAction::Change),
        );
        entries
    }
}

/// Whether `typed` confirms `expected`: the same text, surrounding spaces
/// aside (a name pasted with a trailing space still counts), case included.
pub fn typed_matches(expected: &str, typed: &str) -> bool {
    let expected = expected.trim();
    !expected.is_empty() && typed.trim() == expected
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_deletion_asks_for_the_name_and_only_the_exact_name_confirms() {
        assert_eq!(Change::Delete.typed_confirmation("CI robot"), Some("CI robot".into()));
        assert_eq!(Change::Disable.typed_confirmation("CI robot"), None);
        assert_eq!(Change::Enable.typed_confirmation("CI robot"), None);
        assert!(typed_matches("CI robot", "CI robot"));
        assert!(typed_matches("CI robot", "  CI robot "));
        assert!(!typed_matches("CI robot", "ci robot"));
        assert!(!typed_matches("CI robot", "CI robo"));
        assert!(!typed_matches("CI robot", ""));
        assert!(!typed_matches("", ""));
        assert!(!typed_matches("  ", " "));
        assert!(typed_matches("Zürich – 東京", "Zürich – 東京"));
    }

    fn labels(entries: Vec<TokenAction>) -> Vec<&'static str> {
        entries.into_iter().map(TokenAction::label).collect()
    }

    #[test]
    fn each_status_offers_only_the_changes_it_allows() {
        assert_eq!(
            labels(TokenAction::menu(TokenStatus::Active, true)),
            ["Edit", "Create similar", "Rotate", "Disable", "Delete"]
        );
        assert_eq!(
            labels(TokenAction::menu(TokenStatus::Disabled, false)),
            ["Create similar", "Enable", "Delete"]
        );
        assert_eq!(
            labels(TokenAction::menu(TokenStatus::Deleted, false)),
            ["Create similar"]
        );
        assert_eq!(
            labels(TokenAction::menu(TokenStatus::Unknown, true)),
            ["Edit", "Create similar"]
        );
    }

    #[test]
    fn only_delete_is_destructive_and_says_it_cannot_be_undone() {
        let destructive: Vec<Change> = Change::ALL.into_iter().filter(|c| c.is_destructive()).collect();
        assert_eq!(destructive, [Change::Delete]);
        assert!(TokenAction::Change(Change::Delete).is_destructive());
        assert!(!TokenAction::Edit.is_destructive());
        assert!(Change::Delete
            .consequence("Billing", "TKN-1")
            .contains("cannot be undone"));
        assert!(Change::Disable
            .consequence("Billing", "TKN-1")
            .starts_with("Billing (TKN-1)"));
    }

    #[test]
    fn unknown_statuses_are_read_without_failing() {
        assert_eq!(TokenStatus::from_name("Suspended"), TokenStatus::Unknown);
        assert_eq!(TokenStatus::from_name("Disabled"), TokenStatus::Disabled);
        assert_eq!(TokenStatus::from_name("disabled"), TokenStatus::Unknown);
    }

    #[test]
    fn enable_and_disable_undo_each_other_and_delete_cannot_be_undone() {
        assert_eq!(Change::Enable.undo(), Some(Change::Disable));
        assert_eq!(Change::Disable.undo(), Some(Change::Enable));
        assert_eq!(Change::Delete.undo(), None);
        for c in Change::ALL {
            assert_eq!(c.undo().is_none(), c.is_destructive());
        }
    }
}
