//! The `bashio::` calls of a script, checked against the one function table:
//! a name the table does not know fails at run time with "command not found"
//! (an error, with the closest names); a deprecated `bashio::addon.*` name
//! still works but warns in the add-on's log (a warning naming the
//! replacement); and an option key the add-on's schema does not define reads
//! null (an error). Only literal names and keys are judged: a key built from a
//! variable, a jq filter or a JSONPath query is left alone.

#![forbid(unsafe_code)]

use super::image::Bashio;
use super::report::Findings;
use super::schema::{Missing, Schema};
use super::shell::Script;
use super::versions;
use crate::functions;
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

/// A plain key (`database.host`, `logins[0].name`); None for filters,
/// JSONPath and anything unusual.
fn plain_key(key: &str) -> Option<&str> {
    let plain = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    if !key.chars().all(|c| plain(c) || ".[]".contains(c)) {
        return None;
    }
    let segment = key.split(['.', '[']).next().unwrap_or_default();
    (!segment.is_empty()).then_some(key)
}

/// The option a plain key starts with: `database` for `database.host`.
fn first_segment(key: &str) -> Option<&str> {
    let key = plain_key(key)?;
    key.split(['.', '[']).next()
}

/// What a script's calls are judged against.
pub struct Context<'a> {
    /// `bashio::` functions the add-on's scripts define themselves.
    pub own_functions: &'a BTreeSet<String>,
    pub schema: Option<&'a Schema>,
    /// The bashio the image gets, when known.
    pub bashio: Option<&'a Bashio>,
}

/// Readers whose answer for an option never set is harmless: a test that
/// is simply false.
const TESTS: &[&str] = &[
    "bashio::config.true",
    "bashio::config.false",
    "bashio::config.equals",
];

pub fn check(script: &Script, text: &str, file: &str, context: &Context, findings: &mut Findings) {
    let removed = options_set(script);
    let probed = options_probed(script);
    let lines: Vec<&str> = text.lines().collect();
    // `require.ssl` on an add-on without `ssl`: the whole TLS set is unused.
    let no_ssl = context
        .schema
        .is_some_and(|schema| !schema.keys.contains("ssl"))
        && script.cmds.iter().any(|cmd| {
            cmd.name() == Some("bashio::config.require.ssl")
                || cmd.name() == Some("bashio::config.true")
                    && cmd.words.get(1).is_some_and(|w| w.text == "ssl")
        });
    for cmd in &script.cmds {
        let Some(name) = cmd.name() else {
            continue;
        };
        if !name.starts_with("bashio::") || context.own_functions.contains(name) {
            continue;
        }
        let Some((function, deprecated)) = functions::resolve(name) else {
            let closest = functions::closest(name, 3).join(", ");
            let message = format!("{name} is not a bashio function (closest: {closest})");
            findings.error("unknown-function", file, cmd.line, message);
            continue;
        };
        let at = (file, cmd.line);
        versioned(
            name,
            function.name,
            deprecated,
            context.bashio,
            at,
            findings,
        );
        let Some(schema) = context.schema else {
            continue;
        };
        let args: Vec<(String, bool)> = cmd.words[1..]
            .iter()
            .map(|w| (w.text.clone(), w.literal))
            .collect();
        for (key, default) in keys_read(function.name, &args) {
            let Some(key) = plain_key(&key) else {
                continue;
            };
            let Some(missing) = schema.tree.missing(key) else {
                continue;
            };
            let (option, nested) = match &missing {
                Missing::Top(option) => (option.as_str(), false),
                Missing::Nested(path) => (path.as_str(), true),
            };
            let top = first_segment(option).unwrap_or(option);
            if removed.contains(top) {
                continue;
            }
            let ssl_set = ["ssl", "certfile", "keyfile"].contains(&option);
            if no_ssl && ssl_set && option != "ssl" {
                continue;
            }
            let what = if default {
                format!("its default option '{option}'")
            } else {
                format!("option '{option}'")
            };
            let hint = if nested {
                None
            } else {
                closest_key(option, &schema.keys)
            }
            .map(|k| format!(" (closest: {k})"))
            .unwrap_or_default();
            let message = format!(
                "{name} reads {what}, which the schema in {} does not define{hint}",
                schema.file
            );
            let harmless = if probed.contains(top) {
                Some("the code checking for it never runs")
            } else if TESTS.contains(&function.name) {
                Some("the test is always false")
            } else if no_ssl && ssl_set {
                Some("the add-on has no TLS options and TLS stays off")
            } else if function.name == "bashio::config" && args.len() >= 2 {
                Some("the default given is always used")
            } else if function.name == "bashio::config" && null_checked(&lines, cmd.line) {
                Some("the script's check for null always takes the unset branch")
            } else {
                None
            };
            match harmless {
                Some(why) => {
                    let message = format!("{message}: this option is never set, so {why}");
                    findings.warning("config-key", file, cmd.line, message);
                }
                None => findings.error("config-key", file, cmd.line, message),
            }
        }
    }
}

/// Advice on an `addon.*`/`app.*` name that fits the image's bashio: the
/// `app.*` names exist only from bashio 0.18.0, so on an older bashio the
/// old name is right and the new one is "command not found".
fn versioned(
    called: &str,
    function: &str,
    deprecated: Option<String>,
    bashio: Option<&Bashio>,
    (file, line): (&str, usize),
    findings: &mut Findings,
) {
    let needs = versions::show(versions::APP_NAMES);
    match (deprecated, bashio) {
        (Some(_), Some(bashio)) if bashio.version < versions::APP_NAMES => {}
        (Some(old), Some(_)) => {
            let message = format!("{old} is deprecated: use {function}");
            findings.warning("deprecated", file, line, message);
        }
        (Some(old), None) => {
            let message = format!("{old} is deprecated: {function} replaces it, but needs bashio >= {needs} (before, it is \"command not found\"); the image's bashio version is not known here");
            findings.warning("deprecated", file, line, message);
        }
        (None, Some(bashio)) if bashio.version < versions::APP_NAMES => {
            let Some(old) = table::deprecated::old_name(function) else {
                return;
            };
            let message = format!(
                "{called} needs bashio >= {needs}, but the image gets bashio {} ({}): the call fails with \"command not found\"; use {old}",
                versions::show(bashio.version),
                bashio.from
            );
            findings.error("bashio-version", file, line, message);
        }
        (None, _) => {}
    }
}

/// Whether a read `VAR=$(bashio::config KEY)` on this line is followed, within
/// a few lines, by a check of VAR against null (or for a value).
fn null_checked(lines: &[&str], line: usize) -> bool {
    let Some(text) = lines.get(line.wrapping_sub(1)) else {
        return false;
    };
    let Some(at) = text
        .find("=$(bashio::config ")
        .or_else(|| text.find("=\"$(bashio::config "))
    else {
        return false;
    };
    let name: Vec<char> = text[..at]
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    let name: String = name.into_iter().rev().collect();
    if name.is_empty() {
        return false;
    }
    let uses = [format!("${name}"), format!("${{{name}}}")];
    lines.iter().skip(line).take(6).any(|later| {
        uses.iter().any(|u| later.contains(u.as_str()))
            && [
                "null",
                "bashio::var.has_value",
                "bashio::var.is_empty",
                "-z ",
                "-n ",
            ]
            .iter()
            .any(|check| later.contains(check))
    })
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
                .and_then(functions::resolve)
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
    use crate::lint::schema::Node;
    use crate::lint::shell::parse;

    fn lint_on(text: &str, keys: &[&str], bashio: Option<Bashio>) -> Vec<String> {
        let mut tree = std::collections::BTreeMap::new();
        for key in keys {
            let node = match *key {
                "database" => Node::Dict([("host".to_string(), Node::Value)].into()),
                _ => Node::Value,
            };
            tree.insert(key.to_string(), node);
        }
        let schema = Schema {
            file: "config.yaml".into(),
            keys: keys.iter().map(|k| k.to_string()).collect(),
            tree: Node::Dict(tree),
        };
        let mut own = BTreeSet::new();
        own.insert("bashio::mine".to_string());
        let mut findings = Findings::default();
        let context = Context {
            own_functions: &own,
            schema: Some(&schema),
            bashio: bashio.as_ref(),
        };
        check(&parse(text), text, "s", &context, &mut findings);
        findings
            .list
            .into_iter()
            .map(|f| format!("{}:{}: {}", f.line, f.level.as_str(), f.message))
            .collect()
    }

    fn lint(text: &str, keys: &[&str]) -> Vec<String> {
        let new = Bashio {
            version: (0, 18, 0),
            from: "x".into(),
        };
        lint_on(text, keys, Some(new))
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
             if bashio::config.has_value 'PUID'; then id=$(bashio::config 'PUID'); fi\n\
             bashio::config 'database.hots'\n",
            &["database", "logins", "certfile", "keyfile"],
        );
        assert_eq!(
            found,
            [
                "2:error: bashio::config reads option 'databse', which the schema in config.yaml does not define (closest: database)",
                "7:error: bashio::config.require.username reads its default option 'username', which the schema in config.yaml does not define",
                "8:error: bashio::config.require.ssl reads option 'tls', which the schema in config.yaml does not define",
                "10:warning: bashio::addon.option is deprecated: use bashio::app.option",
                "11:warning: bashio::config.has_value reads option 'PUID', which the schema in config.yaml does not define: this option is never set, so the code checking for it never runs",
                "11:warning: bashio::config reads option 'PUID', which the schema in config.yaml does not define: this option is never set, so the code checking for it never runs",
                "12:error: bashio::config reads option 'database.hots', which the schema in config.yaml does not define",
            ]
        );
    }

    #[test]
    fn lint_calls_warn_where_an_unset_option_is_harmless() {
        let found = lint(
            "if bashio::config.true 'ingress_disabled'; then :; fi\n\
             bashio::config.equals 'web.username' root\n\
             bashio::config.require.ssl\n\
             if bashio::config.true 'ssl'; then\n  c=$(bashio::config 'certfile')\nfi\n\
             url=$(bashio::config 'base_url' '/')\n\
             PUID=$(bashio::config 'PUID')\n\
             [[ \"$PUID\" = \"null\" ]] && PUID=0\n\
             case \"$(bashio::config 'DB')\" in x) ;; esac\n",
            &["database"],
        );
        let levels: Vec<&str> = found.iter().map(|f| &f[..f.find(": ").unwrap()]).collect();
        assert_eq!(
            levels,
            [
                "1:warning",
                "2:warning",
                "3:warning",
                "4:warning",
                "7:warning",
                "8:warning",
                "10:error"
            ],
            "{found:#?}"
        );
        assert!(found[0].ends_with("this option is never set, so the test is always false"));
        assert!(found[2].contains("'ssl'") && found[2].ends_with("TLS stays off"));
        assert!(found[4].ends_with("the default given is always used"));
        assert!(found[5].ends_with("always takes the unset branch"));
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

    #[test]
    fn lint_calls_fit_the_advice_to_the_images_bashio() {
        let text = "port=$(bashio::addon.port 80)\nbashio::app.restart\n";
        let old = Bashio {
            version: (0, 17, 5),
            from: "the base image b:1".into(),
        };
        assert_eq!(
            lint_on(text, &[], Some(old)),
            ["2:error: bashio::app.restart needs bashio >= 0.18.0, but the image gets bashio 0.17.5 (the base image b:1): the call fails with \"command not found\"; use bashio::addon.restart"]
        );
        assert_eq!(
            lint_on(text, &[], None),
            ["1:warning: bashio::addon.port is deprecated: bashio::app.port replaces it, but needs bashio >= 0.18.0 (before, it is \"command not found\"); the image's bashio version is not known here"]
        );
    }
}
