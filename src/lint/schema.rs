//! The option names an add-on defines: the keys of `schema` (and of
//! `options`) in its config.yaml, config.yml or config.json, nested ones
//! included (`database.host`, `logins[0].name`). Only names are read;
//! validating option values against the schema is `bashio validate`'s job,
//! not this one's. A config file that cannot be parsed is itself a finding,
//! since the Supervisor will refuse it too.

#![forbid(unsafe_code)]

use super::report::Findings;
use super::tree::{read_text, Tree};
use std::collections::{BTreeMap, BTreeSet};

pub struct Schema {
    /// The config file, relative to PATH (`config.yaml`).
    pub file: String,
    /// The top-level option names.
    pub keys: BTreeSet<String>,
    /// The whole shape, for nested keys.
    pub tree: Node,
}

/// The shape of an option: a dict of named options, a list of one shape, or
/// a value (whose inside is not judged).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Node {
    Dict(BTreeMap<String, Node>),
    List(Box<Node>),
    #[default]
    Value,
}

/// Where a key stops matching the schema.
#[derive(Debug, PartialEq, Eq)]
pub enum Missing {
    /// The option at the top level (`databse`).
    Top(String),
    /// A nested option (`database.hots`): the full path to it.
    Nested(String),
}

impl Node {
    fn merge(&mut self, other: Node) {
        match (self, other) {
            (Node::Dict(mine), Node::Dict(theirs)) => {
                for (key, node) in theirs {
                    mine.entry(key).or_default().merge(node);
                }
            }
            (Node::List(mine), Node::List(theirs)) => mine.merge(*theirs),
            (mine @ Node::Value, other) => *mine = other,
            _ => {}
        }
    }

    fn from_json(value: &serde_json::Value) -> Node {
        match value {
            serde_json::Value::Object(map) => Node::Dict(
                map.iter()
                    .map(|(k, v)| (k.clone(), Node::from_json(v)))
                    .collect(),
            ),
            serde_json::Value::Array(items) => {
                let mut node = Node::Value;
                for item in items {
                    node.merge(Node::from_json(item));
                }
                Node::List(Box::new(node))
            }
            _ => Node::Value,
        }
    }

    fn from_yaml(value: &serde_yaml_ng::Value) -> Node {
        match value {
            serde_yaml_ng::Value::Mapping(map) => Node::Dict(
                map.iter()
                    .filter_map(|(k, v)| Some((key_text(k)?, Node::from_yaml(v))))
                    .collect(),
            ),
            serde_yaml_ng::Value::Sequence(items) => {
                let mut node = Node::Value;
                for item in items {
                    node.merge(Node::from_yaml(item));
                }
                Node::List(Box::new(node))
            }
            serde_yaml_ng::Value::Tagged(tagged) => Node::from_yaml(&tagged.value),
            _ => Node::Value,
        }
    }

    /// Where a plain key (`a.b`, `a[0].b`, `a.0.b`) leaves the schema; None
    /// when it is inside it or goes below a value the schema does not shape.
    pub fn missing(&self, key: &str) -> Option<Missing> {
        let mut node = self;
        let mut walked = String::new();
        for part in key.split('.') {
            let (name, indexed) = match part.find('[') {
                Some(at) => (&part[..at], part[at..].matches('[').count()),
                None => (part, 0),
            };
            if !name.is_empty() {
                match node {
                    Node::Dict(map) => {
                        if !walked.is_empty() {
                            walked.push('.');
                        }
                        walked.push_str(name);
                        match map.get(name) {
                            Some(next) => node = next,
                            None if walked.contains('.') => return Some(Missing::Nested(walked)),
                            None => return Some(Missing::Top(walked)),
                        }
                    }
                    Node::List(item) if name.chars().all(|c| c.is_ascii_digit()) => {
                        walked.push('.');
                        walked.push_str(name);
                        node = item;
                    }
                    _ => return None,
                }
            }
            for _ in 0..indexed {
                match node {
                    Node::List(item) => node = item,
                    _ => return None,
                }
            }
        }
        None
    }
}

fn key_text(key: &serde_yaml_ng::Value) -> Option<String> {
    match key {
        serde_yaml_ng::Value::String(s) => Some(s.clone()),
        serde_yaml_ng::Value::Number(n) => Some(n.to_string()),
        serde_yaml_ng::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The schema's option names; None when there is no config file, it has no
/// `schema` mapping, or it cannot be read (a finding then).
pub fn load(tree: &Tree, findings: &mut Findings) -> Option<Schema> {
    let (name, path) = tree.config.as_ref()?;
    let text = read_text(path)?;
    let tree = if name.ends_with(".json") {
        match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(value) => json_tree(&value),
            Err(e) => {
                let message = format!("cannot parse {name}: {e}");
                findings.error("config-file", name, e.line(), message);
                return None;
            }
        }
    } else {
        match serde_yaml_ng::from_str::<serde_yaml_ng::Value>(&text) {
            Ok(value) => yaml_tree(&value),
            Err(e) => {
                let line = e.location().map(|l| l.line()).unwrap_or(1);
                let message = format!("cannot parse {name}: {e}");
                findings.error("config-file", name, line, message);
                return None;
            }
        }
    };
    let tree = tree?;
    let keys = match &tree {
        Node::Dict(map) => map.keys().cloned().collect(),
        _ => BTreeSet::new(),
    };
    Some(Schema {
        file: name.clone(),
        keys,
        tree,
    })
}

fn json_tree(config: &serde_json::Value) -> Option<Node> {
    let schema = config.get("schema")?;
    schema.as_object()?;
    let mut tree = Node::from_json(schema);
    if let Some(options) = config.get("options").filter(|o| o.is_object()) {
        tree.merge(Node::from_json(options));
    }
    Some(tree)
}

fn yaml_tree(config: &serde_yaml_ng::Value) -> Option<Node> {
    let schema = config.get("schema")?;
    schema.as_mapping()?;
    let mut tree = Node::from_yaml(schema);
    if let Some(options) = config.get("options").filter(|o| o.is_mapping()) {
        tree.merge(Node::from_yaml(options));
    }
    Some(tree)
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
    fn lint_schema_walks_nested_keys() {
        let dir = tempfile::tempdir().unwrap();
        let yaml = "options:\n  database: {host: x}\nschema:\n  database:\n    host: str\n    port: port\n  logins:\n    - name: str\n  plain: str\n";
        std::fs::write(dir.path().join("config.yaml"), yaml).unwrap();
        let tree = Tree::open(dir.path()).unwrap();
        let schema = load(&tree, &mut Findings::default()).unwrap();
        let missing = |key: &str| schema.tree.missing(key);
        assert_eq!(missing("database.host"), None);
        assert_eq!(
            missing("database.hots"),
            Some(Missing::Nested("database.hots".into()))
        );
        assert_eq!(
            missing("databse.host"),
            Some(Missing::Top("databse".into()))
        );
        assert_eq!(missing("logins[0].name"), None);
        assert_eq!(
            missing("logins[0].nmae"),
            Some(Missing::Nested("logins.nmae".into()))
        );
        assert_eq!(missing("logins.0.name"), None);
        assert_eq!(missing("plain.below"), None);
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
