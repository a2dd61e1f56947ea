//! End-to-end tests: the built console, served by a sandbox started on an
//! ephemeral loopback port with a fresh database, driven in real Chromium
//! through ChromeDriver.
#![cfg(not(target_arch = "wasm32"))]

mod support;

mod accessibility;
mod accounts;
mod add_wizard;
mod admins;
mod busy;
mod chunks;
mod deployment;
mod details_page;
mod edit_flow;
mod engines;
mod export;
mod faults;
mod hostile_text;
mod hosting;
mod hygiene;
mod images;
mod keyboard;
mod leak;
mod list_page;
mod look;
mod phone;
mod rotate;
mod security;
mod servers;
mod shortcuts;
mod sign_in;
mod smoke;
mod soak;
mod tabs;
mod theme;
mod token_actions;
mod views;
