//! The arguments each bashio function cannot do without. bashio runs under
//! `set -u`, and its functions read their arguments as `${1}`, `${2}`: one
//! that was not given ends the script (or the `$(...)` subshell) with
//! "unbound variable", status 1, before the function logs or sends anything,
//! even inside `if` or before `||`. The dispatcher checks this table first,
//! so every function ends the same way whatever its body does.

#![forbid(unsafe_code)]

use crate::ctx::{Args, Stop};

/// Function, and how many arguments it reads without a default, as bashio
/// v0.19.0 does (`local key=${1}` rather than `${1:-}`). Sorted by name.
const REQUIRED: &[(&str, usize)] = &[
    ("bashio::api.supervisor", 2),
    ("bashio::app.install", 1),
    ("bashio::app.option", 1),
    ("bashio::audio.default", 2),
    ("bashio::audio.mute", 3),
    ("bashio::audio.profile", 2),
    ("bashio::audio.volume", 3),
    ("bashio::auth", 2),
    ("bashio::auth.reset", 2),
    ("bashio::backup.addons", 1),
    ("bashio::backup.compressed", 1),
    ("bashio::backup.date", 1),
    ("bashio::backup.delete", 1),
    ("bashio::backup.folders", 1),
    ("bashio::backup.homeassistant", 1),
    ("bashio::backup.homeassistant_exclude_database", 1),
    ("bashio::backup.homeassistant_version", 1),
    ("bashio::backup.location", 1),
    ("bashio::backup.name", 1),
    ("bashio::backup.new_full", 1),
    ("bashio::backup.new_partial", 1),
    ("bashio::backup.protected", 1),
    ("bashio::backup.repositories", 1),
    ("bashio::backup.restore_full", 2),
    ("bashio::backup.restore_partial", 2),
    ("bashio::backup.size", 1),
    ("bashio::backup.size_bytes", 1),
    ("bashio::backup.supervisor_version", 1),
    ("bashio::backup.type", 1),
    ("bashio::cache.exists", 1),
    ("bashio::cache.flush", 1),
    ("bashio::cache.get", 1),
    ("bashio::cache.set", 2),
    ("bashio::config", 1),
    ("bashio::config.equals", 2),
    ("bashio::config.exists", 1),
    ("bashio::config.false", 1),
    ("bashio::config.has_value", 1),
    ("bashio::config.is_empty", 1),
    ("bashio::config.is_safe_password", 1),
    ("bashio::config.require", 1),
    ("bashio::config.suggest", 1),
    ("bashio::config.suggest.false", 1),
    ("bashio::config.suggest.true", 1),
    ("bashio::config.true", 1),
    ("bashio::discovery", 2),
    ("bashio::discovery.delete", 1),
    ("bashio::dns.options", 1),
    ("bashio::docker.options", 1),
    ("bashio::docker.registries.add", 3),
    ("bashio::docker.registries.delete", 1),
    ("bashio::fs.device_exists", 1),
    ("bashio::fs.directory_exists", 1),
    ("bashio::fs.file_exists", 1),
    ("bashio::fs.file_non_empty", 1),
    ("bashio::fs.socket_exists", 1),
    ("bashio::ingress.validate_session", 1),
    ("bashio::job.child_jobs", 1),
    ("bashio::job.created", 1),
    ("bashio::job.delete", 1),
    ("bashio::job.done", 1),
    ("bashio::job.errors", 1),
    ("bashio::job.extra", 1),
    ("bashio::job.name", 1),
    ("bashio::job.progress", 1),
    ("bashio::job.reference", 1),
    ("bashio::job.stage", 1),
    ("bashio::jobs.options", 1),
    ("bashio::jq", 1),
    ("bashio::jq.exists", 1),
    ("bashio::jq.has_value", 1),
    ("bashio::jq.is", 3),
    ("bashio::jq.is_array", 1),
    ("bashio::jq.is_boolean", 1),
    ("bashio::jq.is_number", 1),
    ("bashio::jq.is_object", 1),
    ("bashio::jq.is_string", 1),
    ("bashio::log.level", 1),
    ("bashio::log.log", 2),
    ("bashio::mount.delete", 1),
    ("bashio::mount.reload", 1),
    ("bashio::mounts.create", 1),
    ("bashio::mounts.options", 1),
    ("bashio::net.wait_for", 1),
    ("bashio::os.boards.green.options", 1),
    ("bashio::os.boards.yellow.options", 1),
    ("bashio::os.boot_slot", 1),
    ("bashio::os.datadisk.move", 1),
    ("bashio::os.swap.options", 1),
    ("bashio::pwned", 1),
    ("bashio::pwned.is_safe_password", 1),
    ("bashio::pwned.occurrences", 1),
    ("bashio::repository.add", 1),
    ("bashio::repository.delete", 1),
    ("bashio::repository.maintainer", 1),
    ("bashio::repository.name", 1),
    ("bashio::repository.repair", 1),
    ("bashio::repository.source", 1),
    ("bashio::repository.url", 1),
    ("bashio::resolution.check", 1),
    ("bashio::resolution.issue.dismiss", 1),
    ("bashio::resolution.suggestion.apply", 1),
    ("bashio::resolution.suggestion.dismiss", 1),
    ("bashio::security.options", 1),
    ("bashio::services", 1),
    ("bashio::services.available", 1),
    ("bashio::services.delete", 1),
    ("bashio::services.publish", 2),
    ("bashio::string.length", 1),
    ("bashio::string.lower", 1),
    ("bashio::string.replace", 3),
    ("bashio::string.substring", 2),
    ("bashio::string.upper", 1),
    ("bashio::var.defined", 1),
    ("bashio::var.equals", 2),
    ("bashio::var.has_value", 1),
    ("bashio::var.is_empty", 1),
    ("bashio::var.json_string", 1),
];

/// The function a script called, for names the binary runs on its behalf.
fn called_as(name: &str) -> &str {
    match name {
        "bashio::log.__level_number" => "bashio::log.level",
        other => other,
    }
}

/// How many arguments `name` needs (0 when all are optional).
pub fn count(name: &str) -> usize {
    let name = called_as(name);
    REQUIRED
        .binary_search_by(|(row, _)| row.cmp(&name))
        .map_or(0, |at| REQUIRED[at].1)
}

/// Ends the call as bash's nounset would when `args` is short of what `name`
/// needs: one line naming the function and the argument, and status 1 for
/// the script.
pub fn check(name: &str, args: &Args) -> Result<(), Stop> {
    super::actions::require(called_as(name), args, count(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An action row checks the arguments it needs itself; bashio's count of
    /// them (the dispatcher's table) says the same.
    #[test]
    fn action_rows_require_what_bashio_requires() {
        let mut actions = 0;
        for function in super::super::MODULES.iter().flat_map(|m| m.rows) {
            if let crate::table::Body::Action(action) = function.body {
                assert_eq!(action.required(), count(function.name), "{}", function.name);
                actions += 1;
            }
        }
        assert!(actions > 60, "only {actions} action rows");
    }

    #[test]
    fn rows_are_sorted_and_known() {
        assert!(REQUIRED.windows(2).all(|w| w[0].0 < w[1].0));
        let names: Vec<&str> = super::super::MODULES
            .iter()
            .flat_map(|m| m.rows)
            .map(|f| f.name)
            .collect();
        for (name, _) in REQUIRED {
            assert!(names.contains(name), "{name} is not a function");
        }
    }

    #[test]
    fn counts() {
        assert_eq!(count("bashio::config.equals"), 2);
        assert_eq!(count("bashio::log.__level_number"), 1);
        assert_eq!(count("bashio::log.info"), 0);
        assert!(check("bashio::string.replace", &Args::of(&["a", "b"])).is_err());
        assert!(check("bashio::string.replace", &Args::of(&["a", "b", ""])).is_ok());
    }
}
