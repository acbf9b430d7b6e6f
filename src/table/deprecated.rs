//! bashio renamed add-ons to apps: every public `bashio::app.*` and
//! `bashio::apps*` function still answers to its old `bashio::addon.*` and
//! `bashio::addons*` name, warning once per shell that it is deprecated. The
//! rule and its words live here, once: the dispatcher resolves old names
//! with it, `--list` and the builtins list them, and the bash library gets
//! its aliases and the helper behind them from here.

#![forbid(unsafe_code)]

/// Old name prefix, current name prefix: `bashio::addons` is `bashio::apps`
/// (and `bashio::addons.x` is `bashio::apps.x`), `bashio::addon.x` is
/// `bashio::app.x`.
const RENAMES: &[(&str, &str)] = &[
    ("bashio::addons", "bashio::apps"),
    ("bashio::addon.", "bashio::app."),
];

/// The deprecated name of a current function, if it has one
/// (`bashio::app.port` → `bashio::addon.port`). Internal helpers
/// (`bashio::apps.__deprecated`) have none.
pub fn old_name(name: &str) -> Option<String> {
    if name.contains("__") {
        return None;
    }
    if name == "bashio::apps" {
        return Some("bashio::addons".to_string());
    }
    RENAMES.iter().find_map(|(old, current)| {
        let rest = name.strip_prefix(current)?;
        // `bashio::apps` renames only itself and `bashio::apps.*`.
        (rest.is_empty() || rest.starts_with('.') || current.ends_with('.'))
            .then(|| format!("{old}{rest}"))
    })
}

/// The current name a deprecated full name stands for, if it is one: the
/// inverse of `old_name`.
pub fn current_name(old: &str) -> Option<String> {
    let current = RENAMES
        .iter()
        .find_map(|(was, current)| Some(format!("{current}{}", old.strip_prefix(was)?)))?;
    (old_name(&current).as_deref() == Some(old)).then_some(current)
}

/// The warning a deprecated name gives, the first time in a shell.
pub fn warning(old: &str, current: &str) -> String {
    format!("{old} is deprecated, use {current} instead.")
}

/// The bash associative array holding the old names that have warned.
pub const WARNED_SET: &str = "__BASHIO_APP_DEPRECATION_WARNED";

/// The bash library's declaration of that set.
pub fn shell_state() -> String {
    format!("declare -gA {WARNED_SET}=()\n")
}

/// The bash library's helper behind the aliases: `__bashio_deprecated NEW
/// ARGS...`, called by the alias, so the old name is its caller's.
pub fn shell_helper() -> String {
    format!(
        r#"# A deprecated name: NEW ARGS... The first call in a shell has the binary
# warn, then run NEW, in one process; later calls run NEW alone.
__bashio_deprecated() {{
    local __bashio_old=${{FUNCNAME[1]}}
    if [[ -n "${{{WARNED_SET}[${{__bashio_old}}]:-}}" ]]; then
        "${{1}}" "${{@:2}}"
        return
    fi
    {WARNED_SET}[${{__bashio_old}}]=1
    __bashio_call "${{__bashio_old#bashio::}}" "${{@:2}}"
}}
"#
    )
}

/// The bash library's alias of an old name.
pub fn shell_alias(old: &str, current: &str) -> String {
    format!("{old}() {{ __bashio_deprecated {current} \"$@\"; }}\n")
}

/// bashio's own `bashio::apps.__deprecated OLD NEW`, which warns once in
/// the calling shell (the set of names lives there).
pub const SHELL_WARN_ONCE: &str = r#"    local old=${1} new=${2}
    if [[ -z "${__BASHIO_APP_DEPRECATION_WARNED[${old}]:-}" ]]; then
        __BASHIO_APP_DEPRECATION_WARNED[${old}]=1
        bashio::log.warning "${old} is deprecated, use ${new} instead."
    fi"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_and_current_names_are_inverse() {
        for (current, old) in [
            ("bashio::apps", "bashio::addons"),
            ("bashio::apps.installed", "bashio::addons.installed"),
            ("bashio::app.port", "bashio::addon.port"),
        ] {
            assert_eq!(old_name(current).as_deref(), Some(old));
            assert_eq!(current_name(old).as_deref(), Some(current));
        }
        assert_eq!(old_name("bashio::apps.__deprecated"), None);
        assert_eq!(current_name("bashio::addons.__deprecated"), None);
        assert_eq!(old_name("bashio::appsx"), None);
        assert_eq!(current_name("bashio::addonsx"), None);
        assert_eq!(old_name("bashio::config"), None);
    }

    /// The bash warning says what `warning` says, through the same set.
    #[test]
    fn the_shell_helper_warns_in_the_same_words() {
        assert!(SHELL_WARN_ONCE.contains(WARNED_SET));
        assert!(SHELL_WARN_ONCE.contains(&warning("${old}", "${new}")));
        assert!(shell_helper().contains(&format!("{WARNED_SET}[${{__bashio_old}}]=1")));
    }
}
