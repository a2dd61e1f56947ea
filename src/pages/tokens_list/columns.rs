//! Optional columns and the per-browser memory of which are hidden.

use crate::app::stored::{use_stored, Area};
use leptos::prelude::*;

/// localStorage key of the hidden columns (not sensitive).
const HIDDEN_KEY: &str = "tokens-console.hidden-columns";

/// A column the user can hide (API token and Actions always show).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Modules,
    CreatedBy,
    /// Date created.
    Created,
    LastAccess,
    Status,
}

impl Column {
    /// Every optional column, in table order.
    pub const ALL: [Column; 5] = [
        Column::Modules,
        Column::CreatedBy,
        Column::Created,
        Column::LastAccess,
        Column::Status,
    ];

    /// Header text.
    pub fn label(self) -> &'static str {
        match self {
            Column::Modules => "Modules",
            Column::CreatedBy => "Created by",
            Column::Created => "Date created",
            Column::LastAccess => "Last access",
            Column::Status => "Status",
        }
    }

    /// The class of the column's cells (`col-modules`).
    pub fn class(self) -> String {
        format!("col-{}", self.key())
    }

    fn key(self) -> &'static str {
        match self {
            Column::Modules => "modules",
            Column::CreatedBy => "createdBy",
            Column::Created => "created",
            Column::LastAccess => "lastAccess",
            Column::Status => "status",
        }
    }
}

/// The classes that hide `hidden` columns (`hide-modules …`), set once on
/// the element around the table: a row holds no subscription of its own to
/// which columns show, so rows that are replaced leave nothing behind.
pub fn hiding_classes(hidden: &[Column]) -> String {
    hidden
        .iter()
        .map(|c| format!("hide-{}", c.key()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads a stored list of hidden columns, ignoring anything unknown.
pub fn parse_hidden(stored: &str) -> Vec<Column> {
    Column::ALL
        .into_iter()
        .filter(|c| stored.split(',').any(|k| k.trim() == c.key()))
        .collect()
}

/// Writes a list of hidden columns for storage.
pub fn format_hidden(hidden: &[Column]) -> String {
    hidden.iter().map(|c| c.key()).collect::<Vec<_>>().join(",")
}

/// The hidden columns, kept in localStorage; and a setter.
pub fn use_hidden_columns() -> (Signal<Vec<Column>>, Callback<Vec<Column>>) {
    let (stored, set_stored, _) = use_stored(Area::Local, HIDDEN_KEY);
    let hidden = Signal::derive(move || stored.with(|s| parse_hidden(s)));
    (
        hidden,
        Callback::new(move |cols: Vec<Column>| set_stored.set(format_hidden(&cols))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_columns_become_classes_that_match_their_cells() {
        assert_eq!(hiding_classes(&[]), "");
        assert_eq!(
            hiding_classes(&[Column::CreatedBy, Column::Status]),
            "hide-createdBy hide-status"
        );
        assert_eq!(Column::CreatedBy.class(), "col-createdBy");
    }

    #[test]
    fn hidden_columns_round_trip_and_ignore_junk() {
        let h = vec![Column::CreatedBy, Column::Status];
        assert_eq!(parse_hidden(&format_hidden(&h)), h);
        assert_eq!(parse_hidden("nonsense,,status,<script>"), vec![Column::Status]);
        assert!(parse_hidden("").is_empty());
    }
}
