//! One binary, several programs, chosen busybox-style by the name it runs under
//! (`with-contenv`, `printcontenv`, `tempio`, `envsubst`, anything else is
//! `bashio`) or by its first argument.

// C's `main`, not Rust's: see bashio::process.
#![no_main]
#![deny(unsafe_code)]

use bashio::{cli, envsubst, process, s6, tempio, APPLETS};
use std::ffi::{c_char, c_int, OsString};
use std::path::Path;

// The program's entry point, before the C library's `_start`: it hands the
// kernel's stack to early_start, which execs bash for a script's start and
// returns for anything else; then the C library starts as it would.
// Linked as the entry by build.rs, which sets `bashio_entry` where it does.
// A static PIE applies its relocations in `_start` (its pointers are not
// yet where they point): there the address the program was linked at
// differs from where it runs, and the entry goes straight to `_start`.
#[cfg(bashio_entry)]
#[allow(unsafe_code)]
mod entry {
    std::arch::global_asm!(
        ".globl bashio_entry",
        ".type bashio_entry, @function",
        "bashio_entry:",
        "lea rax, [rip + bashio_entry]",
        "cmp rax, qword ptr [rip + .Lbashio_entry_linked]",
        "jne .Lbashio_c_start",
        // The stack and rdx (a function for atexit, from the dynamic
        // loader) as _start expects them, in registers the call preserves.
        "mov r12, rsp",
        "mov r13, rdx",
        "mov rdi, rsp",
        "and rsp, -16",
        "call {early_start}",
        "mov rsp, r12",
        "mov rdx, r13",
        ".Lbashio_c_start:",
        "jmp _start",
        ".pushsection .data.rel.ro.bashio_entry, \"aw\", @progbits",
        ".balign 8",
        ".Lbashio_entry_linked:",
        ".quad bashio_entry",
        ".popsection",
        early_start = sym early_start,
    );

    extern "C" fn early_start(stack: *const usize) {
        // SAFETY: called once, from the entry point, with the kernel's stack.
        unsafe { early_start::start(stack, &bashio::interpreter::EARLY_START) }
    }
}

// SAFETY: the one `main` symbol of the program, which the C start files
// call with the arguments (std reads them only under glibc without its own
// start-up: the binary takes them from here, as musl needs).
#[allow(unsafe_code)]
#[unsafe(no_mangle)]
extern "C" fn main(argc: c_int, argv: *const *const c_char) -> c_int {
    process::prepare();
    cli::exit_on_panic();
    bashio::link_rare_paths();
    #[allow(unsafe_code)]
    // SAFETY: argv holds argc NUL-terminated strings, as C's main is given.
    let args = unsafe { process::arguments(argc, argv) };
    std::process::exit(run(args));
}

/// Runs the program that `args` (a whole argv) names.
fn run(mut args: Vec<OsString>) -> i32 {
    let argv0 = args.first().cloned().unwrap_or_default();
    let mut program = Path::new(&argv0)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let is_applet = |name: &str| APPLETS.contains(&name);
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
