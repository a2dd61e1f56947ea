//! The list page against the seeded sandbox: rows as the API returns them.

use crate::support::{eventually, Browser, Sandbox};

const DEFAULT_ORDER: &str = "order=-audit.created.at,name&select=audit";

#[tokio::test]
async fn search_filters_sort_and_paging_show_what_the_api_returns() {
    let sandbox = Sandbox::start();
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens", &sandbox.token).await;
    b.expect_rows(&sandbox, &format!("{DEFAULT_ORDER}&limit=10")).await;
    assert_eq!(b.text("[data-testid=range]").await, "1–10 of 31 rows");
    assert_eq!(b.text("[data-testid=page-count]").await, "of 4");

    // Search (debounced, quoted into RQL).
    b.find("[data-testid=search]")
        .await
        .send_keys("ROBOT")
        .await
        .expect("type");
    b.expect_rows(&sandbox, &format!("ilike(name,*robot*)&{DEFAULT_ORDER}&limit=10"))
        .await;
    assert_eq!(b.row_ids().await.len(), 3);
    assert_eq!(b.path_and_query().await, "/api-tokens?q=ROBOT");

    // Status filter on top of the search.
    b.find("[data-testid=filter-status]")
        .await
        .select_by_value("Disabled")
        .await
        .expect("select");
    b.expect_rows(
        &sandbox,
        &format!("and(ilike(name,*robot*),eq(status,Disabled))&{DEFAULT_ORDER}&limit=10"),
    )
    .await;

    // Sort by name, 25 per page, page 2.
    b.open(&sandbox, "/api-tokens?sort=name&size=25&page=2").await;
    b.expect_rows(&sandbox, "order=name&select=audit&limit=25&offset=25")
        .await;
    assert_eq!(b.text("[data-testid=range]").await, "26–31 of 31 rows");
    b.click("[data-testid=prev-page]").await;
    b.expect_rows(&sandbox, "order=name&select=audit&limit=25&offset=0")
        .await;
    b.click("[data-testid=sort-name]").await;
    b.expect_rows(&sandbox, "order=-name&select=audit&limit=25").await;
    assert_eq!(b.path_and_query().await, "/api-tokens?sort=-name&size=25");
    b.click("[data-testid=sort-lastAccess]").await;
    b.expect_rows(&sandbox, "order=-lastAccessAt,name&select=audit&limit=25")
        .await;

    // Rows per page and Next.
    b.find("[data-testid=page-size]")
        .await
        .select_by_value("10")
        .await
        .expect("size");
    b.expect_rows(&sandbox, "order=-lastAccessAt,name&select=audit&limit=10")
        .await;
    b.click("[data-testid=next-page]").await;
    b.expect_rows(&sandbox, "order=-lastAccessAt,name&select=audit&limit=10&offset=10")
        .await;

    // Module and usage filters.
    b.open(&sandbox, "/api-tokens").await;
    b.find("[data-testid=filter-module] option[value=MOD-1255]").await;
    b.find("[data-testid=filter-module]")
        .await
        .select_by_value("MOD-1255")
        .await
        .expect("module");
    b.expect_rows(
        &sandbox,
        &format!("any(modules,eq(id,MOD-1255))&{DEFAULT_ORDER}&limit=10"),
    )
    .await;
    b.open(&sandbox, "/api-tokens?usage=never&size=100").await;
    b.expect_rows(&sandbox, &format!("eq(lastAccessAt,null())&{DEFAULT_ORDER}&limit=100"))
        .await;
    let markers = b
        .js("return document.querySelectorAll('[data-testid=marker-never]').length")
        .await;
    assert_eq!(markers.as_u64().unwrap() as usize, b.row_ids().await.len());
}

#[tokio::test]
async fn the_url_restores_the_list_after_reload_and_history_moves() {
    let sandbox = Sandbox::start();
    let b = Browser::start().await;
    let place = "/api-tokens?q=bot&status=Active&sort=name&size=25";
    b.sign_in(&sandbox, place, &sandbox.token).await;
    let query = "and(ilike(name,*bot*),eq(status,Active))&order=name&select=audit&limit=25";
    b.expect_rows(&sandbox, query).await;

    b.client.refresh().await.expect("reload");
    b.expect_rows(&sandbox, query).await;
    assert_eq!(b.value("[data-testid=search]").await.as_deref(), Some("bot"));
    assert_eq!(b.value("[data-testid=filter-status]").await.as_deref(), Some("Active"));

    b.find("[data-testid=filter-status]")
        .await
        .select_by_value("")
        .await
        .expect("select");
    b.expect_rows(&sandbox, "ilike(name,*bot*)&order=name&select=audit&limit=25")
        .await;
    b.client.back().await.expect("back");
    b.expect_rows(&sandbox, query).await;
    assert_eq!(b.path_and_query().await, place);
    b.client.forward().await.expect("forward");
    b.expect_rows(&sandbox, "ilike(name,*bot*)&order=name&select=audit&limit=25")
        .await;

    // A pasted link with nonsense falls back to defaults instead of failing.
    b.client
        .goto(&format!(
            "{}/api-tokens?page=abc&size=7&sort=evil&status=Deleted",
            sandbox.url
        ))
        .await
        .unwrap();
    b.expect_rows(&sandbox, &format!("{DEFAULT_ORDER}&limit=10")).await;
}

#[tokio::test]
async fn searching_for_nothing_shows_an_empty_state_with_a_way_back() {
    let sandbox = Sandbox::start();
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens?q=%22)%2Ceq(status%2CDeleted", &sandbox.token)
        .await;
    b.find("[data-testid=empty-filtered]").await;
    b.click("[data-testid=empty-filtered] button").await;
    b.expect_rows(&sandbox, &format!("{DEFAULT_ORDER}&limit=10")).await;
    assert_eq!(b.path_and_query().await, "/api-tokens");
}

#[tokio::test]
async fn hidden_columns_are_remembered_by_the_browser() {
    let sandbox = Sandbox::start();
    let b = Browser::start().await;
    b.sign_in(&sandbox, "/api-tokens", &sandbox.token).await;
    b.find("[data-testid=token-row]").await;
    b.click("details.columns summary").await;
    b.click("[data-testid='column-Created by']").await;
    let shown = || async {
        b.js("return [...document.querySelectorAll('[data-testid=created-by]')].filter(e => e.getClientRects().length > 0).length")
            .await
            .as_u64()
    };
    eventually("column hidden", Some(0), shown).await;
    b.client.refresh().await.expect("reload");
    b.find("[data-testid=token-row]").await;
    let headers = b.text("[data-testid=tokens-table] thead").await;
    assert!(
        !headers.contains("Created by") && headers.contains("Last access"),
        "{headers}"
    );
}
