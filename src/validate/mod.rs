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
use std::ffi::OsString;
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

const USAGE: &str = "usage: bashio validate ADDON_DIR [--options FILE] [--format text|json]";

/// The config file names the Supervisor looks for, in the order tried.
const CONFIG_NAMES: &[&str] = &["config.yaml", "config.yml", "config.json"];

/// What the command line asks for.
#[derive(Debug, PartialEq)]
enum Request {
    Help,
    Check {
        dir: PathBuf,
        options: Option<PathBuf>,
        json: bool,
    },
}

fn parse_args(args: &[OsString]) -> Result<Request, String> {
    let mut dir = None;
    let mut options = None;
    let mut json = false;
    let mut positional_only = false;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let bytes = arg.as_bytes();
        let value = if positional_only {
            None
        } else if bytes == b"--options" {
            Some(
                args.next()
                    .cloned()
                    .ok_or("--options needs a FILE".to_string())?,
            )
        } else if let Some(value) = bytes.strip_prefix(b"--options=") {
            Some(OsString::from(std::ffi::OsStr::from_bytes(value)))
        } else if bytes == b"--format" || bytes.starts_with(b"--format=") {
            let format = match bytes.strip_prefix(b"--format=") {
                Some(value) => value.to_vec(),
                None => args
                    .next()
                    .ok_or("--format needs a value: text or json".to_string())?
                    .as_bytes()
                    .to_vec(),
            };
            json = match format.as_slice() {
                b"json" => true,
                b"text" => false,
                other => {
                    return Err(format!(
                        "unknown format '{}': text or json",
                        String::from_utf8_lossy(other)
                    ))
                }
            };
            continue;
        } else if bytes == b"-h" || bytes == b"--help" {
            return Ok(Request::Help);
        } else if bytes == b"--" {
            positional_only = true;
            continue;
        } else if bytes.len() > 1 && bytes[0] == b'-' {
            return Err(format!("unknown option '{}'", arg.to_string_lossy()));
        } else {
            None
        };
        match value {
            Some(_) if options.is_some() => return Err("--options given twice".into()),
            Some(file) => options = Some(PathBuf::from(file)),
            None if dir.is_some() => {
                return Err(format!("unexpected argument '{}'", arg.to_string_lossy()))
            }
            None => dir = Some(PathBuf::from(arg)),
        }
    }
    let dir = dir.ok_or("missing ADDON_DIR".to_string())?;
    Ok(Request::Check { dir, options, json })
}

/// `bashio validate ...`.
pub fn main(args: &[OsString]) -> i32 {
    match parse_args(args) {
        Ok(Request::Help) => {
            let _ = writeln!(std::io::stdout(), "{USAGE}");
            0
        }
        Ok(Request::Check { dir, options, json }) => check(&dir, options.as_deref(), json),
        Err(reason) => {
            let _ = writeln!(std::io::stderr(), "bashio validate: {reason} ({USAGE})");
            100
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    fn check_request(dir: &str, options: Option<&str>) -> Request {
        Request::Check {
            dir: dir.into(),
            options: options.map(PathBuf::from),
            json: false,
        }
    }

    #[test]
    fn arguments_in_any_order() {
        assert_eq!(parse_args(&args(&["dir"])), Ok(check_request("dir", None)));
        assert_eq!(
            parse_args(&args(&["dir", "--options", "o.json"])),
            Ok(check_request("dir", Some("o.json")))
        );
        assert_eq!(
            parse_args(&args(&["--options=o.json", "dir"])),
            Ok(check_request("dir", Some("o.json")))
        );
        assert_eq!(
            parse_args(&args(&["--", "-dir"])),
            Ok(check_request("-dir", None))
        );
        assert_eq!(parse_args(&args(&["dir", "--help"])), Ok(Request::Help));
        assert_eq!(
            parse_args(&args(&["--format", "json", "dir"])),
            Ok(Request::Check {
                dir: "dir".into(),
                options: None,
                json: true
            })
        );
        assert_eq!(
            parse_args(&args(&["dir", "--format=xml"])),
            Err("unknown format 'xml': text or json".to_string())
        );
    }

    #[test]
    fn usage_errors() {
        for (words, reason) in [
            (&[][..], "missing ADDON_DIR"),
            (&["dir", "--options"][..], "--options needs a FILE"),
            (&["dir", "other"][..], "unexpected argument 'other'"),
            (&["dir", "--verbose"][..], "unknown option '--verbose'"),
            (
                &["dir", "--options", "a", "--options", "b"][..],
                "--options given twice",
            ),
        ] {
            assert_eq!(
                parse_args(&args(words)),
                Err(reason.to_string()),
                "{words:?}"
            );
        }
    }

    #[test]
    fn non_utf8_arguments_are_kept_as_bytes() {
        use std::os::unix::ffi::OsStringExt;
        let dir = OsString::from_vec(b"caf\xe9".to_vec());
        let file = OsString::from_vec(b"--options=\xff.json".to_vec());
        assert_eq!(
            parse_args(&[dir, file]),
            Ok(Request::Check {
                dir: PathBuf::from(OsString::from_vec(b"caf\xe9".to_vec())),
                options: Some(PathBuf::from(OsString::from_vec(b"\xff.json".to_vec()))),
                json: false,
            })
        );
    }
}
