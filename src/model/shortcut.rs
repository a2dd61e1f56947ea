//! The console's keyboard shortcuts and when a key press is one. Pure.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    /// `/`: focus the list's search.
    Search,
    /// `n`: open the Add wizard.
    Add,
    /// `?`: list the shortcuts.
    Help,
}

impl Shortcut {
    /// Every shortcut, in the order the help lists them.
    pub const ALL: [Shortcut; 3] = [Shortcut::Search, Shortcut::Add, Shortcut::Help];

    /// The key as `KeyboardEvent.key` reports it.
    pub fn key(self) -> &'static str {
        match self {
            Shortcut::Search => "/",
            Shortcut::Add => "n",
            Shortcut::Help => "?",
        }
    }

    /// What the help says it does.
    pub fn description(self) -> &'static str {
        match self {
            Shortcut::Search => "Search API tokens",
            Shortcut::Add => "Add an API token",
            Shortcut::Help => "Show these shortcuts",
        }
    }
}

/// Where a key press happened, as far as shortcuts care.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Press {
    /// Ctrl, Alt or Meta held (Shift is part of `?`).
    pub modified: bool,
    /// Typed into a text field, a select or an editable element.
    pub in_field: bool,
    /// A modal dialog is open: keys belong to it.
    pub in_dialog: bool,
    /// Held down and repeating.
    pub repeat: bool,
}

/// The shortcut `key` triggers, if any: never while typing in a field or
/// inside a dialog, never with Ctrl, Alt or Meta (the browser's own keys).
pub fn shortcut_for(key: &str, press: Press) -> Option<Shortcut> {
    if press.modified || press.in_field || press.in_dialog || press.repeat {
        return None;
    }
    Shortcut::ALL.into_iter().find(|s| s.key() == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_shortcuts_only_outside_fields_and_dialogs() {
        let free = Press::default();
        assert_eq!(shortcut_for("/", free), Some(Shortcut::Search));
        assert_eq!(shortcut_for("n", free), Some(Shortcut::Add));
        assert_eq!(shortcut_for("?", free), Some(Shortcut::Help));
        assert_eq!(shortcut_for("N", free), None, "Shift+N is not n");
        assert_eq!(shortcut_for("x", free), None);
        for press in [
            Press { in_field: true, ..free },
            Press {
                in_dialog: true,
                ..free
            },
            Press { modified: true, ..free },
            Press { repeat: true, ..free },
        ] {
            for s in Shortcut::ALL {
                assert_eq!(shortcut_for(s.key(), press), None, "{press:?}");
            }
        }
    }
}
