//! The landing page (the API tokens list replaces it).

use crate::components::FrameHeader;
use leptos::prelude::*;

/// Landing page: the frame.
#[component]
pub fn Home() -> impl IntoView {
    view! { <FrameHeader /> }
}
