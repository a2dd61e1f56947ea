//! Audit `details` templates. The platform describes `details` as "the audit
//! details template. Any document property may be used as a placeholder";
//! `render()` fills the placeholders from the record's documents. Placeholders
//! are written `{{path.to.property}}` (spaces inside the braces allowed), as
//! in the platform's other templated messages.

use serde_json::Value;

fn lookup<'a>(documents: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(documents, |v, key| v.get(key))
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        Value::Array(items) => items.iter().map(text).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

/// `template` with every `{{path}}` replaced by that property of `documents`
/// (an empty string when there is none); the result holds no `{{` or `}}`.
pub fn render(template: &str, documents: &Value) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        match after.find("}}") {
            Some(close) => {
                let path = after[..close].trim();
                if let Some(v) = lookup(documents, path) {
                    out.push_str(&text(v));
                }
                rest = &after[close + 2..];
            }
            None => {
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.replace("{{", "").replace("}}", "")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn placeholders_are_filled_from_documents() {
        let docs = json!({"apiToken": {"id": "TKN-1", "name": "Robot", "modules": ["Billing", "Support"]}, "actor": {"name": "Sarah"}});
        assert_eq!(
            render(
                "{{ actor.name }} created {{apiToken.name}} ({{apiToken.id}}) with {{apiToken.modules}}.",
                &docs
            ),
            "Sarah created Robot (TKN-1) with Billing, Support."
        );
    }

    #[test]
    fn nothing_template_like_survives() {
        let docs = json!({});
        for t in ["{{missing}}", "a {{ b", "c }} d", "{{{{x}}}}", "{{a}}{{"] {
            let r = render(t, &docs);
            assert!(!r.contains("{{") && !r.contains("}}"), "{t} → {r}");
        }
    }
}
