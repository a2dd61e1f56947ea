//! The API tokens console: a Leptos single-page app with which account
//! administrators manage the API tokens of their Marketplace account.

pub mod components;
pub mod pages;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The product's name, as the frame and the document title show it.
pub const PRODUCT_NAME: &str = "API tokens console";

/// Root component: the router and its pages.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <main class="app">
                <Routes fallback=|| view! { <p class="not-found">"Page not found."</p> }>
                    <Route path=path!("/") view=pages::Home />
                    <Route path=path!("/api-tokens") view=pages::Home />
                </Routes>
            </main>
        </Router>
    }
}

/// Installs the panic hook and mounts [`App`] on `<body>`.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
