//! The s6-overlay layout of a rootfs, checked the way s6-overlay v3 and
//! s6-rc-compile will treat it at boot, so that the mistakes surface before a
//! container refuses to start:
//!
//! - cont-init.d, cont-finish.d and services.d: every script is executed, not
//!   read by a shell, so it must be executable; cont-init.d and cont-finish.d
//!   run in name order, hence the `NN-name` convention.
//! - s6-rc.d: a `type` of exactly `longrun`, `oneshot` or `bundle`; a longrun
//!   has a `run`, a oneshot an `up`; every name in `dependencies(.d)`,
//!   `contents(.d)`, `producer-for` and `consumer-for` exists (here or among
//!   s6-overlay's own services) and carries no trailing whitespace, which
//!   s6-rc would keep as part of the name; a service nothing starts is useless.
//! - `up` and `down` are execline command lines, not scripts: a `#!` there is a
//!   mistake, and the script they name must be executable.
//!
//! What it does not demand: an executable `run` or `finish` in s6-rc.d, since
//! s6-rc-compile copies both as mode 0755 (and s6-overlay's README says the
//! finish file "may or may not be executable"); a `type` file for `user` and
//! `user2`, which s6-overlay writes itself.

#![forbid(unsafe_code)]

use super::report::Findings;
use super::tree::{entries, is_executable, read_head, read_text, Tree};
use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

/// Services s6-overlay defines itself (its noarch tarball, the optional syslogd
/// tarball, and s6-rc's own), and those the community add-on base image
/// (hassio-addons/addon-base) adds, which add-on services may name.
const IMPLICIT: &[&str] = &[
    "base-addon-banner",
    "base-addon-log-level",
    "base",
    "fix-attrs",
    "legacy-cont-init",
    "legacy-services",
    "top",
    "user",
    "user2",
    "s6rc-oneshot-runner",
    "s6rc-fdholder",
    "syslogd",
    "syslogd-log",
    "syslogd-prepare",
    "syslogd-bundle",
    "syslogd-pipeline",
];

/// Bundles s6-overlay starts at boot.
const STARTED: &[&str] = &["user", "user2", "top"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// services.d/NAME/run (or log/run): a longrun.
    LegacyRun,
    LegacyFinish,
    /// s6-rc.d/NAME/run of a longrun.
    RcRun,
    RcFinish,
    /// cont-init.d and cont-finish.d scripts.
    Init,
    /// A script an s6-rc `up` or `down` line runs.
    UpScript,
}

/// A file s6-overlay will execute: where it is on disk, how it is shown.
#[derive(Clone, Debug)]
pub struct Executed {
    pub path: PathBuf,
    pub file: String,
    pub role: Role,
}

/// Checks the layout; returns the files s6-overlay will execute, and the
/// s6-rc services for `Graph::unstarted` once the scripts have been read.
pub fn check(tree: &Tree, findings: &mut Findings) -> (Vec<Executed>, Graph) {
    let mut executed = Vec::new();
    for dir in ["etc/cont-init.d", "etc/cont-finish.d"] {
        init_scripts(tree, dir, findings, &mut executed);
    }
    legacy_services(tree, findings, &mut executed);
    let mut graph = Graph::default();
    graph.check(tree, findings, &mut executed);
    (executed, graph)
}

/// A script that must be executable and is not: an error, unless a chmod of
/// the Dockerfile covers it (then the image has the bit, and all is well).
fn not_executable(
    tree: &Tree,
    findings: &mut Findings,
    path: &Path,
    (file, line): (&str, usize),
    what: String,
) {
    let container = tree.container_path(path).unwrap_or_default();
    if tree.image.chmod_covers(&container) {
        return;
    }
    let hint = if tree.image.has_chmods() {
        " (the Dockerfile's chmod does not cover it)"
    } else {
        ""
    };
    findings.error("executable", file, line, format!("{what}{hint} ({CHMOD})"));
}

/// An s6-rc finding the base image may make moot: an error on Home
/// Assistant's base images, a warning on others (linuxserver.io images define
/// services of their own).
fn base_dependent(tree: &Tree, findings: &mut Findings, file: &str, line: usize, message: String) {
    match &tree.foreign_base {
        Some(image) => {
            let message = format!("{message}, unless the base image {image} provides it");
            findings.warning("s6-rc", file, line, message);
        }
        None => findings.error("s6-rc", file, line, message),
    }
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A directory entry with a link resolved inside the rootfs: its path and
/// whether it is a regular file, a directory, and executable.
struct Entry {
    real: PathBuf,
    file: bool,
    dir: bool,
    executable: bool,
}

fn entry(tree: &Tree, path: &Path) -> Option<Entry> {
    let container = tree.container_path(path)?;
    let (real, meta) = tree.resolve(&container)?;
    Some(Entry {
        real,
        file: meta.is_file(),
        dir: meta.is_dir(),
        executable: is_executable(&meta),
    })
}

const CHMOD: &str = "chmod +x it, and `git update-index --chmod=+x` so git keeps the bit";

fn init_scripts(tree: &Tree, dir: &str, findings: &mut Findings, executed: &mut Vec<Executed>) {
    let Some(path) = tree.rootfs_dir(dir) else {
        return;
    };
    let short = dir.trim_start_matches("etc/");
    for (name, path, _) in entries(&path) {
        let name = name.as_bytes();
        if name.starts_with(b".") {
            continue;
        }
        let file = tree.rel(&path);
        let Some(found) = entry(tree, &path) else {
            continue;
        };
        if found.dir {
            let message =
                format!("is a directory: s6-overlay runs every entry of {short} as a program");
            findings.error("executable", &file, 1, message);
            continue;
        }
        if !found.file {
            continue;
        }
        if !found.executable {
            let what = format!("not executable: s6-overlay v3 executes {short} scripts");
            not_executable(tree, findings, &path, (&file, 1), what);
        }
        let ordered = name.len() > 2
            && name[0].is_ascii_digit()
            && name[1].is_ascii_digit()
            && matches!(name[2], b'-' | b'_');
        if !ordered {
            let name = lossy(name);
            let message = format!("no two-digit order prefix: {short} scripts run in name order, so name it NN-{name} (10-{name}, 20-...) to say when it runs");
            findings.warning("script-name", &file, 1, message);
        }
        executed.push(Executed {
            path: found.real,
            file,
            role: Role::Init,
        });
    }
}

fn legacy_services(tree: &Tree, findings: &mut Findings, executed: &mut Vec<Executed>) {
    let Some(services) = tree.rootfs_dir("etc/services.d") else {
        return;
    };
    for (name, path, meta) in entries(&services) {
        if name.as_bytes().starts_with(b".") || !meta.is_dir() {
            continue;
        }
        legacy_service(tree, &path, findings, executed);
        if path.join("log").is_dir() {
            legacy_service(tree, &path.join("log"), findings, executed);
        }
    }
}

fn legacy_service(tree: &Tree, dir: &Path, findings: &mut Findings, executed: &mut Vec<Executed>) {
    for (script, role) in [("run", Role::LegacyRun), ("finish", Role::LegacyFinish)] {
        let path = dir.join(script);
        let file = tree.rel(&path);
        match entry(tree, &path) {
            None if script == "run" => {
                let message = "no run file: s6 has nothing to start for this service".to_string();
                findings.error("executable", &tree.rel(dir), 1, message);
            }
            None => {}
            Some(found) if !found.file => {
                let message = format!("{script} is not a regular file");
                findings.error("executable", &file, 1, message);
            }
            Some(found) => {
                if !found.executable {
                    let what = format!("not executable: s6-supervise executes {script}");
                    not_executable(tree, findings, &path, (&file, 1), what);
                }
                executed.push(Executed {
                    path: found.real,
                    file,
                    role,
                });
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Longrun,
    Oneshot,
    Bundle,
}

struct Service {
    name: Vec<u8>,
    dir: PathBuf,
}

/// A name found in a list: the name, where it was (file, line).
struct Named {
    name: Vec<u8>,
    file: String,
    line: usize,
}

/// The s6-rc services of the rootfs and who starts whom.
#[derive(Default)]
pub struct Graph {
    services: Vec<Service>,
    known: BTreeSet<Vec<u8>>,
    /// Who starts whom: bundle to member, service to dependency, pipelines.
    edges: BTreeMap<Vec<u8>, Vec<Vec<u8>>>,
    /// Names to check once every service is known: (list, what it does).
    lists: Vec<(Vec<u8>, &'static str, Named)>,
    /// Services already reported for a missing or invalid type.
    broken: BTreeSet<Vec<u8>>,
    /// Each longrun's and oneshot's dependencies, by name.
    dependencies: BTreeMap<Vec<u8>, Vec<Vec<u8>>>,
}

impl Graph {
    fn check(&mut self, tree: &Tree, findings: &mut Findings, executed: &mut Vec<Executed>) {
        for dir in ["etc/s6-overlay/s6-rc.d", "etc/s6-overlay/user-bundles.d"] {
            let Some(dir) = tree.rootfs_dir(dir) else {
                continue;
            };
            for (name, path, meta) in entries(&dir) {
                if name.as_bytes().starts_with(b".") || !meta.is_dir() {
                    continue;
                }
                self.known.insert(name.as_bytes().to_vec());
                self.services.push(Service {
                    name: name.as_bytes().to_vec(),
                    dir: path,
                });
            }
        }
        if self.services.is_empty() {
            return;
        }
        self.known
            .extend(IMPLICIT.iter().map(|n| n.as_bytes().to_vec()));
        for service in std::mem::take(&mut self.services) {
            self.service(tree, &service, findings, executed);
            self.services.push(service);
        }
        for (owner, what, named) in std::mem::take(&mut self.lists) {
            self.check_name(tree, &owner, what, &named, findings);
        }
    }

    fn service(
        &mut self,
        tree: &Tree,
        service: &Service,
        findings: &mut Findings,
        executed: &mut Vec<Executed>,
    ) {
        let name = service.name.as_slice();
        let shown = lossy(name);
        let here = tree.rel(&service.dir);
        if let Some(space) = trailing_space(name) {
            let message =
                format!("service name '{shown}' ends in {space}: other services cannot name it");
            findings.error("s6-rc", &here, 1, message);
        }
        if name.starts_with(b"s6rc-") || name.starts_with(b"s6-rc-") {
            let message =
                format!("service name '{shown}' uses a prefix reserved by s6-rc (s6rc-, s6-rc-)");
            findings.error("s6-rc", &here, 1, message);
        }
        let kind = self.kind(tree, service, findings);
        if kind.is_none() {
            self.broken.insert(name.to_vec());
        }
        match kind {
            Some(Kind::Longrun) => {
                let run = service.dir.join("run");
                match entry(tree, &run) {
                    None => {
                        let message =
                            format!("longrun {shown} has no run file: s6-rc-compile refuses it");
                        findings.error("s6-rc", &here, 1, message);
                    }
                    Some(found) if !found.file => {
                        let message =
                            "run is not a regular file: s6-rc-compile refuses it".to_string();
                        findings.error("s6-rc", &tree.rel(&run), 1, message);
                    }
                    Some(found) => executed.push(Executed {
                        path: found.real,
                        file: tree.rel(&run),
                        role: Role::RcRun,
                    }),
                }
                let finish = service.dir.join("finish");
                if let Some(found) = entry(tree, &finish).filter(|f| f.file) {
                    executed.push(Executed {
                        path: found.real,
                        file: tree.rel(&finish),
                        role: Role::RcFinish,
                    });
                }
                for (list, what) in [
                    ("producer-for", "is a producer for"),
                    ("consumer-for", "is a consumer for"),
                ] {
                    for named in names_in_file(tree, &service.dir.join(list)) {
                        self.edge(name, &named.name);
                        self.edge(&named.name, name);
                        self.lists.push((name.to_vec(), what, named));
                    }
                }
                if let Some(pipeline) = names_in_file(tree, &service.dir.join("pipeline-name"))
                    .into_iter()
                    .next()
                {
                    self.known.insert(pipeline.name.clone());
                    self.edge(&pipeline.name, name);
                }
            }
            Some(Kind::Oneshot) => {
                let up = service.dir.join("up");
                if entry(tree, &up).is_none_or(|f| !f.file) {
                    let message =
                        format!("oneshot {shown} has no up file: s6-rc-compile refuses it");
                    findings.error("s6-rc", &here, 1, message);
                } else {
                    command_line(tree, &up, findings, executed);
                }
                let down = service.dir.join("down");
                if entry(tree, &down).is_some_and(|f| f.file) {
                    command_line(tree, &down, findings, executed);
                }
            }
            Some(Kind::Bundle) | None => {}
        }
        let lists: &[(&str, &str)] = match kind {
            Some(Kind::Bundle) => &[("contents", "lists")],
            Some(_) => &[("dependencies", "depends on")],
            None => &[("contents", "lists"), ("dependencies", "depends on")],
        };
        if matches!(kind, Some(Kind::Longrun | Kind::Oneshot)) {
            self.dependencies.entry(name.to_vec()).or_default();
        }
        for (list, what) in lists {
            for named in self.names(tree, &service.dir, list, findings) {
                if kind.is_some() && *list == "dependencies" {
                    let deps = self.dependencies.entry(name.to_vec()).or_default();
                    deps.push(named.name.clone());
                }
                self.edge(name, &named.name);
                self.lists.push((name.to_vec(), what, named));
            }
        }
    }

    /// The service's type; None (after a finding) when missing or invalid.
    fn kind(&self, tree: &Tree, service: &Service, findings: &mut Findings) -> Option<Kind> {
        let path = service.dir.join("type");
        let Some(bytes) = read_head(&path).or_else(|| {
            let found = entry(tree, &path).filter(|f| f.file)?;
            read_head(&found.real)
        }) else {
            if STARTED[..2].iter().any(|n| n.as_bytes() == service.name) {
                return Some(Kind::Bundle);
            }
            let message = "no type file: s6-rc-compile needs one saying longrun, oneshot or bundle"
                .to_string();
            base_dependent(tree, findings, &tree.rel(&service.dir), 1, message);
            return None;
        };
        // As s6-rc-compile reads it: the word, and at most one newline.
        let word = bytes.strip_suffix(b"\n").unwrap_or(&bytes);
        match word {
            b"longrun" => Some(Kind::Longrun),
            b"oneshot" => Some(Kind::Oneshot),
            b"bundle" => Some(Kind::Bundle),
            _ => {
                let shown: String = lossy(&bytes[..bytes.len().min(40)])
                    .escape_debug()
                    .collect();
                let message = format!("type is \"{shown}\": it must be exactly longrun, oneshot or bundle, and a newline");
                findings.error("s6-rc", &tree.rel(&path), 1, message);
                None
            }
        }
    }

    /// The names of `LIST.d/` (entries) or, without it, of the `LIST` file.
    fn names(&self, tree: &Tree, dir: &Path, list: &str, findings: &mut Findings) -> Vec<Named> {
        let listing = dir.join(format!("{list}.d"));
        let file = dir.join(list);
        if listing.is_dir() {
            if file.is_file() {
                let message =
                    format!("ignored: {list}.d exists, and s6-rc-compile reads only that");
                findings.warning("s6-rc", &tree.rel(&file), 1, message);
            }
            return entries(&listing)
                .into_iter()
                .filter(|(name, _, _)| !name.as_bytes().starts_with(b"."))
                .map(|(name, path, _)| Named {
                    name: name.as_bytes().to_vec(),
                    file: tree.rel(&path),
                    line: 1,
                })
                .collect();
        }
        names_in_file(tree, &file)
    }

    fn edge(&mut self, from: &[u8], to: &[u8]) {
        self.edges
            .entry(from.to_vec())
            .or_default()
            .push(to.to_vec());
    }

    fn check_name(
        &self,
        tree: &Tree,
        owner: &[u8],
        what: &str,
        named: &Named,
        findings: &mut Findings,
    ) {
        let owner = lossy(owner);
        let shown = lossy(&named.name);
        if let Some(space) = trailing_space(&named.name) {
            let message = format!("{owner} {what} '{shown}', which ends in {space}: s6-rc keeps it as part of the name");
            return findings.error("s6-rc", &named.file, named.line, message);
        }
        if self.known.contains(&named.name) {
            return;
        }
        let hint = self
            .closest(&shown)
            .map(|k| format!(" (closest: {k})"))
            .unwrap_or_default();
        let message = format!("{owner} {what} '{shown}', which is neither a service in s6-rc.d nor one of s6-overlay's own{hint}");
        base_dependent(tree, findings, &named.file, named.line, message);
    }

    fn closest(&self, wanted: &str) -> Option<String> {
        self.known
            .iter()
            .map(|k| lossy(k))
            .map(|k| (super::calls::distance(wanted, &k), k))
            .filter(|(d, k)| *d <= 2.max(k.chars().count() / 3))
            .min()
            .map(|(_, k)| k)
    }

    /// Services that nothing started at boot reaches, and that no file outside
    /// their own directory names (a script may start them: `s6-rc -u change
    /// NAME`). Not judged on foreign base images, which have bundles of their own.
    pub fn unstarted(
        &self,
        tree: &Tree,
        mentioned: &dyn Fn(&[u8], &Path) -> bool,
        findings: &mut Findings,
    ) {
        if tree.foreign_base.is_some() {
            return;
        }
        let mut reached: BTreeSet<Vec<u8>> = BTreeSet::new();
        let mut queue: Vec<Vec<u8>> = STARTED.iter().map(|n| n.as_bytes().to_vec()).collect();
        queue.extend(
            self.services
                .iter()
                .filter(|s| mentioned(&s.name, &s.dir))
                .map(|s| s.name.clone()),
        );
        while let Some(name) = queue.pop() {
            if !reached.insert(name.clone()) {
                continue;
            }
            if let Some(next) = self.edges.get(&name) {
                queue.extend(next.iter().cloned());
            }
        }
        for service in &self.services {
            if reached.contains(&service.name)
                || self.broken.contains(&service.name)
                || trailing_space(&service.name).is_some()
            {
                continue;
            }
            let shown = lossy(&service.name);
            let message = format!("{shown} is never started: the user bundle does not list it (user/contents.d/{shown}) and no service started at boot depends on it");
            findings.warning("s6-rc", &tree.rel(&service.dir), 1, message);
        }
    }
}

impl Graph {
    /// The add-on's longruns and oneshots that do not depend on `base`, not
    /// even through other services, with their directories. A dependency on
    /// one of s6-overlay's own services (or the community base image's)
    /// counts as reaching base; one on an unknown service leaves it unjudged.
    pub fn without_base(&self) -> Vec<(String, &Path)> {
        let mut out = Vec::new();
        for service in &self.services {
            if !self.dependencies.contains_key(&service.name) {
                continue;
            }
            let mut seen: BTreeSet<&[u8]> = BTreeSet::new();
            let mut queue: Vec<&[u8]> = vec![&service.name];
            let mut reaches = false;
            while let Some(name) = queue.pop() {
                if !seen.insert(name) {
                    continue;
                }
                match self.dependencies.get(name) {
                    Some(deps) => queue.extend(deps.iter().map(Vec::as_slice)),
                    None if name == service.name.as_slice() => {}
                    None => reaches = true,
                }
            }
            if !reaches {
                out.push((lossy(&service.name), service.dir.as_path()));
            }
        }
        out
    }
}

/// What a name ends in, if it is whitespace.
fn trailing_space(name: &[u8]) -> Option<&'static str> {
    match name.last()? {
        b' ' => Some("a space"),
        b'\t' => Some("a tab"),
        b'\r' => Some("a carriage return (CRLF line endings)"),
        b'\x0b' | b'\x0c' => Some("whitespace"),
        _ => None,
    }
}

/// A name list file as s6-rc-compile reads it: one name a line, leading
/// blanks skipped, `#` lines and empty lines ignored, trailing blanks kept.
fn names_in_file(tree: &Tree, path: &Path) -> Vec<Named> {
    let Some(bytes) = read_head(path) else {
        return Vec::new();
    };
    let file = tree.rel(path);
    bytes
        .split(|&b| b == b'\n')
        .enumerate()
        .filter_map(|(i, line)| {
            let start = line.iter().position(|&b| b != b' ' && b != b'\t')?;
            let name = &line[start..];
            (!name.starts_with(b"#")).then(|| Named {
                name: name.to_vec(),
                file: file.clone(),
                line: i + 1,
            })
        })
        .collect()
}

/// An `up` or `down` file: one execline command line, not a script. The
/// program it starts, when a file of the rootfs, must be executable.
fn command_line(tree: &Tree, path: &Path, findings: &mut Findings, executed: &mut Vec<Executed>) {
    let Some(text) = read_text(path) else {
        return;
    };
    let file = tree.rel(path);
    let which = path
        .file_name()
        .unwrap_or(OsStr::new("up"))
        .to_string_lossy()
        .into_owned();
    if text.starts_with("#!") {
        let message = format!("{which} is one execline command line, not a script: its #! line is only a comment and the rest runs as a single command; put the script in an executable file and write that file's path in {which}");
        return findings.error("s6-rc", &file, 1, message);
    }
    let mut words = text.lines().enumerate().flat_map(|(i, line)| {
        let line = line.trim_start();
        let line = if line.starts_with('#') { "" } else { line };
        line.split_whitespace()
            .map(move |w| (i + 1, w.trim_matches('"')))
    });
    let Some((mut line, mut program)) = words.next() else {
        return;
    };
    if program.rsplit('/').next() == Some("with-contenv") {
        match words.next() {
            Some((next_line, next)) => (line, program) = (next_line, next),
            None => return,
        }
    }
    if !program.starts_with('/') {
        return;
    }
    match tree.resolve(program) {
        Some((real, meta)) if meta.is_file() => {
            if !is_executable(&meta) {
                let what = format!("{which} runs {program}, which is not executable");
                not_executable(tree, findings, &real, (&file, line), what);
            }
            executed.push(Executed {
                file: tree.rel(&real),
                path: real,
                role: Role::UpScript,
            });
        }
        Some(_) => {}
        None if program.starts_with("/etc/s6-overlay/") => {
            let message = format!("{which} runs {program}, which is not in the rootfs");
            findings.error("s6-rc", &file, line, message);
        }
        None => {}
    }
}

#[cfg(test)]
mod tests;
