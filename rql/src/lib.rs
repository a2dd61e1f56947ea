//! Resource Query Language (RQL) as the Marketplace API speaks it.
//!
//! One crate serves both ends: the console builds [`Expr`] trees and writes
//! them with [`Query::to_query_string`], which quotes and escapes every value so
//! nothing a person types can change an expression's structure; the sandbox
//! parses query strings with [`Query::parse`] and translates the tree to SQL.

mod ast;
mod encoding;
mod parse;
mod query;
mod write;

pub use ast::{CmpOp, Expr, Pattern, PatternPart, Value};
pub use encoding::{percent_decode, percent_encode};
pub use parse::{parse_expr, ParseError, MAX_DEPTH};
pub use query::{OrderField, Query, SelectField};
