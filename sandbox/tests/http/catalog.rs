use crate::support::*;

#[tokio::test]
async fn modules_are_listed_to_operations_and_queryable() {
    let root = Api::start().await;
    // The docs open "List modules" to ops accounts only (see auth.rs for the 403).
    let api = root.as_token(ADMIN);
    let (s, list) = api.get("/public/v1/accounts/modules").await;
    assert_eq!(s, 200);
    assert_eq!(total(&list), 10);
    let all = names(&list);
    for m in [
        "Access management",
        "Account management",
        "Marketplace",
        "Collaboration site",
    ] {
        assert!(all.contains(&m.to_string()), "{m}");
    }
    assert!(rows(&list)
        .iter()
        .all(|m| m["description"].as_str().is_some_and(|d| !d.is_empty())));
    let (_, found) = api
        .get("/public/v1/accounts/modules?ilike(name,*MANAGEMENT*)&order=name")
        .await;
    assert_eq!(
        names(&found),
        ["Access management", "Account management", "Catalog management"]
    );
    let (s, one) = api.get("/public/v1/accounts/modules/MOD-1255").await;
    assert_eq!((s.as_u16(), one["name"].as_str()), (200, Some("Access management")));
    let (s, b) = api.get("/public/v1/accounts/modules/MOD-0000").await;
    assert_problem(s, &b, 404);
}

#[tokio::test]
async fn the_account_list_holds_only_the_callers_account() {
    let api = Api::start().await;
    let (s, list) = api.get("/public/v1/accounts/accounts").await;
    assert_eq!(s, 200);
    assert_eq!(total(&list), 1);
    let acc = &rows(&list)[0];
    assert_eq!(
        (acc["id"].as_str(), acc["name"].as_str()),
        (Some("ACC-0001-0002"), Some("Stark Industries"))
    );
    assert_eq!(
        (acc["status"].as_str(), acc["type"].as_str()),
        (Some("Active"), Some("Client"))
    );
    let (s, one) = api.get("/public/v1/accounts/accounts/ACC-0001-0002").await;
    assert_eq!(s, 200);
    assert_eq!(&one, acc);
    let (s, b) = api.get("/public/v1/accounts/accounts/ACC-9999-9999").await;
    assert_problem(s, &b, 404);
    let (_, none) = api.get("/public/v1/accounts/accounts?eq(id,ACC-9999-9999)").await;
    assert_eq!(total(&none), 0);
}
