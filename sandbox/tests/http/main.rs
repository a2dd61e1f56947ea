//! HTTP tests of the sandbox on loopback: every operation and error path.

mod support;

mod accounts;
mod auth;
mod catalog;
mod faults;
mod icons;
mod lifecycle;
mod python_client;
mod rql_queries;
mod serving;
mod tokens;
mod validation;
