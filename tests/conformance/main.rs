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

mod util;

use serde_json::{json, Map, Value};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use util::*;

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance")
}

/// One case, as written in a case file.
#[derive(Debug, Clone)]
struct Case {
    file: String,
    name: String,
    script: String,
    env: Vec<(String, String)>,
    world: Option<Value>,
    faults: Vec<Value>,
    args: Vec<String>,
    skip: Option<String>,
    redacted: Option<String>,
    /// stderr is part of the contract for this case.
    stderr: bool,
}

/// What a run produced, in the expected files' form.
#[derive(Debug, Clone, PartialEq)]
struct Outcome {
    stdout: String,
    status: i64,
    requests: Vec<Value>,
    stderr: String,
}

impl Outcome {
    fn to_json(&self) -> Value {
        json!({
            "stdout": self.stdout,
            "status": self.status,
            "requests": self.requests,
            "stderr": self.stderr,
        })
    }

    fn from_json(value: &Value) -> Result<Outcome, String> {
        let object = value.as_object().ok_or("not a JSON object")?;
        let text = |key: &str| {
            object
                .get(key)
                .and_then(Value::as_str)
                .map(str::to_string)
                .ok_or(format!("\"{key}\" must be a string"))
        };
        Ok(Outcome {
            stdout: text("stdout")?,
            status: object
                .get("status")
                .and_then(Value::as_i64)
                .ok_or("\"status\" must be a number")?,
            requests: object
                .get("requests")
                .and_then(Value::as_array)
                .cloned()
                .ok_or("\"requests\" must be an array")?,
            stderr: object
                .get("stderr")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
        })
    }
}

fn strings(value: Option<&Value>, what: &str) -> Result<Vec<String>, String> {
    match value {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| {
                item.as_str()
                    .map(str::to_string)
                    .ok_or(format!("{what} must hold strings"))
            })
            .collect(),
        Some(_) => Err(format!("{what} must be an array of strings")),
    }
}

fn parse_case(file: &str, value: &Value) -> Result<Case, String> {
    let object = value.as_object().ok_or("a case must be a JSON object")?;
    const FIELDS: &[&str] = &[
        "name", "script", "env", "world", "faults", "args", "skip", "note", "redacted", "stderr",
    ];
    if let Some(key) = object.keys().find(|key| !FIELDS.contains(&key.as_str())) {
        return Err(format!("unknown case field {key:?}"));
    }
    let name = object
        .get("name")
        .and_then(Value::as_str)
        .ok_or("\"name\" must be a string")?
        .to_string();
    if name.is_empty()
        || !name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_.-".contains(&b))
    {
        return Err(format!("case name {name:?} must match [a-z0-9_.-]+"));
    }
    let script = object
        .get("script")
        .and_then(Value::as_str)
        .ok_or(format!("{name}: \"script\" must be a string"))?
        .to_string();
    let env = match object.get("env") {
        None => Vec::new(),
        Some(Value::Object(env)) => env
            .iter()
            .map(|(key, value)| match value.as_str() {
                Some(text) => Ok((key.clone(), text.to_string())),
                None => Err(format!("{name}: env {key} must be a string")),
            })
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(format!("{name}: \"env\" must be an object")),
    };
    let faults = match object.get("faults") {
        None => Vec::new(),
        Some(Value::Array(rules)) => rules.clone(),
        Some(_) => return Err(format!("{name}: \"faults\" must be an array")),
    };
    Ok(Case {
        file: file.to_string(),
        script,
        env,
        world: object.get("world").cloned(),
        faults,
        args: strings(object.get("args"), "args").map_err(|e| format!("{name}: {e}"))?,
        skip: object
            .get("skip")
            .and_then(Value::as_str)
            .map(str::to_string),
        redacted: object
            .get("redacted")
            .and_then(Value::as_str)
            .map(str::to_string),
        stderr: match object.get("stderr") {
            None => false,
            Some(Value::Bool(compare)) => *compare,
            Some(_) => return Err(format!("{name}: \"stderr\" must be true or false")),
        },
        name,
    })
}

/// Every case of every case file, in file then written order.
fn load_cases() -> Vec<Case> {
    let dir = data_dir().join("cases");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("dir entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    let mut names = BTreeSet::new();
    for path in files {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).expect("read case file");
        let value: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: not valid JSON: {e}", path.display()));
        let items = value
            .as_array()
            .unwrap_or_else(|| panic!("{}: must hold a JSON array of cases", path.display()));
        for item in items {
            let case = parse_case(&file, item).unwrap_or_else(|e| panic!("{file}: {e}"));
            assert!(
                names.insert(case.name.clone()),
                "case name {} appears twice",
                case.name
            );
            cases.push(case);
        }
    }
    cases
}

/// Merges `patch` into `target`: objects key by key, `null` removing a key.
fn merge(target: &mut Map<String, Value>, patch: &Map<String, Value>) {
    for (key, value) in patch {
        match value {
            Value::Null => {
                target.shift_remove(key);
            }
            Value::Object(inner) => match target.get_mut(key) {
                Some(Value::Object(existing)) => merge(existing, inner),
                _ => {
                    target.insert(key.clone(), value.clone());
                }
            },
            _ => {
                target.insert(key.clone(), value.clone());
            }
        }
    }
}

/// The default world with a case's changes applied.
fn world_for(case: &Case) -> World {
    let Some(changes) = &case.world else {
        return World::default_world();
    };
    let mut world = World::default_world().to_json();
    let changes = changes
        .as_object()
        .unwrap_or_else(|| panic!("{}: \"world\" must be an object", case.name));
    let self_slug = world["self_slug"].as_str().unwrap_or_default().to_string();
    for (key, change) in changes {
        match key.as_str() {
            "self_options" => {
                let addons = world["addons"].as_array_mut().expect("addons");
                let this = addons
                    .iter_mut()
                    .find(|addon| addon["info"]["slug"] == self_slug.as_str())
                    .expect("self add-on");
                this["info"]["options"] = change.clone();
            }
            "addons" => {
                let slugs = change.as_object().expect("world.addons is an object");
                for (slug, addon_change) in slugs {
                    let addons = world["addons"].as_array_mut().expect("addons");
                    let index = match addons
                        .iter()
                        .position(|addon| addon["info"]["slug"] == slug.as_str())
                    {
                        Some(index) => index,
                        None => {
                            addons.push(json!({"info": {"slug": slug}}));
                            addons.len() - 1
                        }
                    };
                    if addon_change.is_null() {
                        addons.remove(index);
                        continue;
                    }
                    let target = addons[index].as_object_mut().expect("addon object");
                    merge(
                        target,
                        addon_change
                            .as_object()
                            .expect("world.addons values are objects"),
                    );
                }
            }
            "services" | "resources" | "texts" | "responses" => {
                let target = world
                    .as_object_mut()
                    .expect("world object")
                    .entry(key.clone())
                    .or_insert_with(|| json!({}));
                let target = target.as_object_mut().expect("world map");
                for (name, value) in change.as_object().expect("a map of changes") {
                    match value {
                        Value::Null => {
                            target.shift_remove(name);
                        }
                        _ => {
                            target.insert(name.clone(), value.clone());
                        }
                    }
                }
            }
            other => panic!("{}: unknown world change {other:?}", case.name),
        }
    }
    World::from_json(world).unwrap_or_else(|e| panic!("{}: {e:#}", case.name))
}

/// How scripts are run: by our bashio, or by the reference with jq 1.8 first on PATH.
#[derive(Clone)]
enum Runner {
    Ours,
    Reference { bashio: PathBuf, jq_dir: PathBuf },
}

/// Runs one case on a fresh mock and a fresh sandbox.
fn run_case(case: &Case, runner: &Runner) -> Outcome {
    let mock = MockSupervisor::start(world_for(case)).expect("mock supervisor");
    for rule in &case.faults {
        let rule = mock_supervisor::FaultRule::from_json(rule)
            .unwrap_or_else(|e| panic!("{}: bad fault {rule}: {e}", case.name));
        mock.add_fault(rule);
    }
    let sandbox = Sandbox::with_supervisor(&mock);
    let root = sandbox.root.path().display().to_string();
    let interpreter = match runner {
        Runner::Ours => "bashio".to_string(),
        Runner::Reference { bashio, jq_dir } => {
            sandbox.env(
                "PATH",
                &format!("{}:{root}/bin:/usr/bin:/bin", jq_dir.display()),
            );
            bashio.display().to_string()
        }
    };
    for (name, value) in &case.env {
        let value = value
            .replace("{SANDBOX}", &root)
            .replace("{SUPERVISOR}", mock.url());
        sandbox.env(name, &value);
    }
    let shebang = format!(
        "#!{} {interpreter}\n",
        sandbox.path("bin/with-contenv").display()
    );
    let script = sandbox.file("script.sh", &format!("{shebang}{}", case.script));
    let args: Vec<&str> = case.args.iter().map(String::as_str).collect();
    let run = sandbox.exec(&script, &args);
    let normalize = |text: &str| {
        text.replace(&root, "{SANDBOX}")
            .replace(mock.url(), "{SUPERVISOR}")
    };
    let requests = mock
        .requests()
        .iter()
        .map(|r| json!({"method": r.method, "path": r.path, "body": normalize(&r.body)}))
        .collect();
    Outcome {
        stdout: normalize(&run.stdout),
        status: i64::from(run.status),
        requests,
        stderr: without_timings(&normalize(&run.stderr)),
    }
}

/// curl's "after 4 ms" as "after N ms", so recording twice gives the same files.
fn without_timings(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("after ") {
        let (head, tail) = rest.split_at(at + "after ".len());
        out.push_str(head);
        let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && tail[digits..].starts_with(" ms") {
            out.push('N');
            rest = &tail[digits..];
        } else {
            rest = tail;
        }
    }
    out.push_str(rest);
    out
}

fn expected_path(name: &str) -> PathBuf {
    data_dir().join("expected").join(format!("{name}.json"))
}

/// Control characters made visible, so a diff shows escape sequences.
fn visible(line: &str) -> String {
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
fn line_diff(expected: &str, actual: &str) -> String {
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

/// What differs between the reference's outcome and ours, or None.
/// Whether our line matches bashio's, each `<REDACTED>` in ours standing for
/// some text in bashio's.
fn matches_redacted(ours: &str, theirs: &str) -> bool {
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
fn same_stdout(case: &Case, expected: &str, actual: &str) -> bool {
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
fn curl_lines(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|line| line.starts_with("curl: ("))
        .collect()
}

fn compare(case: &Case, expected: &Outcome, actual: &Outcome) -> Option<String> {
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

/// The reference runner from BASHIO_REFERENCE and BASHIO_REFERENCE_JQ (a jq
/// 1.8 binary; default `jq18`, then `jq`, on PATH).
fn reference_runner(checkout: &str, jq_home: &Path) -> Runner {
    let bashio = Path::new(checkout).join("lib/bashio");
    assert!(
        bashio.is_file(),
        "BASHIO_REFERENCE={checkout} has no lib/bashio"
    );
    let bashio = bashio.canonicalize().expect("reference path");
    let jq = match std::env::var_os("BASHIO_REFERENCE_JQ") {
        Some(jq) => PathBuf::from(jq),
        None => ["jq18", "jq"]
            .iter()
            .find_map(|name| {
                std::env::var_os("PATH").and_then(|path| {
                    std::env::split_paths(&path)
                        .map(|dir| dir.join(name))
                        .find(|candidate| candidate.is_file())
                })
            })
            .expect("no jq 1.8 found: set BASHIO_REFERENCE_JQ"),
    };
    let version = std::process::Command::new(&jq)
        .arg("--version")
        .output()
        .expect("run jq --version");
    let version = String::from_utf8_lossy(&version.stdout).trim().to_string();
    assert!(
        version.starts_with("jq-1.8"),
        "{} is {version}, not jq 1.8",
        jq.display()
    );
    std::os::unix::fs::symlink(&jq, jq_home.join("jq")).expect("jq link");
    Runner::Reference {
        bashio,
        jq_dir: jq_home.to_path_buf(),
    }
}

/// Runs `work` over every case on a few threads; results in case order.
fn run_all<T: Send>(cases: &[Case], work: impl Fn(&Case) -> T + Sync) -> Vec<T> {
    let threads = std::env::var("BASHIO_CONFORMANCE_THREADS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get() * 2)
                .unwrap_or(4)
                .clamp(2, 8)
        });
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<T>>> = Mutex::new((0..cases.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let index = next.fetch_add(1, Ordering::SeqCst);
                let Some(case) = cases.get(index) else {
                    break;
                };
                let result = work(case);
                results.lock().unwrap()[index] = Some(result);
            });
        }
    });
    results
        .into_inner()
        .unwrap()
        .into_iter()
        .map(|r| r.expect("every case ran"))
        .collect()
}

/// A run that cannot panic the whole test: a timeout or a broken case is a failure.
fn guarded(case: &Case, runner: &Runner) -> Result<Outcome, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run_case(case, runner))).map_err(
        |panic| {
            panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "panicked".to_string())
        },
    )
}

fn record(cases: &[Case], checkout: &str, complete: bool) {
    let jq_home = tempfile::tempdir().expect("temp dir");
    let runner = reference_runner(checkout, jq_home.path());
    let outcomes = run_all(cases, |case| guarded(case, &runner));
    let dir = data_dir().join("expected");
    std::fs::create_dir_all(&dir).expect("expected dir");
    let mut failed = Vec::new();
    for (case, outcome) in cases.iter().zip(outcomes) {
        match outcome {
            Ok(outcome) => {
                let text = serde_json::to_string_pretty(&outcome.to_json()).expect("json");
                std::fs::write(expected_path(&case.name), format!("{text}\n"))
                    .expect("write expected file");
            }
            Err(message) => failed.push(format!("{}: {message}", case.name)),
        }
    }
    // Expected files of cases that no longer exist would mislead.
    let names: BTreeSet<String> = cases.iter().map(|c| format!("{}.json", c.name)).collect();
    for entry in std::fs::read_dir(&dir).expect("read expected dir") {
        if !complete {
            break;
        }
        let path = entry.expect("entry").path();
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        if file.ends_with(".json") && !names.contains(&file) {
            std::fs::remove_file(&path).expect("remove stale expected file");
        }
    }
    println!(
        "conformance: recorded {} cases from {checkout}",
        cases.len() - failed.len()
    );
    assert!(
        failed.is_empty(),
        "could not record:\n{}",
        failed.join("\n")
    );
}

fn replay(cases: &[Case]) {
    let runnable: Vec<Case> = cases.iter().filter(|c| c.skip.is_none()).cloned().collect();
    let results = run_all(&runnable, |case| {
        let expected = std::fs::read_to_string(expected_path(&case.name))
            .map_err(|e| {
                format!("no expected file ({e}); record it with tests/conformance/record.sh")
            })
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
                (report.clone(), tally(&expected, &actual, report.is_none()))
            }
            Err(message) => {
                let report = format!("--- {} ({}): {message}\n", case.name, case.file);
                (Some(report), Tally::Other)
            }
        }
    });
    print_tally(&runnable, &results);
    let failures: Vec<String> = results.into_iter().filter_map(|(r, _)| r).collect();
    for failure in &failures {
        println!("{failure}");
    }
    let skipped: Vec<String> = cases
        .iter()
        .filter_map(|c| c.skip.as_ref().map(|why| format!("{} ({why})", c.name)))
        .collect();
    if !skipped.is_empty() {
        println!(
            "conformance: not compared, the reference misbehaves: {}",
            skipped.join("; ")
        );
    }
    println!(
        "conformance: {} passed, {} failed",
        runnable.len() - failures.len(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} conformance cases differ from bashio (see above)",
        failures.len(),
        runnable.len()
    );
}

/// How a compared case came out, for the byte-for-byte count.
#[derive(Clone, Copy, PartialEq)]
enum Tally {
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

fn tally(expected: &Outcome, actual: &Outcome, passed: bool) -> Tally {
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

/// Of the cases bashio survives, how many are identical byte for byte,
/// stderr included (`BASHIO_CONFORMANCE_STDERR=1` names the others).
fn print_tally(cases: &[Case], results: &[(Option<String>, Tally)]) {
    let count = |t: Tally| results.iter().filter(|(_, r)| *r == t).count();
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
        for (case, (_, result)) in cases.iter().zip(results) {
            if *result == Tally::StderrDiffers {
                println!("conformance: stderr differs: {}", case.name);
            }
        }
    }
}

#[test]
fn conformance_with_bashio() {
    let mut cases = load_cases();
    assert!(!cases.is_empty(), "no conformance cases");
    let filter = std::env::var("BASHIO_CONFORMANCE_FILTER").unwrap_or_default();
    cases.retain(|case| case.name.contains(&filter));
    match std::env::var("BASHIO_REFERENCE") {
        Ok(checkout) if !checkout.is_empty() => record(&cases, &checkout, filter.is_empty()),
        _ => replay(&cases),
    }
}

#[test]
fn timings_are_left_out() {
    assert_eq!(
        without_timings("curl: (7) Failed to connect after 12 ms: no\nafter all"),
        "curl: (7) Failed to connect after N ms: no\nafter all"
    );
}

#[test]
fn redacted_parts_stand_for_any_text() {
    assert!(matches_redacted("a <REDACTED> b", "a secret b"));
    assert!(matches_redacted("x <REDACTED> y <REDACTED>", "x 1 y 2"));
    assert!(!matches_redacted("a <REDACTED> b", "a secret c"));
    assert!(matches_redacted("same", "same"));
}

#[test]
fn diff_marks_changed_lines() {
    let diff = line_diff("a\nb\nc\n", "a\nx\nc\n");
    assert_eq!(diff, "     a\n   - b\n   + x\n     c\n");
    assert_eq!(
        line_diff("\x1b[0m", ""),
        "   - \\e[0m  (no newline at end)\n"
    );
}
