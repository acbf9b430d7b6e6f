//! Tests of the s6-overlay layout checks on small trees.

#![forbid(unsafe_code)]

use super::*;
use std::fs;
use std::os::unix::fs::PermissionsExt;

fn write(root: &Path, path: &str, text: &str, mode: u32) {
    let path = root.join(path);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, text).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(mode)).unwrap();
}

fn lint(root: &Path) -> Vec<String> {
    let tree = Tree::open(root).unwrap();
    let mut findings = Findings::default();
    let (_, graph) = check(&tree, &mut findings);
    graph.unstarted(&tree, &|_, _| false, &mut findings);
    findings
        .sorted()
        .into_iter()
        .map(|f| format!("{}:{}: {}", f.file, f.line, f.check))
        .collect()
}

#[test]
fn lint_s6_accepts_a_well_formed_tree() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let rc = "etc/s6-overlay/s6-rc.d";
    write(root, &format!("{rc}/app/type"), "longrun\n", 0o644);
    write(
        root,
        &format!("{rc}/app/run"),
        "#!/bin/sh\nexec app\n",
        0o644,
    );
    write(root, &format!("{rc}/app/dependencies.d/base"), "", 0o644);
    write(root, &format!("{rc}/app/dependencies.d/init"), "", 0o644);
    write(root, &format!("{rc}/init/type"), "oneshot", 0o644);
    write(
        root,
        &format!("{rc}/init/up"),
        "# prepare\nwith-contenv /etc/s6-overlay/scripts/init\n",
        0o644,
    );
    write(root, &format!("{rc}/user/contents.d/app"), "", 0o644);
    write(root, &format!("{rc}/user/contents.d/.gitkeep"), "", 0o644);
    write(root, "etc/s6-overlay/scripts/init", "#!/bin/sh\n", 0o755);
    write(root, "etc/cont-init.d/00-banner.sh", "#!/bin/sh\n", 0o755);
    write(
        root,
        "etc/services.d/old/run",
        "#!/bin/sh\nexec old\n",
        0o755,
    );
    assert_eq!(lint(root), Vec::<String>::new());
}

#[test]
fn lint_s6_finds_broken_services() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let rc = "etc/s6-overlay/s6-rc.d";
    write(root, &format!("{rc}/a/type"), "longrun\r\n", 0o644);
    write(root, &format!("{rc}/b/type"), "longrun\n", 0o644);
    write(
        root,
        &format!("{rc}/b/dependencies"),
        "# comment\n  base\nc \nnope\n",
        0o644,
    );
    write(root, &format!("{rc}/c/up"), "#!/bin/sh\necho hi\n", 0o644);
    write(root, &format!("{rc}/d/type"), "oneshot\n", 0o644);
    write(
        root,
        &format!("{rc}/d/up"),
        "/etc/s6-overlay/scripts/d\n",
        0o644,
    );
    write(root, "etc/s6-overlay/scripts/d", "#!/bin/sh\n", 0o644);
    write(root, &format!("{rc}/user/contents.d/b"), "", 0o644);
    write(root, &format!("{rc}/user/contents.d/d"), "", 0o644);
    write(root, "etc/cont-init.d/setup.sh", "#!/bin/sh\n", 0o644);
    write(root, "etc/services.d/old/finish", "#!/bin/sh\n", 0o644);
    assert_eq!(
        lint(root),
        [
            "etc/cont-init.d/setup.sh:1: executable",
            "etc/cont-init.d/setup.sh:1: script-name",
            "etc/s6-overlay/s6-rc.d/a/type:1: s6-rc",
            "etc/s6-overlay/s6-rc.d/b:1: s6-rc",
            "etc/s6-overlay/s6-rc.d/b/dependencies:3: s6-rc",
            "etc/s6-overlay/s6-rc.d/b/dependencies:4: s6-rc",
            "etc/s6-overlay/s6-rc.d/c:1: s6-rc",
            "etc/s6-overlay/s6-rc.d/d/up:1: executable",
            "etc/services.d/old:1: executable",
            "etc/services.d/old/finish:1: executable",
        ]
    );
}
