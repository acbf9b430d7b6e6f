//! `bashio lint PATH [--format json]`: finds, before a container starts, the
//! mistakes that make an add-on fail at boot or misbehave quietly: s6-overlay
//! layout errors (exec bits, s6-rc types and dependencies, run scripts that
//! do not exec), `#!` lines that cannot work, and `bashio::` calls to unknown
//! or deprecated functions or to options the schema lacks.
//!
//! PATH is an add-on directory (config.yaml and rootfs/) or a rootfs. The
//! linter only reads: it never runs a script, follows a link out of PATH,
//! opens anything but a regular file, or reads more than a bounded amount.
//! Each check lives in its own module; this one gathers the files and runs
//! them.

mod calls;
mod longrun;
mod report;
mod s6;
mod schema;
mod shebang;
mod shell;
mod tree;

use report::{Finding, Findings};
use s6::Role;
use shebang::Head;
use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use tree::Tree;

const USAGE: &str = "Usage: bashio lint PATH [--format text|json]
  PATH: an add-on directory (config.yaml, rootfs/) or a rootfs
  Prints FILE:LINE: error|warning: MESSAGE per finding and a count on stderr;
  exits 1 when there is an error, 0 otherwise, 100 on a usage error.";

pub fn main(args: &[OsString]) -> i32 {
    let mut path: Option<&OsString> = None;
    let mut as_json = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let text = arg.to_string_lossy();
        let format = match text.as_ref() {
            "-h" | "--help" => {
                let _ = writeln!(std::io::stdout().lock(), "{USAGE}");
                return 0;
            }
            "--format" => match rest.next() {
                Some(value) => value.to_string_lossy().into_owned(),
                None => return usage("--format needs a value: text or json"),
            },
            _ => match text.strip_prefix("--format=") {
                Some(value) => value.to_string(),
                None if text.starts_with('-') && text.len() > 1 => {
                    return usage(&format!("unknown option '{text}'"));
                }
                None if path.is_some() => return usage("only one PATH"),
                None => {
                    path = Some(arg);
                    continue;
                }
            },
        };
        as_json = match format.as_str() {
            "json" => true,
            "text" => false,
            other => return usage(&format!("unknown format '{other}': text or json")),
        };
    }
    let Some(path) = path else {
        return usage("PATH is missing");
    };
    let shown = path.to_string_lossy();
    let tree = match Tree::open(Path::new(path)) {
        Ok(tree) => tree,
        Err(reason) => {
            eprintln!("bashio lint: cannot read {shown}: {reason}");
            return 1;
        }
    };
    let findings = lint(&tree);
    let prefix = match shown.as_ref() {
        "." | "./" => "",
        other => other,
    };
    report::print(prefix, &findings, as_json)
}

fn usage(problem: &str) -> i32 {
    eprintln!("bashio lint: {problem}\n{USAGE}");
    100
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
    let own: BTreeSet<String> = scripts
        .iter()
        .flat_map(|s| s.parsed.functions.iter())
        .filter(|name| name.starts_with("bashio::"))
        .cloned()
        .collect();
    for script in &scripts {
        calls::check(
            &script.parsed,
            &script.file,
            &own,
            schema.as_ref(),
            &mut findings,
        );
        if script.longrun {
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

/// A shell script, parsed.
struct ShellScript {
    file: String,
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
    let shell = match (&head, role) {
        (Head::Missing, Some(Role::Init)) => {
            let message = "no #! line: it runs only through /bin/sh's fallback for such files, without bashio; start it with #!/usr/bin/with-contenv bashio or #!/bin/sh".to_string();
            findings.warning("shebang", &file, 1, message);
            true
        }
        (Head::Missing, Some(_)) => {
            let message = "no #! line: s6 cannot execute it (exec format error); start it with #!/usr/bin/with-contenv bashio or #!/bin/sh".to_string();
            findings.error("shebang", &file, 1, message);
            false
        }
        (Head::Missing, None) => named_shell,
        (Head::Line(line), _) => {
            shebang::check(tree, &file, &head, findings);
            shebang::is_shell(line)
        }
        (Head::Empty, _) => {
            shebang::check(tree, &file, &head, findings);
            false
        }
        (Head::Crlf(_) | Head::Bom, _) => {
            shebang::check(tree, &file, &head, findings);
            true
        }
    };
    if !shell {
        return Some((None, bytes));
    }
    let longrun = matches!(role, Some(Role::LegacyRun | Role::RcRun))
        && matches!(&head, Head::Line(line) if !shebang::is_execline(line));
    let script = ShellScript {
        parsed: shell::parse(&String::from_utf8_lossy(&bytes)),
        file,
        longrun,
    };
    Some((Some(script), bytes))
}
