//! Sortable columns and sort order.

/// Sortable columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortField {
    /// Token name.
    Name,
    /// Date created.
    Created,
    LastAccess,
    Status,
}

impl SortField {
    /// Every sortable column.
    pub const ALL: [SortField; 4] = [
        SortField::Name,
        SortField::Created,
        SortField::LastAccess,
        SortField::Status,
    ];

    /// The URL value.
    pub fn as_str(self) -> &'static str {
        match self {
            SortField::Name => "name",
            SortField::Created => "created",
            SortField::LastAccess => "lastAccess",
            SortField::Status => "status",
        }
    }

    /// The RQL property sorted on.
    pub fn property(self) -> &'static str {
        match self {
            SortField::Name => "name",
            SortField::Created => "audit.created.at",
            SortField::LastAccess => "lastAccessAt",
            SortField::Status => "status",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        SortField::ALL.into_iter().find(|f| f.as_str() == s)
    }
}

/// A sort column and direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    /// Column.
    pub field: SortField,
    pub descending: bool,
}

impl Default for Sort {
    /// Newest first, as the platform lists tokens.
    fn default() -> Self {
        Sort {
            field: SortField::Created,
            descending: true,
        }
    }
}

impl Sort {
    /// The sort a URL value names (`name`, `-created`, …), if any.
    pub fn parse(s: &str) -> Option<Self> {
        let (descending, name) = match s.strip_prefix('-') {
            Some(n) => (true, n),
            None => (false, s),
        };
        SortField::parse(name).map(|field| Sort { field, descending })
    }

    /// The URL value: `name`, `-created`, ….
    pub fn as_param(self) -> String {
        format!("{}{}", if self.descending { "-" } else { "" }, self.field.as_str())
    }

    /// Clicking a column header: toggles direction on the same column,
    /// otherwise sorts the new column (names A→Z, dates newest first).
    pub fn toggled(self, field: SortField) -> Sort {
        if self.field == field {
            Sort {
                field,
                descending: !self.descending,
            }
        } else {
            Sort {
                field,
                descending: matches!(field, SortField::Created | SortField::LastAccess),
            }
        }
    }
}
