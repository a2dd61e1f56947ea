//! Saved views: a select of the views kept in this browser (and the
//! platform's "Default view"), and saving, renaming and deleting them. The
//! URL still describes what is shown; a view is a shortcut to a URL.

use super::columns::{format_hidden, parse_hidden};
mod name_dialog;

use super::{go_to, use_list_context, Column};
use crate::app::nav::use_go;
use crate::app::stored::{use_stored, Area};
use crate::components::{use_toasts, Appearance, Button};
use crate::model::list_state::ListState;
use crate::model::views::{self, SavedView};
use leptos::prelude::*;
use name_dialog::{NameDialog, Naming, ViewNaming};

const VIEWS_KEY: &str = "tokens-console.views";
/// The select's value while the list matches no saved view.
const UNSAVED: &str = "\u{1}unsaved";

/// The saved views, stored per browser, and a setter.
fn use_views() -> (Memo<Vec<SavedView>>, Callback<Vec<SavedView>>) {
    let (stored, set_stored, _) = use_stored(Area::Local, VIEWS_KEY);
    let list = Memo::new(move |_| stored.with(|s| views::parse(s)));
    (
        list,
        Callback::new(move |v: Vec<SavedView>| set_stored.set(views::format(&v))),
    )
}

/// The view select and its buttons.
#[component]
pub fn ViewBar(set_hidden: Callback<Vec<Column>>) -> impl IntoView {
    let ctx = use_list_context();
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
    let naming = RwSignal::new(None::<Naming>);
    let toasts = use_toasts();
    let delete = move |()| {
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
            <Button appearance=Appearance::Quiet testid="view-save" on_click=move |()| naming.set(Some(Naming::Save))>"Save view"</Button>
            <Show when=move || current().is_some()>
                <Button appearance=Appearance::Quiet testid="view-rename" on_click=move |()| naming.set(current().map(Naming::Rename))>"Rename"</Button>
                <Button appearance=Appearance::Quiet testid="view-delete" on_click=delete>"Delete view"</Button>
            </Show>
        </div>
        <NameDialog views=ViewNaming { naming, saved, store, hidden, chosen } />
    }
}
