//! `bashio lint`: the example add-ons of examples/lint give exactly the
//! findings they were made for (text and JSON), the clean one none; usage and
//! unreadable paths fail in one line; and no tree, however hostile (names
//! that are not UTF-8, link loops, FIFOs, huge or binary files), makes it
//! hang or panic.
//!
//! Git does not always keep file modes, so each test copies its example into
//! a temporary directory and sets the modes the example documents.

use crate::util::*;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{symlink, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Scripts of broken-addon meant to be executable; everything else is 0644.
const BROKEN_EXECUTABLE: &[&str] = &[
    "rootfs/etc/cont-init.d/20-config.sh",
    "rootfs/etc/cont-init.d/30-crlf.sh",
    "rootfs/etc/s6-overlay/s6-rc.d/orphan/run",
    "rootfs/etc/s6-overlay/s6-rc.d/reporter/run",
    "rootfs/etc/s6-overlay/s6-rc.d/web/run",
    "rootfs/etc/s6-overlay/s6-rc.d/worker/run",
    "rootfs/usr/bin/report",
    "rootfs/usr/bin/stats",
];

const CLEAN_EXECUTABLE: &[&str] = &[
    "rootfs/etc/cont-init.d/10-setup.sh",
    "rootfs/etc/s6-overlay/s6-rc.d/app/run",
    "rootfs/etc/s6-overlay/s6-rc.d/app-log/run",
    "rootfs/etc/s6-overlay/scripts/init-app.sh",
    "rootfs/etc/services.d/legacy/finish",
    "rootfs/etc/services.d/legacy/run",
];

const BROKEN_FINDINGS: &str = r#"broken-addon/rootfs/etc/cont-init.d/20-config.sh:5: error: bashio::config reads option 'databse', which the schema in config.yaml does not define (closest: database)
broken-addon/rootfs/etc/cont-init.d/20-config.sh:6: warning: bashio::config.true reads option 'ssl', which the schema in config.yaml does not define: this option is never set, so the test is always false
broken-addon/rootfs/etc/cont-init.d/20-config.sh:9: error: bashio::config.hasvalue is not a bashio function (closest: bashio::config.has_value, bashio::config.false, bashio::config.equals)
broken-addon/rootfs/etc/cont-init.d/30-crlf.sh:1: error: the #! line ends in a carriage return (CRLF line endings): the kernel looks for 'bashio\r' ("bad interpreter" or "not found"); save the file with LF line endings
broken-addon/rootfs/etc/cont-init.d/banner.sh:1: error: not executable: s6-overlay v3 executes cont-init.d scripts (chmod +x it, and `git update-index --chmod=+x` so git keeps the bit)
broken-addon/rootfs/etc/cont-init.d/banner.sh:1: warning: no two-digit order prefix: cont-init.d scripts run in name order, so name it NN-banner.sh (10-banner.sh, 20-...) to say when it runs
broken-addon/rootfs/etc/cont-init.d/banner.sh:4: warning: bashio::addon.name is deprecated: bashio::app.name replaces it, but needs bashio >= 0.18.0 (before, it is "command not found"); the image's bashio version is not known here
broken-addon/rootfs/etc/s6-overlay/s6-rc.d/cleanup:1: warning: cleanup does not depend on base: s6-rc may start it before the base bundle is up (before cont-init.d has run and the container environment is ready), a race the s6-overlay README warns of ("Executing initialization and finalization tasks"); add an empty dependencies.d/base
broken-addon/rootfs/etc/s6-overlay/s6-rc.d/cleanup/up:1: error: up is one execline command line, not a script: its #! line is only a comment and the rest runs as a single command; put the script in an executable file and write that file's path in up
broken-addon/rootfs/etc/s6-overlay/s6-rc.d/init-db/up:1: error: up runs /etc/s6-overlay/scripts/init-db.sh, which is not executable (chmod +x it, and `git update-index --chmod=+x` so git keeps the bit)
broken-addon/rootfs/etc/s6-overlay/s6-rc.d/orphan:1: warning: orphan is never started: the user bundle does not list it (user/contents.d/orphan) and no service started at boot depends on it
broken-addon/rootfs/etc/s6-overlay/s6-rc.d/orphan:1: warning: orphan does not depend on base: s6-rc may start it before the base bundle is up (before cont-init.d has run and the container environment is ready), a race the s6-overlay README warns of ("Executing initialization and finalization tasks"); add an empty dependencies.d/base
broken-addon/rootfs/etc/s6-overlay/s6-rc.d/reporter:1: error: no type file: s6-rc-compile needs one saying longrun, oneshot or bundle
broken-addon/rootfs/etc/s6-overlay/s6-rc.d/web/dependencies.d/init-dbb:1: error: web depends on 'init-dbb', which is neither a service in s6-rc.d nor one of s6-overlay's own (closest: init-db)
broken-addon/rootfs/etc/s6-overlay/s6-rc.d/web/run:5: warning: the run script ends with 'web-server' without exec: s6 then supervises the shell, not web-server, which misses the TERM sent at stop; write 'exec web-server ...'
broken-addon/rootfs/etc/s6-overlay/s6-rc.d/worker/dependencies:3: error: worker depends on 'init-db ', which ends in a space: s6-rc keeps it as part of the name
broken-addon/rootfs/etc/s6-overlay/s6-rc.d/worker/dependencies:4: error: worker depends on 'cache', which is neither a service in s6-rc.d nor one of s6-overlay's own
broken-addon/rootfs/etc/s6-overlay/s6-rc.d/worker/type:1: error: type is "long-run\n": it must be exactly longrun, oneshot or bundle, and a newline
broken-addon/rootfs/etc/s6-overlay/scripts/init-db.sh:1: error: /usr/local/bin/bashio is in neither rootfs/ nor the add-on base images: bashio is /usr/bin/bashio
broken-addon/rootfs/etc/services.d/legacy/run:1: error: not executable: s6-supervise executes run (chmod +x it, and `git update-index --chmod=+x` so git keeps the bit)
broken-addon/rootfs/etc/services.d/legacy/run:5: warning: bashio::addon.port is deprecated: bashio::app.port replaces it, but needs bashio >= 0.18.0 (before, it is "command not found"); the image's bashio version is not known here
broken-addon/rootfs/etc/services.d/legacy/run:5: warning: the run script ends with 'legacy-server' without exec: s6 then supervises the shell, not legacy-server, which misses the TERM sent at stop; write 'exec legacy-server ...'
broken-addon/rootfs/usr/bin/report:1: error: the kernel passes 'bash -e' to /usr/bin/env as one argument, not 2 (use one argument, or env -S)
broken-addon/rootfs/usr/bin/stats:1: warning: /usr/bin/python3 is in neither rootfs/ nor the add-on base images: make sure the Dockerfile installs it
"#;

/// Copies examples/lint/NAME into `into`, every file 0644 but `executable`.
fn example(name: &str, executable: &[&str], into: &Path) -> PathBuf {
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/lint")
        .join(name);
    let target = into.join(name);
    copy_tree(&source, &target);
    for file in executable {
        let path = target.join(file);
        assert!(path.is_file(), "{} is missing", path.display());
        fs::set_permissions(path, fs::Permissions::from_mode(0o755)).unwrap();
    }
    target
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
            fs::set_permissions(&target, fs::Permissions::from_mode(0o644)).unwrap();
        }
    }
}

fn lint(dir: &Path, args: &[&str]) -> Run {
    let mut command = Command::new(binary());
    command.arg("lint").args(args).current_dir(dir);
    run(&mut command)
}

fn write(path: &Path, text: &[u8], mode: u32) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn lint_broken_addon_trips_every_check() {
    let dir = tempfile::tempdir().unwrap();
    example("broken-addon", BROKEN_EXECUTABLE, dir.path());
    let result = lint(dir.path(), &["broken-addon"]);
    assert_eq!(result.stdout, BROKEN_FINDINGS);
    assert_eq!(result.stderr, "14 errors, 10 warnings\n");
    assert_eq!(result.status, 1);
}

#[test]
fn lint_broken_addon_as_json() {
    let dir = tempfile::tempdir().unwrap();
    example("broken-addon", BROKEN_EXECUTABLE, dir.path());
    let result = lint(dir.path(), &["--format", "json", "broken-addon"]);
    assert_eq!(
        (result.status, result.stderr.as_str()),
        (1, "14 errors, 10 warnings\n")
    );
    let findings: serde_json::Value = serde_json::from_str(&result.stdout).unwrap();
    let findings = findings.as_array().unwrap();
    // The same findings as the text form, field for field.
    let as_text: Vec<String> = findings
        .iter()
        .map(|f| {
            format!(
                "{}:{}: {}: {}",
                f["file"].as_str().unwrap(),
                f["line"],
                f["level"].as_str().unwrap(),
                f["message"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(as_text, BROKEN_FINDINGS.lines().collect::<Vec<_>>());
    assert_eq!(
        findings[0],
        serde_json::json!({
            "file": "broken-addon/rootfs/etc/cont-init.d/20-config.sh",
            "line": 5,
            "level": "error",
            "check": "config-key",
            "message": "bashio::config reads option 'databse', which the schema in config.yaml does not define (closest: database)"
        })
    );
    let mut checks: Vec<&str> = findings
        .iter()
        .map(|f| f["check"].as_str().unwrap())
        .collect();
    checks.sort();
    checks.dedup();
    assert_eq!(
        checks,
        [
            "config-key",
            "deprecated",
            "executable",
            "longrun-exec",
            "s6-rc",
            "script-name",
            "shebang",
            "unknown-function"
        ]
    );
    // `--format=json` is the same.
    let again = lint(dir.path(), &["broken-addon", "--format=json"]);
    assert_eq!(again.stdout, result.stdout);
}

#[test]
fn lint_clean_addon_has_nothing_to_say() {
    let dir = tempfile::tempdir().unwrap();
    let addon = example("clean-addon", CLEAN_EXECUTABLE, dir.path());
    let result = lint(dir.path(), &["clean-addon"]);
    assert_eq!(
        (
            result.status,
            result.stdout.as_str(),
            result.stderr.as_str()
        ),
        (0, "", "0 errors, 0 warnings\n")
    );
    let result = lint(dir.path(), &["clean-addon", "--format", "json"]);
    assert_eq!((result.status, result.stdout.as_str()), (0, "[]\n"));
    // Its rootfs alone, as `.`: paths print without a prefix.
    let result = lint(&addon.join("rootfs"), &["."]);
    assert_eq!((result.status, result.stdout.as_str()), (0, ""));
}

#[test]
fn lint_a_rootfs_alone_has_no_schema_to_check() {
    let dir = tempfile::tempdir().unwrap();
    let addon = example("broken-addon", BROKEN_EXECUTABLE, dir.path());
    let result = lint(&addon, &["rootfs"]);
    assert_eq!(result.status, 1);
    assert!(!result.stdout.contains("schema"), "{}", result.stdout);
    assert!(result
        .stdout
        .starts_with("rootfs/etc/cont-init.d/20-config.sh:9: error: bashio::config.hasvalue"));
    let result = lint(&addon.join("rootfs"), &["./"]);
    assert!(result
        .stdout
        .starts_with("etc/cont-init.d/20-config.sh:9: "));
}

#[test]
fn lint_warnings_alone_exit_zero() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("rootfs");
    write(
        &root.join("etc/cont-init.d/setup.sh"),
        b"#!/bin/sh\necho hi\n",
        0o755,
    );
    let result = lint(dir.path(), &["rootfs"]);
    assert_eq!(result.status, 0);
    assert_eq!(result.stdout.lines().count(), 1);
    assert!(result
        .stdout
        .contains(": warning: no two-digit order prefix"));
    assert_eq!(result.stderr, "0 errors, 1 warning\n");
}

#[test]
fn lint_usage_errors_and_bad_paths_exit_100_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &[][..],
        &["--format"],
        &["--format", "xml", "."],
        &["--bogus", "."],
        &[".", "other"],
    ] {
        let result = lint(dir.path(), args);
        assert_eq!(result.status, 100, "{args:?}");
        assert!(result.stderr.starts_with("bashio lint: "), "{args:?}");
        assert_eq!(
            result.stderr.lines().nth(1),
            Some("Usage: bashio lint [OPTIONS] <PATH>"),
            "{args:?}"
        );
        assert_eq!(result.stderr.lines().count(), 2, "{args:?}");
        assert_eq!(result.stdout, "");
    }
    let bogus = lint(dir.path(), &["--bogus", "."]);
    assert_eq!(
        bogus.stderr,
        "bashio lint: unexpected argument '--bogus' found\nUsage: bashio lint [OPTIONS] <PATH>\n"
    );
    let help = lint(dir.path(), &["--help"]);
    assert_eq!(help.status, 0);
    assert!(help
        .stdout
        .starts_with("check an add-on or rootfs for s6 and bashio mistakes\n\nUsage: bashio lint [OPTIONS] <PATH>\n"));
    for option in ["--fix", "--format <FORMAT>"] {
        assert!(help.stdout.contains(option), "{option}");
    }

    let missing = lint(dir.path(), &["no-such-dir"]);
    assert_eq!(
        (
            missing.status,
            missing.stdout.as_str(),
            missing.stderr.as_str()
        ),
        (
            100,
            "",
            "bashio lint: no-such-dir: No such file or directory\n"
        )
    );
    fs::write(dir.path().join("file"), "").unwrap();
    let file = lint(dir.path(), &["file"]);
    assert_eq!(
        (file.status, file.stderr.as_str()),
        (100, "bashio lint: file: Not a directory: PATH is an add-on directory, a repository of add-ons or a rootfs\n")
    );
    symlink("loop", dir.path().join("loop")).unwrap();
    let looped = lint(dir.path(), &["loop"]);
    assert_eq!(
        (looped.status, looped.stderr.as_str()),
        (
            100,
            "bashio lint: loop: Too many levels of symbolic links\n"
        )
    );
    fs::create_dir(dir.path().join("empty")).unwrap();
    let empty = lint(dir.path(), &["empty"]);
    assert_eq!(
        (empty.status, empty.stderr.as_str()),
        (100, "bashio lint: empty: neither an add-on (config.yaml, rootfs/), a repository of add-ons, nor a rootfs (etc/, usr/)\n")
    );
}

#[test]
fn lint_reports_an_unreadable_config_file() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("addon/config.yaml"),
        b"name: x\nschema:\n  a: [\n",
        0o644,
    );
    let result = lint(dir.path(), &["addon", "--format", "json"]);
    assert_eq!(result.status, 1);
    let findings: serde_json::Value = serde_json::from_str(&result.stdout).unwrap();
    assert_eq!(findings[0]["file"], "addon/config.yaml");
    assert_eq!(findings[0]["check"], "config-file");
}

#[test]
fn lint_dockerfile_and_base_image_soften_what_they_may_fix() {
    let dir = tempfile::tempdir().unwrap();
    let addon = dir.path().join("addon");
    write(&addon.join("config.yaml"), b"name: x\n", 0o644);
    write(
        &addon.join("build.yaml"),
        b"build_from:\n  amd64: lscr.io/linuxserver/app:latest\n",
        0o644,
    );
    write(
        &addon.join("Dockerfile"),
        b"ARG BUILD_FROM\nFROM $BUILD_FROM\nRUN chmod a+x /etc/services.d/*/run\n",
        0o644,
    );
    let rc = addon.join("rootfs/etc/s6-overlay/s6-rc.d");
    write(&rc.join("svc-app/run"), b"#!/bin/sh\nexec app\n", 0o644);
    write(&rc.join("svc-app/dependencies.d/init-config"), b"", 0o644);
    write(
        &addon.join("rootfs/etc/services.d/app/run"),
        b"#!/bin/sh\nexec app\n",
        0o644,
    );
    write(
        &addon.join("rootfs/etc/services.d/app/finish"),
        b"#!/bin/sh\nexit 0\n",
        0o644,
    );
    let result = lint(dir.path(), &["addon"]);
    assert_eq!(result.status, 1, "{}", result.stdout);
    assert_eq!(result.stderr, "1 error, 2 warnings\n");
    assert!(result
        .stdout
        .contains("unless the base image lscr.io/linuxserver/app:latest provides it"));
    // The chmod covers services.d/*/run, not the finish script.
    assert!(!result.stdout.contains("services.d/app/run"));
    assert!(result.stdout.contains(
        "addon/rootfs/etc/services.d/app/finish:1: error: not executable: s6-supervise executes finish (the Dockerfile's chmod does not cover it)"
    ));
}

#[test]
fn lint_a_repository_lints_each_addon() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    write(&repo.join("repository.yaml"), b"name: r\n", 0o644);
    for name in ["one", "two"] {
        write(&repo.join(name).join("config.yaml"), b"name: x\n", 0o644);
        write(
            &repo.join(name).join("rootfs/etc/cont-init.d/setup.sh"),
            b"#!/bin/sh\necho hi\n",
            0o755,
        );
    }
    write(&repo.join(".github/config.yaml"), b"x: 1\n", 0o644);
    let result = lint(dir.path(), &["repo"]);
    let files: Vec<&str> = result
        .stdout
        .lines()
        .map(|l| l.split(':').next().unwrap())
        .collect();
    assert_eq!(
        files,
        [
            "repo/one/rootfs/etc/cont-init.d/setup.sh",
            "repo/two/rootfs/etc/cont-init.d/setup.sh"
        ]
    );
    assert_eq!(
        (result.status, result.stderr.as_str()),
        (0, "0 errors, 2 warnings\n")
    );
    fs::remove_dir_all(repo.join("one")).unwrap();
    fs::remove_dir_all(repo.join("two")).unwrap();
    let result = lint(dir.path(), &["repo"]);
    assert_eq!(
        (result.status, result.stdout.as_str(), result.stderr.as_str()),
        (100, "", "bashio lint: repo: a repository of add-ons without any add-on (no DIR/config.yaml): nothing to lint\n")
    );
}

#[test]
fn lint_survives_a_hostile_tree() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("rootfs");
    let init = root.join("etc/cont-init.d");
    // A name that is not UTF-8, with a script that is not either.
    let odd = std::ffi::OsStr::from_bytes(b"10-caf\xe9.sh");
    write(
        &init.join(odd),
        b"#!/usr/bin/with-contenv bashio\nbashio::log.info '\xff\xfe'\nbashio::nope.\xff\n",
        0o755,
    );
    // A FIFO where a script is expected, and in the tree: never opened.
    let fifo = std::ffi::CString::new(init.join("20-fifo").as_os_str().as_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o755) }, 0);
    // Link loops, dangling links, a link out of the tree.
    symlink("30-loop", init.join("30-loop")).unwrap();
    symlink("/nonexistent/x", init.join("40-dangling")).unwrap();
    symlink("/etc/passwd", init.join("50-host")).unwrap();
    symlink(".", root.join("etc/self")).unwrap();
    // A huge script: only its first MiB is read.
    let mut huge = b"#!/bin/bash\n".to_vec();
    huge.extend(b"echo $((1+1)) \"$(bashio::log.info x)\"\n".repeat(60_000));
    huge.extend(b"bashio::beyond.the_limit\n");
    write(&init.join("60-huge.sh"), &huge, 0o755);
    // A binary with a shebang, deep directories, nested substitutions.
    write(&root.join("usr/bin/blob"), b"#!/bin/sh\n\0\x01\x02", 0o755);
    let deep: PathBuf = (0..100).map(|i| format!("d{i}")).collect();
    write(&root.join(deep).join("x.sh"), b"#!/bin/sh\n", 0o644);
    let nested = format!(
        "#!/bin/bash\n{}x{}\n",
        "$(".repeat(5_000),
        ")".repeat(5_000)
    );
    write(&init.join("70-nested.sh"), nested.as_bytes(), 0o755);
    // s6-rc names with odd bytes and trailing blanks.
    let rc = root.join("etc/s6-overlay/s6-rc.d");
    write(&rc.join("app/type"), b"longrun\n", 0o644);
    write(&rc.join("app/run"), b"#!/bin/sh\nexec app\n", 0o755);
    write(&rc.join("app/dependencies.d/base "), b"", 0o644);
    write(
        &rc.join("app/dependencies.d")
            .join(std::ffi::OsStr::from_bytes(b"\xff")),
        b"",
        0o644,
    );
    write(&rc.join("user/contents.d/app"), b"", 0o644);

    let result = lint(dir.path(), &["rootfs", "--format", "json"]);
    assert_eq!(result.status, 1, "{}", result.stderr);
    let findings: serde_json::Value = serde_json::from_str(&result.stdout).unwrap();
    let lines: Vec<String> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{}:{}: {}",
                f["file"].as_str().unwrap(),
                f["line"],
                f["message"].as_str().unwrap()
            )
        })
        .collect();
    let has = |needle: &str| lines.iter().any(|l| l.contains(needle));
    assert!(has("10-caf\u{fffd}.sh:3: bashio::nope."), "{lines:#?}");
    assert!(has(
        "dependencies.d/base :1: app depends on 'base ', which ends in a space"
    ));
    assert!(has("app depends on '\u{fffd}'"));
    assert!(!has("beyond.the_limit"), "read past the first MiB");
    assert!(!has("20-fifo"), "{lines:#?}");
}
