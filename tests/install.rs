//! `bashio install --prefix DIR`: the layout add-on images expect, usable at
//! once (a script with the image's shebang runs), idempotent, and removable.

use crate::util::*;
use std::process::Command;

fn bashio(args: &[&str]) -> Run {
    run(Command::new(binary()).args(args))
}

#[test]
fn install_run_reinstall_and_uninstall() {
    let sandbox = Sandbox::new();
    let prefix = sandbox.path("root");
    let prefix_text = prefix.display().to_string();
    for _ in 0..2 {
        let result = bashio(&["install", "--prefix", &prefix_text]);
        assert_eq!((result.status, result.stderr.as_str()), (0, ""));
    }
    for (link, target) in [
        ("usr/bin/bashio", "../lib/bashio/bashio"),
        ("usr/bin/with-contenv", "../lib/bashio/bashio"),
        ("usr/bin/printcontenv", "../lib/bashio/bashio"),
        ("command/with-contenv", "../usr/lib/bashio/bashio"),
        ("usr/bin/tempio", "../lib/bashio/bashio"),
        ("usr/bin/envsubst", "../lib/bashio/bashio"),
    ] {
        assert_eq!(
            std::fs::read_link(prefix.join(link)).unwrap(),
            std::path::Path::new(target)
        );
    }
    let library = std::fs::read_to_string(prefix.join("usr/lib/bashio/bashio.sh")).unwrap();
    assert_eq!(library, bashio(&["shim"]).stdout);

    // An image's script, its shebang pointed into the prefix, runs through the links.
    sandbox.env("PATH", &format!("{prefix_text}/usr/bin:/usr/bin:/bin"));
    sandbox.env("BASHIO_BUILTINS", "1");
    let script = sandbox.file(
        "run.sh",
        &format!(
            "#!{prefix_text}/command/with-contenv bashio\nbashio::string.upper ok\necho \" $(type -t bashio::string.upper)\"\n"
        ),
    );
    assert_eq!(sandbox.exec(&script, &[]).stdout, "OK builtin\n");
    // A script that sources the library finds the binary beside it.
    let sourced = sandbox.file(
        "sourced.sh",
        &format!(
            "#!/bin/bash\nsource {prefix_text}/usr/lib/bashio/bashio.sh\nbashio::var.json a b\ntype -t bashio::var.json\n"
        ),
    );
    assert_eq!(
        run(Command::new(&sourced).env("BASHIO_BUILTINS", "1")).stdout,
        "{\"a\":\"b\"}\nbuiltin\n"
    );
    assert!(prefix
        .join("usr/lib/bashio/libbashio_builtins.so")
        .is_file());

    let result = bashio(&["uninstall", "--prefix", &prefix_text]);
    assert_eq!((result.status, result.stderr.as_str()), (0, ""));
    for gone in [
        "usr/bin/bashio",
        "usr/bin/with-contenv",
        "command/with-contenv",
        "usr/bin/tempio",
        "usr/bin/envsubst",
        "usr/lib/bashio",
    ] {
        assert!(
            std::fs::symlink_metadata(prefix.join(gone)).is_err(),
            "{gone} is still there"
        );
    }
}

#[test]
fn bad_arguments_are_a_usage_error() {
    let result = bashio(&["install", "--prefx", "/tmp/x"]);
    assert_eq!(
        (result.status, result.stdout.as_str(), result.stderr.as_str()),
        (
            100,
            "",
            "bashio install: unexpected argument '--prefx' found\nUsage: bashio install [OPTIONS]\n"
        )
    );
    // uninstall has no --with-envsubst: nothing is linked then.
    let result = bashio(&["uninstall", "--with-envsubst"]);
    assert_eq!(
        (result.status, result.stdout.as_str(), result.stderr.as_str()),
        (
            100,
            "",
            "bashio uninstall: unexpected argument '--with-envsubst' found\nUsage: bashio uninstall [OPTIONS]\n"
        )
    );
    let result = bashio(&["install", "--prefix"]);
    assert_eq!(
        (result.status, result.stdout.as_str(), result.stderr.as_str()),
        (
            100,
            "",
            "bashio install: a value is required for '--prefix <DIR>' but none was supplied\nUsage: bashio install [OPTIONS]\n"
        )
    );
}

#[test]
fn envsubst_stays_unless_asked_and_tempio_is_replaced() {
    let sandbox = Sandbox::new();
    let prefix = sandbox.path("root");
    let prefix_text = prefix.display().to_string();
    let bin = prefix.join("usr/bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::fs::write(bin.join("envsubst"), "gettext's\n").unwrap();
    std::fs::write(bin.join("tempio"), "the image's\n").unwrap();
    let result = bashio(&["install", "--prefix", &prefix_text]);
    assert_eq!((result.status, result.stderr.as_str()), (0, ""));
    assert_eq!(
        std::fs::read_to_string(bin.join("envsubst")).unwrap(),
        "gettext's\n"
    );
    assert_eq!(
        std::fs::read_link(bin.join("tempio")).unwrap(),
        std::path::Path::new("../lib/bashio/bashio")
    );
    let result = bashio(&["install", "--with-envsubst", "--prefix", &prefix_text]);
    assert_eq!((result.status, result.stderr.as_str()), (0, ""));
    assert_eq!(
        std::fs::read_link(bin.join("envsubst")).unwrap(),
        std::path::Path::new("../lib/bashio/bashio")
    );
    // Through the installed links, both applets answer.
    let out = run(Command::new(bin.join("envsubst")).arg("--version"));
    assert!(
        out.stdout.starts_with("envsubst (GNU gettext-runtime)"),
        "{}",
        out.stdout
    );
    let out = run(Command::new(bin.join("tempio")).arg("-h"));
    assert!(out.stderr.contains("-template string"), "{}", out.stderr);
}
