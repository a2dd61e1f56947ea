use super::*;

/// serde_json's reading of `text`.
fn serde_reads(text: &str) -> Option<serde_json::Value> {
    serde_json::from_str(text).ok()
}

#[test]
fn reads_what_serde_json_reads_and_refuses_what_it_refuses() {
    let long = "9".repeat(400);
    let texts = [
        r#"{"a":1,"b":[true,false,null],"c":{"d":"e"}}"#,
        " [ 1 , -2 , 0 , 10 , 18446744073709551615 ] ",
        "[-0, 1E+2, 1e-400, 18446744073709551616, 0.1, -12.5e-3]",
        r#""\"\\\/\b\f\n\r\t\u0041\u00e9\ud83d\ude00 plain""#,
        r#"{"ünïcødé":"日本語","empty":"","nested":[[[]],{}]}"#,
        "[]",
        "{}",
        "null",
        // Refused, by both.
        "",
        "   ",
        "[1,]",
        r#"{"a":1,}"#,
        "[01]",
        "[-]",
        "[1.]",
        "[.5]",
        "[1e]",
        "[+1]",
        "[1e400]",
        "[-1e400]",
        &long,
        r#"{"a" 1}"#,
        "{a:1}",
        "[1 2]",
        "[1]x",
        "[1]\u{a0}",
        "\u{feff}1",
        r#""unterminated"#,
        "\"tab\there\"",
        r#""\x""#,
        r#""\u12""#,
        r#""\u00"#,
        r#""\"#,
        r#""\ud800""#,
        r#""\ud800\u0041""#,
        r#""\udc00""#,
        "nul",
        "tru",
        "[",
        "{",
        r#"{"a":"#,
        "'single'",
    ];
    for text in texts {
        // What serde_json reads of what we wrote: the same value, numbers included.
        let ours = parse(text).ok().map(|v| serde_reads(&write(&v)));
        assert_eq!(ours, serde_reads(text).map(Some), "{text:?}");
    }
}

#[test]
fn deep_nesting_is_refused_not_overflowed() {
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    assert_eq!(parse(&deep).map_err(|e| e.what), Err("nested too deeply"));
    // Where serde_json stops too.
    for levels in [127, 128] {
        let text = "[".repeat(levels) + &"]".repeat(levels);
        assert_eq!(parse(&text).is_ok(), serde_reads(&text).is_some(), "{levels} levels");
    }
}

#[test]
fn a_key_written_twice_reads_as_its_last_value() {
    let v = parse(r#"{"id":"first","id":"second"}"#).unwrap_or_default();
    assert_eq!(v.get("id").and_then(Value::as_str), Some("second"));
    // Kept as written (no quadratic check of each key against the others).
    assert_eq!(v.as_object().map(|o| o.iter().count()), Some(2));
}

#[test]
fn numbers_keep_their_text_and_read_as_what_they_are() {
    let v = parse("[42, -7, 1.5, 2e3, 9007199254740993, 0.25e-2]").unwrap_or_default();
    let items = v.as_array().cloned().unwrap_or_default();
    let n = |i: usize| items.get(i).cloned().unwrap_or_default();
    assert_eq!((n(0).as_u64(), n(0).as_i64()), (Some(42), Some(42)));
    assert_eq!((n(1).as_u64(), n(1).as_i64()), (None, Some(-7)));
    assert_eq!(n(2).as_u64(), None, "a fraction is not a whole number");
    assert_eq!(n(3).as_u64(), None, "as serde_json reads 2e3: a float");
    assert_eq!(
        n(4).as_u64(),
        Some(9_007_199_254_740_993),
        "beyond f64's integers, exact"
    );
    let f = |i: usize| match n(i) {
        Value::Number(n) => n.as_f64(),
        _ => None,
    };
    assert_eq!(f(2), Some(1.5));
    assert_eq!(f(3), Some(2000.0));
    assert_eq!(f(1), Some(-7.0));
    assert!(f(5).is_some_and(|x| (x - 0.0025).abs() < 1e-15));
    assert_eq!(write(&v), "[42,-7,1.5,2e3,9007199254740993,0.25e-2]");
}

#[test]
fn writes_as_serde_json_writes_compact_and_pretty() {
    let text = r#"{"a":[1,{"b":null,"c":"q\"uote\\ \n\t\u0001 é"}],"d":{},"e":[],"f":true}"#;
    let ours = parse(text).unwrap_or_default();
    let theirs: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
    assert_eq!(write(&ours), theirs.to_string());
    assert_eq!(
        write_pretty(&ours),
        serde_json::to_string_pretty(&theirs).unwrap_or_default()
    );
}

#[test]
fn builds_values_to_send() {
    let body = Value::object([
        ("name", Value::from("Robot")),
        ("description", Value::from(None::<&str>)),
        (
            "modules",
            Value::Array(vec![Value::from("MOD-1"), Value::from("MOD-2")]),
        ),
    ]);
    assert_eq!(
        write(&body),
        r#"{"name":"Robot","description":null,"modules":["MOD-1","MOD-2"]}"#
    );
}

#[test]
fn reading_a_missing_or_mistyped_member_is_none() {
    let v = parse(r#"{"s":"x","n":3,"b":true,"a":[1],"o":{}}"#).unwrap_or_default();
    assert_eq!(v.get("s").and_then(Value::as_u64), None);
    assert_eq!(v.get("n").and_then(Value::as_str), None);
    assert_eq!(v.get("b").and_then(Value::as_bool), Some(true));
    assert_eq!(v.get("missing"), None);
    assert_eq!(v.get("a").and_then(|a| a.get("x")), None, "an array has no members");
    assert!(v.get("o").and_then(Value::as_object).is_some_and(Map::is_empty));
}
