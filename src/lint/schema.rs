//! The option names an add-on defines: the top-level keys of `schema` (and of
//! `options`) in its config.yaml, config.yml or config.json. Only names are
//! read; validating option values against the schema is `bashio validate`'s
//! job, not this one's. A config file that cannot be parsed is itself a
//! finding, since the Supervisor will refuse it too.

use super::report::Findings;
use super::tree::{read_text, Tree};
use std::collections::BTreeSet;

pub struct Schema {
    /// The config file, relative to PATH (`config.yaml`).
    pub file: String,
    pub keys: BTreeSet<String>,
}

/// The schema's option names; None when there is no config file, it has no
/// `schema` mapping, or it cannot be read (a finding then).
pub fn load(tree: &Tree, findings: &mut Findings) -> Option<Schema> {
    let (name, path) = tree.config.as_ref()?;
    let text = read_text(path)?;
    let keys = if name.ends_with(".json") {
        match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(value) => json_keys(&value),
            Err(e) => {
                let message = format!("cannot parse {name}: {e}");
                findings.error("config-file", name, e.line(), message);
                return None;
            }
        }
    } else {
        match serde_yaml_ng::from_str::<serde_yaml_ng::Value>(&text) {
            Ok(value) => yaml_keys(&value),
            Err(e) => {
                let line = e.location().map(|l| l.line()).unwrap_or(1);
                let message = format!("cannot parse {name}: {e}");
                findings.error("config-file", name, line, message);
                return None;
            }
        }
    };
    keys.map(|keys| Schema {
        file: name.clone(),
        keys,
    })
}

fn json_keys(config: &serde_json::Value) -> Option<BTreeSet<String>> {
    let mut keys: BTreeSet<String> = config.get("schema")?.as_object()?.keys().cloned().collect();
    if let Some(options) = config.get("options").and_then(|o| o.as_object()) {
        keys.extend(options.keys().cloned());
    }
    Some(keys)
}

fn yaml_keys(config: &serde_yaml_ng::Value) -> Option<BTreeSet<String>> {
    let names = |mapping: &serde_yaml_ng::Mapping| -> Vec<String> {
        mapping
            .keys()
            .filter_map(|key| match key {
                serde_yaml_ng::Value::String(s) => Some(s.clone()),
                serde_yaml_ng::Value::Number(n) => Some(n.to_string()),
                serde_yaml_ng::Value::Bool(b) => Some(b.to_string()),
                _ => None,
            })
            .collect()
    };
    let mut keys: BTreeSet<String> = names(config.get("schema")?.as_mapping()?)
        .into_iter()
        .collect();
    if let Some(options) = config.get("options").and_then(|o| o.as_mapping()) {
        keys.extend(names(options));
    }
    Some(keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schema_of(name: &str, text: &str) -> (Option<Vec<String>>, Vec<String>) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(name), text).unwrap();
        let tree = Tree::open(dir.path()).unwrap();
        let mut findings = Findings::default();
        let keys = load(&tree, &mut findings).map(|s| s.keys.into_iter().collect());
        let found = findings
            .list
            .iter()
            .map(|f| format!("{}:{}", f.file, f.line))
            .collect();
        (keys, found)
    }

    #[test]
    fn lint_schema_reads_top_level_option_names() {
        let yaml = "options:\n  a: 1\nschema:\n  a: int\n  b: str?\n  logins:\n    - name: str\n";
        assert_eq!(
            schema_of("config.yaml", yaml).0.unwrap(),
            ["a", "b", "logins"]
        );
        let json = r#"{"options": {"x": 1}, "schema": {"y": "str"}}"#;
        assert_eq!(schema_of("config.json", json).0.unwrap(), ["x", "y"]);
        assert_eq!(schema_of("config.yaml", "schema: false\n").0, None);
        assert_eq!(schema_of("config.yml", "name: x\n").0, None);
    }

    #[test]
    fn lint_schema_reports_unparsable_config_files() {
        let (keys, found) = schema_of("config.yaml", "name: x\nschema:\n  a: [\n");
        assert!(keys.is_none());
        assert_eq!(found.len(), 1);
        assert!(found[0].starts_with("config.yaml:"), "{found:?}");
        let (_, found) = schema_of("config.json", "{\n\"a\": }");
        assert_eq!(found, ["config.json:2"]);
    }
}
