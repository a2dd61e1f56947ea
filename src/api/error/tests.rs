use super::*;

fn keys(p: &Problem) -> Vec<(&str, Vec<&str>)> {
    p.errors
        .iter()
        .map(|f| (f.key.as_str(), f.messages.iter().map(String::as_str).collect()))
        .collect()
}

#[test]
fn validation_problems_with_errors_as_a_map() {
    let p = Problem::from_status(
        400,
        r#"{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"Bad Request","status":400,
            "detail":"One or more validation errors occurred.","traceId":"00-9e","errors":{"name":["required","too long"],"Modules[0].Id":"bad id"},"extra":1}"#,
    );
    assert_eq!(p.title.as_deref(), Some("Bad Request"));
    assert_eq!(p.detail.as_deref(), Some("One or more validation errors occurred."));
    assert_eq!(p.trace_id.as_deref(), Some("00-9e"));
    // In the order the API wrote them.
    assert_eq!(
        keys(&p),
        [
            ("name", vec!["required", "too long"]),
            ("Modules[0].Id", vec!["bad id"])
        ]
    );
}

#[test]
fn errors_as_an_array_of_parametrised_messages() {
    let p = Problem::from_status(
        400,
        r#"{"title":"Order update failed","detail":"Value of listing does not correspond to a valid listing; External ID is too long","status":400,
            "errors":[{"message":"Value of listing does not correspond to a valid listing","properties":["listing.id"]},
                      {"message":"External ID is too long","properties":["externalId","$.other"]},
                      {"message":"Item {{ item }} is gone; {{count}} left","id":"MSG-1","parameters":{"item":"ITM-1","count":3}},
                      {"message":"","properties":["x"]}]}"#,
    );
    assert_eq!(
        keys(&p),
        [
            (
                "listing.id",
                vec!["Value of listing does not correspond to a valid listing"]
            ),
            ("externalId", vec!["External ID is too long"]),
            ("$.other", vec!["External ID is too long"]),
            ("", vec!["Item ITM-1 is gone; 3 left"]),
        ]
    );
}

#[test]
fn the_message_and_status_code_shape_is_read_too() {
    let p = Problem::from_status(
        404,
        r#"{"statusCode":"404","message":"Entity for given id TKN-1 not found"}"#,
    );
    assert_eq!(p.status, Some(404));
    assert_eq!(p.title.as_deref(), Some("Entity for given id TKN-1 not found"));
    let e = ApiError::from_response(404, r#"{"statusCode":404,"message":"Not Found"}"#);
    assert_eq!(e.to_string(), "Not Found");
}

#[test]
fn anything_else_is_still_a_problem_with_the_status() {
    for body in ["<html>bad gateway</html>", "[1,2]", "", "null", "\"text\""] {
        let p = Problem::from_status(502, body);
        assert_eq!(p.status, Some(502), "{body}");
        assert!(p.title.unwrap().contains("502"));
    }
    let e = ApiError::Problem(Box::new(Problem::from_status(500, "{}")));
    assert_eq!(e.title(), "The request failed");
}

#[test]
fn refusals_are_told_apart() {
    assert!(matches!(ApiError::from_response(401, "{}"), ApiError::Unauthorized(_)));
    let forbidden = ApiError::from_response(
        403,
        r#"{"title":"Forbidden","detail":"Vendor accounts cannot list buyers."}"#,
    );
    assert!(matches!(forbidden, ApiError::Forbidden(_)));
    assert_eq!(forbidden.to_string(), "Forbidden: Vendor accounts cannot list buyers.");
    assert_eq!(ApiError::from_response(403, "").title(), "The API answered HTTP 403");
}

#[test]
fn busy_answers_carry_when_to_come_back() {
    let now = 1_700_000_000_000;
    let busy =
        ApiError::from_response(429, r#"{"title":"Too Many Requests","status":429}"#).with_retry_after(Some("8"), now);
    assert_eq!(busy.wait_ms(now), Some(8_000));
    assert_eq!(busy.wait_ms(now + 3_000), Some(5_000));
    assert_eq!(busy.wait_ms(now + 9_000), Some(0), "late is now, not negative");
    assert_eq!(busy.status(), Some(429));
    assert_eq!(busy.title(), "The API is busy");

    let dated = ApiError::from_response(503, "").with_retry_after(Some("Tue, 14 Nov 2023 22:13:30 GMT"), now);
    assert_eq!(dated.wait_ms(now), Some(10_000));

    // A header that says nothing usable: busy, without a time.
    let vague = ApiError::from_response(503, "").with_retry_after(Some("soon"), now);
    assert!(matches!(vague, ApiError::Busy { retry_at_ms: None, .. }));
    assert_eq!(vague.wait_ms(now), None);
    // Only busy answers read the header.
    let other = ApiError::from_response(500, "").with_retry_after(Some("8"), now);
    assert!(matches!(other, ApiError::Problem(_)));
}
