//! Running without a Supervisor: when no SUPERVISOR_TOKEN is set, or
//! BASHIO_OPTIONS_FILE names an options file, the user's options come from
//! that file (default /data/options.json, what the Supervisor writes into every
//! add-on) and the add-on's own facts from the config.yaml or config.json named
//! by BASHIO_ADDON_CONFIG. When that config has a `schema`, the options are
//! checked against it first, as the Supervisor checks them before it starts
//! an add-on, and refused with its message. Anything else that needs the
//! Supervisor fails with one line saying so, instead of a connection error.
//!
//! Reading and checking that config is linked only where
//! [`link_addon_config`] is called: the binary does; the builtins library
//! runs the binary for every call while BASHIO_ADDON_CONFIG is set here
//! (builtins::delegate).

#![forbid(unsafe_code)]

use super::log;
use crate::ctx::{Ctx, Ret, NOK, OK};
use crate::validate::rules;
use serde_json::{json, Map, Value};
use std::sync::OnceLock;

const DEFAULT_OPTIONS_FILE: &str = "/data/options.json";

/// The add-on's config, read and checked, as [`link_addon_config`] provides.
struct AddonConfig {
    read: fn(&str) -> Result<Value, String>,
    check_options: fn(&Value, &Value) -> Result<(), String>,
}

static ADDON_CONFIG: OnceLock<AddonConfig> = OnceLock::new();

/// Links in reading the add-on's config (YAML or JSON) and checking the
/// options against its schema.
pub fn link_addon_config() {
    let _ = ADDON_CONFIG.set(AddonConfig {
        read: read_addon_config,
        check_options,
    });
}

fn addon_config() -> Result<&'static AddonConfig, String> {
    ADDON_CONFIG
        .get()
        .ok_or_else(|| "this build cannot read BASHIO_ADDON_CONFIG (the bashio binary can)".into())
}

fn env(name: &str) -> Option<String> {
    crate::env::var(name).filter(|v| !v.is_empty())
}

/// Whether this call runs without a Supervisor.
pub fn active(ctx: &Ctx) -> bool {
    env("BASHIO_OPTIONS_FILE").is_some() || ctx.settings.supervisor_token.is_empty()
}

/// Whether this call runs without a Supervisor with the add-on's config
/// named (BASHIO_ADDON_CONFIG), which many calls then read.
pub fn reads_addon_config(ctx: &Ctx) -> bool {
    active(ctx) && env("BASHIO_ADDON_CONFIG").is_some()
}

/// The options file read without a Supervisor.
pub fn options_file() -> String {
    env("BASHIO_OPTIONS_FILE").unwrap_or_else(|| DEFAULT_OPTIONS_FILE.to_string())
}

/// The line every Supervisor-only request ends with in local mode.
pub fn unavailable(ctx: &mut Ctx, what: &str) -> Ret {
    log::error(
        ctx,
        format!("No Supervisor is available (SUPERVISOR_TOKEN is not set): cannot {what}"),
    );
    NOK
}

fn read_options() -> Result<Value, String> {
    let path = options_file();
    let text = std::fs::read(&path).map_err(|e| {
        format!(
            "Cannot read options file {path}: {}",
            crate::errors::plain(&e)
        )
    })?;
    let value: Value = serde_json::from_slice(&text)
        .map_err(|e| format!("Options file {path} is not valid JSON: {e}"))?;
    if !value.is_object() {
        return Err(format!("Options file {path} does not hold a JSON object"));
    }
    Ok(value)
}

/// The options file, once the add-on's schema (when BASHIO_ADDON_CONFIG
/// names a config that has one) accepts it. The file is served as written:
/// it stands for the /data/options.json the Supervisor writes, whose values
/// are already in the form validation would give them.
fn read_valid_options() -> Result<Value, String> {
    let options = read_options()?;
    if let Some(path) = env("BASHIO_ADDON_CONFIG") {
        let config = addon_config()?;
        (config.check_options)(&(config.read)(&path)?, &options)?;
    }
    Ok(options)
}

/// The Supervisor's refusal of `options` under the config's `schema`, if
/// any. Without a schema, or with `schema: false`, there is nothing to check
/// (the Supervisor would drop every option then; this file is served whole).
/// `!secret` values cannot be resolved without Home Assistant: they are
/// unknown secrets here.
fn check_options(config: &Value, options: &Value) -> Result<(), String> {
    let Some(schema @ Value::Object(_)) = config.get("schema") else {
        return Ok(());
    };
    let slug = config
        .get("slug")
        .and_then(Value::as_str)
        .unwrap_or("local_addon");
    let name = config.get("name").and_then(Value::as_str).unwrap_or(slug);
    let addon = rules::Addon { name, slug };
    match rules::validate(schema, options, addon, &|_| None).result {
        Ok(_) => Ok(()),
        Err(problem @ rules::Problem::Invalid(_)) => Err(rules::invalid_options_message(
            slug,
            &problem.describe(options),
        )),
        Err(rules::Problem::Schema(message)) => Err(message),
    }
}

/// The options, as `bashio::app.config` prints them.
pub fn options(ctx: &mut Ctx) -> Ret {
    match read_valid_options() {
        Ok(value) => {
            ctx.print(value.to_string().as_bytes());
            OK
        }
        Err(message) => {
            log::error(ctx, message);
            NOK
        }
    }
}

fn read_addon_config(path: &str) -> Result<Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "Cannot read add-on config {path}: {}",
            crate::errors::plain(&e)
        )
    })?;
    let value: Value = if path.ends_with(".json") {
        serde_json::from_str(&text)
            .map_err(|e| format!("Add-on config {path} is not valid JSON: {e}"))?
    } else {
        serde_yaml_ng::from_str(&text)
            .map_err(|e| format!("Add-on config {path} is not valid YAML: {e}"))?
    };
    if !value.is_object() {
        return Err(format!("Add-on config {path} does not hold a mapping"));
    }
    Ok(value)
}

/// What the Supervisor's `/addons/self/info` would say, from the add-on's
/// own config file and options: the facts a script can know without it.
fn info_from_config(config: &Value, options: Value) -> Value {
    let field = |name: &str| config.get(name).cloned().unwrap_or(Value::Null);
    let flag = |name: &str| config.get(name).cloned().unwrap_or(Value::Bool(false));
    let slug = config
        .get("slug")
        .and_then(Value::as_str)
        .unwrap_or("local_addon");
    let ingress = config
        .get("ingress")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let mut info = Map::new();
    for (name, value) in [
        ("name", field("name")),
        ("slug", json!(slug)),
        ("hostname", json!(slug.replace('_', "-"))),
        ("description", field("description")),
        ("version", field("version")),
        ("version_latest", field("version")),
        ("update_available", json!(false)),
        ("url", field("url")),
        ("arch", config.get("arch").cloned().unwrap_or(json!([]))),
        (
            "machine",
            config.get("machine").cloned().unwrap_or(json!([])),
        ),
        ("startup", field("startup")),
        ("boot", config.get("boot").cloned().unwrap_or(json!("auto"))),
        ("state", json!("started")),
        ("options", options),
        ("schema", field("schema")),
        (
            "network",
            config.get("ports").cloned().unwrap_or(Value::Null),
        ),
        ("network_description", field("ports_description")),
        ("host_network", flag("host_network")),
        ("ingress", json!(ingress)),
        (
            "ingress_port",
            if ingress {
                config.get("ingress_port").cloned().unwrap_or(json!(8099))
            } else {
                Value::Null
            },
        ),
        ("ingress_entry", Value::Null),
        ("ingress_url", Value::Null),
        ("ingress_panel", flag("panel_admin")),
        ("webui", field("webui")),
        ("hassio_api", flag("hassio_api")),
        (
            "hassio_role",
            config
                .get("hassio_role")
                .cloned()
                .unwrap_or(json!("default")),
        ),
        ("homeassistant_api", flag("homeassistant_api")),
        ("auth_api", flag("auth_api")),
        (
            "privileged",
            config.get("privileged").cloned().unwrap_or(json!([])),
        ),
        ("protected", json!(true)),
        ("watchdog", flag("watchdog")),
        ("ip_address", json!("127.0.0.1")),
    ] {
        info.insert(name.to_string(), value);
    }
    Value::Object(info)
}

/// A GET of add-on info in local mode: this add-on's facts, or the refusal line.
pub fn addon_info(ctx: &mut Ctx, resource: &str) -> Ret {
    if resource != "/addons/self/info" {
        return unavailable(ctx, &format!("GET {resource}"));
    }
    let Some(path) = env("BASHIO_ADDON_CONFIG") else {
        return unavailable(
            ctx,
            "read this add-on's facts (set BASHIO_ADDON_CONFIG to its config.yaml)",
        );
    };
    let facts = addon_config().and_then(|c| (c.read)(&path)).map(|config| {
        let options =
            read_options().unwrap_or_else(|_| config.get("options").cloned().unwrap_or(json!({})));
        info_from_config(&config, options)
    });
    match facts {
        Ok(info) => {
            ctx.print(info.to_string().as_bytes());
            OK
        }
        Err(message) => {
            log::error(ctx, message);
            NOK
        }
    }
}
