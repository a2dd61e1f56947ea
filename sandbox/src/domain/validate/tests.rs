use super::*;
use serde_json::json;

fn errors(r: Rejection) -> FieldErrors {
    match r {
        Rejection::Fields(f) => f,
        Rejection::Body(b) => panic!("expected field errors, got {b}"),
    }
}

#[test]
fn create_trims_and_dedupes() {
    let t =
        new_token(&json!({"name": "  Robot  ", "description": "  ", "modules": [{"id":"MOD-1255"},{"id":"MOD-1255"}]}))
            .unwrap();
    assert_eq!(t.name, "Robot");
    assert_eq!(t.description, None);
    assert_eq!(t.modules, vec!["MOD-1255"]);
}

#[test]
fn create_accepts_the_official_clients_body() {
    let t = new_token(&json!({
        "account": {"id": "ACC-9042-0088"}, "name": "E2E Test API Token",
        "description": "E2E API Token created during E2E tests", "icon": "", "modules": [{"id": "MOD-1756"}]
    }))
    .unwrap();
    assert!(t.icon.is_none());
    assert_eq!(t.account_id.as_deref(), Some("ACC-9042-0088"));
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
    assert!(errors(new_token(&json!({})).unwrap_err()).contains_key("name"));
    let e = errors(new_token(&json!({"name": "x".repeat(NAME_MAX + 1)})).unwrap_err());
    assert!(e["name"][0].contains("100"));
    // A path cannot be a new token's logo.
    assert!(errors(new_token(&json!({"name": "x", "icon": "/v1/x"})).unwrap_err()).contains_key("icon"));
    assert!(matches!(new_token(&json!([1])), Err(Rejection::Body(_))));
}

#[test]
fn update_icon_semantics() {
    assert_eq!(token_changes(&json!({})).unwrap().icon, IconChange::Keep);
    assert_eq!(
        token_changes(&json!({"icon": "/v1/accounts/api-tokens/TKN-1/icon"}))
            .unwrap()
            .icon,
        IconChange::Path("/v1/accounts/api-tokens/TKN-1/icon".into())
    );
    assert_eq!(token_changes(&json!({"icon": null})).unwrap().icon, IconChange::Remove);
    assert_eq!(token_changes(&json!({"icon": ""})).unwrap().icon, IconChange::Remove);
    assert!(token_changes(&json!({"name": ""})).is_err());
    assert_eq!(
        token_changes(&json!({"description": null})).unwrap().description,
        Some(None)
    );
}

#[test]
fn update_tolerates_the_create_body() {
    let c = token_changes(&json!({
        "account": {"id": "ACC-9042-0088"}, "name": "E2E Updated API Token",
        "description": "d", "icon": "", "modules": [{"id": "MOD-1756"}]
    }))
    .unwrap();
    assert_eq!(c.account_id.as_deref(), Some("ACC-9042-0088"));
    assert_eq!(c.name.as_deref(), Some("E2E Updated API Token"));
}
