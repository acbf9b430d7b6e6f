//! Running one case: the mock Supervisor given the case's world and faults,
//! a sandbox laid out as a container, the script run as a file by our bashio
//! or by the reference.

use crate::case::{Case, Outcome};
use crate::util::{MockSupervisor, Sandbox, World};
use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};

/// Merges `patch` into `target`: objects key by key, `null` removing a key.
pub fn merge(target: &mut Map<String, Value>, patch: &Map<String, Value>) {
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
pub fn world_for(case: &Case) -> World {
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
pub enum Runner {
    Ours,
    Reference { bashio: PathBuf, jq_dir: PathBuf },
}

/// Runs one case on a fresh mock and a fresh sandbox.
pub fn run_case(case: &Case, runner: &Runner) -> Outcome {
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
pub fn without_timings(text: &str) -> String {
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

/// The reference runner from BASHIO_REFERENCE and BASHIO_REFERENCE_JQ (a jq
/// 1.8 binary; default `jq18`, then `jq`, on PATH).
pub fn reference_runner(checkout: &str, jq_home: &Path) -> Runner {
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

/// A run that cannot panic the whole test: a timeout or a broken case is a failure.
pub fn guarded(case: &Case, runner: &Runner) -> Result<Outcome, String> {
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
