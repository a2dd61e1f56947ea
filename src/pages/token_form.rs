//! The token form shared by Edit and the Add wizard: fields, checks that
//! mirror the API's, and the mapping of the API's field errors.

mod general_fields;
mod modules_picker;

pub use general_fields::GeneralFields;
pub use modules_picker::ModulesPicker;

use crate::api::tokens::TokenDraft;
use crate::api::{ApiError, ApiToken};
use crate::components::LogoChoice;
use crate::validation::{check_description, check_name};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Which step a field lives on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Logo, name, description.
    General,
    /// Modules.
    Modules,
}

/// The form's values, each a signal.
#[derive(Clone, Copy)]
pub struct TokenForm {
    /// Name as typed.
    pub name: RwSignal<String>,
    /// Description as typed.
    pub description: RwSignal<String>,
    /// Logo.
    pub logo: RwSignal<LogoChoice>,
    /// Chosen module ids, in the order chosen.
    pub modules: RwSignal<Vec<String>>,
    /// Messages per field (`name`, `description`, `icon`, `modules`, `form`).
    pub errors: RwSignal<BTreeMap<String, String>>,
}

/// A snapshot of the values, to tell whether anything changed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FormValues {
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Logo.
    pub logo: LogoChoice,
    /// Module ids.
    pub modules: Vec<String>,
}

impl FormValues {
    /// The values of an existing token.
    pub fn of(token: &ApiToken) -> FormValues {
        FormValues {
            name: token.name.clone(),
            description: token.description.clone().unwrap_or_default(),
            logo: token
                .icon
                .clone()
                .filter(|i| !i.is_empty())
                .map(LogoChoice::Current)
                .unwrap_or_default(),
            modules: token.modules.iter().map(|m| m.id.clone()).collect(),
        }
    }

    /// Checks the values; on success the draft to send, otherwise messages per field.
    pub fn check(&self) -> Result<TokenDraft, BTreeMap<String, String>> {
        let mut errors = BTreeMap::new();
        let name = check_name(&self.name)
            .map_err(|e| errors.insert("name".to_string(), e))
            .ok();
        let description = check_description(&self.description)
            .map_err(|e| errors.insert("description".into(), e))
            .ok();
        if self.modules.is_empty() {
            errors.insert("modules".into(), "Choose at least one module.".into());
        }
        match (name, description) {
            (Some(name), Some(description)) if errors.is_empty() => Ok(TokenDraft {
                name,
                description,
                icon: self.logo.icon_value(),
                modules: self.modules.clone(),
            }),
            _ => Err(errors),
        }
    }
}

/// The form field an API error key belongs to: `modules[0].id` → `modules`.
pub fn field_of(api_key: &str) -> String {
    let head = api_key.split(['.', '[']).next().unwrap_or_default();
    match head {
        "name" | "description" | "modules" => head.to_string(),
        "icon" => "icon".to_string(),
        _ => "form".to_string(),
    }
}

/// Messages per form field from an API error (`form` for anything else).
pub fn server_errors(e: &ApiError) -> BTreeMap<String, String> {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    for (key, messages) in e.field_errors() {
        let entry = out.entry(field_of(&key)).or_default();
        for m in messages {
            if !entry.is_empty() {
                entry.push(' ');
            }
            entry.push_str(&m);
        }
    }
    if out.is_empty() {
        out.insert("form".into(), e.to_string());
    }
    out
}

/// The step that shows the first of `errors`.
pub fn step_of(errors: &BTreeMap<String, String>) -> Option<Step> {
    if ["name", "description", "icon"].iter().any(|k| errors.contains_key(*k)) {
        Some(Step::General)
    } else if errors.contains_key("modules") {
        Some(Step::Modules)
    } else {
        None
    }
}

impl TokenForm {
    /// A form holding `values`.
    pub fn new(values: FormValues) -> TokenForm {
        TokenForm {
            name: RwSignal::new(values.name),
            description: RwSignal::new(values.description),
            logo: RwSignal::new(values.logo),
            modules: RwSignal::new(values.modules),
            errors: RwSignal::new(BTreeMap::new()),
        }
    }

    /// Replaces the values and clears the messages.
    pub fn load(&self, values: FormValues) {
        self.name.set(values.name);
        self.description.set(values.description);
        self.logo.set(values.logo);
        self.modules.set(values.modules);
        self.errors.set(BTreeMap::new());
    }

    /// The current values (untracked).
    pub fn values(&self) -> FormValues {
        FormValues {
            name: self.name.get_untracked(),
            description: self.description.get_untracked(),
            logo: self.logo.get_untracked(),
            modules: self.modules.get_untracked(),
        }
    }

    /// The message for `field`, if any (tracked).
    pub fn error(&self, field: &'static str) -> Signal<Option<String>> {
        let errors = self.errors;
        Signal::derive(move || errors.with(|e| e.get(field).cloned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Problem, TokenStatus};

    #[test]
    fn values_of_a_token_and_checks() {
        let t = ApiToken {
            name: "Robot".into(),
            icon: Some("/static/icons/a.png".into()),
            modules: vec![crate::api::Module {
                id: "MOD-1255".into(),
                ..Default::default()
            }],
            status: TokenStatus::Active,
            ..Default::default()
        };
        let v = FormValues::of(&t);
        let draft = v.check().unwrap();
        assert_eq!(draft.icon.as_deref(), Some("/static/icons/a.png"));
        assert_eq!(draft.description, None);
        let bad = FormValues {
            name: " ".into(),
            description: "d".repeat(501),
            modules: vec![],
            ..v
        };
        let errors = bad.check().unwrap_err();
        assert_eq!(errors.keys().collect::<Vec<_>>(), ["description", "modules", "name"]);
        assert_eq!(step_of(&errors), Some(Step::General));
    }

    #[test]
    fn api_field_errors_land_on_their_fields() {
        let mut problem = Problem::default();
        problem.errors.insert("modules[0].id".into(), vec!["bad id".into()]);
        problem.errors.insert("modules".into(), vec!["unknown".into()]);
        problem.errors.insert("name".into(), vec!["taken".into()]);
        problem.errors.insert("colour".into(), vec!["unknown field".into()]);
        let e = server_errors(&ApiError::Problem(Box::new(problem)));
        assert_eq!(e["name"], "taken");
        assert!(e["modules"].contains("bad id") && e["modules"].contains("unknown"));
        assert_eq!(e["form"], "unknown field");
        let e = server_errors(&ApiError::Network("offline".into()));
        assert!(e["form"].contains("could not be reached"));
        let only_modules: BTreeMap<String, String> = [("modules".to_string(), "x".to_string())].into();
        assert_eq!(step_of(&only_modules), Some(Step::Modules));
    }
}
