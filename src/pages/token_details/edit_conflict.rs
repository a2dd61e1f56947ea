//! Someone else saved the token while it was being edited: instead of
//! saving over their change, the Edit dialog shows, field by field, yours
//! and theirs, and saves what the administrator chooses. Nothing typed is
//! lost until they choose. (The API has no `ETag`/`If-Match`: the token is
//! read again right before the `PUT`; see the README.)

use crate::api::ApiToken;
use crate::app::locale::browser_formatters;
use crate::components::{Appearance, Button, LogoChoice};
use crate::model::conflict::{question, resolve, Side};
use crate::model::format::parse_instant;
use crate::pages::token_form::FormValues;
use leptos::prelude::*;

/// A field two administrators may both change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictField {
    Name,
    Description,
    Logo,
    Modules,
}

impl ConflictField {
    const ALL: [ConflictField; 4] = [
        ConflictField::Name,
        ConflictField::Description,
        ConflictField::Logo,
        ConflictField::Modules,
    ];

    fn label(self) -> &'static str {
        match self {
            ConflictField::Name => "Name",
            ConflictField::Description => "Description",
            ConflictField::Logo => "Logo",
            ConflictField::Modules => "Modules",
        }
    }

    fn key(self) -> &'static str {
        match self {
            ConflictField::Name => "name",
            ConflictField::Description => "description",
            ConflictField::Logo => "logo",
            ConflictField::Modules => "modules",
        }
    }
}

/// Module ids as a set: the API does not keep the order they were chosen in.
fn module_set(ids: &[String]) -> Vec<String> {
    let mut ids = ids.to_vec();
    ids.sort();
    ids.dedup();
    ids
}

/// The token as the other administrator left it, and the fields in question
/// with the side offered first.
#[derive(Debug, Clone, PartialEq)]
pub struct EditConflict {
    /// Their token, as read right before saving.
    pub token: ApiToken,
    /// Its form values.
    pub theirs: FormValues,
    /// The fields in question, in form order, with the side offered first.
    pub questions: Vec<(ConflictField, Side)>,
}

impl EditConflict {
    /// The conflict between what the form opened with (`base`), what was
    /// typed (`mine`) and the token as it is now; `None` when nothing of
    /// theirs would be overwritten.
    pub fn between(base: &FormValues, mine: &FormValues, now: ApiToken) -> Option<EditConflict> {
        let theirs = FormValues::of(&now);
        let questions: Vec<_> = ConflictField::ALL
            .into_iter()
            .filter_map(|f| {
                let side = match f {
                    ConflictField::Name => question(&base.name, &mine.name, &theirs.name),
                    ConflictField::Description => question(&base.description, &mine.description, &theirs.description),
                    ConflictField::Logo => question(&base.logo, &mine.logo, &theirs.logo),
                    ConflictField::Modules => question(
                        &module_set(&base.modules),
                        &module_set(&mine.modules),
                        &module_set(&theirs.modules),
                    ),
                };
                side.map(|s| (f, s))
            })
            .collect();
        (!questions.is_empty()).then_some(EditConflict {
            token: now,
            theirs,
            questions,
        })
    }

    /// What to save: each field in question from the side `choice` gives
    /// it, every other field as typed.
    pub fn merged(&self, mine: &FormValues, choice: impl Fn(ConflictField) -> Option<Side>) -> FormValues {
        let t = &self.theirs;
        // A field not in question has no choice: it is saved as typed.
        let choice = |f: ConflictField| self.questions.iter().any(|(q, _)| *q == f).then(|| choice(f)).flatten();
        FormValues {
            name: resolve(&mine.name, &t.name, choice(ConflictField::Name)),
            description: resolve(&mine.description, &t.description, choice(ConflictField::Description)),
            logo: resolve(&mine.logo, &t.logo, choice(ConflictField::Logo)),
            modules: resolve(&mine.modules, &t.modules, choice(ConflictField::Modules)),
        }
    }

    /// How a field's value reads in the comparison.
    fn shown(&self, field: ConflictField, values: &FormValues, names: &[(String, String)]) -> String {
        match field {
            ConflictField::Name => values.name.clone(),
            ConflictField::Description if values.description.is_empty() => "(none)".into(),
            ConflictField::Description => values.description.clone(),
            ConflictField::Logo => match &values.logo {
                LogoChoice::None => "No logo".into(),
                LogoChoice::Current(_) => "The saved logo".into(),
                LogoChoice::New { file_name, .. } => format!("New image {file_name}"),
            },
            ConflictField::Modules => values
                .modules
                .iter()
                .map(|id| {
                    names
                        .iter()
                        .find(|(i, _)| i == id)
                        .map_or(id.as_str(), |(_, n)| n.as_str())
                })
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

/// How the administrator resolved the conflict.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolution {
    /// Save these values over theirs.
    Save(FormValues),
    /// Keep their token as it is; save nothing.
    TakeTheirs,
}

/// The comparison and the three ways on. `names` are module names by id,
/// for the Modules row.
#[component]
pub fn ConflictView(
    conflict: EditConflict,
    mine: FormValues,
    names: Vec<(String, String)>,
    #[prop(into)] on_resolve: Callback<Resolution>,
) -> impl IntoView {
    // The choices live as long as the comparison is shown.
    let choices: Vec<(ConflictField, RwSignal<Side>)> = conflict
        .questions
        .iter()
        .map(|(f, s)| (*f, RwSignal::new(*s)))
        .collect();
    let rows = choices
        .iter()
        .map(|(field, side)| {
            let (yours, theirs) = (
                conflict.shown(*field, &mine, &names),
                conflict.shown(*field, &conflict.theirs, &names),
            );
            view! { <ConflictRow field=*field side=*side yours theirs /> }
        })
        .collect_view();
    let who = conflict
        .token
        .updated()
        .and_then(|u| u.by.clone())
        .map(|a| a.name)
        .filter(|n| !n.is_empty());
    let at = conflict
        .token
        .updated()
        .and_then(|u| u.at.as_deref().and_then(parse_instant))
        .map(|ms| {
            let (day, time) = browser_formatters().date_time(ms);
            format!("on {day} at {time} ")
        });
    let save = {
        let (conflict, mine, choices) = (conflict.clone(), mine.clone(), choices.clone());
        move |all: Option<Side>| {
            let pick = |f: ConflictField| {
                all.or_else(|| choices.iter().find(|(c, _)| *c == f).map(|(_, s)| s.get_untracked()))
            };
            on_resolve.run(Resolution::Save(conflict.merged(&mine, pick)));
        }
    };
    let keep_mine = save.clone();
    view! {
        <div class="conflict" data-testid="edit-conflict">
            <p class="conflict-notice" role="alert">
                <strong>{who.unwrap_or_else(|| "Someone".into())}</strong>
                " changed this API token "
                {at}
                "while you were editing it. Nothing was saved. Choose what to keep; your other changes stay."
            </p>
            <table class="conflict-table">
                <thead><tr><th scope="col">"Field"</th><th scope="col">"Yours"</th><th scope="col">"Theirs"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <div class="dialog-actions">
                <Button testid="conflict-take-theirs" on_click=move |()| on_resolve.run(Resolution::TakeTheirs)>"Take theirs"</Button>
                <Button testid="conflict-keep-mine" writes=true on_click=move |()| keep_mine(Some(Side::Mine))>"Keep mine"</Button>
                <Button appearance=Appearance::Primary testid="conflict-save" writes=true on_click=move |()| save(None)>
                    "Save these choices"
                </Button>
            </div>
        </div>
    }
}

/// One field: yours and theirs, each a radio button.
#[component]
fn ConflictRow(field: ConflictField, side: RwSignal<Side>, yours: String, theirs: String) -> impl IntoView {
    let choice = move |s: Side, text: String| {
        view! {
            <td>
                <label class="conflict-choice">
                    <input
                        type="radio"
                        name=format!("conflict-{}", field.key())
                        data-testid=format!("conflict-{}-{}", field.key(), if s == Side::Mine { "mine" } else { "theirs" })
                        prop:checked=move || side.get() == s
                        on:change=move |_| side.set(s)
                    />
                    <span>{text}</span>
                </label>
            </td>
        }
    };
    view! {
        <tr data-testid=format!("conflict-{}", field.key())>
            <th scope="row">{field.label()}</th>
            {choice(Side::Mine, yours)}
            {choice(Side::Theirs, theirs)}
        </tr>
    }
}

#[cfg(test)]
mod tests;
