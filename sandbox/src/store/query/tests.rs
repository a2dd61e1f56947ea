use super::*;
use crate::store::schema::ScopeRule;
use rql::parse_expr;

/// A small schema of the tests' own: tokens with a name, a last access and
/// a collection of modules, in a table `t`.
static ROBOTS: Resource = Resource {
    name: "Robot",
    from: "robots t",
    key: "t.id",
    always: "1 = 1",
    scope: ScopeRule::Column("t.account_id"),
    default_order: "t.id ASC",
    columns: &[
        Column::text("name", "t.name"),
        Column::date("lastAccessAt", "t.last_access_at"),
    ],
    collections: &[Collection {
        prop: "modules",
        exists: "SELECT 1 FROM token_modules tm JOIN modules m ON m.id = tm.module_id WHERE tm.token_id = t.id",
        items: &[Column::text("id", "m.id")],
    }],
    omitted_in_lists: &[],
    fields: &["id", "name", "lastAccessAt", "modules"],
    renders: false,
};

fn sql(filter: &str) -> Result<Sql, StoreError> {
    where_clause(&ROBOTS, &parse_expr(filter).unwrap())
}

#[test]
fn values_are_bound_never_inlined() {
    let s = sql(r#"eq(name,"x' OR 1=1 --")"#).unwrap();
    assert_eq!(s.text, "t.name = ?");
    assert_eq!(s.params, vec![SqlValue::Text("x' OR 1=1 --".into())]);
}

#[test]
fn property_names_are_case_insensitive_and_unknown_ones_refused() {
    assert_eq!(sql("eq(NAME,x)").unwrap().text, "t.name = ?");
    let StoreError::Query(e) = sql("eq(token_secret,x)").unwrap_err() else {
        panic!()
    };
    assert_eq!(e.message, "Invalid property path.");
    assert_eq!(e.path.as_deref(), Some("token_secret"));
}

#[test]
fn like_and_ilike_use_the_platforms_matching() {
    let s = sql(r#"ilike(name,"*50%_off\*")"#).unwrap();
    assert_eq!(s.text, "rql_like(t.name, ?, ?, ?, ?)");
    assert_eq!(
        s.params,
        vec![
            SqlValue::Integer(1),
            SqlValue::Text("50%_off*".into()),
            SqlValue::Integer(0),
            SqlValue::Integer(1)
        ]
    );
    assert_eq!(
        sql("like(name,Robot*)").unwrap().params.last(),
        Some(&SqlValue::Integer(0))
    );
}

#[test]
fn collections_become_exists_subqueries() {
    let s = sql("any(modules,eq(id,MOD-1234))").unwrap();
    assert!(s.text.starts_with("(EXISTS (SELECT 1 FROM token_modules"));
    let s2 = sql("eq(modules.id,MOD-1234)").unwrap();
    assert_eq!(s.params, s2.params);
    assert!(sql("eq(modules,MOD-1)").is_err());
    assert!(sql("any(modules)").unwrap().text.starts_with("(EXISTS"));
}

#[test]
fn dates_are_normalised_and_checked() {
    let s = sql("gt(lastAccessAt,2026-01-31T23:00:00Z)").unwrap();
    assert_eq!(s.params, vec![SqlValue::Text("2026-01-31T23:00:00.000Z".into())]);
    assert!(sql("gt(lastAccessAt,yesterday)").is_err());
    assert_eq!(sql("eq(lastAccessAt,null())").unwrap().text, "t.last_access_at IS NULL");
}
