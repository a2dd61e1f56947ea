//! The application frame's header.

use leptos::prelude::*;

/// The top bar with the product name.
#[component]
pub fn FrameHeader() -> impl IntoView {
    view! {
        <header class="frame-header">
            <h1 data-testid="product-name">{crate::PRODUCT_NAME}</h1>
        </header>
    }
}
