//! The one table of bashio functions. Each module of `crate::bashio` lists its
//! rows; this file joins them. The same rows drive the dispatcher, the
//! generated shim (shims/bashio.sh), `bashio --list` and `bashio help NAME`.
//!
//! A row is data wherever bashio's function is data (an add-on getter is a
//! cache key and a jq filter); the moment it needs an `if`, it is native code.

use crate::bashio;

pub mod deprecated;
use crate::ctx::{Args, Ctx, Ret};

pub type NativeFn = fn(&mut Ctx, &Args) -> Ret;

/// What a function is made of.
#[derive(Clone, Copy)]
pub enum Body {
    /// Runs in the binary.
    Native(NativeFn),
    /// A function that fetches and filters one Supervisor document (`bashio::info`).
    BlobFetch(&'static bashio::blob::Blob),
    /// A getter over such a document: `bashio::info KEY FILTER` behind its own name.
    BlobGet {
        blob: &'static bashio::blob::Blob,
        key: &'static str,
        filter: &'static str,
    },
    /// Must run in the calling shell (it exits it, or changes its variables):
    /// the bash body, written into the shim.
    Shell(&'static str),
    /// `bashio::apps SLUG addons.SLUG.<key> <filter>`: one fact of an add-on,
    /// the slug in the first argument (default `self`).
    AppGet {
        key: &'static str,
        filter: &'static str,
    },
    /// One request to the Supervisor and what follows it (`bashio::host.reboot`).
    Action(Action),
}

/// A Supervisor action: `bashio::api.supervisor METHOD RESOURCE [BODY]`,
/// then what bashio does with its status.
#[derive(Clone, Copy)]
pub struct Action {
    pub method: &'static str,
    /// The resource, where `{1}` is the first argument (required), `{slug}`
    /// the first argument or `self`, and `{store_slug}` that with `self`
    /// resolved to this add-on's slug (the store knows real slugs only).
    pub resource: &'static str,
    pub body: Payload,
    pub then: Then,
    /// Whether the trace line shows the arguments or only the name (the
    /// arguments of an options call can be anything the caller chose).
    pub trace_args: bool,
}

/// What goes with an action's request.
#[derive(Clone, Copy)]
pub enum Payload {
    /// A fixed third word: empty, or `true` for the raw answer (logs).
    Word(&'static str),
    /// The first argument, a JSON object as the caller wrote it (required).
    Argument,
    /// `{"KEY": $1}` (required).
    Field(&'static str),
    /// `{"version": $1}` when given, else nothing.
    Version,
}

/// What follows an action's request.
#[derive(Clone, Copy)]
pub enum Then {
    /// The request's status is the function's.
    Status,
    /// `|| return 1`, then `return 0`.
    Ok,
    /// `|| return 1`, then `bashio::cache.flush_all`.
    Flush,
    /// The request as a statement, 1 if it failed, else
    /// `bashio::cache.flush_all`.
    CheckedFlush,
}

impl Action {
    /// An action without a body whose status is the function's.
    pub const fn status(method: &'static str, resource: &'static str) -> Action {
        Action {
            method,
            resource,
            body: Payload::Word(""),
            then: Then::Status,
            trace_args: false,
        }
    }

    /// A GET of a log or text document, answered raw.
    pub const fn raw(resource: &'static str) -> Action {
        Action {
            body: Payload::Word("true"),
            ..Action::status("GET", resource)
        }
    }

    /// A POST without a body, then the cache is emptied.
    pub const fn post_flush(resource: &'static str) -> Action {
        Action {
            then: Then::Flush,
            ..Action::status("POST", resource)
        }
    }

    /// `[VERSION]`: a POST with `{"version": VERSION}` when given, then the
    /// cache is emptied.
    pub const fn update(resource: &'static str) -> Action {
        Action {
            body: Payload::Version,
            then: Then::Flush,
            trace_args: true,
            ..Action::status("POST", resource)
        }
    }

    /// A DELETE, traced with its arguments, then the cache is emptied.
    pub const fn delete(resource: &'static str) -> Action {
        Action {
            then: Then::Flush,
            trace_args: true,
            ..Action::status("DELETE", resource)
        }
    }

    /// The same action with its arguments in the trace line.
    pub const fn traced(self) -> Action {
        Action {
            trace_args: true,
            ..self
        }
    }

    /// The same action with this body.
    pub const fn with(self, body: Payload) -> Action {
        Action { body, ..self }
    }

    /// The same action followed by this.
    pub const fn then(self, then: Then) -> Action {
        Action { then, ..self }
    }

    /// How many arguments the action cannot do without.
    pub fn required(&self) -> usize {
        let takes_first = matches!(self.body, Payload::Argument | Payload::Field(_));
        usize::from(takes_first || self.resource.contains("{1}"))
    }
}

#[derive(Clone, Copy)]
pub struct Function {
    /// The shell function name, e.g. `bashio::config`.
    pub name: &'static str,
    pub body: Body,
    /// Arguments and purpose, for `bashio help NAME`: "ARGS: what it does".
    pub usage: &'static str,
    /// Ours alone, not bashio's: left out of `bashio --list`.
    pub extension: bool,
}

impl Function {
    pub const fn new(name: &'static str, body: Body, usage: &'static str) -> Function {
        Function {
            name,
            body,
            usage,
            extension: false,
        }
    }

    /// A function bashio does not have.
    pub const fn extension(name: &'static str, body: Body, usage: &'static str) -> Function {
        Function {
            name,
            body,
            usage,
            extension: true,
        }
    }

    /// The name without the `bashio::` prefix, as typed after `bashio`.
    pub fn short_name(&self) -> &'static str {
        self.name.strip_prefix("bashio::").unwrap_or(self.name)
    }

    /// Helpers the shim needs but bashio does not publish (`bashio::x.__y`).
    pub fn is_internal(&self) -> bool {
        self.name.contains("__")
    }
}

/// Every module's rows, in bashio's module order.
pub const MODULES: &[&[Function]] = &[
    bashio::log::FUNCTIONS,
    bashio::color::FUNCTIONS,
    bashio::fs::FUNCTIONS,
    bashio::info::FUNCTIONS,
    bashio::cache::FUNCTIONS,
    bashio::apps::FUNCTIONS,
    bashio::api::FUNCTIONS,
    bashio::audio::FUNCTIONS,
    bashio::auth::FUNCTIONS,
    bashio::backups::FUNCTIONS,
    bashio::cli::FUNCTIONS,
    bashio::config::FUNCTIONS,
    bashio::core::FUNCTIONS,
    bashio::debug::FUNCTIONS,
    bashio::pwned::FUNCTIONS,
    bashio::exit::FUNCTIONS,
    bashio::discovery::FUNCTIONS,
    bashio::docker::FUNCTIONS,
    bashio::dns::FUNCTIONS,
    bashio::hardware::FUNCTIONS,
    bashio::host::FUNCTIONS,
    bashio::ingress::FUNCTIONS,
    bashio::jobs::FUNCTIONS,
    bashio::jq::FUNCTIONS,
    bashio::mounts::FUNCTIONS,
    bashio::multicast::FUNCTIONS,
    bashio::net::FUNCTIONS,
    bashio::network::FUNCTIONS,
    bashio::observer::FUNCTIONS,
    bashio::os::FUNCTIONS,
    bashio::repositories::FUNCTIONS,
    bashio::resolution::FUNCTIONS,
    bashio::security::FUNCTIONS,
    bashio::services::FUNCTIONS,
    bashio::string::FUNCTIONS,
    bashio::supervisor::FUNCTIONS,
    bashio::trace::FUNCTIONS,
    bashio::try_::FUNCTIONS,
    bashio::updates::FUNCTIONS,
    bashio::var::FUNCTIONS,
    bashio::contenv::FUNCTIONS,
];

/// Modules none of whose functions consult errexit (they never stop at a
/// failing inner command): the shim calls them without probing for it.
const ERREXIT_FREE: &[&[Function]] = &[
    bashio::log::FUNCTIONS,
    bashio::color::FUNCTIONS,
    bashio::fs::FUNCTIONS,
    bashio::cache::FUNCTIONS,
    bashio::exit::FUNCTIONS,
    bashio::jq::FUNCTIONS,
    bashio::string::FUNCTIONS,
    bashio::var::FUNCTIONS,
    bashio::contenv::FUNCTIONS,
];

/// Whether a function's result cannot depend on errexit.
pub fn ignores_errexit(function: &Function) -> bool {
    ERREXIT_FREE
        .iter()
        .any(|module| module.iter().any(|f| f.name == function.name))
}

pub fn all() -> impl Iterator<Item = &'static Function> {
    MODULES.iter().flat_map(|module| module.iter())
}

/// Finds a function by its full name or by the name without `bashio::`.
pub fn find(name: &str) -> Option<&'static Function> {
    all().find(|f| f.name == name || f.short_name() == name)
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
    if !matches!(function.body, Body::Shell(_)) {
        bashio::required::check(function.name, args)?;
    }
    match function.body {
        Body::Native(run) => run(ctx, args),
        Body::AppGet { .. } => bashio::apps::run_row(ctx, function.name, function.body, args),
        Body::BlobFetch(blob) => bashio::blob::fetch(ctx, blob, args),
        Body::BlobGet { blob, key, filter } => {
            bashio::blob::get(ctx, function.name, blob, key, filter)
        }
        Body::Action(action) => bashio::actions::run(ctx, function.name, &action, args),
        Body::Shell(_) => {
            eprintln!(
                "bashio: {} changes the calling shell; use it in a script run by bashio or after sourcing the library",
                function.name
            );
            Ok(2)
        }
    }
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

/// Levenshtein distance, for "closest name" suggestions.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(previous + 1);
        }
    }
    row[b.len()]
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

    #[test]
    fn errexit_free_modules_never_consult_errexit() {
        let sources = [
            include_str!("../bashio/log.rs"),
            include_str!("../bashio/color.rs"),
            include_str!("../bashio/fs.rs"),
            include_str!("../bashio/cache.rs"),
            include_str!("../bashio/exit.rs"),
            include_str!("../bashio/jq.rs"),
            include_str!("../bashio/string.rs"),
            include_str!("../bashio/var.rs"),
            include_str!("../bashio/contenv.rs"),
        ];
        assert_eq!(sources.len(), ERREXIT_FREE.len());
        for source in sources {
            for call in [".check(", ".assign(", ".cond(", "errexit"] {
                assert!(
                    !source.contains(call),
                    "a module the shim calls without the errexit probe uses {call}"
                );
            }
        }
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
        let recorded = include_str!("../../tests/data/bashio_defaults.tsv");
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
