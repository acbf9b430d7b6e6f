//! `bashio validate`'s rules against the Supervisor's own: the verdicts that
//! tests/data/validate/oracle/record.py recorded by running the Supervisor's
//! options code (supervisor/apps/options.py) on the default options of real
//! add-ons and on mutations of them. The options' JSON text is read as
//! `bashio validate --options` reads a file (numbers as orjson reads them),
//! then checked. The verdict must agree in at least 99.9% of the cases; the
//! figures, and the share of refusals whose message is the Supervisor's word
//! for word, are printed.

use bashio::validate::{read_options_text, rules};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

#[test]
fn validate_agrees_with_the_supervisor_on_recorded_options() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/validate/oracle");
    let schemas: BTreeMap<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("schemas.json")).unwrap()).unwrap();
    let cases = std::fs::read_to_string(dir.join("cases.jsonl")).unwrap();
    let (mut total, mut agree, mut refused, mut same_message) = (0, 0, 0, 0);
    let mut differences = Vec::new();
    for line in cases.lines() {
        let case: Value = serde_json::from_str(line).unwrap();
        let addon = &schemas[case["addon"].as_str().unwrap()];
        let expected = case["verdict"].as_str().unwrap();
        if expected == "error" {
            continue;
        }
        total += 1;
        let text = case["options"].as_str().unwrap();
        let (verdict, message) = match read_options_text(text.as_bytes()) {
            Err(message) => ("unreadable", message),
            Ok(options) => {
                let who = rules::Addon {
                    name: addon["name"].as_str().unwrap(),
                    slug: addon["slug"].as_str().unwrap(),
                };
                match rules::validate(&addon["schema"], &options, who, &|_| None).result {
                    Ok(_) => ("valid", String::new()),
                    Err(problem @ rules::Problem::Invalid(_)) => (
                        "invalid",
                        rules::invalid_options_message(who.slug, &problem.describe(&options)),
                    ),
                    Err(rules::Problem::Schema(message)) => ("schema", message),
                }
            }
        };
        if verdict == expected {
            agree += 1;
        } else {
            differences.push(format!("{expected} but {verdict}: {text} {message}"));
        }
        if expected == "invalid" {
            refused += 1;
            if verdict == "invalid" && case["message"].as_str() == Some(message.as_str()) {
                same_message += 1;
            } else if std::env::var_os("ORACLE_SHOW_MESSAGES").is_some() {
                eprintln!("message: {}\n   ours: {message}", case["message"]);
            }
        }
    }
    for difference in differences.iter().take(40) {
        eprintln!("{difference}");
    }
    eprintln!(
        "validate oracle: {agree}/{total} verdicts agree ({:.3}%), {same_message}/{refused} refusal messages word for word",
        100.0 * agree as f64 / total as f64
    );
    assert!(total > 5000);
    assert!(agree * 1000 >= total * 999, "{agree}/{total}");
}
