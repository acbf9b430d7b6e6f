//! One binary, several programs, chosen busybox-style by the name it runs under
//! (`with-contenv`, `printcontenv`, `tempio`, `envsubst`, anything else is
//! `bashio`) or by its first argument.

#![forbid(unsafe_code)]

use bashio::{cli, envsubst, s6, tempio};
use std::ffi::OsString;
use std::path::Path;

fn main() {
    cli::exit_on_panic();
    bashio::link_rare_paths();
    std::process::exit(run(std::env::args_os().collect()));
}

/// Runs the program that `args` (a whole argv) names.
fn run(mut args: Vec<OsString>) -> i32 {
    let argv0 = args.first().cloned().unwrap_or_default();
    let mut program = Path::new(&argv0)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let is_applet = |name: &str| s6::is_program(name) || matches!(name, "tempio" | "envsubst");
    if !is_applet(&program) {
        if let Some(first) = args.get(1).and_then(|a| a.to_str()) {
            if is_applet(first) {
                program = first.to_string();
                args.remove(0);
            }
        }
    }
    match program.as_str() {
        "with-contenv" => s6::with_contenv::main(&args[1..], Some(run)),
        "printcontenv" => s6::printcontenv::main(&args[1..]),
        "tempio" => tempio::main(&args[1..]),
        "envsubst" => envsubst::main(&argv0_of(&args), &args[1..]),
        _ => cli::main(args.split_off(1.min(args.len()))),
    }
}

fn argv0_of(args: &[OsString]) -> OsString {
    args.first().cloned().unwrap_or_default()
}
