//! Access to the Marketplace REST API: one client, typed models, and one
//! module per resource. Every response is decoded into a `Result`; nothing
//! the API sends can panic the console.

pub mod audit;
pub mod client;
pub mod error;
pub mod models;
pub mod tokens;

pub use client::{provide_api, use_api, ApiClient};
pub use error::{ApiError, Problem};
pub use models::*;
