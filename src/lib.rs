//! The API tokens console: a Leptos single-page app with which account
//! administrators manage the API tokens of their Marketplace account.

pub mod api;
pub mod app;
pub mod components;
pub mod model;
pub mod pages;
pub mod shell;

use leptos::prelude::*;

pub use app::config::PRODUCT_NAME;

/// Root component: loads `config.json`, then runs the console, or says
/// clearly why it cannot.
#[component]
pub fn App() -> impl IntoView {
    let config = LocalResource::new(app::config::load);
    view! {
        <Suspense fallback=|| view! { <p class="boot" data-testid="booting">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match config.await {
                    Ok(cfg) => view! { <shell::Console config=cfg /> }.into_any(),
                    Err(message) => view! { <ConfigError message /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Shown instead of the console when `config.json` is missing or malformed.
#[component]
fn ConfigError(message: String) -> impl IntoView {
    view! {
        <section class="page config-error" role="alert" data-testid="config-error">
            <h1>{PRODUCT_NAME}</h1>
            <h2>"The console is not configured"</h2>
            <p>{message}</p>
            <p>"The administrator of this site needs to provide a valid config.json next to index.html."</p>
        </section>
    }
}

/// Installs the panic hook (console log and reload banner) and mounts [`App`] on `<body>`.
pub fn mount() {
    app::crash::install_panic_hook();
    leptos::mount::mount_to_body(App);
}
