//! The running console's state: configuration, the signed-in session and
//! the account it manages, the person's last activity, navigation under the base path,
//! the list's return address, the locale, downloads, and the crash banner. Below the
//! components and pages, which read it; the routes are in `shell`.

pub mod account;
pub mod activity;
pub mod config;
pub mod connection;
pub mod crash;
pub mod download;
pub mod leave_guard;
pub mod locale;
pub mod nav;
pub mod return_to;
pub mod session;
pub mod stored;
pub mod tabs;
pub mod window_events;
