//! `bashio ...`: call one function (`bashio config database.host`), run a
//! script (`bashio SCRIPT ARGS`, the shebang form), or ask the tool itself
//! (`--help`, `--version`, `--list`, `help NAME`, and the subcommands of
//! `tools`: `shim`, `install`, `validate`, `lint`, `completions`). A function
//! call never builds an argument parser: it is a table lookup.

#![forbid(unsafe_code)]

use crate::call::{self, Outcome};
use crate::ctx::{Args, Ctx};
use crate::subcommands::{self, Command};
use crate::{functions, interpreter};
use std::ffi::OsString;
use std::io::{Read, Write};
use std::os::unix::ffi::OsStringExt;

const USAGE: &str = "\
Usage: bashio SCRIPT [ARGS...]      run an add-on script with every bashio function
       bashio FUNCTION [ARGS...]    call one function (with or without bashio::)
       bashio help [FUNCTION]       what a function takes and does
       bashio --list                every bashio function name
       bashio --list-extensions     the functions bashio does not have (contenv.*)
       bashio shim                  print the bash library (shims/bashio.sh)
       bashio install [--prefix DIR] [--with-envsubst]   lay out /usr/lib/bashio, /usr/bin links, /command/with-contenv
       bashio uninstall [--prefix DIR]                   remove them again
       bashio validate ADDON_DIR [--options FILE] [--format text|json]   check options against the add-on's schema
       bashio lint [--fix] PATH [--format text|json]     check an add-on or rootfs for s6 and bashio mistakes
       bashio completions bash|zsh|fish                  shell completions for bashio NAME
       bashio --version
shim, install, uninstall, validate, lint and completions tell their arguments with --help.";

/// The binary's answer to a panic, which is a bug: one line and status 1,
/// as from the builtins, and the same whether the binary unwinds or aborts
/// (images build it to abort, which makes it 0.4 MB smaller).
pub fn exit_on_panic() {
    std::panic::set_hook(Box::new(|info| {
        let message = crate::errors::panic_message(info.payload()).unwrap_or("panic");
        eprintln!("bashio: internal error: {message}");
        std::process::exit(1);
    }));
}

/// `bashio ARGS...`: the binary's entry when it runs as bashio, so that
/// `main.rs` only picks the program by name. Returns the exit status.
pub fn main(args: Vec<OsString>) -> i32 {
    let Some(first) = args.first() else {
        eprintln!("{USAGE}");
        return 100;
    };
    let word = first.to_string_lossy().into_owned();
    match word.as_str() {
        "-h" | "--help" => return print(USAGE),
        "-V" | "--version" => {
            return print(&format!(
                "bashio {}\nscripts run with: {}",
                env!("CARGO_PKG_VERSION"),
                crate::mode::describe()
            ))
        }
        "--list" => return print(&functions::public_names().join("\n")),
        "--list-extensions" => return print(&functions::extension_names().join("\n")),
        "help" => return help(args.get(1).map(|n| n.to_string_lossy().into_owned())),
        _ => {}
    }
    // A path names no function and no subcommand (names are plain words: a
    // test in functions.rs holds it), so a script's start, whose shebang
    // hands the interpreter the script's path, does not look for one.
    if word.contains('/') {
        return interpreter::run(first, &args[1..]);
    }
    if let Some((function, deprecated)) = functions::resolve(&word) {
        return call(function, deprecated, args.into_iter().skip(1).collect());
    }
    // After the functions (none has a subcommand's name): a call never
    // compares its name with them.
    if subcommands::WORDS.contains(&word.as_str()) {
        return subcommand(args);
    }
    if std::path::Path::new(first).is_file() {
        return interpreter::run(first, &args[1..]);
    }
    let hints = functions::closest(&word, 3).join(", ");
    eprintln!(
        "bashio: '{word}' is neither a bashio function nor a script (closest functions: {hints})"
    );
    127
}

fn print(text: &str) -> i32 {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{text}");
    0
}

fn help(name: Option<String>) -> i32 {
    let Some(name) = name else {
        return print(USAGE);
    };
    if subcommands::WORDS.contains(&name.as_str()) {
        return subcommand(vec![name.into(), "--help".into()]);
    }
    match functions::resolve(&name) {
        Some((function, _)) => {
            let (arguments, purpose) = function
                .usage
                .split_once(':')
                .unwrap_or(("", function.usage));
            print(&format!(
                "{} {}\n  {}",
                function.name,
                arguments.trim(),
                purpose.trim()
            ))
        }
        None => {
            eprintln!("bashio: no function named '{name}'");
            127
        }
    }
}

/// The arguments of a call: from the shim (environment or pipe, so they are
/// never in argv), or from the command line.
fn call_arguments(cli: Vec<OsString>) -> Result<Args, String> {
    let Some(count) = std::env::var_os("__BASHIO_ARGC") else {
        return Ok(Args::from_os(cli));
    };
    if count == "stdin" {
        let mut input = Vec::new();
        std::io::stdin()
            .read_to_end(&mut input)
            .map_err(|e| format!("cannot read arguments: {e}"))?;
        if input.last() == Some(&0) {
            input.pop();
        }
        let items = if input.is_empty() && count == "stdin" {
            Vec::new()
        } else {
            input.split(|b| *b == 0).map(<[u8]>::to_vec).collect()
        };
        return Ok(Args(items));
    }
    let count: usize = count
        .to_str()
        .and_then(|c| c.parse().ok())
        .ok_or("invalid __BASHIO_ARGC")?;
    let items = (1..=count)
        .map(|i| {
            std::env::var_os(format!("__BASHIO_ARG{i}"))
                .unwrap_or_default()
                .into_vec()
        })
        .collect();
    Ok(Args(items))
}

fn call(function: &crate::table::Function, deprecated: Option<String>, cli: Vec<OsString>) -> i32 {
    let from_shim = std::env::var_os("__BASHIO_ARGC").is_some();
    let args = match call_arguments(cli) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("bashio: {message}");
            return 100;
        }
    };
    let mut ctx = Ctx::from_env();
    match call::run(&mut ctx, function, deprecated.as_deref(), &args) {
        Outcome::Status(code) => code,
        Outcome::Exit(code) if from_shim => call::EXIT_SCRIPT_BASE + code,
        Outcome::Exit(code) => code,
    }
}

/// `bashio WORD ARGS...` for a word of `subcommands::WORDS`: parsed by clap,
/// then run here.
fn subcommand(args: Vec<OsString>) -> i32 {
    let word = args
        .first()
        .map(|w| w.to_string_lossy().into_owned())
        .unwrap_or_default();
    match subcommands::parse(args) {
        Ok(command) => run_subcommand(command),
        Err(error) => subcommands::report(&word, &error),
    }
}

fn run_subcommand(command: Command) -> i32 {
    match command {
        Command::Shim => print(crate::shim::generate().trim_end()),
        Command::Install {
            prefix,
            with_envsubst,
        } => crate::install::main(true, &prefix, with_envsubst),
        Command::Uninstall { prefix } => crate::install::main(false, &prefix, false),
        Command::Validate { dir, options, json } => {
            crate::validate::main(&dir, options.as_deref(), json)
        }
        Command::Lint { fix, path, json } => crate::lint::main(&path, fix, json),
        Command::Completions { shell } => crate::completions::main(shell),
    }
}
