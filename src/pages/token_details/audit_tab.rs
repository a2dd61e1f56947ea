//! The token's audit trail, newest first, paged.

use crate::api::audit::{self, AuditRecord};
use crate::api::use_load;
use crate::components::{Appearance, Button, DateTime, LoadSection};
use crate::model::format::without_placeholders;
use leptos::prelude::*;

/// Records per page.
const PER_PAGE: u32 = 10;

/// Audit records whose object is token `id`.
#[component]
pub fn AuditTab(id: String) -> impl IntoView {
    let page = RwSignal::new(0u32);
    let records = use_load(
        move || (id.clone(), page.get() * PER_PAGE),
        |api, (id, offset)| async move { audit::for_object(&api, &id, PER_PAGE, offset).await },
    );
    view! {
        <LoadSection
            loading="Loading the audit trail"
            failed="The audit trail could not be loaded"
            refused="These credentials may not read this token's audit trail."
            on_retry=move |()| records.refetch()
        >
            {move || Suspend::new(async move {
                records.await.map(|p| {
                    let total = p.total();
                    let first = u64::from(page.get_untracked() * PER_PAGE);
                    let shown = p.data.len() as u64;
                    let pages = total.div_ceil(u64::from(PER_PAGE)).max(1);
                    view! {
                        <AuditTable rows=p.data />
                        <nav class="pagination" aria-label="Audit trail pages">
                            <Button appearance=Appearance::Quiet disabled=Signal::derive(move || page.get() == 0) on_click=move |()| page.update(|p| *p = p.saturating_sub(1))>
                                "← Newer"
                            </Button>
                            <Button
                                appearance=Appearance::Quiet
                                testid="audit-older"
                                disabled=Signal::derive(move || u64::from(page.get()) + 1 >= pages)
                                on_click=move |()| page.update(|p| *p += 1)
                            >
                                "Older →"
                            </Button>
                            <span class="range" data-testid="audit-range">
                                {if shown == 0 { format!("0 of {total} records") } else { format!("{}–{} of {total} records", first + 1, first + shown) }}
                            </span>
                        </nav>
                    }
                })
            })}
        </LoadSection>
    }
}

#[component]
fn AuditTable(rows: Vec<AuditRecord>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="muted">"No audit records for this token."</p> }.into_any();
    }
    view! {
        <table class="plain-table" data-testid="audit-table">
            <thead>
                <tr>
                    <th scope="col">"When"</th>
                    <th scope="col">"Who"</th>
                    <th scope="col">"What"</th>
                </tr>
            </thead>
            <tbody>
                <For each=move || rows.clone() key=|r| r.id.clone() let:r>
                    <tr data-testid="audit-row">
                        <td data-label="When"><DateTime at=r.timestamp.clone() /></td>
                        <td data-label="Who">
                            {r.actor.clone().map(|a| {
                                let account = a.account.map(|acc| match acc.account_type {
                                    Some(kind) => format!("{} · {kind}", acc.name),
                                    None => acc.name,
                                });
                                view! {
                                    <div class="cell-stack" data-testid="audit-actor">
                                        <span>{a.name}</span>
                                        <span class="sub">{a.id}</span>
                                        {account.map(|acc| view! { <span class="sub" data-testid="audit-actor-account">{acc}</span> })}
                                    </div>
                                }
                            })}
                        </td>
                        <td data-label="What">
                            <div class="cell-stack">
                                <span data-testid="audit-details">{without_placeholders(&r.details)}</span>
                                <span class="sub">{r.event.clone()}</span>
                            </div>
                        </td>
                    </tr>
                </For>
            </tbody>
        </table>
    }
    .into_any()
}
