//! The `bashio::` calls of a script, checked against the one function table:
//! a name the table does not know fails at run time with "command not found"
//! (an error, with the closest names); a deprecated `bashio::addon.*` name
//! still works but warns in the add-on's log (a warning naming the
//! replacement); and an option key the add-on's schema does not define reads
//! null (an error). Only literal names and keys are judged: a key built from a
//! variable, a jq filter or a JSONPath query is left alone.

use super::report::Findings;
use super::schema::Schema;
use super::shell::Script;
use crate::table;
use std::collections::BTreeSet;

/// Functions whose first argument is an option key.
const KEY_FIRST: &[&str] = &[
    "bashio::config",
    "bashio::config.exists",
    "bashio::config.has_value",
    "bashio::config.is_empty",
    "bashio::config.equals",
    "bashio::config.true",
    "bashio::config.false",
    "bashio::config.is_safe_password",
    "bashio::config.require",
    "bashio::config.suggest",
    "bashio::config.suggest.true",
    "bashio::config.suggest.false",
];

/// The option keys a call reads: (key, whether it is the function's default).
fn keys_read(function: &str, args: &[(String, bool)]) -> Vec<(String, bool)> {
    let arg = |i: usize, default: &str| -> Option<(String, bool)> {
        match args.get(i) {
            Some((text, true)) => Some((text.clone(), false)),
            Some((_, false)) => None,
            None => Some((default.to_string(), true)),
        }
    };
    if KEY_FIRST.contains(&function) {
        return match args.first() {
            Some((text, true)) => vec![(text.clone(), false)],
            _ => Vec::new(),
        };
    }
    let defaults: &[&str] = match function {
        "bashio::config.require.username" | "bashio::config.suggest.username" => &["username"],
        "bashio::config.require.password"
        | "bashio::config.suggest.password"
        | "bashio::config.require.safe_password"
        | "bashio::config.suggest.safe_password" => &["password"],
        "bashio::config.require.ssl" => &["ssl", "certfile", "keyfile"],
        _ => &[],
    };
    defaults
        .iter()
        .enumerate()
        .filter_map(|(i, default)| arg(i, default))
        .collect()
}

/// The option a plain key starts with: `database` for `database.host` or
/// `database[0].host`; None for filters, JSONPath and anything unusual.
fn first_segment(key: &str) -> Option<&str> {
    let plain = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    if !key.chars().all(|c| plain(c) || ".[]".contains(c)) {
        return None;
    }
    let segment = key.split(['.', '[']).next().unwrap_or_default();
    (!segment.is_empty()).then_some(segment)
}

pub fn check(
    script: &Script,
    file: &str,
    own_functions: &BTreeSet<String>,
    schema: Option<&Schema>,
    findings: &mut Findings,
) {
    let removed = options_set(script);
    let probed = options_probed(script);
    for cmd in &script.cmds {
        let Some(name) = cmd.name() else {
            continue;
        };
        if !name.starts_with("bashio::") || own_functions.contains(name) {
            continue;
        }
        let Some((function, deprecated)) = table::resolve(name) else {
            let closest = table::closest(name, 3).join(", ");
            let message = format!("{name} is not a bashio function (closest: {closest})");
            findings.error("unknown-function", file, cmd.line, message);
            continue;
        };
        if let Some(old) = deprecated {
            let message = format!("{old} is deprecated: use {}", function.name);
            findings.warning("deprecated", file, cmd.line, message);
        }
        let Some(schema) = schema else {
            continue;
        };
        let args: Vec<(String, bool)> = cmd.words[1..]
            .iter()
            .map(|w| (w.text.clone(), w.literal))
            .collect();
        for (key, default) in keys_read(function.name, &args) {
            let Some(option) = first_segment(&key) else {
                continue;
            };
            if schema.keys.contains(option) || removed.contains(option) {
                continue;
            }
            let what = if default {
                format!("its default option '{option}'")
            } else {
                format!("option '{option}'")
            };
            let hint = closest_key(option, &schema.keys)
                .map(|k| format!(" (closest: {k})"))
                .unwrap_or_default();
            let message = format!(
                "{name} reads {what}, which the schema in {} does not define{hint}",
                schema.file
            );
            if probed.contains(option) {
                // Defensive code shared between add-ons: dead here, not broken.
                let message =
                    format!("{message}: it is never set, so the code checking for it never runs");
                findings.warning("config-key", file, cmd.line, message);
            } else {
                findings.error("config-key", file, cmd.line, message);
            }
        }
    }
}

/// Options the script sets or removes with `bashio::app.option KEY`: add-ons
/// clean up options their schema no longer has (`if bashio::config.exists
/// 'old'; then bashio::addon.option 'old'; fi`), so reading those is intended.
fn options_set(script: &Script) -> BTreeSet<&str> {
    script
        .cmds
        .iter()
        .filter(|cmd| {
            cmd.name()
                .and_then(table::resolve)
                .is_some_and(|(f, _)| f.name == "bashio::app.option")
        })
        .filter_map(|cmd| cmd.words.get(1).filter(|w| w.literal))
        .filter_map(|word| first_segment(&word.text))
        .collect()
}

/// Options the script checks for (`bashio::config.has_value`, `.exists`,
/// `.is_empty`) before it reads them.
fn options_probed(script: &Script) -> BTreeSet<&str> {
    const PROBES: [&str; 3] = [
        "bashio::config.exists",
        "bashio::config.has_value",
        "bashio::config.is_empty",
    ];
    script
        .cmds
        .iter()
        .filter(|cmd| cmd.name().is_some_and(|name| PROBES.contains(&name)))
        .filter_map(|cmd| cmd.words.get(1).filter(|w| w.literal))
        .filter_map(|word| first_segment(&word.text))
        .collect()
}

/// The schema key nearest to a mistyped one, if it is near at all.
fn closest_key<'k>(wanted: &str, keys: &'k BTreeSet<String>) -> Option<&'k str> {
    keys.iter()
        .map(|k| (distance(wanted, k), k.as_str()))
        .filter(|(d, k)| *d <= 2.max(k.chars().count() / 3))
        .min()
        .map(|(_, k)| k)
}

pub use crate::table::edit_distance as distance;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::shell::parse;

    fn lint(text: &str, keys: &[&str]) -> Vec<String> {
        let schema = Schema {
            file: "config.yaml".into(),
            keys: keys.iter().map(|k| k.to_string()).collect(),
        };
        let mut own = BTreeSet::new();
        own.insert("bashio::mine".to_string());
        let mut findings = Findings::default();
        check(&parse(text), "s", &own, Some(&schema), &mut findings);
        findings
            .list
            .into_iter()
            .map(|f| format!("{}:{}: {}", f.line, f.level.as_str(), f.message))
            .collect()
    }

    #[test]
    fn lint_calls_check_keys_against_the_schema() {
        let found = lint(
            "bashio::config 'database.host'\n\
             bashio::config 'databse.host'\n\
             bashio::config \"${key}\"\n\
             bashio::config '.x | keys'\n\
             bashio::config '$.logins[*].name'\n\
             bashio::config 'logins[0].name'\n\
             bashio::config.require.username\n\
             bashio::config.require.ssl 'tls' certfile\n\
             bashio::log.info 'x'\n\
             if bashio::config.exists 'old'; then bashio::addon.option 'old'; fi\n\
             if bashio::config.has_value 'PUID'; then id=$(bashio::config 'PUID'); fi\n",
            &["database", "logins", "certfile", "keyfile"],
        );
        assert_eq!(
            found,
            [
                "2:error: bashio::config reads option 'databse', which the schema in config.yaml does not define (closest: database)",
                "7:error: bashio::config.require.username reads its default option 'username', which the schema in config.yaml does not define",
                "8:error: bashio::config.require.ssl reads option 'tls', which the schema in config.yaml does not define",
                "10:warning: bashio::addon.option is deprecated: use bashio::app.option",
                "11:warning: bashio::config.has_value reads option 'PUID', which the schema in config.yaml does not define: it is never set, so the code checking for it never runs",
                "11:warning: bashio::config reads option 'PUID', which the schema in config.yaml does not define: it is never set, so the code checking for it never runs",
            ]
        );
    }

    #[test]
    fn lint_calls_flag_unknown_and_deprecated_functions() {
        let found = lint(
            "bashio::config.hasvalue 'a'\nport=$(bashio::addon.port 80)\nbashio::mine\nbashio::addons.installed\n",
            &["a"],
        );
        assert_eq!(
            found,
            [
                "1:error: bashio::config.hasvalue is not a bashio function (closest: bashio::config.has_value, bashio::config.false, bashio::config.equals)",
                "2:warning: bashio::addon.port is deprecated: use bashio::app.port",
                "4:warning: bashio::addons.installed is deprecated: use bashio::apps.installed",
            ]
        );
    }
}
