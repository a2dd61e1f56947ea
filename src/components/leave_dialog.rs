//! "Leave without …?", asked when the user tries to leave a page while the
//! leave guard holds something they would lose.

use super::lazy::{split_point, LazyDialog};
use super::ConfirmDialog;
use crate::app::leave_guard::{use_leave_guard, Holding, LeaveGuard};
use leptos::prelude::*;

/// The leave guard's question: Leave goes where the user asked, Stay (or
/// Esc) keeps the page as it is. Its code comes in a chunk of its own: only
/// the pages that hold something (themselves in chunks) ever ask it.
#[component]
pub fn LeaveDialog() -> impl IntoView {
    use_leave_guard().map(|guard| {
        view! { <LazyDialog open=Signal::derive(move || guard.asking()) render=move || render_leave_question(guard) /> }
    })
}

split_point!(leave_question, render_leave_question, |guard: LeaveGuard| view! {
    <LeaveQuestion guard />
});

#[component]
fn LeaveQuestion(guard: LeaveGuard) -> impl IntoView {
    let held = move |f: fn(Holding) -> &'static str| guard.holding().map(f).unwrap_or_default().to_string();
    view! {
        <ConfirmDialog
            open=Signal::derive(move || guard.asking())
            title=Signal::derive(move || held(|h| h.title))
            confirm_label="Leave"
            danger=true
            testid="leave-dialog"
            on_confirm=move |_| guard.leave()
            on_cancel=move |_| guard.stay()
        >
            <p>{move || held(|h| h.message)}</p>
        </ConfirmDialog>
    }
}
