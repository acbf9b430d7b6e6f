//! `bashio lint --fix`: services.d services become s6-rc.d longruns with the
//! files s6-rc-compile needs, the dependencies the old `dependencies` files
//! asked for (plus base), the user bundle's entries and the scripts' modes;
//! the result is compiled by the real s6-rc-compile and its dependency graph
//! read back with s6-rc-db. A conversion that cannot be done whole is not
//! done at all.
//!
//! s6-rc is not packaged for every distribution: the compile step runs
//! when `s6-rc-compile` and `s6-rc-db` are on PATH (or in the directory
//! named by S6_RC_BIN), and says on stderr that it was skipped otherwise.

use crate::util::*;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

fn write(path: &Path, text: &str, mode: u32) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

/// Every file and directory under `root`: `MODE path` (directories end in /).
fn listing(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let meta = fs::symlink_metadata(&path).unwrap();
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            if meta.is_dir() {
                out.push(format!("{rel}/"));
                stack.push(path);
            } else {
                out.push(format!("{:o} {rel}", meta.permissions().mode() & 0o777));
            }
        }
    }
    out.sort_by_key(|line| line.rsplit(' ').next().unwrap_or_default().to_string());
    out
}

fn legacy_addon(root: &Path) -> PathBuf {
    let addon = root.join("addon");
    write(&addon.join("config.yaml"), "name: x\nslug: x\n", 0o644);
    let services = addon.join("rootfs/etc/services.d");
    write(
        &services.join("db/run"),
        "#!/usr/bin/with-contenv bashio\nexec database\n",
        0o755,
    );
    write(&services.join("db/notification-fd"), "3\n", 0o644);
    write(
        &services.join("web/run"),
        "#!/usr/bin/with-contenv bashio\nexec web-server\n",
        0o755,
    );
    write(&services.join("web/finish"), "#!/bin/sh\nexit 0\n", 0o700);
    write(
        &services.join("web/dependencies"),
        "# the database first\ndb\n",
        0o644,
    );
    write(
        &services.join("web/log/run"),
        "#!/bin/sh\nexec logutil-service /var/log/web\n",
        0o755,
    );
    write(
        &services.join("worker/run"),
        "#!/usr/bin/with-contenv bashio\nexec worker\n",
        0o755,
    );
    write(&services.join("worker/dependencies.d/db"), "", 0o644);
    write(&services.join("worker/dependencies.d/web"), "", 0o644);
    addon
}

fn tool(name: &str) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("S6_RC_BIN") {
        let path = PathBuf::from(dir).join(name);
        return path.is_file().then_some(path);
    }
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|dir| Path::new(dir).join(name))
        .find(|path| path.is_file())
}

#[test]
fn lint_fix_turns_services_d_into_s6_rc_longruns() {
    let dir = tempfile::tempdir().unwrap();
    let addon = legacy_addon(dir.path());
    let before = run(Command::new(binary())
        .args(["lint", "addon"])
        .current_dir(dir.path()));
    assert_eq!(before.stderr, "0 errors, 2 warnings\n", "{}", before.stdout);
    assert!(before.stdout.contains("addon/rootfs/etc/services.d/web/dependencies:1: warning: dependencies in services.d/web/ is ignored"));

    let result = run(Command::new(binary())
        .args(["lint", "--fix", "addon"])
        .current_dir(dir.path()));
    assert_eq!(
        (result.status, result.stdout.as_str(), result.stderr.as_str()),
        (
            0,
            "",
            "bashio lint: addon: services.d/db is now s6-rc.d/db, a longrun in the user bundle depending on base\n\
             bashio lint: addon: services.d/web is now s6-rc.d/web, a longrun in the user bundle depending on base, db, its log/ as web-log\n\
             bashio lint: addon: services.d/worker is now s6-rc.d/worker, a longrun in the user bundle depending on base, db, web\n\
             0 errors, 0 warnings\n"
        )
    );
    let etc = addon.join("rootfs/etc");
    assert_eq!(listing(&etc.join("services.d")), Vec::<String>::new());
    assert_eq!(
        listing(&etc.join("s6-overlay/s6-rc.d")),
        [
            "db/",
            "db/dependencies.d/",
            "644 db/dependencies.d/base",
            "644 db/notification-fd",
            "755 db/run",
            "644 db/type",
            "user/",
            "user/contents.d/",
            "644 user/contents.d/db",
            "644 user/contents.d/web",
            "644 user/contents.d/web-log",
            "644 user/contents.d/worker",
            "web-log/",
            "644 web-log/consumer-for",
            "web-log/dependencies.d/",
            "644 web-log/dependencies.d/base",
            "755 web-log/run",
            "644 web-log/type",
            "web/",
            "web/dependencies.d/",
            "644 web/dependencies.d/base",
            "644 web/dependencies.d/db",
            "700 web/finish",
            "644 web/producer-for",
            "755 web/run",
            "644 web/type",
            "worker/",
            "worker/dependencies.d/",
            "644 worker/dependencies.d/base",
            "644 worker/dependencies.d/db",
            "644 worker/dependencies.d/web",
            "755 worker/run",
            "644 worker/type",
        ]
    );
    let rc = etc.join("s6-overlay/s6-rc.d");
    assert_eq!(
        fs::read_to_string(rc.join("web/type")).unwrap(),
        "longrun\n"
    );
    assert_eq!(
        fs::read_to_string(rc.join("web/producer-for")).unwrap(),
        "web-log\n"
    );
    assert_eq!(
        fs::read_to_string(rc.join("web-log/consumer-for")).unwrap(),
        "web\n"
    );
    assert_eq!(
        fs::read_to_string(rc.join("web/run")).unwrap(),
        "#!/usr/bin/with-contenv bashio\nexec web-server\n"
    );

    // Compiled by s6-rc, with s6-overlay's base and user bundles stood in for.
    let (Some(compile), Some(db)) = (tool("s6-rc-compile"), tool("s6-rc-db")) else {
        eprintln!("skipped: s6-rc-compile and s6-rc-db are not installed");
        return;
    };
    let source = dir.path().join("source");
    let copied = Command::new("cp")
        .arg("-a")
        .arg(&rc)
        .arg(&source)
        .status()
        .unwrap();
    assert!(copied.success());
    write(&source.join("user/type"), "bundle\n", 0o644);
    write(&source.join("base/type"), "oneshot\n", 0o644);
    write(&source.join("base/up"), "true\n", 0o644);
    let compiled = dir.path().join("compiled");
    let out = run(Command::new(&compile).arg(&compiled).arg(&source));
    assert_eq!((out.status, out.stderr.as_str()), (0, ""), "{}", out.stdout);
    let deps = |name: &str| {
        let out = run(Command::new(&db)
            .arg("-c")
            .arg(&compiled)
            .args(["dependencies", name]));
        assert_eq!(out.status, 0, "{}", out.stderr);
        let mut names: Vec<String> = out.stdout.lines().map(str::to_string).collect();
        names.sort();
        names
    };
    assert_eq!(deps("db"), ["base"]);
    // A pipeline also needs s6-rc's fd holder.
    assert_eq!(deps("web"), ["base", "db", "s6rc-fdholder", "web-log"]);
    assert_eq!(deps("worker"), ["base", "db", "web"]);
    let out = run(Command::new(&db)
        .arg("-c")
        .arg(&compiled)
        .args(["contents", "user"]));
    let mut contents: Vec<&str> = out.stdout.lines().collect();
    contents.sort();
    assert_eq!(contents, ["db", "web", "web-log", "worker"]);
}

#[test]
fn lint_fix_refuses_a_taken_name_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let addon = legacy_addon(dir.path());
    let rc = addon.join("rootfs/etc/s6-overlay/s6-rc.d");
    write(&rc.join("web/type"), "oneshot\n", 0o644);
    write(&rc.join("web/up"), "true\n", 0o644);
    let before = listing(&addon);
    let result = run(Command::new(binary())
        .args(["lint", "--fix", "addon"])
        .current_dir(dir.path()));
    assert_eq!(
        (result.status, result.stdout.as_str(), result.stderr.as_str()),
        (1, "", "bashio lint: addon: --fix: s6-rc.d/web exists already: nothing converted (rename services.d/web first)\n")
    );
    assert_eq!(listing(&addon), before);
}
