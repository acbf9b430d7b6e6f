//! `bashio validate ADDON_DIR [--options FILE]`: checks an add-on's options
//! against the `schema` of its config.yaml (or config.yml, config.json) the
//! way the Home Assistant Supervisor does, with the Supervisor's messages, so
//! an author sees the refusal before any Supervisor does. The options are
//! FILE's JSON, or else the `options` defaults of the config itself.
//!
//! It reads two files and prints; it never asks a Supervisor. So `!secret`
//! values are unknown (there is no Home Assistant secrets.yaml here) and
//! device options are checked to be device paths, not to exist. The rules
//! themselves are the addon-options crate, which the mock Supervisor links
//! too.
//!
//! Where the Supervisor stops at the first problem, every invalid option is
//! printed by its path first (`database.port: value must be at most 65535
//! (got 70000)`), then the Supervisor's own line; `--format json` gives the
//! same as one JSON document on stdout.
//!
//! Exit status: 0 valid, 1 invalid options or an unreadable or malformed
//! file, 100 usage.

#![forbid(unsafe_code)]

pub use addon_options as rules;
pub mod yaml11;

use serde_json::{json, Value};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The config file names the Supervisor looks for, in the order tried.
const CONFIG_NAMES: &[&str] = &["config.yaml", "config.yml", "config.json"];

/// `bashio validate ADDON_DIR [--options FILE] [--format text|json]`.
pub fn main(dir: &Path, options_file: Option<&Path>, json: bool) -> i32 {
    check(dir, options_file, json)
}

/// What the add-on's config says that validation needs.
struct Config {
    path: PathBuf,
    name: String,
    slug: String,
    options: Value,
    schema: Value,
}

fn check(dir: &Path, options_file: Option<&Path>, json: bool) -> i32 {
    let prepared = read_config(dir).and_then(|config| {
        let options = match options_file {
            Some(file) => read_options(file)?,
            None => config.options.clone(),
        };
        Ok((config, options))
    });
    let (config, options) = match prepared {
        Ok(prepared) => prepared,
        Err(message) => {
            let _ = writeln!(std::io::stderr(), "bashio validate: {message}");
            return 1;
        }
    };
    let addon = rules::Addon {
        name: &config.name,
        slug: &config.slug,
    };
    // No Home Assistant here, so no secrets.yaml: every `!secret` is unknown.
    let validation = rules::validate(&config.schema, &options, addon, &|_| None);
    let problems = match &validation.result {
        Err(rules::Problem::Invalid(_)) => {
            rules::problems(&config.schema, &options, addon, &|_| None)
        }
        _ => Vec::new(),
    };
    let (status, line) = match &validation.result {
        Ok(_) => (0, None),
        Err(problem @ rules::Problem::Invalid(_)) => {
            let error = problem.describe(&options);
            (
                1,
                Some(rules::invalid_options_message(&config.slug, &error)),
            )
        }
        Err(rules::Problem::Schema(message)) => (
            1,
            Some(format!(
                "bashio validate: {}: {message}",
                config.path.display()
            )),
        ),
    };
    if json {
        let report = json!({
            "valid": status == 0,
            "problems": problems
                .iter()
                .map(|issue| json!({"path": issue.path, "message": issue.message}))
                .collect::<Vec<_>>(),
            "supervisor": line,
            "warnings": validation.warnings,
            "options": validation.result.as_ref().ok(),
        });
        let text = serde_json::to_string_pretty(&report).unwrap_or_default();
        let _ = writeln!(std::io::stdout(), "{text}");
        return status;
    }
    let mut stderr = std::io::stderr().lock();
    for warning in &validation.warnings {
        let _ = writeln!(stderr, "{warning}");
    }
    // Every problem by its path, then the Supervisor's own line (it stops at
    // the first).
    for issue in &problems {
        let _ = writeln!(stderr, "{}: {}", issue.path, issue.message);
    }
    match line {
        None => {
            let _ = writeln!(std::io::stdout(), "{}: options are valid", dir.display());
        }
        Some(line) => {
            let _ = writeln!(stderr, "{line}");
        }
    }
    status
}

/// An I/O failure on `path`, in one line.
fn io_failure(path: &Path, error: &std::io::Error) -> String {
    format!("{}: {}", path.display(), crate::errors::plain(error))
}

/// A parser's message on one line.
fn one_line(text: impl ToString) -> String {
    text.to_string().replace('\n', " ")
}

fn read_config(dir: &Path) -> Result<Config, String> {
    let metadata = std::fs::metadata(dir).map_err(|e| io_failure(dir, &e))?;
    if !metadata.is_dir() {
        return Err(format!("{}: not a directory", dir.display()));
    }
    let path = CONFIG_NAMES
        .iter()
        .map(|name| dir.join(name))
        .find(|path| path.is_file())
        .ok_or_else(|| {
            format!(
                "{}: no config.yaml, config.yml or config.json",
                dir.display()
            )
        })?;
    let text = std::fs::read(&path).map_err(|e| io_failure(&path, &e))?;
    let config: Value = if path.extension().is_some_and(|e| e == "json") {
        serde_json::from_slice(&text)
            .map_err(|e| format!("{}: not valid JSON: {}", path.display(), one_line(e)))?
    } else {
        // As the Supervisor reads it: PyYAML, YAML 1.1.
        std::str::from_utf8(&text)
            .map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to()))
            .and_then(yaml11::load)
            .map_err(|e| format!("{}: not valid YAML: {}", path.display(), one_line(e)))?
    };
    let shown = path.display();
    let Value::Object(mut fields) = config else {
        return Err(format!("{shown}: does not hold a mapping"));
    };
    // The Supervisor refuses to load a config without these; the messages
    // are voluptuous's.
    let text_field = |key: &str| match fields.get(key) {
        Some(Value::String(text)) => Ok(text.clone()),
        None => Err(format!(
            "{shown}: required key not provided @ data['{key}']"
        )),
        Some(_) => Err(format!(
            "{shown}: expected str for dictionary value @ data['{key}']"
        )),
    };
    let name = text_field("name")?;
    let slug = text_field("slug")?;
    let options = match fields.remove("options") {
        None => json!({}),
        Some(options @ Value::Object(_)) => options,
        Some(_) => {
            return Err(format!(
                "{shown}: expected dict for dictionary value @ data['options']"
            ))
        }
    };
    let schema = fields.remove("schema").unwrap_or(Value::Null);
    rules::check_schema(&schema).map_err(|message| format!("{shown}: {message}"))?;
    Ok(Config {
        path,
        name,
        slug,
        options,
        schema,
    })
}

fn read_options(file: &Path) -> Result<Value, String> {
    let text = std::fs::read(file).map_err(|e| io_failure(file, &e))?;
    read_options_text(&text).map_err(|e| format!("{}: {e}", file.display()))
}

/// Options JSON read as the Supervisor's API reads a request body (orjson):
/// integers within 64 bits stay integers, larger ones become floats, and a
/// number a double cannot hold refuses the whole text.
pub fn read_options_text(text: &[u8]) -> Result<Value, String> {
    let value: Value =
        serde_json::from_slice(text).map_err(|e| format!("not valid JSON: {}", one_line(e)))?;
    rules::as_orjson_reads(value)
}
