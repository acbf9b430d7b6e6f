//! What a check found and how it is printed: one line per finding in the
//! compiler's grammar (`FILE:LINE: error: MESSAGE`), or a JSON array for
//! tools. Checks only push findings; ordering, wording of the summary and the
//! exit status are decided here, once.

#![forbid(unsafe_code)]

use serde_json::json;
use std::io::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Error,
    Warning,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
        }
    }
}

/// One finding. `file` is relative to the linted directory (`rootfs/etc/...`);
/// `line` is 1 when the finding is about the file itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub file: String,
    pub line: usize,
    pub level: Level,
    pub check: &'static str,
    pub message: String,
}

/// The findings of one run, in the order the checks made them.
#[derive(Default)]
pub struct Findings {
    pub list: Vec<Finding>,
}

impl Findings {
    pub fn error(&mut self, check: &'static str, file: &str, line: usize, message: String) {
        self.push(Level::Error, check, file, line, message);
    }

    pub fn warning(&mut self, check: &'static str, file: &str, line: usize, message: String) {
        self.push(Level::Warning, check, file, line, message);
    }

    fn push(
        &mut self,
        level: Level,
        check: &'static str,
        file: &str,
        line: usize,
        message: String,
    ) {
        self.list.push(Finding {
            file: file.to_string(),
            line: line.max(1),
            level,
            check,
            message,
        });
    }

    /// Sorted by file, then line; findings on one line keep the checks' order.
    pub fn sorted(mut self) -> Vec<Finding> {
        self.list
            .sort_by(|a, b| (a.file.as_bytes(), a.line).cmp(&(b.file.as_bytes(), b.line)));
        self.list.dedup();
        self.list
    }
}

/// `prefix` is PATH as given (empty for `.`), joined to each finding's file.
pub fn display_path(prefix: &str, file: &str) -> String {
    if prefix.is_empty() {
        file.to_string()
    } else if prefix.ends_with('/') {
        format!("{prefix}{file}")
    } else {
        format!("{prefix}/{file}")
    }
}

pub fn text(prefix: &str, findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| {
            format!(
                "{}:{}: {}: {}\n",
                display_path(prefix, &f.file),
                f.line,
                f.level.as_str(),
                f.message
            )
        })
        .collect()
}

pub fn json(prefix: &str, findings: &[Finding]) -> String {
    let array: Vec<serde_json::Value> = findings
        .iter()
        .map(|f| {
            json!({
                "file": display_path(prefix, &f.file),
                "line": f.line,
                "level": f.level.as_str(),
                "check": f.check,
                "message": f.message,
            })
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&array).unwrap_or_else(|_| "[]".to_string());
    out.push('\n');
    out
}

/// `2 errors, 1 warning`.
pub fn summary(findings: &[Finding]) -> String {
    let errors = findings.iter().filter(|f| f.level == Level::Error).count();
    let warnings = findings.len() - errors;
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    format!(
        "{}, {}",
        plural(errors, "error"),
        plural(warnings, "warning")
    )
}

/// Prints the report and returns the exit status: 1 when any error was found.
pub fn print(prefix: &str, findings: &[Finding], as_json: bool) -> i32 {
    let body = if as_json {
        json(prefix, findings)
    } else {
        text(prefix, findings)
    };
    // A closed stdout (`| head`) is not our failure.
    let _ = std::io::stdout().lock().write_all(body.as_bytes());
    let _ = writeln!(std::io::stderr().lock(), "{}", summary(findings));
    i32::from(findings.iter().any(|f| f.level == Level::Error))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<Finding> {
        let mut findings = Findings::default();
        findings.warning("b", "z/file", 3, "later".into());
        findings.error("a", "a/file", 9, "nine".into());
        findings.error("a", "a/file", 2, "two".into());
        findings.warning("c", "z/file", 3, "same line, second".into());
        findings.sorted()
    }

    #[test]
    fn lint_report_sorts_by_file_then_line() {
        let lines = text("addon", &sample());
        assert_eq!(
            lines,
            "addon/a/file:2: error: two\n\
             addon/a/file:9: error: nine\n\
             addon/z/file:3: warning: later\n\
             addon/z/file:3: warning: same line, second\n"
        );
        assert_eq!(
            text("", &sample()).lines().next(),
            Some("a/file:2: error: two")
        );
        assert_eq!(
            text("dir/", &sample()).lines().next(),
            Some("dir/a/file:2: error: two")
        );
    }

    #[test]
    fn lint_report_summary_counts_and_pluralises() {
        assert_eq!(summary(&sample()), "2 errors, 2 warnings");
        assert_eq!(summary(&sample()[..1]), "1 error, 0 warnings");
        assert_eq!(summary(&[]), "0 errors, 0 warnings");
    }

    #[test]
    fn lint_report_json_has_every_field() {
        let value: serde_json::Value = serde_json::from_str(&json("p", &sample()[..1])).unwrap();
        assert_eq!(
            value,
            json!([{"file": "p/a/file", "line": 2, "level": "error", "check": "a", "message": "two"}])
        );
        assert_eq!(json("p", &[]), "[]\n");
    }
}
