//! The YAML 1.1 reader against what PyYAML's SafeLoader recorded
//! (tests/data/validate/oracle/pyyaml_cases.py), and against hostile input.

#![forbid(unsafe_code)]

use super::*;

/// Equal as JSON, floats compared by value (Python prints `1e+20`, Rust `1e20`).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            x == y || x.as_f64().is_some() && x.as_f64() == y.as_f64() && (x.is_f64() || y.is_f64())
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((ka, va), (kb, vb))| ka == kb && same(va, vb))
        }
        _ => a == b,
    }
}

#[test]
fn yaml11_reads_as_pyyaml_reads() {
    let recorded = include_str!("../../../tests/data/validate/oracle/yaml.jsonl");
    let mut differences = Vec::new();
    for line in recorded.lines() {
        let case: Value = serde_json::from_str(line).unwrap();
        let text = case["yaml"].as_str().unwrap();
        let expected = &case["pyyaml"];
        let ours = load(text);
        let agree = match (&ours, expected) {
            (Err(_), Value::String(e)) => e == "error",
            (Ok(value), expected) => same(value, expected),
            _ => false,
        };
        if !agree {
            differences.push(format!("{text:?}: PyYAML {expected}, here {ours:?}"));
        }
    }
    assert_eq!(differences, Vec::<String>::new());
}

#[test]
fn yaml11_survives_hostile_input() {
    for text in [
        "[[[[",
        "{a: [}",
        "&a [*a]",
        "*a",
        "? - x\n: y",
        "!!binary x",
        "- &a\n- *a\n",
    ] {
        let _ = load(text);
    }
    let deep = "[".repeat(100_000);
    assert!(load(&deep).is_err());
    let deep = "- ".repeat(1_000) + "x";
    assert!(load(&deep).is_err());
    // An alias bomb stays bounded by the text: each alias is one clone.
    let mut bomb = String::from("a: &a [x, x]\n");
    for i in 0..8 {
        bomb.push_str(&format!(
            "b{i}: &b{i} [*{}, *{}]\n",
            if i == 0 {
                "a".to_string()
            } else {
                format!("b{}", i - 1)
            },
            if i == 0 {
                "a".to_string()
            } else {
                format!("b{}", i - 1)
            }
        ));
    }
    assert!(load(&bomb).is_ok());
}
