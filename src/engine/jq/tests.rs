//! The engine against jq 1.8: the recorded cases, and the edges they miss.

#![forbid(unsafe_code)]

use super::natives::{base64_decode, jaq_natives, D, NATIVES};
use super::num::{dec_cmp, fmt_f64, parse_literal, Literal};
use super::prepare::{select_prelude, PRELUDE};
use super::*;
use core::cmp::Ordering;
use jaq_core::load::{self, Arena, File, Loader};
use jaq_core::native::v;
use std::collections::HashSet;

/// Cases recorded from jq 1.8 by `tests/data/record_jq_cases.sh`.
const CASES: &str = include_str!("../../../tests/data/jq_cases.json");

fn run_case(case: &serde_json::Value) -> JqOutput {
    let input = match case.get("input_b64").and_then(|v| v.as_str()) {
        Some(b) => base64_decode(b).expect("valid base64 in case"),
        None => case["input"]
            .as_str()
            .unwrap_or_default()
            .as_bytes()
            .to_vec(),
    };
    let args: Vec<&str> = case
        .get("args")
        .and_then(|a| a.as_array())
        .map(|a| a.iter().filter_map(|x| x.as_str()).collect())
        .unwrap_or_default();
    let filter = case["filter"].as_str().unwrap_or_default();
    match parse_invocation(&args, filter) {
        Ok((vars, program)) => run(&input, &program, &vars),
        Err(out) => out,
    }
}

#[test]
fn matches_recorded_jq_cases() {
    std::env::set_var("JQ_CASES_VAR", "recorded");
    let cases: Vec<serde_json::Value> = serde_json::from_str(CASES).expect("cases parse");
    assert!(cases.len() >= 150);
    let mut failures = Vec::new();
    let mut passed = 0;
    for (i, case) in cases.iter().enumerate() {
        let out = run_case(case);
        let want_stdout = match case.get("stdout_b64").and_then(|v| v.as_str()) {
            Some(b) => base64_decode(b).unwrap_or_default(),
            None => case["stdout"]
                .as_str()
                .unwrap_or_default()
                .as_bytes()
                .to_vec(),
        };
        let want_status = case["status"].as_i64().unwrap_or(-1) as i32;
        let want_stderr = case["stderr"].as_str().unwrap_or_default();
        let same = out.stdout == want_stdout
            && out.status == want_status
            && out.stderr.is_empty() == want_stderr.is_empty();
        let known = case.get("known_difference").is_some();
        if same && !known {
            passed += 1;
        } else if same || !known {
            failures.push(format!(
                "case {i}{}: filter {:?} input {:?}\n  want status {want_status} stdout {:?} stderr {:?}\n  got  status {} stdout {:?} stderr {:?}",
                if known { " (marked as a known difference, but it now matches)" } else { "" },
                case["filter"].as_str().unwrap_or_default(),
                case["input"].as_str().map(|s| s.chars().take(80).collect::<String>()),
                String::from_utf8_lossy(&want_stdout),
                want_stderr,
                out.status,
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr),
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ from jq 1.8 ({passed} match):\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn whole_prelude_compiles() {
    // every definition may only use definitions above it and natives
    let mut needed: HashSet<&str> = PRELUDE
        .lines()
        .filter_map(|l| l.strip_prefix("def "))
        .map(|r| {
            let end = r
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '@'))
                .unwrap_or(r.len());
            &r[..end]
        })
        .collect();
    let text = select_prelude(&mut needed);
    assert_eq!(
        text.lines().count(),
        PRELUDE.lines().filter(|l| l.starts_with("def ")).count()
    );
    let defs = load::parse(&text, |p| p.defs());
    assert!(defs.is_some(), "the prelude parses");
    let loader = Loader::new(defs.unwrap_or_default());
    let arena = Arena::default();
    let modules = loader.load(
        &arena,
        File {
            code: ".",
            path: (),
        },
    );
    let Ok(modules) = modules else {
        panic!("the prelude loads");
    };
    let all: HashSet<&str> = NATIVES
        .iter()
        .map(|n| n.0)
        .chain([
            "_error",
            "path",
            "path_value",
            "_range",
            "first",
            "last",
            "_limit",
            "_skip",
        ])
        .collect();
    let mut everything = all.clone();
    everything.extend(needed.iter().copied());
    let funs = NATIVES
        .iter()
        .map(|&(name, arity, f)| jaq_core::native::run::<D>((name, v(arity), f)))
        .chain(jaq_natives(&everything));
    let compiled = jaq_core::Compiler::default()
        .with_funs(funs)
        .compile(modules);
    assert!(
        compiled.is_ok(),
        "{:?}",
        compiled
            .err()
            .map(|e| e.into_iter().map(|(_, e)| e).collect::<Vec<_>>())
    );
}

#[test]
fn numbers_print_like_jq() {
    let f = |x: f64| {
        let mut out = Vec::new();
        fmt_f64(x, &mut out);
        String::from_utf8(out).unwrap_or_default()
    };
    assert_eq!(f(0.1 + 0.2), "0.30000000000000004");
    assert_eq!(f(1.0 / 3.0), "0.3333333333333333");
    assert_eq!(f(3.0), "3");
    assert_eq!(f(1e15), "1000000000000000");
    assert_eq!(f(1e16), "1e+16");
    assert_eq!(f(1e17), "1e+17");
    assert_eq!(f(123456789012345678.0), "123456789012345680");
    assert_eq!(f(1e100), "1e+100");
    assert_eq!(f(1e-5), "1e-05");
    assert_eq!(f(0.0001), "0.0001");
    assert_eq!(f(-0.0), "-0");
    assert_eq!(f(f64::INFINITY), "1.7976931348623157e+308");
    assert_eq!(f(f64::NAN), "null");
    assert_eq!(f(1e15 + 0.3), "1000000000000000.2");
    let lit = |s: &str| match parse_literal(s) {
        Some(Literal::Finite(t, _)) => t,
        Some(Literal::Float(x)) => f(x),
        None => "invalid".into(),
    };
    assert_eq!(lit("1.0"), "1.0");
    assert_eq!(lit("1.5e3"), "1.5E+3");
    assert_eq!(lit("1e1000"), "1E+1000");
    assert_eq!(lit("1E1234567890"), "1.7976931348623157e+308");
    assert_eq!(lit("100000000000000000001"), "100000000000000000001");
    assert_eq!(lit("00"), "0");
    assert_eq!(lit("-0.0"), "-0.0");
    assert_eq!(lit("0.000001"), "0.000001");
    assert_eq!(lit("1e-7"), "1E-7");
    assert_eq!(lit("1."), "1");
    assert_eq!(lit("1e"), "invalid");
    assert_eq!(
        dec_cmp("100000000000000000001", "100000000000000000000"),
        Ordering::Greater
    );
    assert_eq!(dec_cmp("1.0", "1"), Ordering::Equal);
    assert_eq!(dec_cmp("-1E+2", "-99.9"), Ordering::Less);
    assert_eq!(dec_cmp("0", "-0.0"), Ordering::Equal);
}

#[test]
fn command_line_like_jq() {
    let inv = |args: &[&str], f: &str| parse_invocation(args, f);
    assert_eq!(
        inv(&["--arg", "a", "1", "--argjson", "b", "[2]"], ".").ok(),
        Some((
            vec![
                JqVar::Arg("a".into(), "1".into()),
                JqVar::ArgJson("b".into(), "[2]".into())
            ],
            ".".to_string()
        ))
    );
    // a parameter-less --arg takes the filter as its value; jq then runs `.`
    assert_eq!(
        inv(&["--arg", "x"], "$x").ok(),
        Some((vec![JqVar::Arg("x".into(), "$x".into())], ".".to_string()))
    );
    assert_eq!(
        inv(&["--argjson", "x", "{"], ".").err().map(|o| o.status),
        Some(2)
    );
    assert_eq!(inv(&["--nope"], ".").err().map(|o| o.status), Some(2));
    assert_eq!(inv(&[], "-x").err().map(|o| o.status), Some(2));
    assert_eq!(inv(&[], "-.a").ok().map(|v| v.1), Some("-.a".to_string()));
    assert_eq!(
        inv(&["-r", "--arg", "n", "v"], ".").ok().map(|v| v.0),
        Some(vec![JqVar::Arg("n".into(), "v".into())])
    );
}

#[test]
fn values_stay_out_of_filter_text() {
    let nasty = "\") | error(\"injected";
    let out = run(
        b"{}",
        ".a = $v | .a",
        &[JqVar::Arg("v".into(), nasty.into())],
    );
    assert_eq!(out.status, 0);
    assert_eq!(out.stdout, format!("{nasty}\n").into_bytes());
}

#[test]
fn reads_files_and_reports_missing_ones() {
    let path = std::env::temp_dir().join(format!("jq-engine-test-{}.json", std::process::id()));
    std::fs::write(&path, b"{\"a\":1.0}\n{\"a\":2}\n").expect("temp file");
    let out = run_file(&path, ".a, input_filename", &[]);
    let name = path.to_string_lossy();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("1.0\n{name}\n2\n{name}\n")
    );
    assert_eq!(out.status, 0);
    let _ = std::fs::remove_file(&path);
    let out = run_file(&path, ".", &[]);
    assert_eq!(out.status, 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("Could not open"));
    assert_eq!(run_file(&path, ".[", &[]).status, 3);
}

#[test]
fn survives_hostile_input() {
    let inputs: &[&[u8]] = &[
        b"\xff\xfe\xfd",
        b"\"\xc3\x28\"",
        b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
        b"{\"a\":{\"a\":{\"a\":",
        b"\"\\u",
        b"1e99999999999999999999",
        b"-",
        b"\x00",
        b"[1,2,3]]]]",
    ];
    let filters = [
        ".", ".a", "..", "tostream", "[paths]", ".[0] = 1", "tojson", "@base64d", "-.", "error",
    ];
    for input in inputs {
        for filter in filters {
            let out = run(input, filter, &[]);
            assert!(matches!(out.status, 0 | 2 | 3 | 5), "{filter} on {input:?}");
        }
    }
    let deep = format!("{}1{}", "[".repeat(20000), "]".repeat(20000));
    assert_eq!(run(deep.as_bytes(), "length", &[]).status, 5);
    let deep = format!("{}1{}", "[".repeat(9000), "]".repeat(9000));
    let out = run(deep.as_bytes(), ".", &[]);
    assert_eq!(out.stdout.len(), 18002);
}

/// Filters whose structure is deep (long pipe chains, nested brackets,
/// long operator chains) once overflowed the stack while being parsed,
/// compiled and run; overlong ones are refused.
#[test]
fn deep_filters_do_not_overflow_the_stack() {
    let deep = [
        format!("{}.a", ".a|".repeat(4000)),
        format!("{}1{}", "[".repeat(6000), "]".repeat(6000)),
        format!("{}1", "1+".repeat(6000)),
        format!("{}1{}", "(".repeat(6000), ")".repeat(6000)),
        format!("{}1", "try ".repeat(3000)),
    ];
    for filter in &deep {
        let out = run(b"{}", filter, &[]);
        assert_eq!(out.status, 0, "{}", String::from_utf8_lossy(&out.stderr));
    }
    let out = run(b"{}", &".a|".repeat(6000), &[]);
    assert_eq!(out.status, EXIT_COMPILE);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "jq: error: program longer than 16384 bytes\njq: 1 compile error\n"
    );
}
