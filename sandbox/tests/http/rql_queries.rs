use crate::support::*;
use serde_json::{json, Value};

/// The whole seeded list with audit, for computing expectations.
async fn everything(api: &Api) -> Vec<Value> {
    rows(&api.list("select=audit&limit=100").await).clone()
}

fn ids(rows: &[Value]) -> Vec<String> {
    rows.iter().map(|t| t["id"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn filters_match_what_they_say() {
    let api = Api::start().await;
    let all = everything(&api).await;
    let disabled: Vec<_> = all.iter().filter(|t| t["status"] == "Disabled").cloned().collect();
    assert!(!disabled.is_empty());
    let list = api.list("eq(status,Disabled)&limit=100").await;
    assert_eq!(total(&list) as usize, disabled.len());
    assert!(rows(&list).iter().all(|t| t["status"] == "Disabled"));
    assert_eq!(
        total(&api.list("status=Disabled").await) as usize,
        disabled.len(),
        "prop=value shortcut"
    );
    assert_eq!(
        total(&api.list("ne(status,Disabled)").await) as usize,
        all.len() - disabled.len()
    );
    assert_eq!(
        total(&api.list("in(status,(Active,Disabled))").await) as usize,
        all.len()
    );
    assert_eq!(total(&api.list("out(status,(Active))").await) as usize, disabled.len());
    assert_eq!(
        total(&api.list("not(eq(status,Active))").await) as usize,
        disabled.len()
    );
    assert_eq!(
        total(&api.list("or(eq(status,Disabled),eq(status,Active))").await) as usize,
        all.len()
    );

    let robots = api.list("ilike(name,*ROBOT*)&order=name").await;
    assert_eq!(names(&robots), ["Robot 1", "Robot 2", "Robot 3"]);
    assert_eq!(names(&api.list("name=%22Robot%202%22").await), ["Robot 2"]);

    let never = api.list("eq(lastAccessAt,null())").await;
    let expected = all.iter().filter(|t| t["lastAccessAt"].is_null()).count();
    assert!(expected > 0);
    assert_eq!(total(&never) as usize, expected);
    assert_eq!(
        total(&api.list("ne(lastAccessAt,null())").await) as usize,
        all.len() - expected
    );

    let cutoff = "2026-01-01T00:00:00.000Z";
    let since = api.list(&format!("gt(lastAccessAt,{cutoff})")).await;
    let expected = all
        .iter()
        .filter(|t| t["lastAccessAt"].as_str().is_some_and(|a| a > cutoff))
        .count();
    assert_eq!(total(&since) as usize, expected);
}

#[tokio::test]
async fn module_filters_use_the_collection() {
    let api = Api::start().await;
    let all = everything(&api).await;
    let has = |t: &Value| t["modules"].as_array().unwrap().iter().any(|m| m["id"] == "MOD-1255");
    let expected: Vec<_> = all.iter().filter(|t| has(t)).cloned().collect();
    assert!(!expected.is_empty() && expected.len() < all.len());
    let any = api.list("any(modules,eq(id,MOD-1255))").await;
    let dotted = api.list("eq(modules.id,MOD-1255)").await;
    assert_eq!(total(&any) as usize, expected.len());
    assert_eq!(ids(rows(&any)), ids(rows(&dotted)));
    assert!(rows(&any).iter().all(has));
    let none = api.list("eq(modules,empty())").await;
    assert_eq!(total(&none), 0, "every seeded token has modules");
}

#[tokio::test]
async fn ordering_on_several_fields_and_paging_without_overlap() {
    let api = Api::start().await;
    let by_name = api.list("order=name").await;
    let ascending = names(&by_name);
    let mut sorted = ascending.clone();
    sorted.sort();
    assert_eq!(ascending, sorted);
    let mut desc = api_names(&api, "order=-name").await;
    desc.reverse();
    assert_eq!(desc, sorted);

    let two = api.list("select=audit&order=status,-audit.created.at").await;
    let keys: Vec<(String, String)> = rows(&two)
        .iter()
        .map(|t| {
            (
                t["status"].as_str().unwrap().into(),
                t["audit"]["created"]["at"].as_str().unwrap().into(),
            )
        })
        .collect();
    let mut expected = keys.clone();
    expected.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    assert_eq!(keys, expected);

    let mut paged = Vec::new();
    for offset in [0, 10, 20, 30] {
        let page = api.list(&format!("order=-lastAccessAt&limit=10&offset={offset}")).await;
        assert_eq!(
            page["$meta"]["pagination"],
            json!({"offset": offset, "limit": 10, "total": STARK_TOKENS})
        );
        paged.extend(ids(rows(&page)));
    }
    let whole = api.list("order=-lastAccessAt").await;
    assert_eq!(paged, ids(rows(&whole)));
}

async fn api_names(api: &Api, q: &str) -> Vec<String> {
    names(&api.list(q).await)
}

#[tokio::test]
async fn limit_defaults_caps_and_counts() {
    let api = Api::start().await;
    for i in 0..80 {
        api.create(json!({"name": format!("Extra {i}")})).await;
    }
    let list = api.list("").await;
    assert_eq!(rows(&list).len(), 100);
    let capped = api.list("limit=1000").await;
    assert_eq!(capped["$meta"]["pagination"]["limit"], 100);
    assert_eq!(rows(&capped).len(), 100);
    let count = api.list("limit=0").await;
    assert_eq!(
        count,
        json!({"$meta": {"pagination": {"offset": 0, "limit": 0, "total": STARK_TOKENS + 80}, "omitted": ["token", "audit"]}, "data": []})
    );
    assert_eq!(rows(&api.list("offset=105").await).len(), 6);
}

#[tokio::test]
async fn select_adds_and_drops_fields() {
    let api = Api::start().await;
    let list = api.list("select=-description,+token&limit=1").await;
    let row = &rows(&list)[0];
    assert!(row.get("description").is_none());
    assert!(row["token"].is_string());
    let (_, one) = api
        .get(&format!("{TOKENS}/{}?select=-token", row["id"].as_str().unwrap()))
        .await;
    assert!(one.get("token").is_none() && one["name"].is_string());
}

#[tokio::test]
async fn bad_queries_are_400_problems_that_say_what_is_wrong() {
    let api = Api::start().await;
    for (q, hint) in [
        ("eq(name", "Missing ')'"),
        ("eq(name,x,y)", "Binary expression must have 2 arguments"),
        ("frob(name,x)", "\"frob\":[\"Unknown expression group.\"]"),
        (
            "and(eq(name,x),%20eq(status,Active))",
            "\" eq\":[\"Unknown expression group.\"]",
        ),
        ("eq(secret,x)", "\"secret\":[\"Invalid property path.\"]"),
        ("gt(lastAccessAt,last%20week)", "ISO 8601"),
        ("limit=-5", "limit"),
        ("offset=abc", "offset"),
        ("order=-audit.created.at", "select=audit"),
        ("order=nonsense", "nonsense"),
        ("gt(lastAccessAt,null())", "null"),
        ("eq(modules,MOD-1255)", "collection"),
        ("status=eq=Active", "Invalid equals shortcut expression"),
        ("eq(name,O'Brien)", "quote"),
        ("_=123", "\"_\":[\"Invalid property path.\"]"),
        ("%E0%A4%A", "percent"),
    ] {
        let (s, b) = api.get(&format!("{TOKENS}?{q}")).await;
        assert_problem(s, &b, 400);
        assert_eq!(b["title"], "Bad Request");
        let text = b.to_string();
        assert!(text.contains(hint), "{q}: {text}");
    }
    // Unknown select fields are ignored, as the platform ignores them.
    assert_eq!(api.get(&format!("{TOKENS}?select=password")).await.0, 200);
}

#[tokio::test]
async fn values_cannot_inject_sql_or_rql() {
    let api = Api::start().await;
    let weird = api.create(json!({"name": "100% \"quoted\" _robot_ (beta), x*y"})).await;
    for q in [
        "eq(name,%22x%27%20OR%201=1%20--%22)",
        "eq(name,%22%27);DROP%20TABLE%20tokens;--%22)",
        "ilike(name,%22*%27%20OR%20%271%27=%271*%22)",
        "eq(status,%22Active%22)%20OR%201=1",
    ] {
        let (s, b) = api.get(&format!("{TOKENS}?{q}")).await;
        assert!(s == 200 || s == 400, "{q}: {s}");
        if s == 200 {
            assert_eq!(total(&b), 0, "{q}");
        }
    }
    // The table is intact.
    assert_eq!(total(&api.list("limit=0").await), STARK_TOKENS + 1);
    // LIKE metacharacters are literal: '%' and '_' match only themselves.
    assert_eq!(
        names(&api.list("ilike(name,*%25*)").await),
        [weird["name"].as_str().unwrap()]
    );
    assert_eq!(names(&api.list("ilike(name,*_robot_*)").await).len(), 1);
    // Quotes, parentheses, commas and an escaped star inside a quoted value.
    let q = rql::Query {
        filter: Some(rql::Expr::eq("name", "100% \"quoted\" _robot_ (beta), x*y")),
        ..Default::default()
    };
    assert_eq!(total(&api.list(&q.to_query_string().unwrap()).await), 1);
    let q = rql::Query {
        filter: Some(rql::Expr::contains("name", "x*y")),
        ..Default::default()
    };
    assert_eq!(total(&api.list(&q.to_query_string().unwrap()).await), 1);
    let q = rql::Query {
        filter: Some(rql::Expr::contains("name", "x*z")),
        ..Default::default()
    };
    assert_eq!(total(&api.list(&q.to_query_string().unwrap()).await), 0);
}

#[tokio::test]
async fn the_platforms_forms_filter_as_the_platform_reads_them() {
    let api = Api::start().await;
    let count = |q: &str| {
        let q = q.to_string();
        let api = &api;
        async move { total(&api.list(&q).await) }
    };
    // like is case-sensitive, ilike is not; * is a wildcard at the ends only.
    assert_eq!(count("like(name,Robot*)").await, 3);
    assert_eq!(count("like(name,robot*)").await, 0);
    assert_eq!(count("ilike(name,robot*)").await, 3);
    assert_eq!(count("ilike(name,*ROBOT%202)").await, 1);
    assert_eq!(count("ilike(name,R*2)").await, 0, "a star in the middle is literal");
    // Grouping and shorthand: and binds tighter than or; , & ; | as infix.
    let robots_or_disabled = count("or(ilike(name,robot*),eq(status,Disabled))").await;
    assert_eq!(count("ilike(name,robot*)|status=Disabled").await, robots_or_disabled);
    assert_eq!(count("(ilike(name,robot*);status=Disabled)").await, robots_or_disabled);
    assert_eq!(
        count("(name='Robot%201'|name=%22Robot%202%22)&status=Active").await,
        count("and(or(eq(name,Robot%201),eq(name,Robot%202)),eq(status,Active))").await
    );
    assert_eq!(
        count("name=Robot%201,status=Active").await,
        count("and(eq(name,'Robot%201'),eq(status,Active))").await
    );
    assert_eq!(count("in(status,Disabled)").await, count("eq(status,Disabled)").await);
    assert_eq!(count("any(modules)").await, STARK_TOKENS);
    // Either quote, no backslash escape; \* is a literal star at the ends.
    api.create(json!({"name": "Say \"hi\" it's *starred*"})).await;
    let (s, b) = api
        .get(&format!("{TOKENS}?eq(name,'Say%20%22hi%22%20it%27s%20*starred*')"))
        .await;
    assert_problem(s, &b, 400); // a ' cannot sit inside '…'
    assert_eq!(count("ilike(name,'*%22hi%22*')").await, 1);
    assert_eq!(count("ilike(name,%22*it's*%22)").await, 1);
    assert_eq!(count("ilike(name,*\\*)").await, 1, "ends with a literal star");
    assert_eq!(count("ilike(name,*starred\\*)").await, 1);
    assert_eq!(count("ilike(name,*starred)").await, 0);
}
