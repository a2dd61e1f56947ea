//! Access to the Marketplace REST API: one client, typed models, and one
//! module per resource. Every response is decoded into a `Result`; nothing
//! the API sends can panic the console.

pub mod accounts;
pub mod audit;
pub mod client;
pub mod credential;
pub mod error;
pub mod identity;
pub mod json;
pub mod load;
pub mod models;
pub mod modules;
pub mod sleep;
pub mod tokens;

pub use client::{ApiClient, Availability, Credentials};
pub use error::{ApiError, FieldError, Problem};
pub use load::use_load;
pub use models::*;

/// The client the app provided.
pub fn use_api() -> ApiClient {
    leptos::prelude::expect_context::<ApiClient>()
}
