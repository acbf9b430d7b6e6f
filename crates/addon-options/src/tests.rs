use super::*;
use serde_json::json;

const ADDON: Addon = Addon {
    name: "My Add-on",
    slug: "my_addon",
};

fn no_secrets(_: &str) -> Option<Value> {
    None
}

/// The Supervisor's whole validation error for `options`, or "valid".
fn check(schema: Value, options: Value) -> String {
    let validation = validate(&schema, &options, ADDON, &no_secrets);
    match validation.result {
        Ok(_) => "valid".into(),
        Err(problem) => problem.describe(&options),
    }
}

/// The options as stored after validation.
fn stored(schema: Value, options: Value) -> Value {
    validate(&schema, &options, ADDON, &no_secrets)
        .result
        .expect("valid")
}

/// One element against one value: the message without the `Got` part.
fn one(element: &str, value: Value) -> String {
    let options = json!({ "x": value });
    match validate(&json!({ "x": element }), &options, ADDON, &no_secrets).result {
        Ok(_) => "valid".into(),
        Err(Problem::Invalid(message)) | Err(Problem::Schema(message)) => message,
    }
}

#[test]
fn str_with_and_without_length_bounds() {
    assert_eq!(one("str", json!("")), "valid");
    assert_eq!(one("str", json!(5)), "expected str");
    assert_eq!(one("str", json!(true)), "expected str");
    assert_eq!(
        one("str(3,)", json!("ab")),
        "length of value must be at least 3.0"
    );
    assert_eq!(one("str(3,)", json!("abc")), "valid");
    assert_eq!(
        one("str(,2)", json!("abc")),
        "length of value must be at most 2.0"
    );
    // Lengths count characters, not bytes.
    assert_eq!(one("str(,2)", json!("ça")), "valid");
    assert_eq!(
        check(json!({"name": "str"}), json!({"name": true})),
        "expected str. Got {'name': True}"
    );
}

#[test]
fn password_is_a_str() {
    assert_eq!(one("password", json!("secret")), "valid");
    assert_eq!(
        one("password(8,)", json!("short")),
        "length of value must be at least 8.0"
    );
    assert_eq!(one("password", json!(123)), "expected str");
}

#[test]
fn int_coerces_then_checks_float_bounds() {
    assert_eq!(one("int", json!(5)), "valid");
    assert_eq!(one("int", json!("12")), "valid");
    assert_eq!(one("int", json!(" -1_000 ")), "valid");
    assert_eq!(one("int", json!("1.5")), "expected int");
    assert_eq!(one("int", json!("eighty")), "expected int");
    assert_eq!(one("int", json!([1])), "expected int");
    assert_eq!(one("int(0,100)", json!(101)), "value must be at most 100.0");
    assert_eq!(one("int(0,100)", json!(-1)), "value must be at least 0.0");
    assert_eq!(one("int(-5,)", json!(-6)), "value must be at least -5.0");
    // int() truncates floats and takes booleans as 1 and 0.
    assert_eq!(one("int(0,1)", json!(1.9)), "valid");
    assert_eq!(one("int(2,)", json!(true)), "value must be at least 2.0");
    assert_eq!(
        stored(
            json!({"a": "int", "b": "int"}),
            json!({"a": "7", "b": -2.5})
        ),
        json!({"a": 7, "b": -2})
    );
}

#[test]
fn float_coerces_then_checks_bounds() {
    assert_eq!(one("float", json!(1)), "valid");
    assert_eq!(one("float", json!("2.5e3")), "valid");
    assert_eq!(one("float", json!("nan")), "valid");
    assert_eq!(one("float", json!("one")), "expected float");
    assert_eq!(one("float(,1.5)", json!(1.6)), "value must be at most 1.5");
    assert_eq!(one("float(-.5,)", json!(-1)), "value must be at least -0.5");
    assert_eq!(one("float(0,)", json!("nan")), "value must be at least 0.0");
    assert_eq!(
        stored(json!({"f": "float"}), json!({"f": 5})),
        json!({"f": 5.0})
    );
}

#[test]
fn bool_takes_words_and_truth() {
    for word in [
        "true", "Yes", "ON", "enable", "1", "false", "no", "off", "Disable", "0",
    ] {
        assert_eq!(one("bool", json!(word)), "valid", "{word}");
    }
    assert_eq!(one("bool", json!("maybe")), "expected boolean");
    assert_eq!(
        stored(
            json!({"a": "bool", "b": "bool", "c": "bool", "d": "bool"}),
            json!({"a": "yes", "b": 0, "c": [1], "d": {}})
        ),
        json!({"a": true, "b": false, "c": true, "d": false})
    );
}

#[test]
fn email() {
    for good in [
        "me@example.com",
        "first.last+tag@sub.example.co.uk",
        "\"quoted\\ name\"@example.com",
        "x@[192.168.1.1]",
        "x@example.com.",
    ] {
        assert_eq!(one("email", json!(good)), "valid", "{good}");
    }
    for bad in [
        "",
        "a.com",
        "a@.com",
        "\"quoted name\"@example.com",
        "a@b.c",
        "a..b@example.com",
        "x@[300.1.1.1]",
        "a@-x.com",
    ] {
        assert_eq!(
            one("email", json!(bad)),
            "expected an email address",
            "{bad}"
        );
    }
    assert_eq!(one("email", json!(5)), "expected an email address");
}

#[test]
fn url() {
    for good in [
        "http://example.com",
        "https://user:pw@host:8123/path?q#f",
        "mqtt://[::1]:1883",
        "  ftp://x",
        "custom+scheme://h",
        "http://x/＃",
        "http://bücher.example",
    ] {
        assert_eq!(one("url", json!(good)), "valid", "{good}");
    }
    for bad in [
        "example.com",
        "http:/x",
        "http://",
        "//host",
        "1http://x",
        "http://[::1",
        "http://[1.2.3.4]/",
        "http://＃x",
        "http://a℀b",
        "http://x﹕80",
    ] {
        assert_eq!(one("url", json!(bad)), "expected a URL", "{bad}");
    }
    assert_eq!(one("url", json!(80)), "expected a URL");
}

#[test]
fn port() {
    assert_eq!(one("port", json!(8080)), "valid");
    assert_eq!(one("port", json!("443")), "valid");
    assert_eq!(one("port", json!(0)), "value must be at least 1");
    assert_eq!(one("port", json!(65536)), "value must be at most 65535");
    assert_eq!(one("port", json!("http")), "expected int");
    assert_eq!(
        stored(json!({"p": "port"}), json!({"p": "80"})),
        json!({"p": 80})
    );
}

#[test]
fn match_anchors_at_the_start_only() {
    assert_eq!(one("match(^\\d+$)", json!("123")), "valid");
    assert_eq!(
        one("match(^\\d+$)", json!("12a")),
        "does not match regular expression ^\\d+$"
    );
    // Python's re.match: a match at the start is enough.
    assert_eq!(one("match(\\d+)", json!("12a")), "valid");
    assert_eq!(
        one("match(\\d+)", json!("a12")),
        "does not match regular expression \\d+"
    );
    // The value's Python str() is matched, and stored.
    assert_eq!(one("match(True)", json!(true)), "valid");
    assert_eq!(
        stored(json!({"m": "match(\\d+)"}), json!({"m": 42})),
        json!({"m": "42"})
    );
    // \Z is Python's end of text.
    assert_eq!(
        one("match(a\\Z)", json!("ab")),
        "does not match regular expression a\\Z"
    );
    assert_eq!(one("match(a+\\Z)?", json!("aa")), "valid");
}

#[test]
fn match_with_a_pattern_this_engine_cannot_compile() {
    assert_eq!(
        one("match((?=a)a)", json!("a")),
        "Cannot check option 'x' in My Add-on (my_addon): match((?=a)a) is not a regular \
         expression this validator supports: look-around, including look-ahead and \
         look-behind, is not supported"
    );
    // The group is the longest text before the last `)`: here `a)|(b`,
    // which Python refuses too; wrapping it in the anchor group must not
    // make it valid.
    assert_eq!(
        one("match(a)|(b)", json!("a")),
        "Cannot check option 'x' in My Add-on (my_addon): match(a)|(b) is not a regular \
         expression this validator supports: unopened group"
    );
    assert_eq!(one("match((a)|(b))", json!("b")), "valid");
    assert_eq!(
        one("match(a|b)", json!("cb")),
        "does not match regular expression a|b",
        "an alternation stays inside the start anchor"
    );
}

#[test]
fn list_compares_python_str() {
    assert_eq!(one("list(debug|info|warning)", json!("info")), "valid");
    assert_eq!(
        one("list(info|debug|warning)", json!("verbose")),
        "value must be one of ['debug', 'info', 'warning']"
    );
    assert_eq!(
        one("list(true|false)", json!(true)),
        "value must be one of ['false', 'true']"
    );
    assert_eq!(one("list(1|2)", json!(2)), "valid");
}

#[test]
fn device_paths() {
    assert_eq!(one("device", json!("/dev/ttyUSB0")), "valid");
    assert_eq!(
        one("device(subsystem=tty)", json!("/dev/serial/by-id/usb-x")),
        "valid"
    );
    assert_eq!(one("device", json!("/sys/devices/platform/x")), "valid");
    assert_eq!(
        one("device", json!("/etc/passwd")),
        "Device '/etc/passwd' does not exist in My Add-on (my_addon)"
    );
    assert_eq!(
        one("device", json!("/dev/../etc/passwd")),
        "Device '/dev/../etc/passwd' does not exist in My Add-on (my_addon)"
    );
    assert_eq!(
        one("device", json!("/dev/")),
        "Device '/dev/' does not exist in My Add-on (my_addon)"
    );
    assert_eq!(
        one("device", json!(5)),
        "Expected a string for option 'x' in My Add-on (my_addon)"
    );
}

#[test]
fn optional_elements_may_be_missing_but_not_null() {
    let schema = json!({"a": "str?", "b": ["int?"], "c": "int(0,10)?"});
    assert_eq!(check(schema.clone(), json!({})), "valid");
    assert_eq!(
        check(schema, json!({"a": null})),
        "Missing required option 'a' in My Add-on (my_addon). Got {'a': None}"
    );
}

#[test]
fn missing_required_options() {
    assert_eq!(
        check(json!({"host": "str", "port": "port"}), json!({"host": "h"})),
        "Missing option 'port' in root in My Add-on (my_addon). Got {'host': 'h'}"
    );
    // A mapping is required even when everything in it is optional.
    assert_eq!(
        check(json!({"db": {"host": "str?"}}), json!({})),
        "Missing option 'db' in root in My Add-on (my_addon). Got {}"
    );
    assert_eq!(
        check(
            json!({"db": {"host": "str", "port": "port"}}),
            json!({"db": {"host": "x"}})
        ),
        "Missing option 'port' in db in My Add-on (my_addon). Got {'db': {'host': 'x'}}"
    );
    // A list of mappings is required too; a list of optional strings is not.
    assert_eq!(
        check(json!({"logins": [{"name": "str"}]}), json!({})),
        "Missing option 'logins' in root in My Add-on (my_addon). Got {}"
    );
}

#[test]
fn lists_of_elements() {
    let schema = json!({"domains": ["str"]});
    assert_eq!(
        check(schema.clone(), json!({"domains": ["a", "b"]})),
        "valid"
    );
    assert_eq!(check(schema.clone(), json!({"domains": []})), "valid");
    assert_eq!(
        check(schema.clone(), json!({"domains": "a"})),
        "Invalid list for option 'domains' in My Add-on (my_addon). Got {'domains': 'a'}"
    );
    assert_eq!(
        check(schema.clone(), json!({"domains": ["a", 1]})),
        "expected str. Got {'domains': ['a', 1]}"
    );
    assert_eq!(
        check(schema, json!({"domains": [null]})),
        "Missing required option 'domains' in My Add-on (my_addon). Got {'domains': [None]}"
    );
    assert_eq!(
        stored(json!({"ports": ["port"]}), json!({"ports": ["80", 443]})),
        json!({"ports": [80, 443]})
    );
}

#[test]
fn nested_mappings_and_lists_of_mappings() {
    let schema = json!({
        "database": {"host": "str", "port": "port"},
        "logins": [{"name": "str", "password": "password"}]
    });
    let good = json!({
        "database": {"host": "db", "port": 3306},
        "logins": [{"name": "alice", "password": "x"}]
    });
    assert_eq!(check(schema.clone(), good), "valid");
    assert_eq!(
        check(schema.clone(), json!({"database": "db", "logins": []})),
        "Invalid dict for option 'database' in My Add-on (my_addon). Got {'database': 'db', 'logins': []}"
    );
    assert_eq!(
        check(
            schema.clone(),
            json!({"database": {"host": "db", "port": 3306}, "logins": [{"name": "bob"}]})
        ),
        "Missing option 'password' in logins in My Add-on (my_addon). \
         Got {'database': {'host': 'db', 'port': 3306}, 'logins': [{'name': 'bob'}]}"
    );
    assert_eq!(
        one("x", json!(1)),
        "Unknown type 'x' in My Add-on (my_addon)",
        "an element string outside the grammar"
    );
}

#[test]
fn unknown_options_are_dropped_with_a_warning() {
    let options = json!({"known": "a", "extra": 1, "db": {"host": "h", "junk": true}});
    let validation = validate(
        &json!({"known": "str", "db": {"host": "str"}}),
        &options,
        ADDON,
        &no_secrets,
    );
    assert_eq!(
        validation.warnings,
        [
            "Option 'extra' does not exist in the schema for My Add-on (my_addon)",
            "Unknown option 'junk' for My Add-on (my_addon)"
        ]
    );
    assert_eq!(
        validation.result,
        Ok(json!({"known": "a", "db": {"host": "h"}}))
    );
}

#[test]
fn schema_false_and_no_schema_check_against_nothing() {
    for schema in [json!(false), Value::Null] {
        let validation = validate(&schema, &json!({"a": 1}), ADDON, &no_secrets);
        assert_eq!(validation.result, Ok(json!({})));
        assert_eq!(
            validation.warnings,
            ["Option 'a' does not exist in the schema for My Add-on (my_addon)"]
        );
    }
    assert!(matches!(
        validate(&json!("str"), &json!({}), ADDON, &no_secrets).result,
        Err(Problem::Schema(_))
    ));
}

#[test]
fn options_must_be_a_mapping() {
    assert_eq!(check(json!({}), json!([1, 2])), "expected dict. Got [1, 2]");
}

#[test]
fn empty_list_schema_is_a_type_error() {
    assert_eq!(
        check(json!({"a": []}), json!({"a": [1]})),
        "Type error for option 'a' in My Add-on (my_addon). Got {'a': [1]}"
    );
    assert_eq!(
        check(json!({"a": {"b": []}}), json!({"a": {"b": 1}})),
        "Type error for option 'a' in My Add-on (my_addon). Got {'a': {'b': 1}}"
    );
}

#[test]
fn empty_element_is_a_fatal_error() {
    assert_eq!(
        one("?", json!(1)),
        "Fatal error for option 'x' with type '?' in My Add-on (my_addon)"
    );
    assert_eq!(check(json!({"x": "?"}), json!({})), "valid");
}

#[test]
fn secrets_resolve_through_the_lookup() {
    let secrets = |name: &str| (name == "db_password").then(|| json!("hunter2"));
    let schema = json!({"password": "password"});
    let options = json!({"password": "!secret db_password"});
    let validation = validate(&schema, &options, ADDON, &secrets);
    assert_eq!(validation.result, Ok(json!({"password": "hunter2"})));
    assert_eq!(
        check(schema, json!({"password": "!secret other"})),
        "Unknown secret 'other' in My Add-on (my_addon). Got {'password': '!secret other'}"
    );
}

#[test]
fn the_first_error_ends_the_walk() {
    let validation = validate(
        &json!({"a": "int", "b": "int"}),
        &json!({"x": 0, "a": "one", "y": 0, "b": "two"}),
        ADDON,
        &no_secrets,
    );
    assert_eq!(
        validation.result,
        Err(Problem::Invalid("expected int".into()))
    );
    assert_eq!(validation.warnings.len(), 1);
}

#[test]
fn element_grammar() {
    let parse = |text: &str| Element::parse(text).map(|element| element.kind);
    assert_eq!(parse("str?"), Some(Kind::Str));
    assert_eq!(parse("str\n"), Some(Kind::Str));
    assert_eq!(parse("int(,)"), Some(Kind::Int));
    assert_eq!(parse("match(a?)"), Some(Kind::Match("a?".into())));
    assert_eq!(parse("match(a)?"), Some(Kind::Match("a".into())));
    assert_eq!(parse("match()"), Some(Kind::Match(String::new())));
    assert_eq!(
        parse("list(a|b)?"),
        Some(Kind::List(vec!["a".into(), "b".into()]))
    );
    assert_eq!(parse("device(subsystem=tty)?"), Some(Kind::Device));
    assert_eq!(parse(""), Some(Kind::Empty));
    for bad in [
        "strr",
        "str(a,)",
        "str(-1,)",
        "int(1.5,)",
        "float(1.,)",
        "list()",
        "??",
        "device(tty)",
        "device(subsystem=TTY)",
        "int(1,2,3)",
        "match(a\nb)",
    ] {
        assert_eq!(parse(bad), None, "{bad}");
    }
    let bounds = |text: &str| Element::parse(text).map(|e| (e.min, e.max));
    assert_eq!(bounds("float(-.5,2)"), Some((Some(-0.5), Some(2.0))));
    assert_eq!(bounds("str(,10)?"), Some((None, Some(10.0))));
}

#[test]
fn schema_grammar() {
    assert_eq!(check_schema(&json!(false)), Ok(()));
    assert_eq!(
        check_schema(&json!({"a": "str", "b": ["int?"], "c": [{"d": "port"}], "e": {"f": "bool"}})),
        Ok(())
    );
    assert_eq!(
        check_schema(&json!({"db": {"port": "prot"}})),
        Err("schema of option 'db.port' has an unknown type: 'prot'".into())
    );
    assert_eq!(
        check_schema(&json!({"a": [["str"]]})),
        Err(
            "schema of option 'a[]' is a list inside a list, which the Supervisor does not allow"
                .into()
        )
    );
    assert_eq!(
        check_schema(&json!({"a": 5})),
        Err("schema of option 'a' is 5, not a type, a list or a mapping".into())
    );
    assert_eq!(
        check_schema(&json!(true)),
        Err("schema must be a mapping of options to types, or false, not True".into())
    );
}

#[test]
fn python_repr() {
    assert_eq!(
        py_repr(&json!({"a": [1, 2.5, null, true, false], "b": {}, "c": []})),
        "{'a': [1, 2.5, None, True, False], 'b': {}, 'c': []}"
    );
    assert_eq!(py_repr(&json!("it's")), "\"it's\"");
    assert_eq!(py_repr(&json!("say \"it's\"")), "'say \"it\\'s\"'");
    assert_eq!(
        py_repr(&json!("a\\b\tc\nd\u{1}\u{7f}é☕\u{a0}\u{200b}")),
        "'a\\\\b\\tc\\nd\\x01\\x7fé☕\\xa0\\u200b'"
    );
    assert_eq!(py_repr(&json!("\u{f0000}")), "'\\U000f0000'");
    let long = json!({"k": "x".repeat(600)});
    let shown = Problem::Invalid("m".into()).describe(&long);
    assert_eq!(shown.chars().count(), "m. Got ".len() + 500);
    assert!(shown.ends_with("xxx..."));
}

#[test]
fn python_float_repr() {
    for (value, text) in [
        (0.0, "0.0"),
        (-0.0, "-0.0"),
        (1.0, "1.0"),
        (0.1, "0.1"),
        (1.5, "1.5"),
        (100.0, "100.0"),
        (1e15, "1000000000000000.0"),
        (1e16, "1e+16"),
        (1.5e17, "1.5e+17"),
        (0.0001, "0.0001"),
        (0.00001, "1e-05"),
        (1.5e-7, "1.5e-07"),
        (-2.5e100, "-2.5e+100"),
        (123456789.125, "123456789.125"),
        (f64::NAN, "nan"),
        (f64::NEG_INFINITY, "-inf"),
    ] {
        assert_eq!(py_float(value), text);
    }
    // serde_json keeps a number's text (arbitrary_precision, this crate's
    // feature), so `-0` is an int as Python reads it, not the float -0.0.
    let numbers: Value = serde_json::from_str("[1e3, 10, 1.0, 12345678901234567890, -0]").unwrap();
    assert_eq!(
        py_repr(&numbers),
        "[1000.0, 10, 1.0, 12345678901234567890, 0]"
    );
}

/// The regex translation against what Python's `re.match` recorded
/// (tests/data/validate/oracle/regex.py).
#[test]
fn match_patterns_mean_what_they_mean_in_python() {
    let recorded = include_str!("../../../tests/data/validate/oracle/regex.jsonl");
    let mut differences = Vec::new();
    let mut compiled = std::collections::HashMap::new();
    for line in recorded.lines() {
        let case: Value = serde_json::from_str(line).unwrap();
        let pattern = case["pattern"].as_str().unwrap().to_string();
        let text = case["text"].as_str().unwrap();
        let regex = compiled
            .entry(pattern.clone())
            .or_insert_with(|| start_anchored(&pattern));
        let ours = match regex {
            Err(_) => "error",
            Ok(regex) if regex.is_match(text) => "match",
            Ok(_) => "no match",
        };
        if ours != case["python"] {
            differences.push(format!(
                "{pattern:?} on {text:?}: Python {}, here {ours}",
                case["python"]
            ));
        }
    }
    assert_eq!(differences, Vec::<String>::new());
}
