//! The running console's state and wiring: configuration, the signed-in
//! session, navigation under the base path, the list's return address, the
//! frame with its routes, and the crash banner.

pub mod account;
pub mod config;
pub mod crash;
pub mod idle;
pub mod locale;
pub mod nav;
pub mod return_to;
pub mod session;
pub mod shell;
