//! Where a message on the token form belongs: each field, or the form as a
//! whole; and the mapping of the API's field errors onto them, whatever
//! their case, `$.` prefix or shape. Nothing the API said is dropped.

use super::Step;
use crate::api::ApiError;
use std::collections::BTreeMap;

/// A place on the token form a message belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Name,
    Description,
    /// The logo.
    Icon,
    Modules,
    /// The form as a whole.
    Form,
}

/// Messages on the form, one text per place.
pub type FormErrors = BTreeMap<Field, String>;

impl Field {
    /// The fields the API names, by the API's own name.
    const NAMED: [Field; 4] = [Field::Name, Field::Description, Field::Modules, Field::Icon];

    /// The API's name of the field, and the form's test ids (`name-input`).
    pub fn key(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Description => "description",
            Field::Icon => "icon",
            Field::Modules => "modules",
            Field::Form => "form",
        }
    }

    /// The field an API error key belongs to, whatever its case or `$.`-style
    /// prefix: `$.Modules[0].id` → modules; the form for any other.
    pub fn of_api_key(api_key: &str) -> Field {
        let key = api_key.trim().trim_start_matches('$').trim_start_matches('.');
        let head = key.split(['.', '[']).next().unwrap_or_default();
        Field::NAMED
            .into_iter()
            .find(|f| f.key().eq_ignore_ascii_case(head))
            .unwrap_or(Field::Form)
    }

    /// The step that shows the field (none for the form as a whole).
    pub fn step(self) -> Option<Step> {
        match self {
            Field::Name | Field::Description | Field::Icon => Some(Step::General),
            Field::Modules => Some(Step::Modules),
            Field::Form => None,
        }
    }
}

fn append(out: &mut FormErrors, field: Field, message: &str) {
    let entry = out.entry(field).or_default();
    if !entry.is_empty() {
        entry.push(' ');
    }
    entry.push_str(message);
}

/// Messages per form field from an API error. The problem's title and
/// detail are always shown at form level, and so is any message whose key
/// is no field of the form (with its key): nothing the API said is dropped.
pub fn server_errors(e: &ApiError) -> FormErrors {
    let mut out = FormErrors::new();
    match e {
        ApiError::Forbidden(_) => append(
            &mut out,
            Field::Form,
            &format!("The API refused this with these credentials. {e}"),
        ),
        _ => append(&mut out, Field::Form, &e.to_string()),
    }
    for f in e.field_errors() {
        let field = Field::of_api_key(&f.key);
        for m in &f.messages {
            if field == Field::Form && !f.key.is_empty() {
                append(&mut out, field, &format!("{}: {m}", f.key));
            } else {
                append(&mut out, field, m);
            }
        }
    }
    out
}

/// The step that shows the first of `errors` (fields in step order).
pub fn step_of(errors: &FormErrors) -> Option<Step> {
    errors.keys().filter_map(|f| f.step()).min()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_field_errors_land_on_their_fields_whatever_their_shape() {
        let map = ApiError::from_response(
            400,
            r#"{"title":"Bad Request","detail":"One or more validation errors occurred.",
                "errors":{"modules[0].id":["bad id"],"Modules":["unknown"],"$.name":["taken"],"colour":["unknown field"]}}"#,
        );
        let e = server_errors(&map);
        assert_eq!(e[&Field::Name], "taken");
        assert!(e[&Field::Modules].contains("bad id") && e[&Field::Modules].contains("unknown"));
        assert_eq!(
            e[&Field::Form],
            "Bad Request: One or more validation errors occurred. colour: unknown field"
        );
        let array = ApiError::from_response(
            400,
            r#"{"title":"Token update failed","errors":[{"message":"Logo too large","properties":["Icon"]},{"message":"Try later"}]}"#,
        );
        let e = server_errors(&array);
        assert_eq!(e[&Field::Icon], "Logo too large");
        assert_eq!(e[&Field::Form], "Token update failed Try later");
        assert_eq!(step_of(&e), Some(Step::General));
        let e = server_errors(&ApiError::Network("offline".into()));
        assert!(e[&Field::Form].contains("could not be reached"));
        let only_modules: FormErrors = [(Field::Modules, "x".to_string())].into();
        assert_eq!(step_of(&only_modules), Some(Step::Modules));
        assert_eq!(step_of(&[(Field::Form, "x".to_string())].into()), None);
    }
}
