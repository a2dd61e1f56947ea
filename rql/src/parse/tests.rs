use super::*;
use crate::error::ErrorKind;

fn ok(input: &str) -> Expr {
    parse_expr(input).unwrap_or_else(|e| panic!("{input}: {e}"))
}

fn fails(input: &str) -> ParseError {
    match parse_expr(input) {
        Ok(e) => panic!("{input} should fail, parsed as {e:?}"),
        Err(e) => e,
    }
}

#[test]
fn accepts_every_form_the_platforms_parser_tests_accept() {
    // Verbatim from mpt-rql-net's RqlParserTests.cs and integration tests.
    for input in [
        "field1=value1&field2=value2|field3=value3&field4=value4",
        "(field1=value1|field2=value2)&(field3=value3|field4=value4)",
        "status=processing",
        "eq(status,processing)",
        "not(status=processing)",
        "not(or(status=processing,status=otherValue))",
        "gt(events.created.at,2020-01-01T00:00:00+00:00)",
        "like(product.name,*best*)",
        "in(status,(processing,active,closed,created,new))",
        "in(status,(active))",
        "out(status,(active,otherValue))",
        "id=PRD-0000-0001,status=active",
        "and(id=PRD-0000-0001,status=active)",
        "id=PRD-0000-0001,eq(status,active)",
        "id=null(),name=abc",
        "eq(id,empty())|name=abc",
        "name=abc;id=null()",
        "any(subcollection,id=1)",
        "all(subcollection,id=1)",
        "((id=PRD-0000-0001&status=active)|(mode=1&mode=2))",
        "id=PRD-0000-0001;status=active",
        "product.name='white space & special^ symbols!'",
        "eq(product.name,'i am \"happy\" is =quoted here=')",
        "eq(name,Jewelry Widget)",
        "like(name,\\*Example \\With\\*)",
        "any(orders,(id=1))",
        "any(orders)",
        "in(status,active)",
        "EQ(Name,x)",
    ] {
        ok(input);
    }
}

#[test]
fn and_binds_tighter_than_or_at_the_top_and_in_groups() {
    assert_eq!(
        ok("a=1|b=2&c=3|d=4"),
        Expr::Or(vec![
            Expr::eq("a", "1"),
            Expr::And(vec![Expr::eq("b", "2"), Expr::eq("c", "3")]),
            Expr::eq("d", "4"),
        ])
    );
    assert_eq!(
        ok("(a=1|b=2)&c=3"),
        Expr::And(vec![
            Expr::Or(vec![Expr::eq("a", "1"), Expr::eq("b", "2")]),
            Expr::eq("c", "3")
        ])
    );
    // Inside a named call, separators only split arguments.
    assert_eq!(
        ok("and(a=1|b=2)"),
        Expr::And(vec![Expr::eq("a", "1"), Expr::eq("b", "2")])
    );
}

#[test]
fn values_keep_spaces_quotes_of_the_other_kind_and_constants() {
    assert_eq!(ok("eq(name, foo)"), Expr::eq("name", " foo"));
    assert_eq!(ok("eq(name,'say \"hi\"')"), Expr::eq("name", "say \"hi\""));
    assert_eq!(ok("eq(name,\"it's\")"), Expr::eq("name", "it's"));
    assert_eq!(ok("eq(name,'')"), Expr::eq("name", ""));
    assert_eq!(
        ok("description=null()"),
        Expr::cmp(CmpOp::Eq, "description", Value::Null)
    );
    assert_eq!(
        ok("ne(description,empty())"),
        Expr::cmp(CmpOp::Ne, "description", Value::Empty)
    );
    assert_eq!(ok("in(status,active)"), Expr::is_in("status", ["active"]));
}

#[test]
fn like_is_case_sensitive_and_ilike_is_not() {
    assert_eq!(
        ok("like(name,*Seed*)"),
        Expr::Like {
            prop: "name".into(),
            pattern: Pattern::contains("Seed"),
            fold: false
        }
    );
    assert_eq!(
        ok("ilike(name,\"*a*b*\")"),
        Expr::ilike("name", Pattern::contains("a*b"))
    );
    assert_eq!(ok(r"ilike(name,*x\*)"), Expr::ilike("name", Pattern::parse(r"*x\*")));
}

#[test]
fn refuses_what_the_platform_refuses_with_its_messages() {
    for (input, message) in [
        ("status=eq=processing", "Invalid equals shortcut expression"),
        ("name=", "Invalid equals shortcut expression"),
        ("rql=and(eq(a,1))", "Invalid equals shortcut expression"),
        ("eq(name)", "Binary expression must have 2 arguments"),
        ("in(status,a,b)", "Binary expression must have 2 arguments"),
        ("not(a=1,b=2)", "Unary expression must have 1 argument"),
        ("any()", "Collection expression must have at least 1 argument"),
        ("eq(id,null(x))", "Constant functions cannot have arguments"),
    ] {
        let e = fails(input);
        assert_eq!(e.kind, ErrorKind::Syntax, "{input}");
        assert!(e.message.starts_with(message), "{input}: {e}");
    }
    for (input, message, path) in [
        ("frob(name,x)", "Unknown expression group.", Some("frob")),
        ("and(eq(a,1), eq(b,2))", "Unknown expression group.", Some(" eq")),
        ("someBareWord", "Expression expected.", Some("someBareWord")),
        ("and()", "Expression group cannot be empty.", None),
        ("all(orders)", "all() function must have 2 arguments", None),
        ("eq(na-me!,x)", "Invalid property path.", Some("na-me!")),
        ("in(id,())", "Value has to be a non empty array.", None),
        ("eq(a,b=c)", "Unsupported argument type.", None),
    ] {
        let e = fails(input);
        assert_eq!(e.kind, ErrorKind::Validation, "{input}");
        assert_eq!(e.message, message, "{input}");
        assert_eq!(e.path.as_deref(), path, "{input}");
    }
}

#[test]
fn refuses_what_the_platform_would_misread_and_says_where() {
    for (input, hint) in [
        ("eq(a,1", "Missing ')'"),
        ("eq(name,abc))&x=1", "closes nothing"),
        ("eq(a,1)eq(b,2)", "side by side"),
        ("eq(name,O'Brien)", "quote"),
        ("eq(name,'a'b'c)", "quote"),
        ("", "Expression expected"),
    ] {
        let e = fails(input);
        assert!(e.message.contains(hint), "{input}: {e}");
    }
}

#[test]
fn depth_is_limited() {
    let deep = "not(".repeat(MAX_DEPTH + 2) + "eq(a,b)" + &")".repeat(MAX_DEPTH + 2);
    assert!(fails(&deep).message.contains("nested"));
}
