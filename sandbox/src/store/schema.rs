//! What a listable resource is, in the terms the query translator and the
//! list machinery read: its table, its queryable properties and collections,
//! its scope rule and its projection defaults. The sandbox's own resources
//! are values of these types (`resources`); the translator takes whichever
//! it is given, so its tests describe a small schema of their own.

/// How a column's values are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Plain text.
    Text,
    /// An instant stored as canonical ISO 8601 text; query values are normalised.
    DateTime,
}

/// A property that maps to one SQL expression.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// Dotted RQL property path.
    pub prop: &'static str,
    /// SQL expression (a column of the resource's main table alias).
    pub sql: &'static str,
    pub kind: Kind,
}

impl Column {
    /// A text property.
    pub const fn text(prop: &'static str, sql: &'static str) -> Column {
        Column {
            prop,
            sql,
            kind: Kind::Text,
        }
    }

    /// An instant property.
    pub const fn date(prop: &'static str, sql: &'static str) -> Column {
        Column {
            prop,
            sql,
            kind: Kind::DateTime,
        }
    }
}

/// A collection property (`modules`): items reached through an EXISTS subquery.
#[derive(Debug, Clone, Copy)]
pub struct Collection {
    /// RQL name of the collection.
    pub prop: &'static str,
    /// `SELECT 1 FROM … WHERE <join to the outer row>`; conditions are appended with AND.
    pub exists: &'static str,
    /// The items' own properties.
    pub items: &'static [Column],
}

/// How a resource's rows are limited to the caller's accounts.
#[derive(Debug, Clone, Copy)]
pub enum ScopeRule {
    /// A column holding the row's account id.
    Column(&'static str),
    /// Modules: those enabled for an account in scope.
    EnabledModules,
    /// Audit records: those an account in scope may view.
    Viewers,
}

/// A listable resource.
#[derive(Debug)]
pub struct Resource {
    /// What one row is called in messages ("API token").
    pub name: &'static str,
    /// `FROM` clause, aliasing the main table.
    pub from: &'static str,
    /// Primary key expression, the final sort key.
    pub key: &'static str,
    /// A condition every row meets, whoever asks (deleted tokens are never shown).
    pub always: &'static str,
    /// How rows are limited to the caller's accounts.
    pub scope: ScopeRule,
    /// Sort used when the query names none.
    pub default_order: &'static str,
    /// Filterable and sortable properties.
    pub columns: &'static [Column],
    /// Collection properties.
    pub collections: &'static [Collection],
    /// Top-level fields a list leaves out unless selected (`$meta.omitted`).
    pub omitted_in_lists: &'static [&'static str],
    /// Top-level fields that exist at all (for `select`).
    pub fields: &'static [&'static str],
    /// Whether `render()` means something here.
    pub renders: bool,
}
