//! Unknown routes.

use crate::components::ButtonLink;
use leptos::prelude::*;

/// "Page not found", with the way back to the list.
#[component]
pub fn NotFound() -> impl IntoView {
    let nav = crate::app::nav::use_nav();
    view! {
        <section class="page not-found" data-testid="not-found">
            <h2>"Page not found"</h2>
            <p>"There is nothing at this address."</p>
            <ButtonLink href=nav.href(&crate::model::route::Screen::list())>"Go to API tokens"</ButtonLink>
        </section>
    }
}
