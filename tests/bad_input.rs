//! Bad input, one row per case: each gets one clear line (or bashio's own
//! answer), the documented exit status, no panic, and nothing half-written.

mod util;

use std::process::Command;
use util::*;

/// A call of the binary as a command, from a plain shell.
fn bashio(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(binary());
    command
        .args(args)
        .env_remove("__BASHIO_ARGC")
        .env("LOG_TIMESTAMP", "T");
    for (name, value) in env {
        command.env(name, value);
    }
    run(&mut command)
}

fn no_panic(run: &Run) {
    assert!(!run.stderr.contains("panicked"), "panic: {}", run.stderr);
    assert!(
        !run.stderr.contains("RUST_BACKTRACE"),
        "panic: {}",
        run.stderr
    );
}

#[test]
fn malformed_options_file() {
    let sandbox = Sandbox::new();
    sandbox.file("options.json", "{\"database\": {\"host\": ");
    let path = sandbox.path("options.json").display().to_string();
    let run = bashio(
        &["config", "database.host"],
        &[
            ("BASHIO_OPTIONS_FILE", &path),
            ("CACHE_DIR", "/nonexistent"),
        ],
    );
    no_panic(&run);
    assert_eq!(run.status, 1);
    assert_eq!(
        run.stdout,
        error(&format!(
            "Options file {path} is not valid JSON: EOF while parsing a value at line 1 column 22"
        ))
    );
}

#[test]
fn missing_options_file() {
    let run = bashio(
        &["config", "x"],
        &[("BASHIO_OPTIONS_FILE", "/nonexistent/options.json")],
    );
    no_panic(&run);
    assert_eq!(run.status, 1);
    assert_eq!(
        run.stdout,
        error("Cannot read options file /nonexistent/options.json: No such file or directory")
    );
}

#[test]
fn invalid_filter() {
    let run = bashio(&["jq", "{\"a\":1}", ".a | |"], &[]);
    no_panic(&run);
    assert_eq!((run.status, run.stdout.as_str()), (3, ""));
    assert!(run.stderr.contains("compile error"), "{}", run.stderr);
}

#[test]
fn non_json_data_for_jq() {
    let run = bashio(&["jq", "not json", "."], &[]);
    no_panic(&run);
    assert_eq!((run.status, run.stdout.as_str()), (5, ""));
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}

#[test]
fn unknown_function() {
    let run = bashio(&["confg"], &[]);
    no_panic(&run);
    assert_eq!(run.status, 127);
    assert_eq!(run.stderr.lines().count(), 1);
    assert!(run.stderr.contains("bashio::config"), "{}", run.stderr);
}

#[test]
fn unknown_function_inside_a_script_is_bashs_error() {
    let sandbox = Sandbox::new();
    let run = sandbox.run_script("bashio::confg 'x'\necho unreachable\n");
    assert_eq!(run.status, 127);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.contains("bashio::confg: command not found"),
        "{}",
        run.stderr
    );
}

#[test]
fn missing_script() {
    let run = bashio(&["./no-such-script.sh"], &[]);
    no_panic(&run);
    assert_eq!(run.status, 1);
    assert_eq!(
        run.stderr,
        "bashio: ./no-such-script.sh: No such file or directory\n"
    );
}

#[test]
fn a_ten_megabyte_value_round_trips() {
    let sandbox = Sandbox::new();
    let big = "x".repeat(10 * 1024 * 1024);
    sandbox.file("options.json", &format!("{{\"big\": \"{big}\"}}"));
    sandbox.env(
        "BASHIO_OPTIONS_FILE",
        &sandbox.path("options.json").display().to_string(),
    );
    let run = sandbox.run_script(
        "value=$(bashio::config 'big')\n\
         echo \"${#value}\"\n\
         bashio::var.has_value \"${value}\" && echo has\n\
         bashio::string.length \"${value}\"\n",
    );
    assert_eq!(run.stdout, format!("{}\nhas\n{}", big.len(), big.len()));
    assert_eq!(run.status, 0, "{}", run.stderr);
}

#[test]
fn nul_and_non_utf8_bytes_in_the_container_environment() {
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.path("contenv/BYTES"), b"caf\xe9\0line").expect("write");
    let run = sandbox.run_script(
        "printf '%s' \"${BYTES}\" | od -An -c | tr -s ' '\nbashio::string.length \"${BYTES}\"\n",
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.stdout, " c a f 351 \\n l i n e\n9");
}

#[test]
fn non_utf8_arguments_pass_through() {
    let sandbox = Sandbox::new();
    let run = sandbox.run_script("bashio::string.upper $'caf\\xe9 x' | od -An -c | tr -s ' '\n");
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.stdout, " C A F 351 X\n");
}

#[test]
fn unwritable_cache_directory() {
    let mock = MockSupervisor::start(World::default_world()).expect("mock");
    let sandbox = Sandbox::with_supervisor(&mock);
    // A file where the cache directory should be: nothing can be created under it.
    sandbox.file("cache", "not a directory");
    let run = sandbox.run_script("host=$(bashio::config 'database.host')\necho \"host=${host}\"\n");
    assert_eq!(run.stdout, fatal("Could not create cache folder"));
    assert_eq!(run.status, 1);
    assert_eq!(
        std::fs::read_to_string(sandbox.path("cache")).unwrap(),
        "not a directory"
    );
}

#[test]
fn invalid_cache_key_is_refused() {
    let sandbox = Sandbox::new();
    let run = sandbox.run_script("bashio::cache.set '../escape' 'x' || echo \"refused $?\"\n");
    assert_eq!(
        run.stdout,
        [
            error("Invalid cache key: '../escape'"),
            "refused 1\n".to_string()
        ]
        .concat()
    );
    assert!(!sandbox.path("escape.cache").exists());
}
