use super::*;
use crate::{CmpOp, Value};

#[test]
fn parses_the_documented_example() {
    let q = Query::parse(
        "and(eq(status,Active),ilike(name,*robot*))&order=-audit.created.at&select=audit&limit=10&offset=20",
    )
    .unwrap();
    assert!(matches!(q.filter, Some(Expr::And(_))));
    assert_eq!(q.order, vec![OrderField::desc("audit.created.at")]);
    assert_eq!(q.select, vec![SelectField::include("audit")]);
    assert_eq!((q.limit, q.offset), (Some(10), Some(20)));
}

#[test]
fn reads_what_the_official_python_client_sends() {
    // Lists: filter raw with single quotes, %20 for spaces, render() last.
    let q = Query::parse("limit=100&offset=0&select=-name&and(eq(id,'TKN-8857-1729'),eq(name,'E2E%20Seeded%20Token'))")
        .unwrap();
    assert_eq!(
        q.filter,
        Some(Expr::And(vec![
            Expr::eq("id", "TKN-8857-1729"),
            Expr::eq("name", "E2E Seeded Token")
        ]))
    );
    assert_eq!(
        q.select,
        vec![SelectField {
            prop: "name".into(),
            exclude: true
        }]
    );
    let q = Query::parse("limit=100&offset=0&eq(object.id,'PRD-7255-3950')&render()").unwrap();
    assert!(q.render);
    // Single reads: httpx turns render() into `render%28%29=`.
    let q = Query::parse("select=object%2Cactor%2Cdetails&render%28%29=").unwrap();
    assert!(q.render && q.filter.is_none());
    assert_eq!(q.select.len(), 3);
}

#[test]
fn top_level_parts_and_shortcuts_are_anded() {
    let q = Query::parse("name=Robot&eq(status,Active)").unwrap();
    assert_eq!(
        q.filter,
        Some(Expr::And(vec![Expr::eq("name", "Robot"), Expr::eq("status", "Active")]))
    );
    // An or across parts re-associates exactly as on the platform.
    let q = Query::parse("a=1|b=2&c=3").unwrap();
    assert_eq!(
        q.filter,
        Some(Expr::Or(vec![
            Expr::eq("a", "1"),
            Expr::And(vec![Expr::eq("b", "2"), Expr::eq("c", "3")])
        ]))
    );
}

#[test]
fn plus_is_a_space_and_signs_follow_the_platform() {
    let q = Query::parse("order=+name,-lastAccessAt&select=+audit").unwrap();
    assert_eq!(q.order, vec![OrderField::asc("name"), OrderField::desc("lastAccessAt")]);
    assert_eq!(q.select, vec![SelectField::include("audit")]);
    // A raw + in a value is a space, as it is for the platform.
    let q = Query::parse("gt(audit.created.at,2020-01-01T00:00:00+00:00)").unwrap();
    let Some(Expr::Cmp {
        value: Value::Text(t),
        op: CmpOp::Gt,
        ..
    }) = q.filter
    else {
        panic!()
    };
    assert_eq!(t, "2020-01-01T00:00:00 00:00");
}

#[test]
fn a_repeated_key_keeps_its_first_value() {
    let q = Query::parse("limit=5&limit=50&status=Active&status=Disabled").unwrap();
    assert_eq!(q.limit, Some(5));
    assert_eq!(q.filter, Some(Expr::eq("status", "Active")));
}

#[test]
fn bad_parameters_are_errors_that_name_the_fault() {
    for (bad, key) in [
        ("limit=-1", "limit"),
        ("limit=ten", "limit"),
        ("offset=1.5", "offset"),
        ("order=", "order:no_props"),
        ("order=a..b", "a..b"),
        ("justtext", "justtext"),
        ("name=", ""),
    ] {
        let e = Query::parse(bad).unwrap_err();
        if !key.is_empty() {
            assert_eq!(e.key(), key, "{bad}: {e}");
        }
    }
    assert!(Query::parse("%zz").is_err());
}

#[test]
fn written_queries_parse_back_identically() {
    let q = Query {
        filter: Expr::all_of(vec![
            Expr::contains("name", "a&b=c\"),x(*+#%"),
            Expr::is_in("status", ["Active", "Disabled"]),
        ]),
        order: vec![OrderField::desc("audit.created.at"), OrderField::asc("name")],
        select: vec![SelectField::include("audit")],
        limit: Some(25),
        offset: Some(50),
        render: true,
    };
    let s = q.to_query_string().unwrap();
    for c in ['"', '\'', '+', '#', ' '] {
        assert!(!s.contains(c), "{c} is percent-encoded: {s}");
    }
    assert_eq!(Query::parse(&s).unwrap(), q);
}
