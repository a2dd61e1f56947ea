//! The token form shared by Edit and the Add wizard: fields, checks that
//! mirror the API's, and the mapping of the API's field errors.

mod errors;
mod general_fields;
mod modules_picker;
mod submit;

pub use errors::{server_errors, step_of, Field, FormErrors};
pub use general_fields::GeneralFields;
pub use modules_picker::ModulesPicker;
pub use submit::Submit;

use crate::api::tokens::TokenDraft;
use crate::api::ApiToken;
use crate::components::LogoChoice;
use crate::model::validation::{check_description, check_name};
use leptos::prelude::*;

/// Which step a field lives on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
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
    /// Messages per field, and for the form as a whole.
    pub errors: RwSignal<FormErrors>,
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
    pub fn check(&self) -> Result<TokenDraft, FormErrors> {
        let mut errors = FormErrors::new();
        let name = check_name(&self.name).map_err(|e| errors.insert(Field::Name, e)).ok();
        let description = check_description(&self.description)
            .map_err(|e| errors.insert(Field::Description, e))
            .ok();
        if self.modules.is_empty() {
            errors.insert(Field::Modules, "Choose at least one module.".into());
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

impl TokenForm {
    /// A form holding `values`.
    pub fn new(values: FormValues) -> TokenForm {
        TokenForm {
            name: RwSignal::new(values.name),
            description: RwSignal::new(values.description),
            logo: RwSignal::new(values.logo),
            modules: RwSignal::new(values.modules),
            errors: RwSignal::new(FormErrors::new()),
        }
    }

    /// Replaces the values and clears the messages.
    pub fn load(&self, values: FormValues) {
        self.name.set(values.name);
        self.description.set(values.description);
        self.logo.set(values.logo);
        self.modules.set(values.modules);
        self.errors.set(FormErrors::new());
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
    pub fn error(&self, field: Field) -> Signal<Option<String>> {
        let errors = self.errors;
        Signal::derive(move || errors.with(|e| e.get(&field).cloned()))
    }

    /// Clears the message for `field` (the user changed it).
    pub fn clear_error(&self, field: Field) {
        self.errors.update(|e| {
            e.remove(&field);
        });
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
        assert_eq!(
            errors.keys().collect::<Vec<_>>(),
            [&Field::Name, &Field::Description, &Field::Modules]
        );
        assert_eq!(step_of(&errors), Some(Step::General));
    }
}
