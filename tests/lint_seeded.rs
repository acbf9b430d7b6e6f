//! Recall and precision of `bashio lint` on seeded broken add-ons: each
//! directory of tests/data/lint/seeded is an add-on with known mistakes,
//! listed in its SEEDED file (`mistake FILE:LINE CHECK`) with the files
//! meant to be executable (`exec FILE`). Every mistake must be found, and
//! nothing else reported: the correct code around the mistakes (covered
//! chmods, installed interpreters, options checked for null, TLS code on an
//! add-on with TLS options) must raise no finding at all.

use crate::util::*;
use std::collections::BTreeSet;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else if entry.file_name() != "SEEDED" {
            fs::copy(entry.path(), &target).unwrap();
            fs::set_permissions(&target, fs::Permissions::from_mode(0o644)).unwrap();
        }
    }
}

#[test]
fn lint_finds_every_seeded_mistake_and_nothing_else() {
    let seeded = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/lint/seeded");
    let mut names: Vec<_> = fs::read_dir(&seeded)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(names.len(), 10);
    let dir = tempfile::tempdir().unwrap();
    let (mut total, mut found, mut false_alarms) = (0, 0, Vec::new());
    for name in names {
        let addon = dir.path().join(&name);
        copy_tree(&seeded.join(&name), &addon);
        let plan = fs::read_to_string(seeded.join(&name).join("SEEDED")).unwrap();
        let mut expected = BTreeSet::new();
        for line in plan.lines() {
            match line.split_once(' ') {
                Some(("exec", file)) => {
                    fs::set_permissions(addon.join(file), fs::Permissions::from_mode(0o755))
                        .unwrap();
                }
                Some(("mistake", what)) => {
                    expected.insert(what.to_string());
                }
                _ => panic!("bad SEEDED line {line:?}"),
            }
        }
        let result = run(Command::new(binary())
            .args(["lint", "--format", "json", "."])
            .current_dir(&addon));
        let findings: serde_json::Value = serde_json::from_str(&result.stdout).unwrap();
        let reported: BTreeSet<String> = findings
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                format!(
                    "{}:{} {}",
                    f["file"].as_str().unwrap(),
                    f["line"],
                    f["check"].as_str().unwrap()
                )
            })
            .collect();
        total += expected.len();
        found += expected.intersection(&reported).count();
        for missed in expected.difference(&reported) {
            eprintln!("{}: missed {missed}", name.to_string_lossy());
        }
        for extra in reported.difference(&expected) {
            false_alarms.push(format!("{}: {extra}", name.to_string_lossy()));
        }
    }
    eprintln!(
        "seeded recall: {found}/{total}, false alarms: {}",
        false_alarms.len()
    );
    assert_eq!((found, total), (27, 27));
    assert_eq!(false_alarms, Vec::<String>::new());
}
