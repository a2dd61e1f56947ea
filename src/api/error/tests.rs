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
    assert_eq!(
        keys(&p),
        [
            ("Modules[0].Id", vec!["bad id"]),
            ("name", vec!["required", "too long"])
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
