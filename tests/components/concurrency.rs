//! Several administrators and a busy API: the Edit conflict view and the
//! countdowns of the connection banner.

use crate::support::{click, find, mount, provide_console, texts, until, Mounted};
use leptos::prelude::*;
use tokens_console::api::{Actor, ApiToken, Audit, Availability, Event, Module};
use tokens_console::app::connection::{provide_connection, Connection};
use tokens_console::components::{Button, ConnectionBanner};
use tokens_console::pages::token_details::{ConflictView, EditConflict, Resolution};
use tokens_console::pages::token_form::FormValues;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

fn token(name: &str, description: &str) -> ApiToken {
    ApiToken {
        id: "TKN-1".into(),
        name: name.into(),
        description: Some(description.into()),
        modules: vec![Module {
            id: "MOD-1".into(),
            name: "Billing".into(),
            ..Default::default()
        }],
        audit: Some(Audit {
            updated: Some(Event {
                at: Some("2026-12-06T09:30:00Z".into()),
                by: Some(Actor {
                    id: "USR-1".into(),
                    name: "Ana Colleague".into(),
                }),
            }),
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn checked(root: &web_sys::HtmlElement, css: &str) -> bool {
    find(root, css).unchecked_into::<web_sys::HtmlInputElement>().checked()
}

#[wasm_bindgen_test]
async fn the_conflict_view_shows_both_sides_and_saves_the_choices_made() {
    let base = FormValues::of(&token("Robot", "Nightly"));
    let mine = FormValues {
        name: "Robot (mine)".into(),
        ..base.clone()
    };
    let conflict = EditConflict::between(&base, &mine, token("Robot (theirs)", "Hourly")).expect("a conflict");
    let resolved = RwSignal::new(None::<Resolution>);
    let root = mount(move || {
        view! { <ConflictView conflict mine names=vec![] on_resolve=move |r| resolved.set(Some(r)) /> }
    });
    assert!(
        texts(&root, ".conflict-notice")[0].contains("Ana Colleague"),
        "who changed it"
    );
    let name = texts(&root, "[data-testid=conflict-name]")[0].clone();
    assert!(
        name.contains("Robot (mine)") && name.contains("Robot (theirs)"),
        "{name}"
    );
    // Both changed the name: mine first. Only they changed the description: theirs first.
    assert!(checked(&root, "[data-testid=conflict-name-mine]"));
    assert!(checked(&root, "[data-testid=conflict-description-theirs]"));
    assert!(
        texts(&root, "[data-testid=conflict-modules]").is_empty(),
        "modules are not in question"
    );

    click(&root, "[data-testid=conflict-name-theirs]");
    click(&root, "[data-testid=conflict-save]");
    let Some(Resolution::Save(saved)) = resolved.get_untracked() else {
        panic!("saved")
    };
    assert_eq!(
        (saved.name.as_str(), saved.description.as_str()),
        ("Robot (theirs)", "Hourly")
    );

    click(&root, "[data-testid=conflict-keep-mine]");
    let Some(Resolution::Save(kept)) = resolved.get_untracked() else {
        panic!("kept")
    };
    assert_eq!(
        (kept.name.as_str(), kept.description.as_str()),
        ("Robot (mine)", "Nightly")
    );

    click(&root, "[data-testid=conflict-take-theirs]");
    assert_eq!(resolved.get_untracked(), Some(Resolution::TakeTheirs));
}

/// Mounts `view` in a console with a connection, and hands the connection out.
fn with_connection<N: IntoView + 'static>(view: impl FnOnce() -> N + 'static) -> (Connection, Mounted) {
    let given = std::rc::Rc::new(std::cell::Cell::new(None));
    let root = mount({
        let given = given.clone();
        move || {
            provide_console();
            given.set(Some(provide_connection()));
            view()
        }
    });
    (given.get().expect("the connection"), root)
}

#[wasm_bindgen_test]
async fn a_waiting_read_counts_down_and_stopping_it_ends_the_wait() {
    let (connection, root) = with_connection(|| view! { <ConnectionBanner /> });
    assert!(
        texts(&root, "[data-testid=connection-banner]").is_empty(),
        "quiet while the API answers"
    );
    let waited = RwSignal::new(None::<bool>);
    let wait = connection.wait(3_000, None);
    leptos::task::spawn_local(async move { waited.set(Some(wait.await)) });
    until("the countdown", || {
        texts(&root, "[data-testid=connection-banner]")
            .first()
            .is_some_and(|t| t.contains("Retrying in 3 s"))
    })
    .await;
    until("a second later", || {
        texts(&root, "[data-testid=connection-banner]")
            .first()
            .is_some_and(|t| t.contains("Retrying in 2 s"))
    })
    .await;
    click(&root, "[data-testid=stop-waiting]");
    until("the read gives up", || waited.get_untracked() == Some(false)).await;
    until("the banner goes", || {
        texts(&root, "[data-testid=connection-banner]").is_empty()
    })
    .await;
}

#[wasm_bindgen_test]
async fn writes_are_held_with_the_seconds_left_and_then_released() {
    let (connection, root) = with_connection(|| {
        view! {
            <ConnectionBanner />
            <Button testid="save" writes=true on_click=|()| {}>"Save"</Button>
        }
    });
    connection.hold_writes(Some(js_sys::Date::now() as i64 + 1_500));
    let save = || find(&root, "[data-testid=save]").unchecked_into::<web_sys::HtmlButtonElement>();
    until("held", || {
        save().disabled()
            && save()
                .text_content()
                .unwrap_or_default()
                .starts_with("Try again in 2 s")
    })
    .await;
    assert!(texts(&root, "[data-testid=connection-banner]")[0].contains("try again in"));
    until("released when the time is up", || {
        !save().disabled() && save().text_content().as_deref() == Some("Save")
    })
    .await;
    until("the banner goes", || {
        texts(&root, "[data-testid=connection-banner]").is_empty()
    })
    .await;
}
