//! The one table of bashio functions: the rows `bashio::MODULES` lists
//! (what a row is: `table/`), found, resolved, listed and called from here.
//! The same rows drive the dispatcher, the generated library
//! (shims/bashio.sh), the builtins, the completions, `bashio --list` and
//! `bashio help NAME`.

#![forbid(unsafe_code)]

use crate::bashio;
use crate::ctx::{Args, Ctx, Ret};
use crate::table::{deprecated, edit_distance, Function};

/// Whether a function's result cannot depend on errexit: its module says so.
pub fn ignores_errexit(function: &Function) -> bool {
    bashio::MODULES
        .iter()
        .any(|module| module.errexit_free && module.rows.iter().any(|f| f.name == function.name))
}

/// Every row, in bashio's module order.
pub fn all() -> impl Iterator<Item = &'static Function> {
    bashio::MODULES.iter().flat_map(|module| module.rows.iter())
}

/// Finds a function by its full name or by the name without `bashio::`.
pub fn find(name: &str) -> Option<&'static Function> {
    // One comparison a row: every call by the exec path starts here.
    if name.starts_with("bashio::") {
        return all().find(|f| f.name == name);
    }
    all().find(|f| f.name == name || (f.name.len() == name.len() + 8 && f.short_name() == name))
}

/// A name as typed, resolved: the function, and the deprecated name used
/// when it was called by one (`addon.port` for `bashio::app.port`).
pub fn resolve(name: &str) -> Option<(&'static Function, Option<String>)> {
    if let Some(function) = find(name) {
        return Some((function, None));
    }
    let full = if name.starts_with("bashio::") {
        name.to_string()
    } else {
        format!("bashio::{name}")
    };
    let function = find(&deprecated::current_name(&full)?)?;
    Some((function, Some(full)))
}

/// Every deprecated name, with the function it stands for, in table order.
pub fn deprecated_names() -> impl Iterator<Item = (String, &'static Function)> {
    all().filter_map(|f| deprecated::old_name(f.name).map(|old| (old, f)))
}

/// Every public name: the table's, then the deprecated add-on names.
pub fn public_names() -> Vec<String> {
    let mut names: Vec<String> = all()
        .filter(|f| !f.is_internal() && !f.extension)
        .map(|f| f.name.to_string())
        .collect();
    names.extend(deprecated_names().map(|(old, _)| old));
    names
}

/// The public functions of ours alone.
pub fn extension_names() -> Vec<String> {
    all()
        .filter(|f| !f.is_internal() && f.extension)
        .map(|f| f.name.to_string())
        .collect()
}

/// Runs a row of the table.
pub fn call(ctx: &mut Ctx, function: &Function, args: &Args) -> Ret {
    bashio::run(ctx, function, args)
}

/// Public names closest to `name`, for "did you mean" hints.
pub fn closest(name: &str, count: usize) -> Vec<&'static str> {
    let wanted = name.strip_prefix("bashio::").unwrap_or(name);
    let mut scored: Vec<(usize, &'static str)> = all()
        .filter(|f| !f.is_internal())
        .map(|f| (edit_distance(wanted, f.short_name()), f.name))
        .collect();
    scored.sort();
    scored.into_iter().take(count).map(|(_, n)| n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn names_are_unique_and_well_formed() {
        let mut seen = HashSet::new();
        for f in all() {
            assert!(seen.insert(f.name), "duplicate function {}", f.name);
            assert!(
                f.name.starts_with("bashio::") || f.name.starts_with("hass."),
                "{} has no bashio:: prefix",
                f.name
            );
            assert!(
                f.name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_:.".contains(c)),
                "{} is not a plain shell function name",
                f.name
            );
            assert!(
                f.usage.contains(':'),
                "{} usage lacks 'ARGS: purpose'",
                f.name
            );
        }
    }

    #[test]
    fn deprecated_names_resolve_to_app_functions() {
        let (function, old) = resolve("addon.port").expect("addon.port resolves");
        assert_eq!(function.name, "bashio::app.port");
        assert_eq!(old.as_deref(), Some("bashio::addon.port"));
        assert_eq!(
            resolve("bashio::addons").map(|(f, _)| f.name),
            Some("bashio::apps")
        );
        assert!(resolve("addon.__deprecated").is_none());
    }

    /// The words of a usage's ARGS, a bracketed group being one word
    /// (`[--arg NAME VALUE|--argjson NAME JSON]...`).
    fn argument_words(arguments: &str) -> Vec<String> {
        let mut words = vec![String::new()];
        let mut depth = 0usize;
        for c in arguments.trim().chars() {
            match c {
                '[' => depth += 1,
                ']' => depth = depth.saturating_sub(1),
                ' ' if depth == 0 => {
                    words.push(String::new());
                    continue;
                }
                _ => {}
            }
            words.last_mut().expect("a word").push(c);
        }
        words.retain(|word| !word.is_empty());
        words
    }

    /// A default as our usages spell it: a parameter it is made of, written
    /// `${slug}` in bashio, is the argument's name (`addons.SLUG.stats`).
    fn spelled(default: &str) -> String {
        let mut spelled = String::new();
        let mut rest = default;
        while let Some(start) = rest.find("${") {
            let end = rest[start..].find('}').expect("a closed ${...}") + start;
            spelled.push_str(&rest[..start]);
            spelled.push_str(&rest[start + 2..end].to_uppercase());
            rest = &rest[end + 1..];
        }
        spelled.push_str(rest);
        spelled
    }

    /// `[NAME=default]`: the one way a usage tells an argument's default.
    fn default_of(word: &str) -> Option<(&str, &str)> {
        let (name, default) = word.strip_prefix('[')?.strip_suffix(']')?.split_once('=')?;
        let well_named = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
        (well_named && !default.is_empty()).then_some((name, default))
    }

    #[test]
    fn usages_tell_bashios_defaults() {
        // Recorded from bashio's own sources by tests/data/record_defaults.sh.
        let recorded = include_str!("../tests/data/bashio_defaults.tsv");
        let mut checked = 0;
        for line in recorded.lines() {
            let &[name, position, default] = line.split('\t').collect::<Vec<_>>().as_slice() else {
                panic!("bashio_defaults.tsv: malformed line {line:?}");
            };
            let function = find(name).unwrap_or_else(|| panic!("{name} is not in the table"));
            let position: usize = position.parse().expect("a parameter position");
            let (arguments, _) = function.usage.split_once(':').expect("ARGS: purpose");
            let words = argument_words(arguments);
            let word = words.get(position - 1).map_or("(none)", String::as_str);
            let expected = spelled(default);
            assert_eq!(
                default_of(word).map(|(_, told)| told),
                Some(expected.as_str()),
                "{name}: argument {position} is {word}, which should tell its default as [NAME={expected}]"
            );
            checked += 1;
        }
        assert!(checked > 150, "only {checked} recorded defaults");
    }

    #[test]
    fn defaults_are_told_one_way() {
        for f in all() {
            let (arguments, _) = f.usage.split_once(':').expect("ARGS: purpose");
            for word in argument_words(arguments) {
                if word.contains('=') {
                    assert!(
                        default_of(&word).is_some(),
                        "{}: {word} is not [NAME=default]",
                        f.name
                    );
                }
            }
        }
    }

    #[test]
    fn closest_names_come_first() {
        assert_eq!(
            closest("config.has_valu", 1),
            vec!["bashio::config.has_value"]
        );
    }
}
