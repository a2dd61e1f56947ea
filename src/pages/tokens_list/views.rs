//! Saved views: a select of the views kept in this browser (and the
//! platform's "Default view"), and saving, renaming and deleting them. The
//! URL still describes what is shown; a view is a shortcut to a URL.

use super::columns::{format_hidden, parse_hidden};
use super::{go_to, Column, ListContext};
use crate::app::nav::use_go;
use crate::components::{use_toasts, ConfirmDialog};
use crate::model::list_state::ListState;
use crate::model::views::{self, SavedView};
use codee::string::FromToStringCodec;
use leptos::prelude::*;
use leptos_use_storage::use_local_storage;

const VIEWS_KEY: &str = "tokens-console.views";
/// The select's value while the list matches no saved view.
const UNSAVED: &str = "\u{1}unsaved";

/// The saved views, stored per browser, and a setter.
fn use_views() -> (Memo<Vec<SavedView>>, Callback<Vec<SavedView>>) {
    let (stored, set_stored, _) = use_local_storage::<String, FromToStringCodec>(VIEWS_KEY);
    let list = Memo::new(move |_| stored.with(|s| views::parse(s)));
    (
        list,
        Callback::new(move |v: Vec<SavedView>| set_stored.set(views::format(&v))),
    )
}

/// The view select and its buttons.
#[component]
pub fn ViewBar(set_hidden: Callback<Vec<Column>>) -> impl IntoView {
    let ctx = expect_context::<ListContext>();
    let (saved, store) = use_views();
    let hidden = Memo::new(move |_| format_hidden(&ctx.hidden.get()));
    // The view last chosen or saved: it names the list when several match.
    let chosen = RwSignal::new(None::<String>);
    // The name of the view shown: a saved one, "" for the default, or UNSAVED.
    let shown = Memo::new(move |_| {
        let (state, hidden, chosen) = (ctx.state.get(), hidden.get(), chosen.get());
        let matching = |v: &&SavedView| v.is_shown(&state, &hidden);
        let found = saved.with(|vs| {
            let mut all = vs.iter().filter(matching);
            let first = all.clone().next();
            all.find(|v| Some(&v.name) == chosen.as_ref())
                .or(first)
                .map(|v| v.name.clone())
        });
        match found {
            Some(name) => name,
            None if SavedView::of("", &ListState::default(), "").is_shown(&state, &hidden) => String::new(),
            None => UNSAVED.into(),
        }
    });
    let current = move || Some(shown.get()).filter(|n| !n.is_empty() && n != UNSAVED);
    let go = use_go();
    let choose = move |name: String| {
        let view = saved.with_untracked(|vs| vs.iter().find(|v| v.name == name).cloned());
        let view = view.unwrap_or_else(|| SavedView::of("", &ListState::default(), ""));
        chosen.set(Some(view.name.clone()));
        set_hidden.run(parse_hidden(&view.hidden));
        go_to(&go, &view.state(), false);
    };
    let naming = RwSignal::new(None::<Option<String>>);
    let toasts = use_toasts();
    let delete = move |_| {
        if let Some(name) = current() {
            store.run(views::remove(&saved.get_untracked(), &name));
            toasts.success("View deleted", name);
        }
    };
    view! {
        <div class="view-bar">
            <label class="filter">
                <span class="visually-hidden">"View"</span>
                <select data-testid="view-select" on:change:target=move |ev| choose(ev.target().value())>
                    <option value="" prop:selected=move || shown.get().is_empty()>"Default view"</option>
                    <For each=move || saved.get() key=|v| v.name.clone() let:v>
                        <option value=v.name.clone() prop:selected={
                            let name = v.name.clone();
                            move || shown.get() == name
                        }>{v.name.clone()}</option>
                    </For>
                    <option value=UNSAVED disabled=true hidden=move || shown.get() != UNSAVED prop:selected=move || shown.get() == UNSAVED>
                        "Unsaved view"
                    </option>
                </select>
            </label>
            <button type="button" class="btn btn-quiet" data-testid="view-save" on:click=move |_| naming.set(Some(None))>"Save view"</button>
            <Show when=move || current().is_some()>
                <button type="button" class="btn btn-quiet" data-testid="view-rename" on:click=move |_| naming.set(Some(current()))>"Rename"</button>
                <button type="button" class="btn btn-quiet" data-testid="view-delete" on:click=delete>"Delete view"</button>
            </Show>
        </div>
        <NameDialog naming saved store hidden chosen />
    }
}

/// Asks a view's name: `Some(None)` to save the list as a view (a new one,
/// or one of the same name again), `Some(Some(old))` to rename `old`.
#[component]
fn NameDialog(
    naming: RwSignal<Option<Option<String>>>,
    saved: Memo<Vec<SavedView>>,
    store: Callback<Vec<SavedView>>,
    hidden: Memo<String>,
    chosen: RwSignal<Option<String>>,
) -> impl IntoView {
    let ctx = expect_context::<ListContext>();
    let (typed, problem) = (RwSignal::new(String::new()), RwSignal::new(None::<String>));
    Effect::new(move |_| {
        if let Some(old) = naming.get() {
            typed.set(old.unwrap_or_default());
            problem.set(None);
        }
    });
    let renaming = move || naming.get().flatten();
    let confirm = move |_| {
        let old = renaming();
        let all = saved.get_untracked();
        let result = views::check_name(&typed.get_untracked(), &all, old.as_deref()).and_then(|name| {
            let view = match all.iter().find(|v| Some(&v.name) == old.as_ref()) {
                Some(v) => SavedView { name, ..v.clone() },
                None => SavedView::of(&name, &ctx.state.get_untracked(), &hidden.get_untracked()),
            };
            let name = view.name.clone();
            views::save(&all, view, old.as_deref()).map(|next| (name, next))
        });
        match result {
            Ok((name, next)) => {
                chosen.set(Some(name));
                store.run(next);
                naming.set(None);
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    view! {
        <ConfirmDialog
            open=Signal::derive(move || naming.get().is_some())
            title=Signal::derive(move || if renaming().is_some() { "Rename view".to_string() } else { "Save view".to_string() })
            confirm_label=Signal::derive(move || if renaming().is_some() { "Rename".to_string() } else { "Save".to_string() })
            pending=Signal::stored(false)
            testid="view-dialog"
            on_confirm=confirm
            on_cancel=move |_| naming.set(None)
        >
            <p class="muted">"Keeps the search, filters, sort, rows per page and columns under a name, in this browser."</p>
            <div class="field">
                <label for="view-name">"View name"</label>
                <input id="view-name" type="text" autocomplete="off" maxlength="60" data-testid="view-name"
                    aria-invalid=move || problem.get().is_some().to_string() aria-describedby="view-name-error"
                    prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev)) />
                <p id="view-name-error" class="form-error" role="alert">{move || problem.get()}</p>
            </div>
        </ConfirmDialog>
    }
}
