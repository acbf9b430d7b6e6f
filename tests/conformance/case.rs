//! The conformance cases as written in `cases/*.json`, and the outcome of a
//! run in the form of the files under `expected/`.

use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance")
}

/// One case, as written in a case file.
#[derive(Debug, Clone)]
pub struct Case {
    pub file: String,
    pub name: String,
    pub script: String,
    pub env: Vec<(String, String)>,
    pub world: Option<Value>,
    pub faults: Vec<Value>,
    pub args: Vec<String>,
    pub skip: Option<String>,
    pub redacted: Option<String>,
    /// stderr is part of the contract for this case.
    pub stderr: bool,
}

/// What a run produced, in the expected files' form.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub stdout: String,
    pub status: i64,
    pub requests: Vec<Value>,
    pub stderr: String,
}

impl Outcome {
    pub fn to_json(&self) -> Value {
        json!({
            "stdout": self.stdout,
            "status": self.status,
            "requests": self.requests,
            "stderr": self.stderr,
        })
    }

    pub fn from_json(value: &Value) -> Result<Outcome, String> {
        let object = value.as_object().ok_or("not a JSON object")?;
        let text = |key: &str| {
            object
                .get(key)
                .and_then(Value::as_str)
                .map(str::to_string)
                .ok_or(format!("\"{key}\" must be a string"))
        };
        Ok(Outcome {
            stdout: text("stdout")?,
            status: object
                .get("status")
                .and_then(Value::as_i64)
                .ok_or("\"status\" must be a number")?,
            requests: object
                .get("requests")
                .and_then(Value::as_array)
                .cloned()
                .ok_or("\"requests\" must be an array")?,
            stderr: object
                .get("stderr")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
        })
    }
}

pub fn strings(value: Option<&Value>, what: &str) -> Result<Vec<String>, String> {
    match value {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| {
                item.as_str()
                    .map(str::to_string)
                    .ok_or(format!("{what} must hold strings"))
            })
            .collect(),
        Some(_) => Err(format!("{what} must be an array of strings")),
    }
}

pub fn parse_case(file: &str, value: &Value) -> Result<Case, String> {
    let object = value.as_object().ok_or("a case must be a JSON object")?;
    const FIELDS: &[&str] = &[
        "name", "script", "env", "world", "faults", "args", "skip", "note", "redacted", "stderr",
    ];
    if let Some(key) = object.keys().find(|key| !FIELDS.contains(&key.as_str())) {
        return Err(format!("unknown case field {key:?}"));
    }
    let name = object
        .get("name")
        .and_then(Value::as_str)
        .ok_or("\"name\" must be a string")?
        .to_string();
    if name.is_empty()
        || !name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_.-".contains(&b))
    {
        return Err(format!("case name {name:?} must match [a-z0-9_.-]+"));
    }
    let script = object
        .get("script")
        .and_then(Value::as_str)
        .ok_or(format!("{name}: \"script\" must be a string"))?
        .to_string();
    let env = match object.get("env") {
        None => Vec::new(),
        Some(Value::Object(env)) => env
            .iter()
            .map(|(key, value)| match value.as_str() {
                Some(text) => Ok((key.clone(), text.to_string())),
                None => Err(format!("{name}: env {key} must be a string")),
            })
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(format!("{name}: \"env\" must be an object")),
    };
    let faults = match object.get("faults") {
        None => Vec::new(),
        Some(Value::Array(rules)) => rules.clone(),
        Some(_) => return Err(format!("{name}: \"faults\" must be an array")),
    };
    Ok(Case {
        file: file.to_string(),
        script,
        env,
        world: object.get("world").cloned(),
        faults,
        args: strings(object.get("args"), "args").map_err(|e| format!("{name}: {e}"))?,
        skip: object
            .get("skip")
            .and_then(Value::as_str)
            .map(str::to_string),
        redacted: object
            .get("redacted")
            .and_then(Value::as_str)
            .map(str::to_string),
        stderr: match object.get("stderr") {
            None => false,
            Some(Value::Bool(compare)) => *compare,
            Some(_) => return Err(format!("{name}: \"stderr\" must be true or false")),
        },
        name,
    })
}

/// Every case of every case file, in file then written order.
pub fn load_cases() -> Vec<Case> {
    let dir = data_dir().join("cases");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("dir entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    let mut names = BTreeSet::new();
    for path in files {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).expect("read case file");
        let value: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: not valid JSON: {e}", path.display()));
        let items = value
            .as_array()
            .unwrap_or_else(|| panic!("{}: must hold a JSON array of cases", path.display()));
        for item in items {
            let case = parse_case(&file, item).unwrap_or_else(|e| panic!("{file}: {e}"));
            assert!(
                names.insert(case.name.clone()),
                "case name {} appears twice",
                case.name
            );
            cases.push(case);
        }
    }
    cases
}

pub fn expected_path(name: &str) -> PathBuf {
    data_dir().join("expected").join(format!("{name}.json"))
}
