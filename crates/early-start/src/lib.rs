//! A script's start before the C library starts: the binary's entry point
//! (src/main.rs) comes here first, with the stack the kernel made. For
//! `bashio SCRIPT ARGS` (a script's shebang) and `with-contenv bashio SCRIPT
//! ARGS` (the shebang of most add-on scripts), with the builtins library
//! beside the binary, it execs bash from here as the binary would after its
//! start (src/interpreter.rs, src/s6/with_contenv.rs). A static glibc's
//! start-up probes the processor with CPUID, which traps to the hypervisor
//! of a virtual machine: it took 0.39 ms of a script's start, a third of
//! bash's own. Here a start takes a dozen system calls and no library call.
//!
//! Nothing here may need what the C library sets up: no thread-local (no
//! `errno`), no call of its functions (its string functions are resolved
//! only during its start), no allocation, no panic. The crate is
//! `no_builtins` so the compiler does not turn its loops into calls of
//! `memcpy` or `memcmp` (check.sh, in CI, holds that its code calls nothing
//! outside itself). Any case it is not sure of (a closed standard
//! descriptor, an empty `PATH` entry, a script that is not a regular file,
//! a directory entry that is not one, hundreds of variables) it declines,
//! and the binary starts as usual and does the same work, or says what is
//! wrong.

#![no_std]
#![no_builtins]
// Elsewhere the binary starts as usual (build.rs, src/main.rs).
#![cfg_attr(not(linux_x86_64), allow(dead_code, unused_imports))]

mod bytes;
#[cfg(linux_x86_64)]
mod contenv;
#[cfg(linux_x86_64)]
mod script;
#[cfg(linux_x86_64)]
mod sys;

/// What the binary execs, from its own constants: each string
/// NUL-terminated where the kernel reads it.
pub struct Plan {
    /// The program searched for in `PATH`: `bash`.
    pub shell: &'static [u8],
    /// The shell's arguments before the script's path and arguments.
    pub shell_args: &'static [&'static [u8]],
    /// The names under which the binary is another program than bashio.
    pub applets: &'static [&'static [u8]],
    /// The builtins library's file name, beside the binary (no NUL).
    pub library: &'static [u8],
    /// `BASHIO_BUILTINS`: "0" declines (no NUL).
    pub builtins_switch: &'static [u8],
    /// The variable that holds the binary's path for bash (no NUL).
    pub binary_variable: &'static [u8],
    /// with-contenv's.
    pub contenv: ContenvPlan,
}

/// with-contenv's names, NUL-terminated where the kernel reads them.
pub struct ContenvPlan {
    /// The name the binary runs with-contenv under (no NUL).
    pub name: &'static [u8],
    /// `S6_KEEP_ENV` (no NUL).
    pub keep: &'static [u8],
    /// The variable that names the directory instead (no NUL).
    pub directory_variable: &'static [u8],
    /// s6-overlay v3's directory, then v2's (NUL-terminated).
    pub directories: [&'static [u8]; 2],
    /// The search path when the environment has no `PATH` (no NUL).
    pub default_path: &'static [u8],
}

/// Most arguments and variables handled; more declines. Each 4 KB of the
/// stack the start uses is a page fault.
const MOST_ARGS: usize = 240;
const MOST_VARIABLES: usize = 500;
/// Linux's PATH_MAX, for the binary's path and each file tried.
const PATH_MAX: usize = 4096;

/// Execs bash as `plan` says when `stack` (the kernel's: argc, argv, NULL,
/// envp, NULL) is a script's start the binary would exec bash for with
/// the builtins library; returns otherwise, with nothing changed.
///
/// # Safety
/// `stack` is the process's initial stack, before anything ran.
#[cfg(linux_x86_64)]
pub unsafe fn start(stack: *const usize, plan: &Plan) {
    use bytes::{after_last, c_bytes, same, Arena, Pointers};

    let argc = *stack;
    if !(2..=MOST_ARGS).contains(&argc) {
        return;
    }
    let argv = stack.add(1).cast::<*const u8>();
    let args = core::slice::from_raw_parts(argv, argc);
    let mut variables = Pointers::<{ MOST_VARIABLES + 2 }>::new();
    let mut envp = argv.add(argc + 1);
    while !(*envp).is_null() {
        if !variables.push(*envp) {
            return;
        }
        envp = envp.add(1);
    }
    // A program started with more privileges than its caller's (set-user-ID):
    // the C library's start-up removes what the caller could use against it
    // from the environment, so that start is the binary's.
    const AT_SECURE: usize = 23;
    let mut auxv = envp.add(1).cast::<usize>();
    while *auxv != 0 {
        if *auxv == AT_SECURE && *auxv.add(1) != 0 {
            return;
        }
        auxv = auxv.add(2);
    }
    let Some(&arg0) = args.first() else {
        return;
    };
    if !same(after_last(c_bytes(arg0), b'/'), plan.contenv.name) {
        return script::exec(args, variables.items(), plan);
    }
    // with-contenv PROG ARGS, where PROG is this binary: it runs PROG in
    // its own process, with the environment it made.
    let Some(start) = sys::reserve(contenv::MOST_BYTES) else {
        return;
    };
    with_contenv(
        args,
        variables.items(),
        plan,
        &mut Arena::new(start, contenv::MOST_BYTES),
    );
    // Declined: the binary's own start reads the directory again.
    sys::release(start, contenv::MOST_BYTES);
}

/// with-contenv PROG ARGS, where PROG is this binary, in its own process
/// with the environment it made from VARIABLES: the script's start, or
/// nothing.
#[cfg(linux_x86_64)]
unsafe fn with_contenv(
    args: &[*const u8],
    variables: &[*const u8],
    plan: &Plan,
    arena: &mut bytes::Arena,
) {
    use bytes::{c_bytes, has, Pointers};
    let mut environment = Pointers::<{ MOST_VARIABLES + 2 }>::new();
    if !contenv::environment(variables, &plan.contenv, arena, &mut environment) {
        return;
    }
    let Some(&program) = args.get(1) else {
        return;
    };
    let program = c_bytes(program);
    let search = environment
        .items()
        .iter()
        .find_map(|entry| bytes::value_of(c_bytes(*entry), b"PATH"))
        .unwrap_or(plan.contenv.default_path);
    // The first file of the search that exists is the one exec would run.
    let mut path = bytes::Buffer::<{ PATH_MAX + 64 }>::new();
    let mut first = None;
    if has(program, b'/') {
        first = path
            .push(&[program, b"\0"])
            .then(|| sys::stat(path.pointer()))
            .flatten();
    } else {
        for entry in search
            .split(|b| *b == b':')
            .filter(|entry| !entry.is_empty())
        {
            path.length = 0;
            if path.push(&[entry, b"/", program, b"\0"]) {
                first = sys::stat(path.pointer());
            }
            if first.is_some() {
                break;
            }
        }
    }
    let this = sys::stat(c"/proc/self/exe".as_ptr().cast());
    match (first, this) {
        (Some(first), Some(this))
            if (first.device, first.inode) == (this.device, this.inode)
                && first.mode & 0o111 != 0 =>
        {
            script::exec(args.get(1..).unwrap_or_default(), environment.items(), plan)
        }
        _ => {}
    }
}
