//! Conformance with bashio v0.19.0, proven by replaying its recorded behaviour.
//!
//! Every case under `tests/conformance/cases/*.json` is a small add-on script
//! with its container environment, changes to the mock Supervisor's world,
//! faults and arguments. `tests/conformance/expected/<case>.json` holds what
//! the reference bashio did with it: stdout (values and log lines together,
//! as an add-on's log shows them), exit status, and the requests the
//! Supervisor received. By default this test runs each case against our
//! `bashio` and demands exactly the same; with `BASHIO_REFERENCE=<bashio
//! checkout>` set (see `tests/conformance/record.sh`) it runs the reference
//! instead and writes the expected files.
//!
//! Case file format (a JSON array of objects):
//!
//! | field | meaning |
//! | --- | --- |
//! | `name` | unique, `[a-z0-9_.-]+`; names the expected file |
//! | `script` | bash run as the add-on script (a shebang is added) |
//! | `env` | extra container-environment variables (`LOG_LEVEL`, `SUPERVISOR_TOKEN`...) |
//! | `world` | changes to the default world: `self_options` (replaces the add-on's options), `addons` (`{slug: {info: {...}, stats: {...}, installed: bool}}`, merged; a `null` removes a field), `services`, `resources`, `texts`, `responses` (merged by key; `null` removes) |
//! | `faults` | mock fault rules: `{"path", "fault", "method"?, "times"?}` |
//! | `args` | the script's arguments |
//! | `skip` | why the reference cannot be compared here (it crashes or is not deterministic); recorded, never replayed |
//! | `redacted` | why our log hides values bashio writes (values sent in POST bodies, and in debug and trace lines the values of secret keys such as `password`, are secrets; see `src/bashio/log_redact.rs`): a line of ours holding `<REDACTED>` matches bashio's line when each `<REDACTED>` stands for some text there; every other line must match exactly |
//! | `note` | free text for the reader |
//! | `stderr` | `true`: stderr must match too (jq's compile errors, silence where bashio is silent) |
//!
//! Output is compared after replacing the sandbox's directory with
//! `{SANDBOX}` and the mock's URL with `{SUPERVISOR}`, which differ per run.
//! Of stderr, curl's lines (`curl: (7) Failed to connect ...`, timings left
//! out) are always compared, since bashio shows them, and the whole of it
//! where a case asks (`"stderr": true`); the rest is kept in the expected
//! files for information only: bash names the reference's own files in its
//! messages.
//!
//! Each case is a test of its own, named `FILE::CASE` after its case file
//! (`cargo test --test conformance -- config::` runs `cases/config.json`),
//! run by libtest-mimic's harness, so a filter picks cases and a failure
//! names its case. After the run, a tally says how many of the compared
//! cases are identical byte for byte, stderr included
//! (`BASHIO_CONFORMANCE_STDERR=1` names those whose stderr differs).

mod case;
mod compare;
mod run;
// The integration tests' sandbox (tests/util/sandbox.rs): `util.rs` here is
// a link to that file, so both test binaries compile the same one.
mod util;

use case::{data_dir, expected_path, load_cases, Case, Outcome};
use compare::{compare, line_diff, matches_redacted, tally, Tally};
use libtest_mimic::{Arguments, Completion, Conclusion, Trial};
use run::{guarded, reference_runner, without_timings, Runner};
use serde_json::Value;
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

fn main() {
    let mut args = Arguments::from_args();
    if args.test_threads.is_none() {
        args.test_threads = Some(threads());
    }
    let mut cases = load_cases();
    assert!(!cases.is_empty(), "no conformance cases");
    let filter = std::env::var("BASHIO_CONFORMANCE_FILTER").unwrap_or_default();
    cases.retain(|case| case.name.contains(&filter));
    let conclusion = match std::env::var("BASHIO_REFERENCE") {
        Ok(checkout) if !checkout.is_empty() => {
            let complete = filter.is_empty() && args.filter.is_none() && args.skip.is_empty();
            record(&args, cases, &checkout, complete)
        }
        _ => replay(&args, cases),
    };
    conclusion.exit();
}

/// Cases run at once: `--test-threads`, else BASHIO_CONFORMANCE_THREADS, else
/// twice the cores (2 to 8): a case mostly waits on processes and the mock.
fn threads() -> usize {
    std::env::var("BASHIO_CONFORMANCE_THREADS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get() * 2)
                .unwrap_or(4)
                .clamp(2, 8)
        })
}

/// A case's test name: its case file's name, then its own.
fn trial_name(case: &Case) -> String {
    format!("{}::{}", case.file.trim_end_matches(".json"), case.name)
}

/// Runs the reference on every case and writes the expected files.
fn record(args: &Arguments, cases: Vec<Case>, checkout: &str, complete: bool) -> Conclusion {
    let jq_home = tempfile::tempdir().expect("temp dir");
    let runner = Arc::new(reference_runner(checkout, jq_home.path()));
    let dir = data_dir().join("expected");
    std::fs::create_dir_all(&dir).expect("expected dir");
    // Expected files of cases that no longer exist would mislead.
    let names: BTreeSet<String> = cases.iter().map(|c| format!("{}.json", c.name)).collect();
    let recorded = Arc::new(AtomicUsize::new(0));
    let mut trials = self_checks();
    for case in cases {
        let (runner, recorded) = (Arc::clone(&runner), Arc::clone(&recorded));
        trials.push(Trial::test(trial_name(&case), move || {
            let outcome = guarded(&case, &runner).map_err(|e| format!("could not record: {e}"))?;
            let text = serde_json::to_string_pretty(&outcome.to_json()).expect("json");
            std::fs::write(expected_path(&case.name), format!("{text}\n"))
                .expect("write expected file");
            recorded.fetch_add(1, Ordering::SeqCst);
            Ok(())
        }));
    }
    let conclusion = libtest_mimic::run(args, trials);
    if args.list {
        return conclusion;
    }
    if complete {
        for entry in std::fs::read_dir(&dir).expect("read expected dir") {
            let path = entry.expect("entry").path();
            let file = path.file_name().unwrap().to_string_lossy().into_owned();
            if file.ends_with(".json") && !names.contains(&file) {
                std::fs::remove_file(&path).expect("remove stale expected file");
            }
        }
    }
    println!(
        "conformance: recorded {} cases from {checkout}",
        recorded.load(Ordering::SeqCst)
    );
    conclusion
}

/// How one compared case came out.
struct Replayed {
    /// Its place in the case order.
    index: usize,
    name: String,
    tally: Tally,
    passed: bool,
}

/// Runs our bashio on every case not skipped and compares with the expected files.
fn replay(args: &Arguments, cases: Vec<Case>) -> Conclusion {
    let results: Arc<Mutex<Vec<Replayed>>> = Arc::default();
    let mut skipped = Vec::new();
    let mut trials = self_checks();
    for (index, case) in cases.into_iter().enumerate() {
        let name = trial_name(&case);
        if let Some(why) = case.skip.clone() {
            let trial = Trial::ignorable_test(&name, move || Ok(Completion::ignored_with(why)));
            let trial = trial.with_ignored_flag(true);
            if !args.is_filtered_out(&trial) {
                skipped.push(format!("{} ({})", case.name, case.skip.unwrap_or_default()));
            }
            trials.push(trial);
            continue;
        }
        let results = Arc::clone(&results);
        trials.push(Trial::test(name, move || {
            let (report, result) = replay_case(&case);
            results.lock().expect("results").push(Replayed {
                index,
                name: case.name.clone(),
                tally: result,
                passed: report.is_none(),
            });
            match report {
                None => Ok(()),
                Some(report) => Err(report.into()),
            }
        }));
    }
    let conclusion = libtest_mimic::run(args, trials);
    if args.list {
        return conclusion;
    }
    let mut results = std::mem::take(&mut *results.lock().expect("results"));
    results.sort_by_key(|replayed| replayed.index);
    if !results.is_empty() {
        print_tally(&results);
    }
    if !skipped.is_empty() {
        println!(
            "conformance: not compared, the reference misbehaves: {}",
            skipped.join("; ")
        );
    }
    if !results.is_empty() {
        let failed = results.iter().filter(|replayed| !replayed.passed).count();
        println!(
            "conformance: {} passed, {failed} failed",
            results.len() - failed
        );
    }
    conclusion
}

/// One case against its expected file: the report of what differs (None when
/// nothing does) and how close it came.
fn replay_case(case: &Case) -> (Option<String>, Tally) {
    let expected = std::fs::read_to_string(expected_path(&case.name))
        .map_err(|e| format!("no expected file ({e}); record it with tests/conformance/record.sh"))
        .and_then(|text| serde_json::from_str::<Value>(&text).map_err(|e| e.to_string()))
        .and_then(|value| Outcome::from_json(&value));
    let expected = match expected {
        Ok(expected) => expected,
        Err(message) => {
            let report = format!("--- {} ({}): {message}\n", case.name, case.file);
            return (Some(report), Tally::Other);
        }
    };
    match guarded(case, &Runner::Ours) {
        Ok(actual) => {
            let report = compare(case, &expected, &actual);
            let result = tally(&expected, &actual, report.is_none());
            (report, result)
        }
        Err(message) => {
            let report = format!("--- {} ({}): {message}\n", case.name, case.file);
            (Some(report), Tally::Other)
        }
    }
}

/// Of the cases bashio survives, how many are identical byte for byte,
/// stderr included (`BASHIO_CONFORMANCE_STDERR=1` names the others).
fn print_tally(results: &[Replayed]) {
    let count = |t: Tally| {
        results
            .iter()
            .filter(|replayed| replayed.tally == t)
            .count()
    };
    let survived = results.len() - count(Tally::Died);
    println!(
        "conformance: of {survived} cases bashio survives, {} are identical byte for byte \
         (stderr included), {} differ in stderr only, {} by <REDACTED> or a failure; \
         bashio dies of a missing argument in {}",
        count(Tally::Identical),
        count(Tally::StderrDiffers),
        count(Tally::Other),
        count(Tally::Died),
    );
    if std::env::var_os("BASHIO_CONFORMANCE_STDERR").is_some() {
        for replayed in results {
            if replayed.tally == Tally::StderrDiffers {
                println!("conformance: stderr differs: {}", replayed.name);
            }
        }
    }
}

/// The harness's own checks, run with the cases.
fn self_checks() -> Vec<Trial> {
    vec![
        Trial::test("harness::timings_are_left_out", || {
            assert_eq!(
                without_timings("curl: (7) Failed to connect after 12 ms: no\nafter all"),
                "curl: (7) Failed to connect after N ms: no\nafter all"
            );
            Ok(())
        }),
        Trial::test("harness::redacted_parts_stand_for_any_text", || {
            assert!(matches_redacted("a <REDACTED> b", "a secret b"));
            assert!(matches_redacted("x <REDACTED> y <REDACTED>", "x 1 y 2"));
            assert!(!matches_redacted("a <REDACTED> b", "a secret c"));
            assert!(matches_redacted("same", "same"));
            Ok(())
        }),
        Trial::test("harness::diff_marks_changed_lines", || {
            let diff = line_diff("a\nb\nc\n", "a\nx\nc\n");
            assert_eq!(diff, "     a\n   - b\n   + x\n     c\n");
            assert_eq!(
                line_diff("\x1b[0m", ""),
                "   - \\e[0m  (no newline at end)\n"
            );
            Ok(())
        }),
    ]
}
