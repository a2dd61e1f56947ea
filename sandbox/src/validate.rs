//! Checking create and update bodies field by field, so every problem comes
//! back at once in the problem's `errors` map.

use crate::icon::{self, Icon, IconChange};
use crate::problem::{FieldErrors, Problem};
use serde_json::{Map, Value};

/// Longest token name, in characters, after trimming.
pub const NAME_MAX: usize = 100;
/// Longest description, in characters.
pub const DESCRIPTION_MAX: usize = 500;
/// Most modules one token can be given.
pub const MODULES_MAX: usize = 50;

/// A checked create request.
#[derive(Debug, Clone)]
pub struct NewToken {
    /// Trimmed name.
    pub name: String,
    /// Trimmed description, `None` when empty.
    pub description: Option<String>,
    /// Checked logo.
    pub icon: Option<Icon>,
    /// Module ids, without duplicates, in the given order.
    pub modules: Vec<String>,
    /// Account id, if the body named one.
    pub account_id: Option<String>,
}

/// A checked update request: `None` means "leave as it is".
#[derive(Debug, Clone)]
pub struct TokenChanges {
    /// New name.
    pub name: Option<String>,
    /// New description (`Some(None)` clears it).
    pub description: Option<Option<String>>,
    /// What happens to the logo.
    pub icon: IconChange,
    /// New module list.
    pub modules: Option<Vec<String>>,
}

struct Checker {
    errors: FieldErrors,
}

impl Checker {
    fn add(&mut self, field: &str, msg: impl Into<String>) {
        self.errors.entry(field.to_string()).or_default().push(msg.into());
    }

    fn unknown_fields(&mut self, obj: &Map<String, Value>, allowed: &[&str], prefix: &str) {
        for key in obj.keys().filter(|k| !allowed.contains(&k.as_str())) {
            self.add(
                &format!("{prefix}{key}"),
                format!("'{key}' is not a field of this request."),
            );
        }
    }

    fn name(&mut self, v: &Value) -> Option<String> {
        let Some(s) = v.as_str() else {
            self.add("name", "The name must be a string.");
            return None;
        };
        let name = s.trim();
        if name.is_empty() {
            self.add("name", "The name is required.");
        } else if name.chars().count() > NAME_MAX {
            self.add("name", format!("The name must be at most {NAME_MAX} characters."));
        } else if name.chars().any(char::is_control) {
            self.add(
                "name",
                "The name cannot contain control characters such as line breaks.",
            );
        } else {
            return Some(name.to_string());
        }
        None
    }

    /// A new logo from a data URL string; `None`, with the reason recorded, otherwise.
    fn data_url_icon(&mut self, v: &Value) -> Option<Icon> {
        let decoded = match v {
            Value::String(s) => icon::decode_data_url(s),
            _ => Err("The logo must be a data URL string or null.".into()),
        };
        decoded.map_err(|msg| self.add("icon", msg)).ok()
    }

    fn description(&mut self, v: &Value) -> Option<Option<String>> {
        match v {
            Value::Null => Some(None),
            Value::String(s) => {
                let d = s.trim();
                if d.chars().count() > DESCRIPTION_MAX {
                    self.add(
                        "description",
                        format!("The description must be at most {DESCRIPTION_MAX} characters."),
                    );
                    None
                } else {
                    Some((!d.is_empty()).then(|| d.to_string()))
                }
            }
            _ => {
                self.add("description", "The description must be a string or null.");
                None
            }
        }
    }

    fn modules(&mut self, v: &Value) -> Option<Vec<String>> {
        let items = match v {
            Value::Null => return Some(Vec::new()),
            Value::Array(items) => items,
            _ => {
                self.add("modules", "Modules must be a list of {\"id\": \"MOD-1234\"} objects.");
                return None;
            }
        };
        if items.len() > MODULES_MAX {
            self.add("modules", format!("A token can have at most {MODULES_MAX} modules."));
            return None;
        }
        let mut ids: Vec<String> = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let field = format!("modules[{i}].id");
            let Some(obj) = item.as_object() else {
                self.add(&format!("modules[{i}]"), "Each module must be an object with an id.");
                ok = false;
                continue;
            };
            self.unknown_fields(obj, &["id"], &format!("modules[{i}]."));
            match obj.get("id").and_then(Value::as_str) {
                Some(id) if is_module_id(id) => {
                    if !ids.iter().any(|x| x == id) {
                        ids.push(id.to_string());
                    }
                }
                Some(id) => {
                    self.add(&field, format!("'{id}' is not a module id (MOD-1234)."));
                    ok = false;
                }
                None => {
                    self.add(&field, "The module id is required.");
                    ok = false;
                }
            }
        }
        ok.then_some(ids)
    }
}

fn is_module_id(id: &str) -> bool {
    id.len() == 8 && id.starts_with("MOD-") && id[4..].chars().all(|c| c.is_ascii_digit())
}

fn as_object(body: &Value) -> Result<&Map<String, Value>, Problem> {
    body.as_object()
        .ok_or_else(|| Problem::bad_request("The request body must be a JSON object."))
}

/// Checks a `CreateApiTokenDto`.
pub fn new_token(body: &Value) -> Result<NewToken, Problem> {
    let obj = as_object(body)?;
    let mut c = Checker {
        errors: FieldErrors::new(),
    };
    c.unknown_fields(obj, &["account", "name", "icon", "description", "modules"], "");
    let name = match obj.get("name") {
        Some(v) => c.name(v),
        None => {
            c.add("name", "The name is required.");
            None
        }
    };
    let description = obj.get("description").map(|v| c.description(v)).unwrap_or(Some(None));
    let modules = obj.get("modules").map(|v| c.modules(v)).unwrap_or(Some(Vec::new()));
    let icon = match obj.get("icon") {
        None | Some(Value::Null) => Some(None),
        Some(v) => c.data_url_icon(v).map(Some),
    };
    let account_id = match obj.get("account") {
        None | Some(Value::Null) => None,
        Some(Value::Object(acc)) => {
            c.unknown_fields(acc, &["id"], "account.");
            let id = acc.get("id").and_then(Value::as_str).map(str::to_string);
            if id.is_none() {
                c.add("account.id", "The account id is required when an account is given.");
            }
            id
        }
        Some(_) => {
            c.add("account", "The account must be an object with an id.");
            None
        }
    };
    match (name, description, modules, icon) {
        (Some(name), Some(description), Some(modules), Some(icon)) if c.errors.is_empty() => Ok(NewToken {
            name,
            description,
            icon,
            modules,
            account_id,
        }),
        _ => Err(Problem::validation(c.errors)),
    }
}

/// Checks an `UpdateApiTokenDto`; `current_icon` is the token's icon path, which
/// may be sent back unchanged.
pub fn token_changes(body: &Value, current_icon: Option<&str>) -> Result<TokenChanges, Problem> {
    let obj = as_object(body)?;
    let mut c = Checker {
        errors: FieldErrors::new(),
    };
    c.unknown_fields(obj, &["name", "icon", "description", "modules"], "");
    let name = obj.get("name").map(|v| c.name(v));
    let description = obj.get("description").map(|v| c.description(v));
    let modules = match obj.get("modules") {
        None | Some(Value::Null) => Some(None),
        Some(v) => c.modules(v).map(Some),
    };
    let icon = match obj.get("icon") {
        None => Some(IconChange::Keep),
        Some(Value::Null) => Some(IconChange::Remove),
        Some(Value::String(s)) if s.is_empty() => Some(IconChange::Remove),
        Some(Value::String(s)) if Some(s.as_str()) == current_icon => Some(IconChange::Keep),
        Some(v) => c.data_url_icon(v).map(IconChange::Set),
    };
    // Each check returns None only after recording an error.
    match (icon, modules) {
        (Some(icon), Some(modules)) if c.errors.is_empty() => Ok(TokenChanges {
            name: name.flatten(),
            description: description.flatten(),
            icon,
            modules,
        }),
        _ => Err(Problem::validation(c.errors)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn errors(p: Problem) -> FieldErrors {
        p.errors.expect("a validation problem")
    }

    #[test]
    fn create_trims_and_dedupes() {
        let t = new_token(
            &json!({"name": "  Robot  ", "description": "  ", "modules": [{"id":"MOD-1255"},{"id":"MOD-1255"}]}),
        )
        .unwrap();
        assert_eq!(t.name, "Robot");
        assert_eq!(t.description, None);
        assert_eq!(t.modules, vec!["MOD-1255"]);
    }

    #[test]
    fn create_reports_every_bad_field() {
        let e = errors(
            new_token(&json!({
                "name": " ", "description": "x".repeat(DESCRIPTION_MAX + 1), "modules": [{"id":"MOD-12"}],
                "icon": "data:image/gif;base64,R0lG", "colour": "red"
            }))
            .unwrap_err(),
        );
        for f in ["name", "description", "modules[0].id", "icon", "colour"] {
            assert!(e.contains_key(f), "{f} in {e:?}");
        }
        let e = errors(new_token(&json!({})).unwrap_err());
        assert!(e.contains_key("name"));
        let e = errors(new_token(&json!({"name": "x".repeat(NAME_MAX + 1)})).unwrap_err());
        assert!(e["name"][0].contains("100"));
    }

    #[test]
    fn update_icon_semantics() {
        assert_eq!(
            token_changes(&json!({}), Some("/static/icons/a.png")).unwrap().icon,
            IconChange::Keep
        );
        assert_eq!(
            token_changes(&json!({"icon": "/static/icons/a.png"}), Some("/static/icons/a.png"))
                .unwrap()
                .icon,
            IconChange::Keep
        );
        assert_eq!(
            token_changes(&json!({"icon": null}), None).unwrap().icon,
            IconChange::Remove
        );
        assert!(token_changes(&json!({"icon": "/static/icons/other.png"}), Some("/static/icons/a.png")).is_err());
        assert!(token_changes(&json!({"name": ""}), None).is_err());
        assert_eq!(
            token_changes(&json!({"description": null}), None).unwrap().description,
            Some(None)
        );
    }
}
