//! Checking create and update bodies field by field, so every fault comes
//! back at once. Lenient where SoftwareOne's own clients rely on it: `"icon":
//! ""` means no logo, and an update may carry the create body, `account`
//! included (the official Python client's e2e suite sends exactly that).

use super::icon::{self, Icon, IconChange};
use super::{FieldErrors, Rejection};
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
    pub name: Option<String>,
    /// New description (`Some(None)` clears it).
    pub description: Option<Option<String>>,
    /// What happens to the logo.
    pub icon: IconChange,
    /// New module list.
    pub modules: Option<Vec<String>>,
    /// The account the body names (it must be the token's own).
    pub account_id: Option<String>,
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

    /// `null` or `""` is no logo, a data URL a new one, any other text a path.
    fn icon(&mut self, v: &Value, paths_allowed: bool) -> Option<IconChange> {
        match v {
            Value::Null => Some(IconChange::Remove),
            Value::String(s) if s.trim().is_empty() => Some(IconChange::Remove),
            Value::String(s) if s.starts_with("data:") => icon::decode_data_url(s)
                .map(IconChange::Set)
                .map_err(|m| self.add("icon", m))
                .ok(),
            Value::String(s) if paths_allowed => Some(IconChange::Path(s.clone())),
            _ => {
                self.add(
                    "icon",
                    "The logo must be a data URL (data:image/png;base64,… or data:image/jpeg;base64,…), an empty string or null.",
                );
                None
            }
        }
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

    fn account(&mut self, v: &Value) -> Option<String> {
        match v {
            Value::Null => None,
            Value::Object(acc) => {
                let id = acc.get("id").and_then(Value::as_str).map(str::to_string);
                if id.is_none() {
                    self.add("account.id", "The account id is required when an account is given.");
                }
                id
            }
            _ => {
                self.add("account", "The account must be an object with an id.");
                None
            }
        }
    }
}

/// The platform's module ids: `MOD-1234` (its schema's pattern).
pub fn is_module_id(id: &str) -> bool {
    id.len() == 8 && id.starts_with("MOD-") && id.bytes().skip(4).all(|c| c.is_ascii_digit())
}

fn as_object(body: &Value) -> Result<&Map<String, Value>, Rejection> {
    body.as_object()
        .ok_or_else(|| Rejection::Body("The request body must be a JSON object.".into()))
}

/// Checks a `CreateApiTokenDto`.
pub fn new_token(body: &Value) -> Result<NewToken, Rejection> {
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
        None => Some(None),
        Some(v) => c.icon(v, false).map(|change| match change {
            IconChange::Set(icon) => Some(icon),
            _ => None,
        }),
    };
    let account_id = obj.get("account").and_then(|v| c.account(v));
    match (name, description, modules, icon) {
        (Some(name), Some(description), Some(modules), Some(icon)) if c.errors.is_empty() => Ok(NewToken {
            name,
            description,
            icon,
            modules,
            account_id,
        }),
        _ => Err(Rejection::Fields(c.errors)),
    }
}

/// Checks an `UpdateApiTokenDto` (or a create body sent as an update).
pub fn token_changes(body: &Value) -> Result<TokenChanges, Rejection> {
    let obj = as_object(body)?;
    let mut c = Checker {
        errors: FieldErrors::new(),
    };
    c.unknown_fields(obj, &["account", "name", "icon", "description", "modules"], "");
    let name = obj.get("name").map(|v| c.name(v));
    let description = obj.get("description").map(|v| c.description(v));
    let modules = match obj.get("modules") {
        None | Some(Value::Null) => Some(None),
        Some(v) => c.modules(v).map(Some),
    };
    let icon = match obj.get("icon") {
        None => Some(IconChange::Keep),
        Some(v) => c.icon(v, true),
    };
    let account_id = obj.get("account").and_then(|v| c.account(v));
    // Each check returns None only after recording an error.
    match (icon, modules) {
        (Some(icon), Some(modules)) if c.errors.is_empty() => Ok(TokenChanges {
            name: name.flatten(),
            description: description.flatten(),
            icon,
            modules,
            account_id,
        }),
        _ => Err(Rejection::Fields(c.errors)),
    }
}

#[cfg(test)]
mod tests;
