//! The token form shared by Edit and the Add wizard: fields, checks that
//! mirror the API's, and the mapping of the API's field errors.

mod general_fields;
mod modules_picker;
mod submit;

pub use general_fields::GeneralFields;
pub use modules_picker::ModulesPicker;
pub use submit::Submit;

use crate::api::tokens::TokenDraft;
use crate::api::{ApiError, ApiToken};
use crate::components::LogoChoice;
use crate::model::validation::{check_description, check_name};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Which step a field lives on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Logo, name, description.
    General,
    Modules,
}

/// The form's values, each a signal.
#[derive(Clone, Copy)]
pub struct TokenForm {
    /// Name as typed.
    pub name: RwSignal<String>,
    /// Description as typed.
    pub description: RwSignal<String>,
    pub logo: RwSignal<LogoChoice>,
    /// Chosen module ids, in the order chosen.
    pub modules: RwSignal<Vec<String>>,
    /// Messages per field (`name`, `description`, `icon`, `modules`, `form`).
    pub errors: RwSignal<BTreeMap<String, String>>,
}

/// A snapshot of the values, to tell whether anything changed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FormValues {
    pub name: String,
    pub description: String,
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

/// The form field an API error key belongs to, whatever its case or
/// `$.`-style prefix: `$.Modules[0].id` → `modules`; `form` for any other.
pub fn field_of(api_key: &str) -> &'static str {
    let key = api_key.trim().trim_start_matches('$').trim_start_matches('.');
    let head = key.split(['.', '[']).next().unwrap_or_default();
    ["name", "description", "modules", "icon"]
        .into_iter()
        .find(|f| f.eq_ignore_ascii_case(head))
        .unwrap_or("form")
}

fn append(out: &mut BTreeMap<String, String>, field: &str, message: &str) {
    let entry = out.entry(field.to_string()).or_default();
    if !entry.is_empty() {
        entry.push(' ');
    }
    entry.push_str(message);
}

/// Messages per form field from an API error. The problem's title and
/// detail are always shown at form level, and so is any message whose key
/// is no field of the form (with its key): nothing the API said is dropped.
pub fn server_errors(e: &ApiError) -> BTreeMap<String, String> {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    match e {
        ApiError::Forbidden(_) => append(
            &mut out,
            "form",
            &format!("The API refused this with these credentials. {e}"),
        ),
        _ => append(&mut out, "form", &e.to_string()),
    }
    for f in e.field_errors() {
        let field = field_of(&f.key);
        for m in &f.messages {
            if field == "form" && !f.key.is_empty() {
                append(&mut out, field, &format!("{}: {m}", f.key));
            } else {
                append(&mut out, field, m);
            }
        }
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
    use crate::api::TokenStatus;

    #[test]
    fn values_of_a_token_and_checks() {
        let t = ApiToken {
            name: "Robot".into(),
            icon: Some("/v1/accounts/api-tokens/TKN-1/icon".into()),
            modules: vec![crate::api::Module {
                id: "MOD-1255".into(),
                ..Default::default()
            }],
            status: TokenStatus::Active,
            ..Default::default()
        };
        let v = FormValues::of(&t);
        let draft = v.check().unwrap();
        assert_eq!(draft.icon.as_deref(), Some("/v1/accounts/api-tokens/TKN-1/icon"));
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
    fn api_field_errors_land_on_their_fields_whatever_their_shape() {
        let map = ApiError::from_response(
            400,
            r#"{"title":"Bad Request","detail":"One or more validation errors occurred.",
                "errors":{"modules[0].id":["bad id"],"Modules":["unknown"],"$.name":["taken"],"colour":["unknown field"]}}"#,
        );
        let e = server_errors(&map);
        assert_eq!(e["name"], "taken");
        assert!(e["modules"].contains("bad id") && e["modules"].contains("unknown"));
        assert_eq!(
            e["form"],
            "Bad Request: One or more validation errors occurred. colour: unknown field"
        );
        let array = ApiError::from_response(
            400,
            r#"{"title":"Token update failed","errors":[{"message":"Logo too large","properties":["Icon"]},{"message":"Try later"}]}"#,
        );
        let e = server_errors(&array);
        assert_eq!(e["icon"], "Logo too large");
        assert_eq!(e["form"], "Token update failed Try later");
        assert_eq!(step_of(&e), Some(Step::General));
        let e = server_errors(&ApiError::Network("offline".into()));
        assert!(e["form"].contains("could not be reached"));
        let only_modules: BTreeMap<String, String> = [("modules".to_string(), "x".to_string())].into();
        assert_eq!(step_of(&only_modules), Some(Step::Modules));
    }
}
