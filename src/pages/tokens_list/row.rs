//! One token's row.

use super::cells::{CreatedByCell, ModulesCell, TokenCell};
use super::{use_list_context, Column};
use crate::api::ApiToken;
use crate::components::{DateTime, StatusBadge, TokenMenu, UsageMarker};
use leptos::prelude::*;

/// A row of the tokens table; usage markers as of `now` (epoch ms). Hidden
/// columns are hidden by a class around the table (see `hiding_classes`).
#[component]
pub fn TokenRow(token: ApiToken, now: i64) -> impl IntoView {
    let ctx = use_list_context();
    let target = token.target();
    let created = token.created().cloned().unwrap_or_default();
    // Moved out, not cloned: a page builds a hundred rows at once.
    let ApiToken {
        id,
        name,
        icon,
        status,
        last_access_at,
        modules,
        ..
    } = token;
    let (row_id, cell_id, cell_name) = (id.clone(), id.clone(), name.clone());
    // This row's own flag: checking another row does not touch this one.
    let selected = ctx.selection.flag(&id);
    let (select_label, menu_label) = (format!("Select {name}"), format!("Actions for {name}"));
    view! {
        <tr data-testid="token-row" data-id=row_id data-status=status.label()>
            <td class="select">
                <input
                    type="checkbox"
                    aria-label=select_label
                    data-testid="select-row"
                    prop:checked=move || selected.get()
                    on:change:target=move |ev| ctx.selection.set(std::slice::from_ref(&target), ev.target().checked())
                />
            </td>
            <td><TokenCell id=cell_id name=cell_name icon /></td>
            <td class=Column::Modules.class() data-label=Column::Modules.label()><ModulesCell modules /></td>
            <td class=Column::CreatedBy.class() data-label=Column::CreatedBy.label()><CreatedByCell by=created.by /></td>
            <td class=Column::Created.class() data-label=Column::Created.label()><DateTime at=created.at /></td>
            <td class=Column::LastAccess.class() data-label=Column::LastAccess.label() data-testid="last-access">
                <DateTime at=last_access_at.clone() empty="" />
                <UsageMarker last_access_at now_ms=now />
            </td>
            <td class=Column::Status.class() data-label=Column::Status.label()><StatusBadge status /></td>
            <td class="actions">
                <TokenMenu
                    label=menu_label
                    id
                    name
                    status
                    with_edit=true
                    on_change=move |p| ctx.pending.set(Some(p))
                />
            </td>
        </tr>
    }
}
