//! Resource Query Language (RQL) as the Marketplace API speaks it, modelled
//! on the platform's own parser (mpt-rql-net) and web layer.
//!
//! One crate serves both ends, so they share one grammar: the console builds
//! [`Expr`] trees and writes them with [`Query::to_query_string`], which quotes
//! every value so nothing a person types can change an expression's
//! structure (and refuses what RQL cannot express); the sandbox parses query
//! strings with [`Query::parse`] and translates the tree to SQL.

mod ast;
mod encoding;
mod error;
mod lex;
mod parse;
mod pattern;
mod query;
mod write;

pub use ast::{CmpOp, Expr, Value};
pub use encoding::{decode_component, percent_decode, percent_encode};
pub use error::{ErrorKind, ParseError, WriteError};
pub use parse::{parse_expr, parse_filter, MAX_DEPTH};
pub use pattern::{matches as pattern_matches, Pattern};
pub use query::{OrderField, Query, SelectField};
pub use write::quote;
