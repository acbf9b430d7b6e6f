//! Scripts whose bashio calls run as bash builtins, next to the same scripts
//! with every call a function that runs the binary (`BASHIO_BUILTINS=0`):
//! the two modes must be indistinguishable to a script, and a builtin must
//! leave bash's process as it found it.

use crate::util::*;
use std::os::unix::fs::symlink;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::time::{Duration, Instant};

fn supervisor() -> MockSupervisor {
    MockSupervisor::start(World::default_world()).expect("mock supervisor")
}

/// Runs `body` in each mode, each against a fresh mock Supervisor; `setup`
/// prepares the sandbox (extra variables, a wrong token...).
fn in_both_modes(body: &str, setup: impl Fn(&Sandbox)) -> [(Run, Vec<String>); 2] {
    ["1", "0"].map(|mode| {
        let mock = supervisor();
        let sandbox = Sandbox::with_supervisor(&mock);
        setup(&sandbox);
        sandbox.env("BASHIO_BUILTINS", mode);
        let mut run = sandbox.run_script(body);
        let root = sandbox.root.path().display().to_string();
        let https = mock.url().replacen("http://", "https://", 1);
        for text in [&mut run.stdout, &mut run.stderr] {
            *text = text
                .replace(&root, "{SANDBOX}")
                .replace(mock.url(), "{SUPERVISOR}")
                .replace(&https, "{SUPERVISOR_HTTPS}");
        }
        (run, requests(&mock))
    })
}

fn assert_same(body: &str, setup: impl Fn(&Sandbox)) -> Run {
    let [(builtins, builtin_requests), (functions, function_requests)] = in_both_modes(body, setup);
    assert_eq!(builtins.stdout, functions.stdout, "stdout of:\n{body}");
    assert_eq!(builtins.stderr, functions.stderr, "stderr of:\n{body}");
    assert_eq!(builtins.status, functions.status, "status of:\n{body}");
    assert_eq!(builtin_requests, function_requests, "requests of:\n{body}");
    builtins
}

/// A script of BODY for each start before the C library's: the binary's
/// path in its shebang, and with-contenv (the sandbox's usual shebang).
fn both_shebangs(sandbox: &Sandbox, body: &str) -> [std::path::PathBuf; 2] {
    let direct = format!("#!{}\n{body}", binary().display());
    [sandbox.file("direct.sh", &direct), sandbox.script(body)]
}

/// Runs SCRIPT as Sandbox::exec does (in the suite's mode), with
/// BEFORE_EXEC, which must be async-signal-safe, run in its process first.
fn exec_after(sandbox: &Sandbox, script: &std::path::Path, before_exec: fn()) -> Run {
    let mut command = std::process::Command::new(script);
    command
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("BASHIO_CONTENV_DIR", sandbox.path("contenv"));
    if let Ok(mode) = std::env::var("BASHIO_BUILTINS") {
        command.env("BASHIO_BUILTINS", mode);
    }
    // SAFETY: the caller's function is async-signal-safe.
    unsafe {
        command.pre_exec(move || {
            before_exec();
            Ok(())
        });
    }
    crate::util::run(&mut command)
}

/// Closes every descriptor but the standard ones, in a child before exec.
fn close_all_but_standard() {
    for fd in 3..1024 {
        // SAFETY: close() is async-signal-safe.
        unsafe { libc::close(fd) };
    }
}

#[test]
fn scripts_get_builtins_and_fall_back_to_functions() {
    let sandbox = Sandbox::new();
    let body =
        "echo \"${__BASHIO_MODE}\"; type -t bashio::config bashio::addon.port bashio::log.level\n";
    sandbox.env("BASHIO_BUILTINS", "1");
    let run = sandbox.run_script(body);
    assert_eq!(run.stdout, "builtins\nbuiltin\nbuiltin\nfunction\n");

    sandbox.env("BASHIO_BUILTINS", "0");
    let run = sandbox.run_script(body);
    assert_eq!(run.stdout, "functions\nfunction\nfunction\nfunction\n");

    // A binary with no library beside it: functions, silently.
    let bare = Sandbox::new();
    bare.env("BASHIO_BUILTINS", "1");
    let lone = bare.path("lone");
    std::fs::create_dir_all(&lone).expect("dir");
    std::fs::copy(binary(), lone.join("bashio")).expect("copy binary");
    let script = bare.file(
        "script.sh",
        &format!("#!{}\n{body}", lone.join("bashio").display()),
    );
    let run = bare.exec(&script, &[]);
    assert_eq!(run.stderr, "");
    assert_eq!(run.stdout, "functions\nfunction\nfunction\nfunction\n");
}

#[test]
fn a_library_from_another_build_is_refused() {
    let sandbox = Sandbox::new();
    sandbox.env("BASHIO_BUILTINS", "1");
    let dir = sandbox.path("other");
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::copy(binary(), dir.join("bashio")).expect("copy binary");
    // Any shared object that is not this build's library: it has none of
    // the names, so the readiness check cannot even be enabled.
    let other = [
        "/lib/x86_64-linux-gnu/libm.so.6",
        "/usr/lib/libm.so.6",
        "/lib/libm.so.6",
    ]
    .into_iter()
    .find(|p| std::path::Path::new(p).exists())
    .expect("a libm to stand in for a foreign library");
    symlink(other, dir.join("libbashio_builtins.so")).expect("link");
    let script = sandbox.file(
        "script.sh",
        &format!(
            "#!{}\necho \"${{__BASHIO_MODE}} $0 $* $PPID\"\nbashio::var.true true && echo ok\n",
            dir.join("bashio").display()
        ),
    );
    // In the same bash: BASH_ENV is read once, and the script's process
    // is the first bash's (whose parent is the one that started it).
    let bash_env = sandbox.file("bash_env", "echo bash_env\n");
    let run = crate::util::run(
        std::process::Command::new(&script)
            .args(["a", "b c"])
            .env_clear()
            .env("PATH", "/usr/bin:/bin")
            .env("BASH_ENV", &bash_env),
    );
    let parent = std::process::id();
    assert_eq!(
        (run.stdout, run.stderr.as_str()),
        (
            format!(
                "bash_env\nfunctions {} a b c {parent}\nok\n",
                script.display()
            ),
            ""
        )
    );
}

/// A library of this project whose names are another build's: its readiness
/// builtin loads, is asked for a fingerprint it does not hold, and adds no
/// name, so the start takes the function library.
#[test]
fn a_library_asked_for_another_builds_names_adds_none() {
    let library = binary().with_file_name("libbashio_builtins.so");
    let run = crate::util::run(std::process::Command::new("bash").arg("-c").arg(format!(
        "enable -f '{}' __bashio_builtins_ready || exit 9\n\
         __bashio_builtins_ready 0123456789abcdef; echo \"ready $?\"\n\
         type -t bashio::config || echo none\n",
        library.display()
    )));
    assert_eq!(
        (run.stdout.as_str(), run.stderr.as_str(), run.status),
        ("ready 1\nnone\n", "", 0)
    );
}

/// Of the functions that must be bash, a start defines those the script's
/// text names; another (its name made at run time) is defined at its first
/// call. Either start: by the binary's path, and through with-contenv.
#[test]
fn a_start_defines_the_functions_that_must_be_bash_the_script_names() {
    let sandbox = Sandbox::new();
    sandbox.env("BASHIO_BUILTINS", "1");
    let body = r#"n=bashio::var; n+=.defined
declare -F bashio::log.level >/dev/null && echo named
declare -F "$n" >/dev/null || echo not-yet
"$n" X || echo "called $?"
declare -F "$n" >/dev/null && echo now
bashio::log.level info
"#;
    for script in both_shebangs(&sandbox, body) {
        let run = sandbox.exec(&script, &[]);
        assert_eq!(
            (run.stdout.as_str(), run.stderr.as_str()),
            ("named\nnot-yet\ncalled 1\nnow\n", "")
        );
    }
}

/// A script run by its path with the builtins library beside the binary,
/// directly or through with-contenv: the binary's entry point execs bash
/// before the C library's start, and its `main` (which ignores SIGPIPE
/// first) never runs. Any other start runs it: here, with the builtins
/// switched off.
#[test]
fn a_script_by_its_path_starts_before_the_c_library() {
    let sandbox = Sandbox::new();
    for script in &both_shebangs(&sandbox, "echo started\n") {
        for (mode, main_runs) in [("1", false), ("0", true)] {
            let start = traced_start(&sandbox, script, &[], &[("BASHIO_BUILTINS", mode)]);
            assert_eq!(start.run.stdout, "started\n");
            let at = script.display();
            assert_eq!(
                start.main_ran, main_runs,
                "{at} BASHIO_BUILTINS={mode}:\n{}",
                start.trace
            );
        }
    }
}

/// Past what the start before the C library takes (240 arguments, 500
/// variables), the binary's own start runs the script, alike.
#[test]
fn a_start_past_the_early_starts_bounds_is_the_binarys_own() {
    let body = "echo \"$# ${300-none} ${__BASHIO_MODE} ${VAR_599-unset}\"\n";
    let args: Vec<String> = (1..=300).map(|i| format!("a{i}")).collect();
    let many = Sandbox::new();
    for script in &both_shebangs(&many, body) {
        let start = traced_start(&many, script, &args, &[("BASHIO_BUILTINS", "1")]);
        assert_eq!(
            (start.run.stdout.as_str(), start.main_ran),
            ("300 a300 builtins unset\n", true),
            "{}",
            start.trace
        );
    }
    let crowded = Sandbox::new();
    let variables: Vec<(String, String)> = (0..600)
        .map(|i| (format!("VAR_{i:03}"), format!("value {i}")))
        .chain([("BASHIO_BUILTINS".to_owned(), "1".to_owned())])
        .collect();
    for script in &both_shebangs(&crowded, body) {
        let start = traced_start(&crowded, script, &[], &variables);
        assert_eq!(
            (start.run.stdout.as_str(), start.main_ran),
            ("0 none builtins value 599\n", true),
            "{}",
            start.trace
        );
    }
}

/// What strace saw of a script's start.
struct TracedStart {
    run: Run,
    /// The binary's `main` ran before bash did: Rust's start ignores
    /// SIGPIPE first, and the start before the C library never gets there.
    main_ran: bool,
    trace: String,
}

/// Runs SCRIPT with ARGS and VARIABLES (also in with-contenv's directory,
/// for a script of its shebang) under strace; the run must succeed.
fn traced_start(
    sandbox: &Sandbox,
    script: &std::path::Path,
    args: &[String],
    variables: &[(impl AsRef<str>, impl AsRef<str>)],
) -> TracedStart {
    let variables = variables.iter().map(|(n, v)| (n.as_ref(), v.as_ref()));
    for (name, value) in variables.clone() {
        sandbox.env(name, value);
    }
    let trace = sandbox.path("trace");
    let run = crate::util::run(
        std::process::Command::new("strace")
            .args(["-f", "-e", "trace=execve,rt_sigaction", "-o"])
            .arg(&trace)
            .arg(script)
            .args(args)
            .envs(variables)
            .env("BASHIO_CONTENV_DIR", sandbox.path("contenv")),
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    let trace = std::fs::read_to_string(&trace).expect("trace");
    let before_bash: Vec<&str> = trace
        .lines()
        .take_while(|line| !(line.contains("/bash\", [\"bash\", \"-c\"") && line.ends_with("= 0")))
        .collect();
    assert!(
        before_bash.len() < trace.lines().count(),
        "bash never started:\n{trace}"
    );
    let main_ran = before_bash
        .iter()
        .any(|line| line.contains("rt_sigaction(SIGPIPE"));
    TracedStart {
        run,
        main_ran,
        trace,
    }
}

/// What bash gets at a script's start, as the script sees it, is the same
/// whether bash was exec'd before the C library's start (the script by its
/// path) or after it (`bashio NAME`: a name without a slash is looked up
/// as a function first).
#[test]
fn both_starts_give_bash_the_same_process() {
    let sandbox = Sandbox::new();
    // What is read of bash's own process is read by bash itself: a child
    // would meet bash in the middle of its pipes and forks.
    let body = r#"echo "$0|$#|$*|${__BASHIO_MODE}|${__BASHIO_BIN}"
tr '\0' '|' </proc/$$/cmdline; echo
fds=(/proc/$$/fd/*); echo "${fds[*]##*/}"
while read -r key value; do [[ ${key} == Sig@(Ign|Blk): ]] && echo "${key} ${value}"; done </proc/$$/status
env | cut -d= -f1 | sort | tr '\n' ' '; echo
declare -F | grep -c 'bashio::' || true
echo "$- ${BASH_LINENO[*]} ${BASH_SOURCE[*]}"
shopt -o errexit nounset pipefail errtrace | tr -s ' \t' ' '
"#;
    sandbox.file("start.sh", &format!("#!{}\n{body}", binary().display()));
    let start = |program: &std::path::Path, args: &[&str]| {
        let mut command = std::process::Command::new(program);
        command
            .args(args)
            .args(["a", "b c"])
            .env_clear()
            .env("PATH", "/usr/bin:/bin")
            .current_dir(sandbox.root.path());
        if let Ok(mode) = std::env::var("BASHIO_BUILTINS") {
            command.env("BASHIO_BUILTINS", mode);
        }
        // Only the standard descriptors: one another test thread holds
        // open without close-on-exec at this fork would be listed too.
        // SAFETY: close_all_but_standard is async-signal-safe.
        unsafe {
            command.pre_exec(|| {
                close_all_but_standard();
                Ok(())
            });
        }
        crate::util::run(&mut command)
    };
    let by_path = start(std::path::Path::new("./start.sh"), &[]);
    let by_name = start(&binary(), &["start.sh"]);
    assert_eq!((by_path.status, by_path.stderr.as_str()), (0, ""));
    assert!(
        by_path.stdout.starts_with("./start.sh|2|a b c|"),
        "{}",
        by_path.stdout
    );
    assert_eq!(
        by_path.stdout.replace("./start.sh", "start.sh"),
        by_name.stdout
    );
    assert_eq!(by_name.stderr, "");
}

/// A script started with its standard input closed gets /dev/null there,
/// as the binary opens it (so that no file it opens takes the number): the
/// start before the C library leaves such a start to the binary.
#[test]
fn a_closed_standard_descriptor_is_dev_null_in_the_script() {
    let sandbox = Sandbox::new();
    for script in both_shebangs(&sandbox, "readlink /proc/$$/fd/0\n") {
        // SAFETY: close() is async-signal-safe.
        let run = exec_after(&sandbox, &script, || unsafe {
            libc::close(0);
        });
        let outcome = (run.stdout.as_str(), run.stderr.as_str());
        assert_eq!(outcome, ("/dev/null\n", ""));
    }
}

/// bash ignores SIGPIPE in a script exactly when it was ignored for the
/// script, as for bashio (a bash script) and for any program s6's
/// with-contenv runs: the binary ignores it only while it runs.
#[test]
fn a_script_gets_sigpipe_as_it_was_given() {
    let sandbox = Sandbox::new();
    for script in both_shebangs(&sandbox, "trap -p PIPE; echo end\n") {
        // SAFETY: signal() is async-signal-safe.
        let default = exec_after(&sandbox, &script, || unsafe {
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
        });
        assert_eq!(default.stdout, "end\n", "{}", default.stderr);
        // SAFETY: as above.
        let ignored = exec_after(&sandbox, &script, || unsafe {
            libc::signal(libc::SIGPIPE, libc::SIG_IGN);
        });
        assert_eq!(
            ignored.stdout, "trap -- '' SIGPIPE\nend\n",
            "{}",
            ignored.stderr
        );
    }
}

#[test]
fn version_says_which_mode_scripts_get() {
    let run = crate::util::run(
        std::process::Command::new(binary())
            .arg("--version")
            .env("BASHIO_BUILTINS", "1"),
    );
    let library = binary().with_file_name("libbashio_builtins.so");
    assert_eq!(
        run.stdout,
        format!(
            "bashio {}\nscripts run with: builtins ({})\n",
            env!("CARGO_PKG_VERSION"),
            library.display()
        )
    );
    let run = crate::util::run(
        std::process::Command::new(binary())
            .arg("--version")
            .env("BASHIO_BUILTINS", "0"),
    );
    assert!(run
        .stdout
        .ends_with("scripts run with: functions (BASHIO_BUILTINS=0)\n"));
}

/// A failing request inside every context bash treats differently under
/// errexit: the builtin learns its context only on that error path.
#[test]
fn errexit_contexts_match_the_function_library() {
    let contexts = [
        ("bare", "bashio::config.true ssl; echo after"),
        (
            "if",
            "if bashio::config.true ssl; then echo then; else echo \"else $?\"; fi; echo after",
        ),
        (
            "or",
            "bashio::config.true ssl || echo \"or $?\"; echo after",
        ),
        ("and", "bashio::config.true ssl && echo and; echo after"),
        ("not", "! bashio::config.true ssl; echo \"not $?\""),
        (
            "while",
            "while bashio::config.true ssl; do echo loop; done; echo after",
        ),
        ("assign", "x=$(bashio::config ssl); echo \"x=$x\""),
        (
            "assign in if",
            "if x=$(bashio::config ssl); then echo t; else echo \"e $?\"; fi",
        ),
        (
            "local in function",
            "f() { local x; x=$(bashio::config ssl); echo \"in f $x\"; }; f; echo after",
        ),
        (
            "function",
            "f() { bashio::config.true ssl; echo in-f; }; f; echo after",
        ),
        (
            "function in if",
            "f() { bashio::config.true ssl; echo in-f; }; if f; then echo t; fi; echo after",
        ),
        (
            "function after ||",
            "f() { bashio::config.true ssl; echo in-f; }; f || echo \"f $?\"; echo after",
        ),
        (
            "subshell after ||",
            "( bashio::config.true ssl; echo in-sub ) || echo \"sub $?\"; echo after",
        ),
        (
            "pipeline",
            "bashio::config.true ssl | cat; echo \"pipe ${PIPESTATUS[*]}\"",
        ),
        (
            "set +e",
            "set +e; bashio::config.true ssl; echo \"after $?\"",
        ),
        (
            "eval in if",
            "if eval 'bashio::config.true ssl'; then echo t; else echo e; fi",
        ),
        (
            "err trap",
            "trap 'echo \"ERR $?\"' ERR; bashio::config.true ssl; echo after",
        ),
        (
            "exit trap",
            "trap 'echo \"EXIT $?\"' EXIT; bashio::config.true ssl; echo after",
        ),
    ];
    for (name, body) in contexts {
        let run = assert_same(body, |s| {
            s.env("SUPERVISOR_TOKEN", "not-the-token");
        });
        assert!(
            run.stdout
                .contains("Unable to authenticate with the API, permission denied"),
            "{name}: {}",
            run.stdout
        );
    }
    // Two of them spelled out, as bashio has them.
    let [(bare, _), _] = in_both_modes("bashio::config.true ssl; echo after", |s| {
        s.env("SUPERVISOR_TOKEN", "not-the-token");
    });
    assert_eq!(
        (bare.stdout.as_str(), bare.status),
        (
            error("Unable to authenticate with the API, permission denied").as_str(),
            1
        )
    );
    let [(in_if, _), _] = in_both_modes(
        "if bashio::config.true ssl; then echo then; else echo \"else $?\"; fi",
        |s| {
            s.env("SUPERVISOR_TOKEN", "not-the-token");
        },
    );
    assert_eq!(
        in_if.stdout,
        format!(
            "{}{}else 1\n",
            error("Unable to authenticate with the API, permission denied"),
            error("Failed to get addon config from Supervisor API")
        )
    );
}

#[test]
fn exit_traps_and_status_behave_as_functions_do() {
    let body = r#"
trap 'echo "EXIT trap saw $?"' EXIT
value=$(bashio::exit.nok "inside a capture"; echo unreachable) || echo "capture ended with $?"
echo "value=[${value}]"
( bashio::exit.die_if_empty "" "in a subshell"; echo unreachable ) || echo "subshell ended with $?"
bashio::var.false true || echo "status $?"
f() { bashio::exit.ok; echo unreachable; }
f
echo unreachable
"#;
    let run = assert_same(body, |_| {});
    assert_eq!(
        run.stdout,
        format!(
            "{}capture ended with 1\nvalue=[]\n{}subshell ended with 1\nstatus 1\nEXIT trap saw 0\n",
            fatal("inside a capture"),
            fatal("in a subshell")
        )
    );
    assert_eq!(run.status, 0);
}

#[test]
fn output_keeps_its_order_with_bashs_own() {
    let body = r#"
echo one; printf two; bashio::log.info three; printf 'four\n'
bashio::config 'database.host'; echo; echo five >&2; bashio::log.error six >&2
bashio::jq '{"a":1}' '.a'; printf '%s\n' seven
"#;
    let run = assert_same(body, |_| {});
    assert_eq!(
        run.stdout,
        format!(
            "one\ntwo{}four\ncore-mariadb\n{}1\nseven\n",
            info("three"),
            error("six")
        )
    );
}

#[test]
fn variables_set_for_the_caller_and_trace_lines_are_the_same() {
    let body = r#"
bashio::log.level trace
bashio::config 'database.port' >/dev/null
bashio::var.has_value "x" && echo "has value"
bashio::log.level info
bashio::log.debug hidden
bashio::contenv.set GREETING hello
echo "GREETING=${GREETING}"
bashio::addon.port 80 >/dev/null; bashio::addon.port 80 >/dev/null
"#;
    let run = assert_same(body, |_| {});
    assert!(run.stdout.contains("TRACE: bashio::config database.port"));
    assert!(run.stdout.contains("GREETING=hello\n"));
    assert_eq!(
        run.stdout
            .matches("bashio::addon.port is deprecated")
            .count(),
        1
    );
}

/// bash forks right after many builtin calls: a call must leave no thread,
/// no descriptor and no signal mask behind, in the shell or its children.
#[test]
fn no_thread_or_descriptor_outlives_a_call() {
    let mock = supervisor();
    let sandbox = Sandbox::with_supervisor(&mock);
    sandbox.env("BASHIO_BUILTINS", "1");
    let run = sandbox.run_script(
        r#"
state() { echo "threads=$(ls /proc/$$/task | wc -l) fds=$(ls /proc/$$/fd | sort -n | tr '\n' ' ') mask=$(grep SigBlk /proc/$$/status)"; }
before=$(state)
bashio::config 'database.host' >/dev/null
bashio::config 'logins | length' >/dev/null
bashio::supervisor.ping >/dev/null
bashio::app.name >/dev/null
bashio::jq '[1,2,3]' 'map(. * 2) | add' >/dev/null
bashio::log.info "calls made"
after=$(state)
[[ "${before}" == "${after}" ]] && echo "same state" || echo "before: ${before}, after: ${after}"
( echo "child threads=$(ls /proc/${BASHPID}/task | wc -l)" )
"#,
    );
    assert_eq!(run.stderr, "");
    assert_eq!(
        run.stdout,
        format!("{}same state\nchild threads=1\n", info("calls made"))
    );
    assert_eq!(run.status, 0);
}

/// 10,000 calls, in a shell that lives on: its memory does not grow.
#[test]
fn memory_stays_flat_over_ten_thousand_calls() {
    let mock = supervisor();
    let sandbox = Sandbox::with_supervisor(&mock);
    sandbox.env("BASHIO_BUILTINS", "1");
    let run = sandbox.run_script(
        r#"
rss() { awk '/^VmRSS/ {print $2}' /proc/$$/status; }
i=0; while ((i++ < 500)); do bashio::var.true true; bashio::config 'database.host' >/dev/null; done
before=$(rss)
i=0; while ((i++ < 8000)); do bashio::var.true true; bashio::string.upper abc >/dev/null; done
i=0; while ((i++ < 2000)); do bashio::config 'database.host' >/dev/null; done
after=$(rss)
echo "growth=$((after - before))" >&2
(( after - before < 1024 )) && echo flat
"#,
    );
    assert_eq!(run.stdout, "flat\n", "{}", run.stderr);
}

/// Runs `body` with its request to the options hanging, sends `signal` to
/// the script's process group (or to bash alone) after half a second, and
/// returns what it printed, its status and how long it took.
fn signalled(mode: &str, body: &str, signal: i32, group: bool) -> (String, i32, Duration) {
    let mock = supervisor();
    mock.set_fault("/addons/self/options/config", Fault::Hang);
    let sandbox = Sandbox::with_supervisor(&mock);
    sandbox
        .env("BASHIO_BUILTINS", mode)
        .env("BASHIO_API_TIMEOUT", "3");
    let script = sandbox.script(body);
    let mut command = std::process::Command::new(&script);
    // A test run started in the background by a shell without job control
    // inherits INT and QUIT ignored, which bash could then neither trap nor
    // act on: the script gets them as a service's script would.
    // SAFETY: signal() only resets two dispositions in the forked child.
    unsafe {
        command.pre_exec(|| {
            libc::signal(libc::SIGINT, libc::SIG_DFL);
            libc::signal(libc::SIGQUIT, libc::SIG_DFL);
            Ok(())
        });
    }
    let child = command
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("BASHIO_CONTENV_DIR", sandbox.path("contenv"))
        .current_dir(sandbox.root.path())
        .process_group(0)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start the script");
    let started = Instant::now();
    std::thread::sleep(Duration::from_millis(500));
    let pid = child.id() as i32;
    // SAFETY: signals the script's own process (group), started above.
    unsafe { libc::kill(if group { -pid } else { pid }, signal) };
    let out = child.wait_with_output().expect("wait for the script");
    let status = out
        .status
        .code()
        .unwrap_or_else(|| 128 + out.status.signal().unwrap_or(0));
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        status,
        started.elapsed(),
    )
}

/// Ctrl-C during a request that never ends stops the script at once, as it
/// stops the curl a function would be waiting for; a trapped TERM waits for
/// the call to end, then runs its trap, as bash does around a child.
#[test]
fn signals_during_a_call_act_as_for_a_function() {
    for mode in ["1", "0"] {
        let (out, status, took) = signalled(
            mode,
            "bashio::config 'database.host'\necho after\n",
            libc::SIGINT,
            true,
        );
        assert_eq!((out.as_str(), status), ("", 130), "mode {mode}");
        assert!(took < Duration::from_secs(2), "mode {mode}: {took:?}");
    }
    let body = "trap 'echo \"TERM trapped\"' TERM\nbashio::config 'database.host' || echo \"failed $?\"\necho after\n";
    let [builtins, functions] = ["1", "0"].map(|mode| signalled(mode, body, libc::SIGTERM, false));
    assert_eq!(builtins.0, functions.0);
    assert_eq!(builtins.1, functions.1);
    assert!(builtins.0.contains("TERM trapped\n"), "{}", builtins.0);
}

/// The constants and settings the library sets as it loads are exactly the
/// ones bash sets running the function library's code: for any LOG_LEVEL,
/// LOG_FD or setting, and wherever the library is sourced (what the library
/// does not decide itself, it leaves to bash).
#[test]
fn settings_are_the_ones_bash_sets() {
    let dump =
        "declare -p $(compgen -v __BASHIO_ | grep -vx '__BASHIO_MODE\\|__BASHIO_BIN') LOG_FD 2>&1";
    for level in [
        "",
        "debug",
        "DeBuG",
        "critical",
        "+6",
        "-1",
        "foo",
        " 3 ",
        "08",
        "6.0",
        "a b",
        "é",
        "İNFO",
        "crİtical",
    ] {
        let run = assert_same(&format!("{dump}\n"), |sandbox| {
            sandbox.env("LOG_LEVEL", level);
        });
        assert!(run
            .stdout
            .contains("declare -r __BASHIO_COLORS_RED=\"\\\\033[31m\"\n"));
        assert!(
            run.stdout.contains("declare -x LOG_FD=\"1"),
            "{}",
            run.stdout
        );
    }
    for prelude in [
        "",
        "LOG_FD=1",
        "LOG_FD=77",
        "exec 7>&1; LOG_FD=7",
        "LOG_FD=007; exec 7>&1",
        "LOG_FD=abc",
        "readonly LOG_FD=5",
        "SUPERVISOR_API=(a b)",
        "declare -r __BASHIO_LOG_LEVEL=3",
        "CACHE_DIR=''",
        "LOG_LEVEL=warning SUPERVISOR_TOKEN=secret",
        "exec 1>&-",
        "source ./bashio.sh",
    ] {
        let body = format!(
            "bashio shim >bashio.sh\n\
             bash -c '{prelude}\nsource ./bashio.sh; {dump}' 2>&1 | sed 's/line [0-9]*:/line N:/' || true\n\
             bash -c 'f() {{ {prelude}\nsource ./bashio.sh; }}; f; {dump}' 2>&1 | sed 's/line [0-9]*:/line N:/' || true\n"
        );
        assert_same(&body, |_| {});
    }
}

/// bash finds a builtin by binary search: the library adds its names to
/// bash's table in order, so every name, bash's own and ours, is found.
#[test]
fn bashs_table_stays_in_order() {
    let sandbox = Sandbox::new();
    sandbox.env("BASHIO_BUILTINS", "1");
    let run = sandbox.run_script(
        "enable -a | sed 's/^enable \\(-n \\)\\{0,1\\}//' >names\n\
         LC_ALL=C sort -c names && echo sorted\n\
         grep -c '^bashio::' names\n\
         type -t echo test bashio::config bashio::addon.port __bashio_probe_exit\n\
         ns=bashio; type -t \"${ns}::try.succeeded\"\n",
    );
    assert_eq!(run.stderr, "");
    // The table's names and the stand-ins of the functions that must be bash.
    let count = bashio::builtins::NAMES.len() - 2 + bashio::builtins::stand_in_names().len();
    assert_eq!(
        run.stdout,
        format!("sorted\n{count}\n{}", "builtin\n".repeat(6))
    );
}

/// A panic inside a call (a debug build panics on purpose in the function
/// BASHIO_TEST_PANIC names) is one line and status 1 in either mode: the
/// script, a subshell, and later calls go on.
#[test]
fn a_panic_is_one_line_and_status_1() {
    let body = "bashio::var.true true || echo \"call: $?\"\n\
                x=$(bashio::var.true true) || echo \"substitution: $?\"\n\
                bashio::var.false false && echo \"next call: $?\"\n\
                echo end\n";
    let run = assert_same(body, |sandbox| {
        sandbox.env("BASHIO_TEST_PANIC", "bashio::var.true");
    });
    assert_eq!(
        (run.stdout.as_str(), run.status),
        ("call: 1\nsubstitution: 1\nnext call: 0\nend\n", 0)
    );
    assert_eq!(
        run.stderr,
        "bashio: internal error: test panic in bashio::var.true\n".repeat(2)
    );
}

/// Rewrites a URL of the sandbox's container environment to https.
fn as_https(sandbox: &Sandbox, from: &str, to: &str) {
    let url = std::fs::read_to_string(sandbox.path("contenv").join(from)).expect("a URL");
    sandbox.env(to, &url.replacen("http://", "https://", 1));
}

/// The library leaves three rare paths to the binary (TLS, JSONPath keys,
/// an add-on's config read without a Supervisor): a call that may take one
/// runs the binary, and gives what the function library gives.
#[test]
fn calls_left_to_the_binary_are_the_same() {
    let jsonpath = r#"
bashio::config '$.logins[*].name'
x=$(bashio::config '$.database.host'); echo "x=$x"
bashio::config.has_value '$.nothing' || echo "no value $?"
if bashio::config.true '$.ssl'; then echo ssl; else echo "not ssl $?"; fi
bashio::config '$[' || echo "bad path $?"
bashio::config '$.nothing' "$(printf '%031000d' 0)" | wc -c
bashio::config 'database.host'
bashio::config.require '$.nothing'
echo unreachable
"#;
    let run = assert_same(jsonpath, |_| {});
    let missing = missing_option("$.nothing", None);
    assert_eq!(
        run.stdout,
        format!("alice\nbobx=core-mariadb\nno value 1\nssl\n0\ncore-mariadb{missing}")
    );
    assert!(
        run.stderr.starts_with("bashio: invalid JSONPath $[: "),
        "{}",
        run.stderr
    );
    assert_eq!(run.status, 1);

    // Have I Been Pwned over https (here a server that speaks plain HTTP).
    let pwned = r#"
bashio::pwned.is_safe_password secret || echo "pwned check failed $?"
bashio::config.is_safe_password 'password' || echo "config check failed $?"
"#;
    let run = assert_same(pwned, |sandbox| {
        as_https(sandbox, "SUPERVISOR_API", "HIBP_ENDPOINT");
        sandbox.env("LOG_LEVEL", "debug");
    });
    let unchecked = format!(
        "[T] DEBUG: \n000\n{}{}",
        error("Something went wrong contacting the HIBP API"),
        warning("Could not check password, assuming it is safe.")
    );
    assert!(run.stdout.starts_with(&format!(
        "{unchecked}[T] DEBUG: Requested API resource: {{SUPERVISOR}}/addons/self/options/config\n"
    )));
    assert!(run.stdout.ends_with(&format!("}}}}\n\n{unchecked}")));
    let refused = |prefix: &str| {
        format!(
            "curl: (35) TLS connect error: received corrupt message of type InvalidContentType\n\
             [T] DEBUG: GET {{SUPERVISOR_HTTPS}}/{prefix}: TLS handshake failed: \
             received corrupt message of type InvalidContentType\n"
        )
    };
    assert_eq!(run.stderr, refused("E5E9F") + &refused("2BE88"));

    // A Supervisor behind https: every call may reach it.
    let supervisor = r#"
bashio::log.info start
bashio::config 'ssl' || echo "config failed $?"
bashio::addon.name || echo "name failed $?"
"#;
    let run = assert_same(supervisor, |sandbox| {
        as_https(sandbox, "SUPERVISOR_API", "SUPERVISOR_API")
    });
    let unreachable = |what: &str| {
        error("Something went wrong contacting the API")
            + &error(&format!("Failed to get addon {what} from Supervisor API"))
    };
    assert_eq!(
        run.stdout,
        format!(
            "{}{}{}{}name failed 1\n",
            info("start"),
            unreachable("config"),
            warning("bashio::addon.name is deprecated, use bashio::app.name instead."),
            unreachable("info")
        )
    );
    let refused =
        "curl: (35) TLS connect error: received corrupt message of type InvalidContentType\n";
    assert_eq!(run.stderr, refused.repeat(2));
}

/// Without a Supervisor, with the add-on's config named: its facts, and its
/// schema refusing options, as the function library gives them.
#[test]
fn local_mode_with_an_addon_config_is_the_same() {
    let config = "name: Local example\nslug: local_example\nversion: 1.2.3\n\
                  options:\n  retries: 1\nschema:\n  retries: int(0,10)\n  ssl: bool?\n";
    let body = r#"
bashio::config 'retries'
bashio::config.true 'ssl' || echo "not ssl $?"
bashio::addon.name
bashio::app.version
bashio::log.info done
"#;
    let setup = |options: &'static str| {
        move |sandbox: &Sandbox| {
            sandbox.env("SUPERVISOR_TOKEN", "");
            let file = sandbox.file("options.json", options);
            sandbox.env("BASHIO_OPTIONS_FILE", &file.display().to_string());
            let file = sandbox.file("config.yaml", config);
            sandbox.env("BASHIO_ADDON_CONFIG", &file.display().to_string());
        }
    };
    let run = assert_same(body, setup(r#"{"retries": 3, "ssl": true}"#));
    assert_eq!(
        run.stdout,
        format!(
            "3{}Local example1.2.3{}",
            warning("bashio::addon.name is deprecated, use bashio::app.name instead."),
            info("done")
        )
    );
    assert_eq!(run.stderr, "");
    let run = assert_same(body, setup(r#"{"retries": 99}"#));
    assert_eq!(
        run.stdout,
        error("App local_example has invalid options: value must be at most 10.0. Got {'retries': 99}")
    );
    assert_eq!(run.status, 1);
}

/// A script's start defines only the functions that must be bash which its
/// text names; one called by a name made at run time, or from a file the
/// script sources, is defined at its first call, which gives what the
/// function gives, in each context errexit cares about.
#[test]
fn functions_a_script_does_not_name_are_the_same() {
    let cases = [
        (
            r#"ns=bashio; if "${ns}::var.defined" PATH; then echo defined; fi"#,
            "defined\n",
            0,
        ),
        (
            r#"ns=bashio; "${ns}::var.defined" NOPE || echo "or $?"; echo after"#,
            "or 1\nafter\n",
            0,
        ),
        (
            r#"ns=bashio; x=$("${ns}::try.failed" && echo yes || echo no); echo "x=$x""#,
            "x=no\n",
            0,
        ),
        (
            r#"ns=bashio; trap 'echo "ERR $?"' ERR; "${ns}::var.defined" NOPE; echo unreachable"#,
            "ERR 1\n",
            1,
        ),
        (
            r#"ns=bashio; "${ns}::try" false; "${ns}::try.failed" && echo "failed ${__BASHIO_TRY_EXIT_STATUS}""#,
            "failed 1\n",
            0,
        ),
        (
            r#"ns=bashio; "${ns}::debug" || echo "not debug $?"; "${ns}::log.level" debug; "${ns}::debug" && echo debug"#,
            "not debug 1\ndebug\n",
            0,
        ),
        (
            r#"ns=bashio; "${ns}::log.level" 'no such level'; echo after"#,
            "[T] FATAL: \x1b[31mUnknown log_level: no such level\x1b[0m\n",
            1,
        ),
        (
            r#"source "$(dirname "$0")/helper.sh"; echo "GREETING=${GREETING}""#,
            "via source\nGREETING=hello\n",
            0,
        ),
    ];
    for (body, stdout, status) in cases {
        assert!(!body.contains("bashio::"), "a case names no function");
        let run = assert_same(body, |sandbox| {
            sandbox.file(
                "helper.sh",
                "bashio::var.defined PATH && echo 'via source'\nbashio::contenv.set GREETING hello\n",
            );
        });
        assert_eq!(run.stdout, stdout, "{body}: {}", run.stderr);
        assert_eq!(run.status, status, "{body}");
    }
}

/// A script from a pipe (`bashio /dev/stdin`, `bashio <(...)`) is not read
/// before bash sources it: its text is bash's alone, in either mode.
#[test]
fn a_script_from_a_pipe_runs_whole() {
    let script = "ns=bashio\n\"${ns}::var.defined\" PATH && echo defined\nbashio::log.info done\n";
    for mode in ["1", "0"] {
        for how in [
            "printf %s \"$1\" | \"$0\" /dev/stdin",
            "\"$0\" <(printf %s \"$1\")",
        ] {
            let mut command = std::process::Command::new("bash");
            command
                .args(["-c", how])
                .arg(binary())
                .arg(script)
                .env("BASHIO_BUILTINS", mode)
                .env("LOG_TIMESTAMP", "T")
                .env_remove("SUPERVISOR_TOKEN");
            let run = run(&mut command);
            assert_eq!(
                (run.stdout, run.stderr, run.status),
                (format!("defined\n{}", info("done")), String::new(), 0),
                "{how} in mode {mode}"
            );
        }
    }
}
