//! `bashio lint [--fix] PATH [--format text|json]`: finds, before a
//! container starts, the mistakes that make an add-on fail at boot or
//! misbehave quietly: s6-overlay
//! layout errors (exec bits, s6-rc types and dependencies, run scripts that
//! do not exec), `#!` lines that cannot work, and `bashio::` calls to unknown
//! or deprecated functions or to options the schema lacks.
//!
//! PATH is an add-on directory (config.yaml and rootfs/), a repository of
//! add-ons (each linted as an add-on of its own), or a rootfs. The
//! linter only reads: it never runs a script, follows a link out of PATH,
//! opens anything but a regular file, or reads more than a bounded amount.
//! Each check lives in its own module; this one gathers the files and runs
//! them.

#![forbid(unsafe_code)]

mod calls;
pub mod fix;
pub mod image;
mod loaded;
mod longrun;
mod order;
mod report;
mod s6;
mod schema;
mod shebang;
pub mod shell;
pub mod tree;
pub mod versions;

use report::{Finding, Findings};
use s6::Role;
use shebang::Head;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use tree::Tree;

/// `bashio lint [--fix] PATH [--format text|json]`.
pub fn main(path: &Path, fix: bool, as_json: bool) -> i32 {
    let shown = path.to_string_lossy();
    let prefix = match shown.as_ref() {
        "." | "./" => "",
        other => other,
    };
    let what = match tree::kind_of(path) {
        Ok(what) => what,
        Err(reason) => {
            // One line: PATH itself is the mistake.
            eprintln!("bashio lint: {shown}: {reason}");
            return 100;
        }
    };
    let findings = match what {
        tree::PathKind::Repository(addons) => {
            let mut all = Vec::new();
            for addon in addons {
                let name = addon
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                match open(&addon, fix, &format!("{shown}/{name}")) {
                    Ok(tree) => all.extend(lint(&tree).into_iter().map(|mut finding| {
                        finding.file = format!("{name}/{}", finding.file);
                        finding
                    })),
                    Err((status, reason)) => {
                        eprintln!("bashio lint: {shown}/{name}: {reason}");
                        return status;
                    }
                }
            }
            all
        }
        tree::PathKind::Tree => match open(path, fix, &shown) {
            Ok(tree) => lint(&tree),
            Err((status, reason)) => {
                eprintln!("bashio lint: {shown}: {reason}");
                return status;
            }
        },
    };
    report::print(prefix, &findings, as_json)
}

/// Opens a tree (status 100 when it cannot be read: PATH is the mistake);
/// with --fix, converts its services.d services first (status 1 when that
/// fails) and reads it again.
fn open(path: &Path, fix: bool, shown: &str) -> Result<Tree, (i32, String)> {
    let tree = Tree::open(path).map_err(|e| (100, e))?;
    if !fix {
        return Ok(tree);
    }
    let converted = fix::services(&tree).map_err(|e| (1, format!("--fix: {e}")))?;
    let mut err = std::io::stderr().lock();
    for service in &converted {
        let mut deps = vec!["base".to_string()];
        deps.extend(service.dependencies.iter().cloned());
        let log = if service.logger {
            format!(", its log/ as {}-log", service.name)
        } else {
            String::new()
        };
        let _ = writeln!(
            err,
            "bashio lint: {shown}: services.d/{0} is now s6-rc.d/{0}, a longrun in the user bundle depending on {1}{log}",
            service.name,
            deps.join(", ")
        );
    }
    Tree::open(&tree.base).map_err(|e| (100, e))
}

/// One file to look at: how it is shown, and what s6-overlay does with it.
struct Candidate {
    file: String,
    role: Option<Role>,
}

/// Every finding for the tree, sorted.
pub fn lint(tree: &Tree) -> Vec<Finding> {
    let mut findings = Findings::default();
    let schema = schema::load(tree, &mut findings);
    let mut candidates: BTreeMap<PathBuf, Candidate> = BTreeMap::new();
    let (executed, graph) = s6::check(tree, &mut findings);
    for executed in executed {
        candidates.entry(executed.path).or_insert(Candidate {
            file: executed.file,
            role: Some(executed.role),
        });
    }
    let mut others = tree.rootfs.as_deref().map(tree::walk).unwrap_or_default();
    if tree.is_addon {
        others.extend(
            tree::entries(&tree.base)
                .into_iter()
                .filter(|(_, _, meta)| meta.is_file())
                .map(|(_, path, _)| path),
        );
    }
    for path in others {
        let file = tree.rel(&path);
        candidates
            .entry(path)
            .or_insert(Candidate { file, role: None });
    }

    let mut scripts = Vec::new();
    let mut texts: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    if let Some((_, path)) = &tree.config {
        texts.extend(tree::read_head(path).map(|text| (path.clone(), text)));
    }
    for (path, candidate) in candidates {
        if let Some((script, text)) = read_script(tree, &path, candidate, &mut findings) {
            scripts.extend(script);
            texts.push((path, text));
        }
    }
    let mentioned = |name: &[u8], own_dir: &Path| {
        texts
            .iter()
            .any(|(path, text)| !path.starts_with(own_dir) && names(text, name))
    };
    graph.unstarted(tree, &mentioned, &mut findings);
    order::check(tree, &graph, &mut findings);
    let own: BTreeSet<String> = scripts
        .iter()
        .flat_map(|s| s.parsed.functions.iter())
        .filter(|name| name.starts_with("bashio::"))
        .cloned()
        .collect();
    let context = calls::Context {
        own_functions: &own,
        schema: schema.as_ref(),
        bashio: tree.image.bashio.as_ref(),
    };
    for script in &scripts {
        calls::check(
            &script.parsed,
            &script.text,
            &script.file,
            &context,
            &mut findings,
        );
        if script.longrun && !finish_halts(&script.path) {
            longrun::check(&script.parsed, &script.file, &mut findings);
        }
    }
    findings.sorted()
}

/// Whether `text` holds `name` as a whole service name.
fn names(text: &[u8], name: &[u8]) -> bool {
    if name.is_empty() || name.len() > text.len() {
        return false;
    }
    let part = |b: u8| b.is_ascii_alphanumeric() || b"-_.".contains(&b);
    text.windows(name.len()).enumerate().any(|(at, window)| {
        window == name
            && !(at > 0 && part(text[at - 1]))
            && !text.get(at + name.len()).is_some_and(|&b| part(b))
    })
}

/// Whether the `finish` beside a run script halts the container whatever
/// happened: the service runs once.
fn finish_halts(run: &Path) -> bool {
    let Some(finish) = run.parent().map(|dir| dir.join("finish")) else {
        return false;
    };
    tree::read_text(&finish).is_some_and(|text| longrun::halts(&shell::parse(&text)))
}

/// A shell script, parsed.
struct ShellScript {
    /// Where it is on disk.
    path: PathBuf,
    file: String,
    text: String,
    parsed: shell::Script,
    /// The run script of a longrun, written in a shell.
    longrun: bool,
}

/// Checks a file's `#!` line; parses it when it is a shell script. Returns
/// its text too, for anything that looks like a script.
fn read_script(
    tree: &Tree,
    path: &Path,
    candidate: Candidate,
    findings: &mut Findings,
) -> Option<(Option<ShellScript>, Vec<u8>)> {
    let Candidate { file, role } = candidate;
    let named_shell = file.ends_with(".sh") || file.ends_with(".bash");
    if role.is_none() && !named_shell {
        // Only files that claim to be scripts; a rootfs also holds data.
        let prefix = tree::read_prefix(path, 5)?;
        if !prefix.starts_with(b"#!") && !prefix.starts_with(b"\xEF\xBB\xBF#!") {
            return None;
        }
    }
    let bytes = tree::read_head(path)?;
    if !tree::is_text(&bytes) {
        return None;
    }
    let head = shebang::read(&bytes);
    let late = shebang::late_line(&bytes);
    let shell = match (&head, role, &late) {
        (Head::Missing, Some(Role::Init), Some((line, _))) => {
            let message = format!("the #! line is line {line}, not the first: the kernel reads #! only at the very start of the file, so it runs only through /bin/sh's fallback for such files, without bashio; remove what comes before #!");
            findings.warning("shebang", &file, 1, message);
            true
        }
        (Head::Missing, Some(Role::Init), None) => {
            let message = "no #! line: it runs only through /bin/sh's fallback for such files, without bashio; start it with #!/usr/bin/with-contenv bashio or #!/bin/sh".to_string();
            findings.warning("shebang", &file, 1, message);
            true
        }
        (Head::Missing, Some(_), Some((line, shebang))) => {
            let message = format!("the #! line is line {line}, not the first: the kernel reads #! only at the very start of the file, so s6 cannot execute it (exec format error); remove what comes before #!");
            findings.error("shebang", &file, 1, message);
            shebang::is_shell(shebang)
        }
        (Head::Missing, Some(_), None) => {
            let message = "no #! line: s6 cannot execute it (exec format error); start it with #!/usr/bin/with-contenv bashio or #!/bin/sh".to_string();
            findings.error("shebang", &file, 1, message);
            false
        }
        (Head::Missing, None, _) => named_shell,
        (Head::Line(line), _, _) => {
            shebang::check(tree, &file, &head, findings);
            shebang::is_shell(line)
        }
        (Head::Empty, _, _) => {
            shebang::check(tree, &file, &head, findings);
            false
        }
        (Head::Crlf(_) | Head::Bom, _, _) => {
            shebang::check(tree, &file, &head, findings);
            true
        }
    };
    if !shell {
        return Some((None, bytes));
    }
    let longrun = matches!(role, Some(Role::LegacyRun | Role::RcRun))
        && matches!(&head, Head::Line(line) if !shebang::is_execline(line));
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let parsed = shell::parse(&text);
    // The plain shell that reads an executed script without bashio.
    let rewritten = tree.image.rewrites_shebangs
        && matches!(role, Some(Role::Init | Role::LegacyRun | Role::RcRun));
    let runner = match (&head, role) {
        _ if rewritten => None,
        // Only cont-init.d runs a file without #! (through /bin/sh), and a
        // #! below line 1 already has its own finding.
        (Head::Missing, Some(Role::Init)) if late.is_none() => Some("/bin/sh"),
        (Head::Missing, _) | (_, None) => None,
        (Head::Line(line), _) => shebang::plain_shell(line),
        _ => None,
    };
    if let Some(runner) = runner {
        loaded::check(&parsed, runner, &file, findings);
    }
    let script = ShellScript {
        path: path.to_path_buf(),
        parsed,
        text,
        file,
        longrun,
    };
    Some((Some(script), bytes))
}
