//! Add-on scripts run as files with the shebang add-ons use
//! (`#!/.../with-contenv bashio`), against a mock Supervisor over real HTTP:
//! their stdout, log lines, exit status and the requests the Supervisor saw.

use crate::util::*;

fn supervisor() -> MockSupervisor {
    MockSupervisor::start(World::default_world()).expect("mock supervisor")
}

#[test]
fn config_values_reach_the_script() {
    let mock = supervisor();
    let sandbox = Sandbox::with_supervisor(&mock);
    let run = sandbox.run_script(
        r#"
host=$(bashio::config 'database.host')
echo "host=${host}"
echo "logins=$(bashio::config 'logins|length')"
echo "domains=$(bashio::config 'domains | join(",")')"
bashio::config 'domains'; echo
echo "second=$(bashio::config 'logins[1].name')"
echo "motd=$(bashio::config 'motd')"
echo "missing=$(bashio::config 'nothing' 'fallback') $(bashio::config 'nothing')"
echo "threshold=$(bashio::config 'threshold') port=$(bashio::config 'port')"
bashio::config.true 'ssl' && echo "ssl on"
bashio::config.false 'debug' && echo "debug off"
bashio::config.has_value 'empty_value' || echo "empty has no value"
bashio::config.exists 'empty_value' && echo "empty exists"
bashio::config.is_empty 'nothing' && echo "nothing is empty"
bashio::config.equals 'log_level' 'info' && echo "level is info"
"#,
    );
    assert_eq!(run.stderr, "");
    assert_eq!(
        run.stdout,
        "host=core-mariadb\n\
         logins=2\n\
         domains=example.duckdns.org,home.example.com\n\
         example.duckdns.org\nhome.example.com\n\
         second=bob\n\
         motd=Welcome to \"Example\" \u{2014} it's a caf\u{e9} \u{2615} with C:\\path\\to spaces\n\
         missing=fallback null\n\
         threshold=0.75 port=8080\n\
         ssl on\ndebug off\nempty has no value\nempty exists\nnothing is empty\nlevel is info\n"
    );
    assert_eq!(run.status, 0);
    // Every call after the first is served from the cache.
    assert_eq!(requests(&mock), vec!["GET /addons/self/options/config {}"]);
}

#[test]
fn require_exits_with_bashio_fatal_block() {
    let mock = supervisor();
    let sandbox = Sandbox::with_supervisor(&mock);
    let run = sandbox.run_script(
        "bashio::config.require 'database.host'\n\
         bashio::config.require 'api_key' 'the service needs it'\n\
         echo unreachable\n",
    );
    let expected = missing_option("api_key", Some("the service needs it"));
    assert_eq!(run.stdout, expected);
    assert_eq!(run.status, 1);
}

#[test]
fn exit_nok_and_die_if_empty_end_the_script() {
    let sandbox = Sandbox::new();
    let run = sandbox.run_script("bashio::exit.die_if_empty 'x' 'not shown'\nbashio::exit.nok 'Database host is required!'\necho unreachable\n");
    assert_eq!(run.stdout, fatal("Database host is required!"));
    assert_eq!(run.status, 1);

    let run = sandbox.run_script("if bashio::exit.die_if_true true 'was true'; then echo no; fi\n");
    assert_eq!(run.stdout, fatal("was true"));
    assert_eq!(run.status, 1);

    let run = sandbox.run_script("bashio::exit.ok\necho unreachable\n");
    assert_eq!((run.stdout.as_str(), run.status), ("", 0));
}

#[test]
fn log_levels_formats_and_captures() {
    let sandbox = Sandbox::new();
    sandbox.env("LOG_LEVEL", "debug");
    let run = sandbox.run_script(
        r#"
value=$(bashio::log.info "goes to the log, not the capture"; echo captured)
echo "value=${value}"
bashio::log.debug "debug shown"
bashio::log.trace "trace hidden"
bashio::log.level warning
bashio::log.info "info hidden"
bashio::log.error "tab\tand escape"
bashio::log.blue "plain blue"
bashio::log "no level"
echo "levels: ${__BASHIO_LOG_LEVEL} ${__BASHIO_LOG_LEVELS[3]} ${__BASHIO_LOG_LEVEL_DEBUG}"
bashio::debug || echo "not debugging any more"
"#,
    );
    let expected = [
        info("goes to the log, not the capture"),
        "value=captured\n".to_string(),
        log_line("DEBUG", None, "debug shown"),
        error("tab\tand escape"),
        "\x1b[34mplain blue\x1b[0m\n".to_string(),
        "no level\n".to_string(),
        "levels: 3 WARNING 6\n".to_string(),
        "not debugging any more\n".to_string(),
    ]
    .concat();
    assert_eq!(run.stdout, expected);
    assert_eq!(run.status, 0);

    let run = sandbox.run_script("bashio::log.level verbose\necho unreachable\n");
    assert_eq!(run.stdout, fatal("Unknown log_level: verbose"));
    assert_eq!(run.status, 1);
}

#[test]
fn custom_log_format() {
    let sandbox = Sandbox::new();
    sandbox.env("LOG_FORMAT", "{LEVEL} <{MESSAGE}>");
    let run = sandbox.run_script("bashio::log.warning 'careful'\n");
    assert_eq!(run.stdout, "WARNING <\x1b[33mcareful\x1b[0m>\n");
}

#[test]
fn addon_facts_and_deprecated_names() {
    let mock = supervisor();
    let sandbox = Sandbox::with_supervisor(&mock);
    let run = sandbox.run_script(
        r#"
echo "port=$(bashio::app.port 80) none=[$(bashio::app.port 443)]"
echo "ingress=$(bashio::app.ingress_port) name=$(bashio::app.name)"
bashio::addon.version
echo
bashio::addon.version
echo
"#,
    );
    assert_eq!(
        run.stdout,
        format!(
            "port=8080 none=[]\ningress=8099 name=Example\n{}1.1.0\n1.1.0\n",
            warning("bashio::addon.version is deprecated, use bashio::app.version instead.")
        )
    );
    assert_eq!(run.status, 0);
    // One request for the add-on's info; the rest comes from the cache.
    assert_eq!(requests(&mock), vec!["GET /addons/self/info {}"]);
}

#[test]
fn option_setter_posts_json_safely() {
    let mock = supervisor();
    let sandbox = Sandbox::with_supervisor(&mock);
    let run = sandbox.run_script(
        "bashio::addon.option 'motd' 'new \"value\", \"injected\": true'\n\
         bashio::app.option 'port' '^9090'\n",
    );
    assert_eq!(run.status, 0, "{}", run.stdout);
    let posts: Vec<RecordedRequest> = mock
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST")
        .collect();
    assert_eq!(posts.len(), 2);
    let first = posts[0].body_json().expect("json body");
    assert_eq!(
        first["options"]["motd"],
        "new \"value\", \"injected\": true"
    );
    assert!(first["options"].get("injected").is_none());
    let second = posts[1].body_json().expect("json body");
    assert_eq!(second["options"]["port"], 9090);
    assert_eq!(posts[1].path, "/addons/self/options");
}

#[test]
fn wrong_token_is_reported_like_bashio() {
    let mock = supervisor();
    let sandbox = Sandbox::with_supervisor(&mock);
    sandbox.env("SUPERVISOR_TOKEN", "not-the-token");
    let run = sandbox.run_script("host=$(bashio::config 'database.host')\necho unreachable\n");
    // errexit stops bashio::app.config at the failed request, before its own
    // "Failed to get addon config" line.
    assert_eq!(
        run.stdout,
        error("Unable to authenticate with the API, permission denied")
    );
    assert_eq!(run.status, 1);
}

/// The errexit probe sets an ERR trap; a script's own trap must stay and
/// keep firing, and the probe must still tell conditions apart (output as
/// the reference bashio prints it).
#[test]
fn a_scripts_own_err_trap_survives_and_errexit_is_still_seen() {
    let mock = supervisor();
    let sandbox = Sandbox::with_supervisor(&mock);
    sandbox.env("SUPERVISOR_TOKEN", "not-the-token");
    let script = "\
trap 'echo \"trap fired at ${LINENO}\"' ERR
if host=$(bashio::config 'database.host'); then echo then; else echo \"else $?\"; fi
trap -p ERR
host=$(bashio::config 'database.host')
echo unreachable
";
    let run = sandbox.run_script(script);
    let denied = error("Unable to authenticate with the API, permission denied");
    assert_eq!(
        run.stdout,
        [
            denied.clone(),
            error("Failed to get addon config from Supervisor API"),
            "then\n".to_string(),
            "trap -- 'echo \"trap fired at ${LINENO}\"' ERR\n".to_string(),
            denied,
            "trap fired at 5\n".to_string(),
        ]
        .concat()
    );
    assert_eq!(run.status, 1);
}

/// The library's errexit probe uses an ERR trap of its own; the script's
/// traps, RETURN (tied to the function that sets it) among them, behave as
/// bash's own.
#[test]
fn traps_behave_as_bashs_own() {
    let body = r#"set -eE -o pipefail
f() { trap 'echo "cleanup in f"' RETURN; echo "f body"; }
g() { f; echo "back in g"; }
g
trap - RETURN
h() { trap -- 'echo "h ret"' RETURN EXIT; echo "h body"; }
h
trap - RETURN
trap -p EXIT
trap 'echo "err at $LINENO"' ERR
trap -p ERR
if false; then :; fi
false || echo "or"
echo end
"#;
    let sandbox = Sandbox::new();
    let plain = sandbox.file("plain.sh", &format!("#!/bin/bash\n{body}"));
    let expected = sandbox.exec(&plain, &[]);
    let ours = sandbox.run_script(body);
    assert_eq!(ours.stdout, expected.stdout);
    assert_eq!(ours.status, expected.status);
    assert!(
        expected.stdout.contains("f body\ncleanup in f\nback in g"),
        "{}",
        expected.stdout
    );
}

#[test]
fn unreachable_supervisor_fails_fast_with_one_line() {
    let sandbox = Sandbox::new();
    sandbox
        .env("SUPERVISOR_API", "http://127.0.0.1:9")
        .env("SUPERVISOR_TOKEN", "t");
    let run = sandbox.run_script("bashio::supervisor.ping || echo \"ping failed $?\"\n");
    assert_eq!(
        run.stdout,
        [
            error("Something went wrong contacting the API"),
            "ping failed 1\n".to_string()
        ]
        .concat()
    );
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}

#[test]
fn services_are_read_and_published() {
    let mock = supervisor();
    let sandbox = Sandbox::with_supervisor(&mock);
    let run = sandbox.run_script(
        r#"
bashio::services.available mqtt && echo "mqtt available"
echo "$(bashio::services mqtt 'host'):$(bashio::services mqtt 'port')"
bashio::services.available mysql || echo "no mysql"
"#,
    );
    assert_eq!(run.stdout.lines().next(), Some("mqtt available"));
    assert!(
        run.stdout.contains("core-mosquitto:1883\n"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.ends_with("no mysql\n"), "{}", run.stdout);
    assert_eq!(run.status, 0);
}

#[test]
fn arguments_stay_out_of_process_arguments() {
    let sandbox = Sandbox::new();
    // Calls as processes: builtins start none.
    sandbox.env("BASHIO_BUILTINS", "0");
    // A stand-in for the binary that records the argv it was given.
    let recorder = sandbox.file(
        "bin/recorder",
        &format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" >> {}\nexec {} \"$@\"\n",
            sandbox.path("argv.log").display(),
            binary().display()
        ),
    );
    let run = sandbox.run_script(&format!(
        "__BASHIO_BIN={}\nbashio::var.has_value 'hunter2' && echo ok\nbashio::string.upper 'hunter2'\n",
        recorder.display()
    ));
    assert_eq!(run.stdout, "ok\nHUNTER2");
    let argv = std::fs::read_to_string(sandbox.path("argv.log")).expect("argv log");
    assert_eq!(argv, "var.has_value\nstring.upper\n");
}

#[test]
fn pid_is_the_scripts_own() {
    let sandbox = Sandbox::new();
    let script = sandbox.script("echo \"$$ $PPID $0 $# $1\"\n");
    let mut command = std::process::Command::new(&script);
    command
        .arg("first")
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("BASHIO_CONTENV_DIR", sandbox.path("contenv"))
        .stdout(std::process::Stdio::piped());
    let child = command.spawn().expect("spawn");
    let pid = child.id();
    let output = child.wait_with_output().expect("wait");
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let fields: Vec<&str> = text.split_whitespace().collect();
    assert_eq!(
        fields[0],
        pid.to_string(),
        "the script runs in the exec'd process"
    );
    assert_eq!(fields[2], script.display().to_string());
    assert_eq!(&fields[3..], ["1", "first"]);
}

#[test]
fn no_color_turns_colours_off() {
    let sandbox = Sandbox::new();
    sandbox.env("NO_COLOR", "1");
    let run = sandbox.run_script(
        "bashio::log.info 'plain'\nbashio::log.red 'red'\nbashio::color.blue\necho done\n",
    );
    assert_eq!(run.stdout, "[T] INFO: plain\nred\ndone\n");
}
