use super::*;
use crate::api::Module;

fn token(name: &str, description: &str, modules: &[&str]) -> ApiToken {
    ApiToken {
        id: "TKN-1".into(),
        name: name.into(),
        description: Some(description.into()),
        modules: modules
            .iter()
            .map(|id| Module {
                id: (*id).into(),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

#[test]
fn only_what_they_changed_is_in_question_and_each_choice_saves_what_it_says() {
    let base = FormValues::of(&token("Robot", "Nightly", &["MOD-1", "MOD-2"]));
    let mine = FormValues {
        name: "Robot (mine)".into(),
        description: "Hourly".into(),
        ..base.clone()
    };
    // They renamed it too, and reordered the same modules (no change).
    let now = token("Robot (theirs)", "Nightly", &["MOD-2", "MOD-1"]);
    let conflict = EditConflict::between(&base, &mine, now).expect("a conflict");
    assert_eq!(conflict.questions, [(ConflictField::Name, Side::Mine)]);
    let kept = conflict.merged(&mine, |_| Some(Side::Mine));
    assert_eq!(
        (kept.name.as_str(), kept.description.as_str()),
        ("Robot (mine)", "Hourly")
    );
    let taken = conflict.merged(&mine, |_| Some(Side::Theirs));
    // Theirs for the name; my description (they did not touch it) stays.
    assert_eq!(
        (taken.name.as_str(), taken.description.as_str()),
        ("Robot (theirs)", "Hourly")
    );
}

#[test]
fn nothing_is_in_question_when_they_changed_nothing_the_form_holds() {
    let base = FormValues::of(&token("Robot", "Nightly", &["MOD-1"]));
    let mine = FormValues {
        name: "Renamed".into(),
        ..base.clone()
    };
    assert_eq!(
        EditConflict::between(&base, &mine, token("Robot", "Nightly", &["MOD-1"])),
        None
    );
    // They made the very change I made: nothing to ask.
    assert_eq!(
        EditConflict::between(&base, &mine, token("Renamed", "Nightly", &["MOD-1"])),
        None
    );
}
