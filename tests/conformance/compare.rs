//! Comparing our outcome with the reference's: what must be equal, what a
//! case allows to differ, the report of a difference, and the tally of how
//! close the equal ones are.

use crate::case::{Case, Outcome};
use serde_json::Value;
use std::fmt::Write as _;

/// Control characters made visible, so a diff shows escape sequences.
pub fn visible(line: &str) -> String {
    let mut out = String::new();
    for c in line.chars() {
        match c {
            '\x1b' => out.push_str("\\e"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// A line diff (longest common subsequence): ` ` same, `-` expected only, `+` ours only.
pub fn line_diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.split_inclusive('\n').collect();
    let b: Vec<&str> = actual.split_inclusive('\n').collect();
    let mut table = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            table[i][j] = if a[i] == b[j] {
                table[i + 1][j + 1] + 1
            } else {
                table[i + 1][j].max(table[i][j + 1])
            };
        }
    }
    let show = |line: &str| match line.strip_suffix('\n') {
        Some(line) => visible(line),
        None => format!("{}  (no newline at end)", visible(line)),
    };
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            let _ = writeln!(out, "     {}", show(a[i]));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || table[i + 1][j] >= table[i][j + 1]) {
            let _ = writeln!(out, "   - {}", show(a[i]));
            i += 1;
        } else {
            let _ = writeln!(out, "   + {}", show(b[j]));
            j += 1;
        }
    }
    out
}

/// Whether our line matches bashio's, each `<REDACTED>` in ours standing for
/// some text in bashio's.
pub fn matches_redacted(ours: &str, theirs: &str) -> bool {
    let parts: Vec<&str> = ours.split("<REDACTED>").collect();
    if parts.len() == 1 {
        return ours == theirs;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !theirs.starts_with(first) || !theirs[first.len()..].ends_with(last) {
        return false;
    }
    let mut rest = &theirs[first.len()..theirs.len() - last.len()];
    for part in &parts[1..parts.len() - 1] {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}

/// Our stdout against bashio's, line by line where the case hides secrets.
pub fn same_stdout(case: &Case, expected: &str, actual: &str) -> bool {
    if case.redacted.is_none() {
        return expected == actual;
    }
    let (theirs, ours): (Vec<&str>, Vec<&str>) =
        (expected.lines().collect(), actual.lines().collect());
    theirs.len() == ours.len()
        && ours
            .iter()
            .zip(&theirs)
            .all(|(o, t)| matches_redacted(o, t))
}

/// The lines curl printed (bashio runs it with `--show-error`).
pub fn curl_lines(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|line| line.starts_with("curl: ("))
        .collect()
}

/// What differs between the reference's outcome and ours, or None.
pub fn compare(case: &Case, expected: &Outcome, actual: &Outcome) -> Option<String> {
    let same_curl = curl_lines(&expected.stderr) == curl_lines(&actual.stderr);
    let same_stderr = !case.stderr || expected.stderr == actual.stderr;
    if same_stdout(case, &expected.stdout, &actual.stdout)
        && expected.status == actual.status
        && expected.requests == actual.requests
        && same_curl
        && same_stderr
    {
        return None;
    }
    let mut report = format!("--- {} ({})\n", case.name, case.file);
    let _ = writeln!(report, "  script:");
    for line in case.script.lines() {
        let _ = writeln!(report, "     | {line}");
    }
    if !same_stdout(case, &expected.stdout, &actual.stdout) {
        let _ = writeln!(report, "  stdout (- bashio, + ours):");
        report.push_str(&line_diff(&expected.stdout, &actual.stdout));
    }
    if expected.status != actual.status {
        let _ = writeln!(
            report,
            "  status: bashio {}, ours {}",
            expected.status, actual.status
        );
    }
    if expected.requests != actual.requests {
        let render = |requests: &[Value]| {
            requests
                .iter()
                .map(|r| format!("{} {} {}\n", r["method"], r["path"], r["body"]))
                .collect::<String>()
        };
        let _ = writeln!(report, "  requests (- bashio, + ours):");
        report.push_str(&line_diff(
            &render(&expected.requests),
            &render(&actual.requests),
        ));
    }
    if !same_curl {
        let _ = writeln!(report, "  curl's lines (- bashio, + ours):");
        let text = |stderr: &str| -> String {
            curl_lines(stderr)
                .iter()
                .map(|l| format!("{l}\n"))
                .collect()
        };
        report.push_str(&line_diff(&text(&expected.stderr), &text(&actual.stderr)));
    }
    if !same_stderr {
        let _ = writeln!(report, "  stderr (- bashio, + ours):");
        report.push_str(&line_diff(&expected.stderr, &actual.stderr));
    } else if !actual.stderr.is_empty() {
        let _ = writeln!(report, "  our stderr:");
        for line in actual.stderr.lines() {
            let _ = writeln!(report, "     | {}", visible(line));
        }
    }
    Some(report)
}

/// How a compared case came out, for the byte-for-byte count.
#[derive(Clone, Copy, PartialEq)]
pub enum Tally {
    /// bashio died of a missing argument ("unbound variable"): its stderr
    /// names its own files, so only stdout, status and requests count.
    Died,
    /// Identical in every byte, stderr included.
    Identical,
    /// Identical in stdout, status and requests; stderr differs.
    StderrDiffers,
    /// A difference the case allows (`<REDACTED>` in debug lines), or a failure.
    Other,
}

pub fn tally(expected: &Outcome, actual: &Outcome, passed: bool) -> Tally {
    if !passed {
        Tally::Other
    } else if expected.stderr.contains(": unbound variable") {
        Tally::Died
    } else if expected.stdout != actual.stdout {
        Tally::Other
    } else if expected.stderr == actual.stderr {
        Tally::Identical
    } else {
        Tally::StderrDiffers
    }
}
