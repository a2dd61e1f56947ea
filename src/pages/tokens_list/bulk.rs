//! Acting on several selected tokens at once: the bar, its confirmation,
//! and the report with a result per token (the runner is `model::bulk`).

mod report;

use super::use_list_context;
use crate::api::{tokens, use_api};
use crate::components::lazy::{split_point, LazyDialog};
use crate::components::toasts::{ToastHandle, Undo};
use crate::components::{use_toasts, Appearance, Button, ConfirmDialog};
use crate::model::bulk::{self, BulkResult};
use crate::model::token_action::Change;
use leptos::prelude::*;
use report::BulkReport;

/// The bar shown while rows are selected, its confirmation, and the report.
#[component]
pub fn BulkBar() -> impl IntoView {
    let ctx = use_list_context();
    let chosen = RwSignal::new(None::<Change>);
    let report = RwSignal::new(None::<(Change, Vec<BulkResult>)>);
    let count = move || ctx.selection.count();
    view! {
        <Show when=move || { count() > 0 }>
            <div class="bulk-bar" data-testid="bulk-bar">
                <span>{move || format!("{} selected", count())}</span>
                {Change::ALL
                    .into_iter()
                    .map(|c| {
                        view! {
                            <Button
                                appearance=if c.is_destructive() { Appearance::Danger } else { Appearance::Plain }
                                testid=c.bulk_testid()
                                on_click=move |()| chosen.set(Some(c))
                            >
                                {c.label()}
                            </Button>
                        }
                    })
                    .collect_view()}
                <Button appearance=Appearance::Quiet on_click=move |()| ctx.selection.clear()>
                    "Clear selection"
                </Button>
            </div>
        </Show>
        <LazyDialog
            open=Signal::derive(move || chosen.with(Option::is_some) || report.with(Option::is_some))
            render=move || render_bulk(chosen, report)
        />
    }
}

type Report = RwSignal<Option<(Change, Vec<BulkResult>)>>;

split_point!(
    bulk_dialogs,
    render_bulk,
    |chosen: RwSignal<Option<Change>>, report: Report| view! {
        <BulkReport report />
        <BulkConfirm chosen report />
    }
);

/// The message after a bulk change: how many, Undo for exactly the tokens
/// changed, and the tokens someone else had already changed.
fn tell(toasts: ToastHandle, change: Change, results: &[BulkResult]) {
    let others = match bulk::already(results) {
        0 => String::new(),
        n => format!(
            "{n} already {} by someone else (see the report above the list)",
            change.done()
        ),
    };
    match bulk::tally(results) {
        (done, 0) => {
            let title = format!("{done} API tokens {}", change.done());
            match change.undo().filter(|_| done > 0) {
                Some(undo) => {
                    let tokens = bulk::changed(results).into_iter().map(|t| (t.id, t.name)).collect();
                    toasts.success_with_undo(title, others, Undo { change: undo, tokens })
                }
                None => toasts.success(title, others),
            }
        }
        (done, failed) => toasts.error(
            format!("{done} {}, {failed} failed", change.done()),
            "See the report above the list.",
        ),
    }
}

/// Asks before running the chosen change; runs it and reports.
#[component]
fn BulkConfirm(chosen: RwSignal<Option<Change>>, report: Report) -> impl IntoView {
    let ctx = use_list_context();
    let api = use_api();
    let toasts = use_toasts();
    let run = Action::new_local(move |change: &Change| {
        let (api, change) = (api.clone(), *change);
        let targets = ctx.selection.targets_untracked();
        async move {
            let results = bulk::run(change, &targets, |id| tokens::act_checked(api.clone(), id, change)).await;
            tell(toasts, change, &results);
            chosen.set(None);
            ctx.selection.clear();
            report.set(Some((change, results)));
            ctx.refresh.notify();
        }
    });
    view! {
        <ConfirmDialog
            open=Signal::derive(move || chosen.get().is_some())
            title=Signal::derive(move || chosen.get().map(|c| format!("{} selected API tokens?", c.label())).unwrap_or_default())
            confirm_label=Signal::derive(move || chosen.get().map(|c| c.label().to_string()).unwrap_or_default())
            pending=run.pending()
            danger=true
            writes=true
            testid="bulk-dialog"
            typed=Signal::derive(move || {
                chosen.get().and_then(|c| c.typed_confirmation(&bulk::split_applicable(c, &ctx.selection.targets()).0.len().to_string()))
            })
            on_confirm=move |_| {
                if let Some(c) = chosen.get_untracked() {
                    run.dispatch_local(c);
                }
            }
            on_cancel=move |_| chosen.set(None)
        >
            <p>{move || chosen.get().map(|c| bulk::confirmation(c, &ctx.selection.targets()))}</p>
        </ConfirmDialog>
    }
}
