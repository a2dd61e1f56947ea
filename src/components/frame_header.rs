//! The application frame's header: product, account, sign-out.

use crate::session::use_session;
use leptos::prelude::*;

/// The top bar with the product name and, when signed in, the account.
#[component]
pub fn FrameHeader() -> impl IntoView {
    let session = use_session();
    let account = move || {
        session.account().map(|a| {
            view! {
                <div class="account" data-testid="frame-account">
                    <span class="account-name">{a.name}</span>
                    <span class="account-meta">{a.kind.unwrap_or_default()} " · " {a.id}</span>
                </div>
            }
        })
    };
    let links = crate::links::use_links();
    view! {
        <header class="frame-header">
            <a class="brand" href=links.href("/api-tokens")>
                <h1 data-testid="product-name">{crate::PRODUCT_NAME}</h1>
            </a>
            <div class="frame-right">
                {account}
                <Show when=move || session.is_signed_in()>
                    <button type="button" class="btn btn-quiet" data-testid="sign-out" on:click=move |_| session.sign_out()>
                        "Sign out"
                    </button>
                </Show>
            </div>
        </header>
    }
}
