//! Start-up order, where add-on authors are most often misled. s6-overlay v3
//! starts the legacy `services.d` services all at once, after the `user`
//! bundle (its README, "Init stages"): a `dependencies` file in
//! `services.d/NAME/`, as some guides show, is read by nothing. Ordering needs
//! s6-rc services with `dependencies.d` (which `bashio lint --fix` writes).
//! And an s6-rc service that does not depend on `base` may start before the
//! base bundle is up, that is before cont-init.d has run (the README,
//! "Executing initialization and finalization tasks": "it's recommended to
//! always make them depend on base").

#![forbid(unsafe_code)]

use super::report::Findings;
use super::s6::Graph;
use super::tree::{entries, Tree};
use std::os::unix::ffi::OsStrExt;

pub fn check(tree: &Tree, graph: &Graph, findings: &mut Findings) {
    legacy_dependencies(tree, findings);
    if tree.foreign_base.is_some() {
        // Such images bring bundles of their own to depend on.
        return;
    }
    for (name, dir) in graph.without_base() {
        let message = format!("{name} does not depend on base: s6-rc may start it before the base bundle is up (before cont-init.d has run and the container environment is ready), a race the s6-overlay README warns of (\"Executing initialization and finalization tasks\"); add an empty dependencies.d/base");
        findings.warning("s6-rc", &tree.rel(dir), 1, message);
    }
}

/// `services.d/NAME/dependencies` (or `dependencies.d/`): ignored by s6-overlay v3.
fn legacy_dependencies(tree: &Tree, findings: &mut Findings) {
    let Some(services) = tree.rootfs_dir("etc/services.d") else {
        return;
    };
    for (name, path, meta) in entries(&services) {
        if name.as_bytes().starts_with(b".") || !meta.is_dir() {
            continue;
        }
        for list in ["dependencies", "dependencies.d"] {
            let file = path.join(list);
            if std::fs::symlink_metadata(&file).is_err() {
                continue;
            }
            let message = format!("{list} in services.d/{}/ is ignored: s6-overlay v3 starts every services.d service at the same time, in parallel, whatever this file says (s6-overlay README, \"Init stages\"); to start a service after another, make both s6-rc.d longruns and list the other in dependencies.d (bashio lint --fix converts them)", name.to_string_lossy());
            findings.warning("services-order", &tree.rel(&file), 1, message);
        }
    }
}
