//! Exporting every token the current search and filters match (all pages,
//! in the list's order) as CSV or JSON: metadata only, never a value.

use super::use_list_context;
use crate::api::modules::{self, use_shared_modules, Available};
use crate::api::{tokens, use_api, Account, ApiClient, ApiError, ApiToken};
use crate::app::account::use_account;
use crate::app::download::save_text;
use crate::components::lazy::{split_point, LazyDialog};
use crate::components::toasts::ToastHandle;
use crate::components::{use_toasts, Appearance, Button, Modal};
use crate::model::export::ExportFormat;
use crate::model::format::format_instant;
use crate::model::list_state::{ListState, Scope};
use leptos::prelude::*;

/// The toolbar's Export button and its dialog.
#[component]
pub fn ExportButton() -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <Button appearance=Appearance::Quiet testid="export" on_click=move |()| open.set(true)>
            "Export"
        </Button>
        <LazyDialog open render=move || render_export_dialog(open) />
    }
}

split_point!(export_dialog, render_export_dialog, |open: RwSignal<bool>| view! {
    <ExportDialog open />
});

/// Every token `state` lists in `account` (whose module list the page
/// shares as `modules`) as of `now_ms`, all pages, while
/// `progress(read, total)` says to go on.
async fn read_all(
    api: &ApiClient,
    account: &Account,
    modules: LocalResource<Result<Available, ApiError>>,
    state: &ListState,
    now_ms: i64,
    progress: impl Fn(u64, u64) -> bool,
) -> Result<Vec<ApiToken>, ApiError> {
    let module_ids = modules::ids_if(api, account, modules, state.needs_module_ids()).await?;
    let scope = Scope {
        account: &account.id,
        now_ms,
        module_ids: &module_ids,
    };
    tokens::list_all(api, &state.to_rql(&scope), progress).await
}

/// Saves `found` in `format` as read in `account_id` at `now_ms`, and says so.
fn save(found: &[ApiToken], format: ExportFormat, account_id: &str, now_ms: i64, toasts: ToastHandle) {
    let rows: Vec<_> = found.iter().map(|t| t.export_row()).collect();
    let name = format.file_name(account_id, &format_instant(now_ms));
    match save_text(&name, format.mime(), &format.write(&rows)) {
        Ok(()) => toasts.success(format!("Exported {} API tokens", rows.len()), name),
        Err(e) => toasts.error("The export could not be saved", e),
    }
}

/// The export dialog. Closing it (Cancel, Esc) stops a reading under way
/// after the page being read, and saves nothing.
#[component]
fn ExportDialog(open: RwSignal<bool>) -> impl IntoView {
    let close = Callback::new(move |()| open.set(false));
    view! {
        <Modal open title="Export API tokens" on_close=close testid="export-dialog">
            <Export close />
        </Modal>
    }
}

/// Chooses the format, reads every page with progress, saves the file.
/// Made at each opening: its reading goes on only while it is there.
#[component]
fn Export(close: Callback<()>) -> impl IntoView {
    let ctx = use_list_context();
    let (api, toasts, account) = (use_api(), use_toasts(), use_account());
    let modules = use_shared_modules(account.clone());
    let format = RwSignal::new(ExportFormat::Csv);
    let progress = RwSignal::new(None::<(u64, u64)>);
    let run = Action::new_local(move |format: &ExportFormat| {
        let (api, account, format) = (api.clone(), account.clone(), *format);
        let state = ctx.state.get_untracked();
        async move {
            let now = js_sys::Date::now() as i64;
            // Closing the dialog disposes `progress`: then the reading stops.
            let read = read_all(&api, &account, modules, &state, now, |read, total| {
                progress.try_set(Some((read, total))).is_none()
            })
            .await;
            progress.try_set(None);
            match read {
                Ok(found) => {
                    save(&found, format, &account.id, now, toasts);
                    close.try_run(());
                }
                Err(ApiError::Aborted) => {}
                Err(e) => toasts.error("The API tokens could not be exported", e.to_string()),
            }
        }
    });
    view! {
        <div class="dialog-body">
            <p>
                {move || if ctx.state.with(|s| s.is_filtered()) {
                    "Every API token that matches the current search and filters, all pages, in the list's order."
                } else {
                    "Every API token of the account, in the list's order."
                }}
                " Token values are never exported."
            </p>
            <fieldset class="export-format">
                <legend>"Format"</legend>
                {ExportFormat::ALL.into_iter().map(|f| view! {
                    <label>
                        <input
                            type="radio"
                            name="export-format"
                            value=f.label()
                            prop:checked=move || format.get() == f
                            on:change=move |_| format.set(f)
                        />
                        " "{f.label()}
                    </label>
                }).collect_view()}
            </fieldset>
            <p role="status" data-testid="export-progress">
                {move || progress.get().map(|(read, total)| format!("Read {read} of {total} API tokens…"))}
            </p>
        </div>
        <div class="dialog-actions">
            <Button testid="cancel" on_click=close>"Cancel"</Button>
            <Button
                appearance=Appearance::Primary
                testid="confirm"
                busy=run.pending()
                busy_label="Working…"
                on_click=move |()| {
                    run.dispatch_local(format.get_untracked());
                }
            >
                "Export"
            </Button>
        </div>
    }
}
