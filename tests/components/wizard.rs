//! The Add wizard's stepper and the checks that gate Next.

use crate::support::{mount, texts};
use leptos::prelude::*;
use tokens_console::pages::add_wizard::{Stepper, Wizard, WizardStep};
use tokens_console::pages::token_form::{Field, FormValues};
use wasm_bindgen_test::*;

fn enabled_steps(root: &web_sys::HtmlElement) -> Vec<String> {
    let list = root
        .query_selector_all("[data-testid=stepper] button:not([disabled])")
        .unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.text_content())
        .collect()
}

#[wasm_bindgen_test]
async fn next_moves_only_when_the_step_passes_and_earlier_steps_stay_reachable() {
    let wizard = RwSignal::new(None::<Wizard>);
    let root = mount(move || {
        let w = Wizard::new(FormValues::default());
        wizard.set(Some(w));
        view! { <Stepper wizard=w /> }
    });
    let w = wizard.get_untracked().unwrap();
    assert_eq!(texts(&root, "[aria-current=step]"), ["1. General"]);
    assert!(
        enabled_steps(&root).is_empty(),
        "nothing to go back to yet, nothing ahead reachable"
    );

    w.next();
    assert_eq!(w.step.get_untracked(), WizardStep::General, "no name: stays");
    assert!(w.form.errors.get_untracked().contains_key(&Field::Name));
    assert!(
        !w.form.errors.get_untracked().contains_key(&Field::Modules),
        "modules are not this step's business"
    );

    w.form.name.set("Robot".into());
    w.next();
    assert_eq!(w.step.get_untracked(), WizardStep::Modules);
    w.next();
    assert_eq!(w.step.get_untracked(), WizardStep::Modules, "no module: stays");
    assert!(w.form.errors.get_untracked().contains_key(&Field::Modules));

    w.form.modules.set(vec!["MOD-1255".into()]);
    w.next();
    assert_eq!(w.step.get_untracked(), WizardStep::Overview);
    leptos::task::tick().await;
    assert_eq!(texts(&root, "[aria-current=step]"), ["3. Overview"]);
    assert_eq!(enabled_steps(&root), ["1. General", "2. Modules"]);

    w.next();
    assert_eq!(
        w.step.get_untracked(),
        WizardStep::Overview,
        "only Add leaves the Overview"
    );
    w.back();
    assert_eq!(w.step.get_untracked(), WizardStep::Modules);
    assert!(w.has_input());
}

#[wasm_bindgen_test]
async fn after_the_token_exists_no_step_can_be_revisited() {
    let wizard = RwSignal::new(None::<Wizard>);
    let root = mount(move || {
        let w = Wizard::new(FormValues {
            name: "Robot".into(),
            modules: vec!["MOD-1".into()],
            ..FormValues::default()
        });
        wizard.set(Some(w));
        view! { <Stepper wizard=w /> }
    });
    let w = wizard.get_untracked().unwrap();
    w.created.set(Some(Default::default()));
    w.step.set(WizardStep::Summary);
    leptos::task::tick().await;
    assert_eq!(texts(&root, "[aria-current=step]"), ["4. Summary"]);
    assert!(enabled_steps(&root).is_empty());
    w.back();
    assert_eq!(w.step.get_untracked(), WizardStep::Summary);
    assert!(!w.has_input(), "nothing to lose once added");
}
