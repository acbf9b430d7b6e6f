//! bashio's functions, one module per file of bashio's lib/ (apps/ is
//! lib/apps.sh, config.rs is lib/config.sh, ...), each listing its rows of the
//! function table; `MODULES` joins them and `run` runs a row of any kind.
//! Shared helpers (printf's %b, local mode, the action runner) sit beside them.

pub mod actions;
pub mod api;
pub mod apps;
pub mod audio;
pub mod auth;
pub mod backups;
pub mod blob;
pub mod cache;
pub mod cli;
pub mod color;
pub mod config;
pub mod contenv;
pub mod core;
pub mod ctype;
pub mod debug;
pub mod discovery;
pub mod dns;
pub mod docker;
pub mod exit;
pub mod fs;
pub mod hardware;
pub mod host;
pub mod info;
pub mod ingress;
pub mod jobs;
pub mod jq;
pub mod local;
pub mod log;
pub mod log_format;
pub mod log_redact;
pub mod mounts;
pub mod multicast;
pub mod net;
pub mod network;
pub mod observer;
pub mod os;
pub mod printf;
pub mod pwned;
pub mod redact;
pub mod repositories;
pub mod required;
pub mod resolution;
pub mod security;
pub mod services;
pub mod setting;
pub mod string;
pub mod supervisor;
pub mod trace;
pub mod try_;
pub mod updates;
pub mod var;

use crate::ctx::{Args, Ctx, Ret};
use crate::table::row::{Body, Function, Module};

/// Every module's rows, in bashio's module order; a module whose functions
/// never consult errexit says so beside its rows.
pub const MODULES: &[Module] = &[
    Module::errexit_free(log::FUNCTIONS),
    Module::errexit_free(color::FUNCTIONS),
    Module::errexit_free(fs::FUNCTIONS),
    Module::new(info::FUNCTIONS),
    Module::errexit_free(cache::FUNCTIONS),
    Module::new(apps::FUNCTIONS),
    Module::new(api::FUNCTIONS),
    Module::new(audio::FUNCTIONS),
    Module::new(auth::FUNCTIONS),
    Module::new(backups::FUNCTIONS),
    Module::new(cli::FUNCTIONS),
    Module::new(config::FUNCTIONS),
    Module::new(core::FUNCTIONS),
    Module::new(debug::FUNCTIONS),
    Module::new(pwned::FUNCTIONS),
    Module::errexit_free(exit::FUNCTIONS),
    Module::new(discovery::FUNCTIONS),
    Module::new(docker::FUNCTIONS),
    Module::new(dns::FUNCTIONS),
    Module::new(hardware::FUNCTIONS),
    Module::new(host::FUNCTIONS),
    Module::new(ingress::FUNCTIONS),
    Module::new(jobs::FUNCTIONS),
    Module::errexit_free(jq::FUNCTIONS),
    Module::new(mounts::FUNCTIONS),
    Module::new(multicast::FUNCTIONS),
    Module::new(net::FUNCTIONS),
    Module::new(network::FUNCTIONS),
    Module::new(observer::FUNCTIONS),
    Module::new(os::FUNCTIONS),
    Module::new(repositories::FUNCTIONS),
    Module::new(resolution::FUNCTIONS),
    Module::new(security::FUNCTIONS),
    Module::new(services::FUNCTIONS),
    Module::errexit_free(string::FUNCTIONS),
    Module::new(supervisor::FUNCTIONS),
    Module::new(trace::FUNCTIONS),
    Module::new(try_::FUNCTIONS),
    Module::new(updates::FUNCTIONS),
    Module::errexit_free(var::FUNCTIONS),
    Module::errexit_free(contenv::FUNCTIONS),
];

/// Runs a row of the table: the arguments it cannot do without, then its
/// body, by the module whose kind of row it is.
pub fn run(ctx: &mut Ctx, function: &Function, args: &Args) -> Ret {
    if !matches!(function.body, Body::Shell(_)) {
        required::check(function.name, args)?;
    }
    match function.body {
        Body::Native(run) => run(ctx, args),
        Body::AppGet { .. } => apps::run_row(ctx, function.name, function.body, args),
        Body::BlobFetch(blob) => blob::fetch(ctx, blob, args),
        Body::BlobGet {
            blob,
            key,
            filter,
            trace_args,
        } => {
            if trace_args {
                log::trace(ctx, function.name, args);
            } else {
                log::trace_name(ctx, function.name);
            }
            blob::fetch(ctx, blob, &Args::of(&[key, filter]))
        }
        Body::Action(action) => actions::run(ctx, function.name, &action, args),
        Body::Shell(_) => {
            eprintln!(
                "bashio: {} changes the calling shell; use it in a script run by bashio or after sourcing the library",
                function.name
            );
            Ok(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::MODULES;
    use std::collections::BTreeSet;
    use std::path::PathBuf;

    /// The source of a module of this directory (`NAME.rs` or `NAME/*.rs`).
    fn source(name: &str) -> String {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/bashio");
        let file = dir.join(format!("{name}.rs"));
        if file.is_file() {
            return std::fs::read_to_string(file).expect("a module's source");
        }
        let mut text = String::new();
        for entry in std::fs::read_dir(dir.join(name)).expect("a module's directory") {
            let path = entry.expect("a directory entry").path();
            text.push_str(&std::fs::read_to_string(path).expect("a module's source"));
        }
        text
    }

    /// The modules of this directory a source uses: `use super::{a, b}`,
    /// `super::a::f`, `crate::bashio::a`.
    fn uses(source: &str) -> BTreeSet<String> {
        let mut used = BTreeSet::new();
        for prefix in ["super::", "crate::bashio::"] {
            for (at, _) in source.match_indices(prefix) {
                let rest = &source[at + prefix.len()..];
                let names = match rest.strip_prefix('{') {
                    Some(group) => &group[..group.find('}').unwrap_or(0)],
                    None => rest
                        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                        .next()
                        .unwrap_or(""),
                };
                for name in names.split(',') {
                    let name = name.trim().split("::").next().unwrap_or("").trim();
                    let module_name = !name.is_empty()
                        && name
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
                    if module_name && name != "super" && name != "self" {
                        used.insert(name.to_string());
                    }
                }
            }
        }
        used
    }

    /// A module the bash library calls without the errexit probe must not
    /// consult errexit, nor may anything it calls in turn: every module of
    /// this directory reached through its calls is read for it.
    #[test]
    fn errexit_free_modules_never_consult_errexit() {
        let declared = include_str!("mod.rs");
        let free: Vec<&str> = declared
            .lines()
            .filter_map(|line| line.trim().strip_prefix("Module::errexit_free("))
            .filter_map(|rest| rest.strip_suffix("::FUNCTIONS),"))
            .collect();
        assert_eq!(
            free.len(),
            MODULES.iter().filter(|m| m.errexit_free).count(),
            "every errexit-free module is declared as `Module::errexit_free(NAME::FUNCTIONS),`"
        );
        for module in free {
            let mut seen = BTreeSet::from([module.to_string()]);
            let mut todo = vec![module.to_string()];
            while let Some(name) = todo.pop() {
                let text = source(&name);
                for call in [".check(", ".assign(", ".cond(", "errexit"] {
                    assert!(
                        !text.contains(call),
                        "{module} is errexit-free, yet {name}, which it calls, uses {call}"
                    );
                }
                for used in uses(&text) {
                    let exists = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                        .join("src/bashio")
                        .join(&used);
                    let known = exists.with_extension("rs").is_file() || exists.is_dir();
                    if known && seen.insert(used.clone()) {
                        todo.push(used);
                    }
                }
            }
        }
    }
}
