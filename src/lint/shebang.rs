//! `#!` lines, read the way the kernel reads them: one interpreter path and at
//! most one argument (everything after the path, spaces included), no CR
//! stripping. Most "it works on my machine" start-up failures of add-on
//! scripts are here: `bash\r: not found` from CRLF files, `env: 'bash -e': No
//! such file`, an interpreter the image does not have. What the add-on base
//! images provide is listed below; anything else must be in the rootfs, or at
//! least named in the Dockerfile.

#![forbid(unsafe_code)]

use super::report::Findings;
use super::tree::Tree;

/// Programs every Home Assistant add-on base image has, by absolute path
/// (Alpine layout, s6-overlay v3 with its /usr/bin symlink tarballs, bashio).
const BASE_PATHS: &[&str] = &[
    "/bin/sh",
    "/bin/bash",
    "/bin/ash",
    "/bin/busybox",
    "/usr/bin/env",
    "/usr/bin/bashio",
    "/usr/lib/bashio/bashio",
    "/command/with-contenv",
    "/usr/bin/with-contenv",
    "/command/printcontenv",
    "/usr/bin/printcontenv",
    "/command/execlineb",
    "/usr/bin/execlineb",
    "/command/with-retries",
    "/usr/bin/with-retries",
];

/// Where `with-contenv` and `env` look for a bare program name.
const PATH_DIRS: &[&str] = &[
    "/command",
    "/usr/local/sbin",
    "/usr/local/bin",
    "/usr/sbin",
    "/usr/bin",
    "/sbin",
    "/bin",
];

/// Shells whose scripts are linted as bash.
const SHELLS: &[&str] = &["sh", "bash", "ash", "dash", "bashio", "ksh", "zsh"];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shebang {
    pub interpreter: String,
    /// Everything after the interpreter, trimmed: the kernel passes it as one argument.
    pub arg: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Head {
    /// No `#!` at all.
    Missing,
    /// `#!` behind a UTF-8 byte-order mark, which the kernel does not skip.
    Bom,
    /// The line ends in CR: the text the kernel will look for, CR included.
    Crlf(String),
    /// `#!` and nothing else.
    Empty,
    Line(Shebang),
}

pub fn read(bytes: &[u8]) -> Head {
    let (bom, rest) = match bytes.strip_prefix(b"\xEF\xBB\xBF".as_slice()) {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let Some(rest) = rest.strip_prefix(b"#!".as_slice()) else {
        return Head::Missing;
    };
    if bom {
        return Head::Bom;
    }
    let end = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
    let line = String::from_utf8_lossy(&rest[..end.min(4096)]);
    let line = line.trim_start_matches([' ', '\t']);
    if line.ends_with('\r') {
        let last = line
            .trim_end_matches('\r')
            .rsplit([' ', '\t'])
            .next()
            .unwrap_or_default();
        return Head::Crlf(format!("{last}\\r"));
    }
    let (interpreter, arg) = match line.find([' ', '\t']) {
        Some(at) => (&line[..at], line[at..].trim_matches([' ', '\t'])),
        None => (line.trim_end(), ""),
    };
    if interpreter.is_empty() {
        return Head::Empty;
    }
    Head::Line(Shebang {
        interpreter: interpreter.to_string(),
        arg: (!arg.is_empty()).then(|| arg.to_string()),
    })
}

fn basename(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// The program that finally reads the script: the interpreter, or what
/// `env` or `with-contenv` run.
pub fn program(shebang: &Shebang) -> &str {
    let interpreter = basename(&shebang.interpreter);
    if !matches!(interpreter, "env" | "with-contenv") {
        return interpreter;
    }
    let words = shebang.arg.as_deref().unwrap_or_default();
    let word = env_program(words).unwrap_or(words);
    basename(word)
}

/// The program `env` runs: the first word that is not an option (`-S`, `-i`, `-u NAME`).
fn env_program(arg: &str) -> Option<&str> {
    let mut words = arg.split_whitespace();
    while let Some(word) = words.next() {
        if word == "-u" {
            words.next();
        } else if !word.starts_with('-') || word == "-" {
            return Some(word);
        }
    }
    None
}

/// A `#!` line after blank lines (or other whitespace-only lines): its line
/// number and what it says, when the file has no `#!` at the start.
pub fn late_line(bytes: &[u8]) -> Option<(usize, Shebang)> {
    let start = bytes.iter().position(|b| !b" \t\r\n".contains(b))?;
    if start == 0 {
        return None;
    }
    let line = 1 + bytes[..start].iter().filter(|&&b| b == b'\n').count();
    let line_start = bytes[..start]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |at| at + 1);
    match read(&bytes[line_start..]) {
        Head::Line(shebang) => Some((line, shebang)),
        _ => match read(&bytes[start..]) {
            Head::Line(shebang) => Some((line, shebang)),
            _ => None,
        },
    }
}

/// The plain shell (`bash`, `sh`) that reads a script, when it is not bashio.
pub fn plain_shell(shebang: &Shebang) -> Option<&'static str> {
    match program(shebang) {
        "bash" => Some("bash"),
        "sh" => Some("sh"),
        "ash" => Some("ash"),
        "dash" => Some("dash"),
        _ => None,
    }
}

pub fn is_shell(shebang: &Shebang) -> bool {
    SHELLS.contains(&program(shebang))
}

pub fn is_execline(shebang: &Shebang) -> bool {
    program(shebang) == "execlineb"
}

/// Findings about the `#!` line of `file` (line 1).
pub fn check(tree: &Tree, file: &str, head: &Head, findings: &mut Findings) {
    let shebang = match head {
        Head::Missing => return,
        Head::Bom => {
            let message = "starts with a byte-order mark: the kernel does not see the #! line behind it; save the file without BOM".to_string();
            return findings.error("shebang", file, 1, message);
        }
        Head::Crlf(word) => {
            let message = format!("the #! line ends in a carriage return (CRLF line endings): the kernel looks for '{word}' (\"bad interpreter\" or \"not found\"); save the file with LF line endings");
            return findings.error("shebang", file, 1, message);
        }
        Head::Empty => {
            let message = "the #! line names no interpreter".to_string();
            return findings.error("shebang", file, 1, message);
        }
        Head::Line(shebang) => shebang,
    };
    let interpreter = shebang.interpreter.as_str();
    if !interpreter.starts_with('/') {
        let hint = known_paths(basename(interpreter))
            .first()
            .map(|path| format!("; write #!{path}"))
            .unwrap_or_default();
        let message = format!("interpreter '{interpreter}' is not an absolute path: the kernel looks for it in the current directory{hint}");
        return findings.error("shebang", file, 1, message);
    }
    check_path(tree, file, interpreter, findings);
    let name = basename(interpreter);
    let arg = shebang.arg.as_deref().unwrap_or_default();
    let split = name == "env" && arg.split_whitespace().next().is_some_and(is_split_option);
    if arg.split_whitespace().count() > 1 && !split {
        let message = format!(
            "the kernel passes '{arg}' to {interpreter} as one argument, not {} (use one argument{})",
            arg.split_whitespace().count(),
            if name == "env" { ", or env -S" } else { "" }
        );
        return findings.error("shebang", file, 1, message);
    }
    let program = match name {
        "env" => env_program(arg),
        "with-contenv" => (!arg.is_empty()).then_some(arg),
        _ => None,
    };
    match program {
        Some(path) if path.starts_with('/') => check_path(tree, file, path, findings),
        Some(bare) if !bare.contains('/') => check_bare(tree, file, interpreter, bare, findings),
        _ => {}
    }
}

fn is_split_option(word: &str) -> bool {
    word.starts_with('-') && !word.starts_with("--") && word.contains('S')
        || word.starts_with("--split-string")
}

/// Base-image paths of a program name (`bashio` -> `/usr/bin/bashio`).
fn known_paths(name: &str) -> Vec<&'static str> {
    BASE_PATHS
        .iter()
        .copied()
        .filter(|path| basename(path) == name)
        .collect()
}

/// An absolute program path: in the rootfs, in the base images, or named by the Dockerfile.
fn check_path(tree: &Tree, file: &str, path: &str, findings: &mut Findings) {
    if BASE_PATHS.contains(&path) || tree.resolve(path).is_some() {
        return;
    }
    let name = basename(path);
    let known = known_paths(name);
    if let Some(first) = known.first() {
        let twin = path
            .strip_prefix("/usr/bin/")
            .map(|n| format!("/bin/{n}"))
            .or_else(|| path.strip_prefix("/bin/").map(|n| format!("/usr/bin/{n}")));
        if twin.is_some_and(|twin| known.contains(&twin.as_str())) {
            let message = format!("{path} exists only in Debian-based images (where /bin is /usr/bin); Alpine-based add-on images have {first}");
            return findings.warning("shebang", file, 1, message);
        }
        let message =
            format!("{path} is in neither rootfs/ nor the add-on base images: {name} is {first}");
        return findings.error("shebang", file, 1, message);
    }
    if !installed_by_dockerfile(tree, name) {
        let message = format!("{path} is in neither rootfs/ nor the add-on base images: make sure the Dockerfile installs it");
        findings.warning("shebang", file, 1, message);
    }
}

/// A program name `env` or `with-contenv` looks up in PATH.
fn check_bare(tree: &Tree, file: &str, runner: &str, name: &str, findings: &mut Findings) {
    let on_path = !known_paths(name).is_empty()
        || PATH_DIRS
            .iter()
            .any(|dir| tree.resolve(&format!("{dir}/{name}")).is_some())
        || installed_by_dockerfile(tree, name);
    if !on_path {
        let message = format!("{runner} runs '{name}', which is in neither rootfs/ nor the add-on base images: make sure the Dockerfile installs it");
        findings.warning("shebang", file, 1, message);
    }
}

/// Whether the image has the program: a package or base image brings it
/// (`apk add python3`, a Python base image), or the Dockerfile names it
/// otherwise (a download, a build).
fn installed_by_dockerfile(tree: &Tree, name: &str) -> bool {
    if tree.image.has_program(name) {
        return true;
    }
    let dockerfile = tree.image.dockerfile.as_str();
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    dockerfile.match_indices(name).any(|(at, _)| {
        let before = dockerfile[..at].chars().next_back();
        let after = dockerfile[at + name.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(interpreter: &str, arg: Option<&str>) -> Head {
        Head::Line(Shebang {
            interpreter: interpreter.to_string(),
            arg: arg.map(str::to_string),
        })
    }

    #[test]
    fn lint_shebang_reads_like_the_kernel() {
        assert_eq!(read(b"#!/bin/sh\n"), line("/bin/sh", None));
        assert_eq!(
            read(b"#! /usr/bin/env  bash -e \nx"),
            line("/usr/bin/env", Some("bash -e"))
        );
        assert_eq!(
            read(b"#!/usr/bin/with-contenv bashio\r\n"),
            Head::Crlf("bashio\\r".into())
        );
        assert_eq!(read(b"#!/bin/bash\r\n"), Head::Crlf("/bin/bash\\r".into()));
        assert_eq!(read(b"\xEF\xBB\xBF#!/bin/sh\n"), Head::Bom);
        assert_eq!(read(b"echo hi\n"), Head::Missing);
        assert_eq!(read(b"#!\n"), Head::Empty);
        assert_eq!(read(b"#!/bin/\xffsh"), line("/bin/\u{fffd}sh", None));
    }

    #[test]
    fn lint_shebang_knows_the_program_behind_env_and_with_contenv() {
        let shebang = |i: &str, a: Option<&str>| Shebang {
            interpreter: i.into(),
            arg: a.map(str::to_string),
        };
        assert!(is_shell(&shebang("/usr/bin/with-contenv", Some("bashio"))));
        assert!(is_shell(&shebang("/usr/bin/env", Some("-S bash -e"))));
        assert!(is_shell(&shebang("/bin/bash", Some("-e"))));
        assert!(!is_shell(&shebang("/usr/bin/env", Some("python3"))));
        assert!(is_execline(&shebang("/command/execlineb", Some("-P"))));
    }

    #[test]
    fn lint_shebang_checks_paths_and_arguments() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("usr/local/bin")).unwrap();
        std::fs::write(dir.path().join("usr/local/bin/mine"), "").unwrap();
        let tree = Tree::open(dir.path()).unwrap();
        let lint = |head: Head| {
            let mut findings = Findings::default();
            check(&tree, "f", &head, &mut findings);
            findings
                .list
                .into_iter()
                .map(|f| format!("{}: {}", f.level.as_str(), f.message))
                .collect::<Vec<_>>()
        };
        assert!(lint(line("/usr/bin/with-contenv", Some("bashio"))).is_empty());
        assert!(lint(line("/command/execlineb", Some("-P"))).is_empty());
        assert!(lint(line("/usr/local/bin/mine", None)).is_empty());
        assert!(lint(line("/usr/bin/env", Some("-S bash -e"))).is_empty());
        assert_eq!(
            lint(line("/usr/bin/env", Some("bash -e"))),
            ["error: the kernel passes 'bash -e' to /usr/bin/env as one argument, not 2 (use one argument, or env -S)"]
        );
        assert_eq!(
            lint(line("/usr/local/bin/bashio", None)),
            ["error: /usr/local/bin/bashio is in neither rootfs/ nor the add-on base images: bashio is /usr/bin/bashio"]
        );
        assert_eq!(
            lint(line("/bin/env", Some("bash"))),
            ["warning: /bin/env exists only in Debian-based images (where /bin is /usr/bin); Alpine-based add-on images have /usr/bin/env"]
        );
        assert_eq!(
            lint(line("/usr/bin/env", Some("python3"))),
            ["warning: /usr/bin/env runs 'python3', which is in neither rootfs/ nor the add-on base images: make sure the Dockerfile installs it"]
        );
        assert_eq!(lint(line("bash", None)).len(), 1);
    }
}
