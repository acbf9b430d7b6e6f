//! The bashio functions as bash loadable builtins: the same table, run inside
//! the script's own bash, with no process per call. `cargo build` makes the
//! library (`libbashio_builtins.so`) beside the binary; the bash library enables every
//! name from it with `enable -f` and falls back to functions that run the
//! binary when it cannot (see shim_header.sh).
//!
//! A builtin runs in bash's process, which forks right after many calls, so a
//! call leaves nothing behind: no thread, no open descriptor, no signal
//! handler; a panic becomes one line and status 1; `exit` leaves the shell as
//! bash's own `exit` does. Everything else is the table's code, unchanged:
//! variables come from the shell (crate::env), output goes to the shell's
//! descriptors, and errexit is asked about only on the error path (probe.rs).

mod bash;
mod delegate;
mod names;
mod probe;
mod setup;
mod stand_in;

pub use names::NAMES;
pub use stand_in::names as stand_in_names;

use crate::call::{self, Outcome};
use crate::ctx::{Args, Ctx};
use crate::table::Function;
use std::ffi::{c_int, CStr};
use std::os::unix::ffi::OsStrExt;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::sync::Mutex;

/// The status bash's builtins return for bad usage.
const EX_USAGE: c_int = 258;

/// The builtin that `enable -f` loads first: it checks the running bash and
/// sets the library up; enabling the names goes on only when it succeeds.
pub const READY_BUILTIN: &str = "__bashio_builtins_ready";

/// The variable through which the library leaves the settings to bash.
pub const PENDING_SETTINGS: &str = setup::PENDING_SETTINGS;

pub use setup::shell_arrays;

/// The builtin the errexit probe's traps run.
pub const PROBE_BUILTIN: &str = probe::EXIT_BUILTIN;

/// Names the library's builtins, so that a library from another build is
/// refused: an FNV-1a hash of every name, in order, in hex.
pub const FINGERPRINT: &str = match std::str::from_utf8(&FINGERPRINT_DIGITS) {
    Ok(text) => text,
    Err(_) => panic!("hex digits are ASCII"),
};

const FINGERPRINT_DIGITS: [u8; 16] = hex(FINGERPRINT_HASH);

/// Computed as the library is compiled, from NAMES, the generated list a
/// test holds equal to builtin_names(): a script's start does not hash it.
const FINGERPRINT_HASH: u64 = fnv1a(NAMES);

/// Sixteen lowercase hex digits.
const fn hex(value: u64) -> [u8; 16] {
    let mut digits = [0u8; 16];
    let mut i = 0;
    while i < 16 {
        let nibble = ((value >> (60 - 4 * i)) & 0xf) as u8;
        digits[i] = if nibble < 10 {
            b'0' + nibble
        } else {
            b'a' + nibble - 10
        };
        i += 1;
    }
    digits
}

const fn fnv1a(names: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < names.len() {
        let bytes = names[i].as_bytes();
        let mut j = 0;
        // Each name and a NUL after it.
        while j <= bytes.len() {
            let byte = if j < bytes.len() { bytes[j] } else { 0 };
            hash ^= byte as u64;
            hash = hash.wrapping_mul(0x0100_0000_01b3);
            j += 1;
        }
        i += 1;
    }
    hash
}

/// `__bashio_builtins_ready FINGERPRINT [SCRIPT]`: when this bash can run
/// the builtins and the library holds the names the caller expects, adds
/// every one of them to bash's table at once and returns 0. Given the
/// script a start is about to run, it also defines the functions that must
/// be bash which the script names (stand_in.rs).
extern "C" fn ready(list: *const bash::WordList) -> c_int {
    let args = bash::arguments(list);
    if !bash::available() || args.first().map(Vec::as_slice) != Some(FINGERPRINT.as_bytes()) {
        return 1;
    }
    crate::env::set_source(crate::env::Source {
        var: bash::variable,
        vars: bash::exported,
    });
    // A signal bash wants to act on (INT, or a trapped TERM) ends a request
    // at once, as it would end the curl a function runs.
    crate::http::set_stop_hook(bash::signal_pending);
    if !INSTALLED.swap(true, std::sync::atomic::Ordering::Relaxed) {
        // bash looks each command's name up in this table, in every child it
        // forks too: names in the heap come to a child with its page tables,
        // where names in the library's file would be paged in again (a fault
        // in each).
        let library = || (0..NAMES.len()).filter_map(entry);
        let mut text = Vec::with_capacity(library().map(|(name, _)| name.len()).sum());
        for (name, _) in library() {
            text.extend_from_slice(name);
        }
        let mut rest: &'static [u8] = Box::leak(text.into_boxed_slice());
        // The stand-ins and the probe's own go among them, in order.
        // SAFETY: bash only reads the slot, which holds static data.
        let probe = unsafe { *PROBE_EXIT.get() };
        let mut more = stand_in::entries(NO_DOC.0.as_ptr());
        more.push((PROBE_NAME.to_bytes_with_nul(), probe));
        more.sort_by(|a, b| a.0.cmp(b.0));
        let mut more = more.into_iter().peekable();
        let mut entries = Vec::with_capacity(NAMES.len() + more.len());
        for (name, builtin) in library() {
            let (name, after) = rest.split_at(name.len());
            rest = after;
            while let Some(other) = more.next_if(|(other, _)| *other < name) {
                entries.push(other);
            }
            let builtin = bash::Builtin {
                name: name.as_ptr().cast(),
                short_doc: name.as_ptr().cast(),
                ..builtin
            };
            entries.push((name, builtin));
        }
        entries.extend(more);
        if !bash::install(&entries) {
            INSTALLED.store(false, std::sync::atomic::Ordering::Relaxed);
            return 1;
        }
    }
    setup::settle();
    if let Some(script) = args.get(1) {
        stand_in::define_named(std::ffi::OsStr::from_bytes(script));
    }
    std::panic::set_hook(Box::new(|info| {
        let message = crate::errors::panic_message(info.payload()).unwrap_or_default();
        eprintln!("bashio: internal error: {message}");
    }));
    0
}

/// `__bashio_probe_exit N`: the errexit probe's traps.
extern "C" fn probe_exit(list: *const bash::WordList) -> c_int {
    if !probe::in_probe() {
        return EX_USAGE;
    }
    probe::exit_now(&bash::arguments(list))
}

#[export_name = "__bashio_builtins_ready_struct"]
static READY: bash::Slot = bash::Slot::new(bash::Builtin {
    name: c"__bashio_builtins_ready".as_ptr(),
    function: Some(ready),
    flags: bash::ENABLED,
    long_doc: NO_DOC.0.as_ptr(),
    short_doc: c"__bashio_builtins_ready".as_ptr(),
    handle: std::ptr::null(),
});

#[export_name = "__bashio_probe_exit_struct"]
static PROBE_EXIT: bash::Slot = bash::Slot::new(bash::Builtin {
    name: PROBE_NAME.as_ptr(),
    function: Some(probe_exit),
    flags: bash::ENABLED,
    long_doc: NO_DOC.0.as_ptr(),
    short_doc: c"__bashio_probe_exit STATUS".as_ptr(),
    handle: std::ptr::null(),
});

const PROBE_NAME: &std::ffi::CStr = c"__bashio_probe_exit";

static NO_DOC: bash::Doc = bash::Doc([std::ptr::null(), std::ptr::null()]);

/// Whether this shell (or the one it was forked from) has the builtins.
static INSTALLED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The deprecated names that have warned in this shell (a subshell's
/// warnings stay in the subshell, as the function library's do).
static WARNED: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());

/// The entry point of builtin number `N` of `NAMES`.
pub extern "C" fn run<const N: usize>(list: *const bash::WordList) -> c_int {
    match enter(N, list) {
        Outcome::Status(code) => code,
        Outcome::Exit(code) => bash::exit_shell(code),
    }
}

/// Builtin number INDEX's name (with its NUL) and entry, as the library
/// holds them, for bash's table: enabled, and no library's handle (which
/// `enable -f` of the name alone writes into the slot).
fn entry(index: usize) -> Option<(&'static [u8], bash::Builtin)> {
    let slot = names::STRUCTS.get(index)?;
    // SAFETY: bash writes a slot only as it enables the name alone, from
    // its one thread, never while a builtin runs; the name it points to is
    // a static C string.
    let builtin = unsafe { *slot.get() };
    let name = unsafe { CStr::from_ptr(builtin.name) }.to_bytes_with_nul();
    let builtin = bash::Builtin {
        flags: bash::ENABLED,
        handle: std::ptr::null(),
        ..builtin
    };
    Some((name, builtin))
}

/// Builtin number INDEX's name.
fn name_of(index: usize) -> Option<&'static str> {
    let (name, _) = entry(index)?;
    std::str::from_utf8(name.strip_suffix(b"\0")?).ok()
}

fn enter(index: usize, list: *const bash::WordList) -> Outcome {
    let Some(name) = name_of(index) else {
        return Outcome::Status(127);
    };
    let args = Args(bash::arguments(list));
    // What bash itself has buffered comes out before anything of ours.
    // SAFETY: fflush(NULL) flushes every C stream of the process.
    unsafe { libc::fflush(std::ptr::null_mut()) };
    let result = std::panic::catch_unwind(|| call_by_name(index, name, &args));
    result.unwrap_or(Outcome::Status(1))
}

/// A builtin's function, and the deprecated name it stands for, if any.
type Resolved = (&'static Function, Option<String>);

/// Room for every name of NAMES (a test holds it).
const MOST_NAMES: usize = 1024;

/// Each builtin's function, found at its first call in a process: a later
/// call is then an index, not a search of the table (and a script pays only
/// for the names it calls). The slots are zeroed static memory, not a table
/// in the heap: a `$(...)` child whose call is the first writes one word
/// (one page copied), instead of allocating and filling 600 slots.
fn resolved(index: usize, name: &'static str) -> Option<Resolved> {
    static RESOLVED: [AtomicPtr<Function>; MOST_NAMES] =
        [const { AtomicPtr::new(std::ptr::null_mut()) }; MOST_NAMES];
    let slot = RESOLVED.get(index)?;
    let mut function = slot.load(Ordering::Relaxed).cast_const();
    if function.is_null() {
        function = crate::functions::resolve(name)?.0;
        slot.store(function.cast_mut(), Ordering::Relaxed);
    }
    // SAFETY: a slot holds nothing but null or a `&'static Function`.
    let function: &'static Function = unsafe { &*function };
    // A name that is not its function's is a deprecated one.
    let deprecated = (function.name != name).then(|| name.to_string());
    Some((function, deprecated))
}

fn call_by_name(index: usize, name: &'static str, args: &Args) -> Outcome {
    let Some((function, deprecated)) = resolved(index, name) else {
        eprintln!("bashio: {name}: no such function");
        return Outcome::Status(127);
    };
    let deprecated = deprecated.filter(|_| first_warning(name));
    let mut ctx = Ctx::from_env();
    ctx.errexit = bash::errexit_option() && !bash::comsub_ignores_errexit();
    if delegate::needed(&ctx, function, args) {
        call::warn_deprecated(&mut ctx, function, deprecated.as_deref());
        ctx.flush();
        return delegate::run(&ctx, function, args);
    }
    if ctx.errexit {
        ctx.errexit_probe = Some(probe::errexit_applies);
    }
    let outcome = call::run(&mut ctx, function, deprecated.as_deref(), args);
    if probe::in_probe() {
        // The probe's copy only hands the failure back to bash; what the
        // call holds belongs to the original (a client's thread, say).
        std::mem::forget(ctx);
        return Outcome::Status(probe::mark_status());
    }
    outcome
}

fn first_warning(name: &'static str) -> bool {
    let mut warned = WARNED.lock().unwrap_or_else(|e| e.into_inner());
    if warned.contains(&name) {
        return false;
    }
    warned.push(name);
    true
}

/// Whether a table function runs as a builtin: all but those that must be
/// bash (they change the calling shell).
pub fn is_builtin(function: &crate::table::Function) -> bool {
    !matches!(function.body, crate::table::Body::Shell(_))
}

/// Every name the library enables, the table's builtins and the deprecated
/// names, in `NAMES` order: sorted as bash keeps its table, so that enabling
/// them is one merge.
pub fn builtin_names() -> Vec<String> {
    let mut names: Vec<String> = crate::functions::all()
        .filter(|f| is_builtin(f))
        .map(|f| f.name.to_string())
        .collect();
    names.extend(crate::functions::deprecated_names().map(|(old, _)| old));
    names.sort();
    names
}

/// The text of names.rs, generated from the table.
pub fn generate_names() -> String {
    let mut out = String::from(
        "//! Generated from the function table (`builtins::generate_names`; a test\n\
         //! fails when it is stale): one exported `struct builtin` per name, which\n\
         //! `enable -f` finds as `NAME_struct`.\n\n\
         use super::bash::{Builtin, Doc, Slot, ENABLED};\n\
         use super::run;\n\n\
         macro_rules! builtins {\n\
         \x20   ($($index:literal $name:literal $usage:literal;)*) => {\n\
         \x20       /// The names, in the order of their entry points: the library's\n\
         \x20       /// fingerprint, made as it is compiled.\n\
         \x20       pub const NAMES: &[&str] = &[$($name),*];\n\
         \x20       /// Each name's entry, in that order, as `__bashio_builtins_ready`\n\
         \x20       /// installs them all: the entries `enable -f` finds by name (a\n\
         \x20       /// second table of them was 24 KB more to relocate at every start).\n\
         \x20       pub static STRUCTS: [&Slot; NAMES.len()] = [$({\n\
         \x20           static DOC: Doc = Doc([concat!($usage, \"\\0\").as_ptr().cast(), std::ptr::null()]);\n\
         \x20           #[export_name = concat!($name, \"_struct\")]\n\
         \x20           static STRUCT: Slot = Slot::new(Builtin {\n\
         \x20               name: concat!($name, \"\\0\").as_ptr().cast(),\n\
         \x20               function: Some(run::<$index>),\n\
         \x20               flags: ENABLED,\n\
         \x20               long_doc: DOC.0.as_ptr(),\n\
         \x20               short_doc: concat!($name, \"\\0\").as_ptr().cast(),\n\
         \x20               handle: std::ptr::null(),\n\
         \x20           });\n\
         \x20           &STRUCT\n\
         \x20       }),*];\n\
         \x20   };\n\
         }\n\n\
         builtins! {\n",
    );
    for (index, name) in builtin_names().iter().enumerate() {
        let usage = crate::functions::resolve(name)
            .map(|(f, _)| f.usage)
            .unwrap_or_default();
        out.push_str(&format!(
            "    {index} {name:?} {:?};\n",
            format!("{name} {usage}")
        ));
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_rs_is_generated_from_the_table() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/builtins/names.rs");
        let expected = generate_names();
        if std::env::var_os("BASHIO_REGENERATE").is_some() {
            std::fs::write(path, &expected).expect("names.rs is writable");
        }
        let actual = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            actual == expected,
            "src/builtins/names.rs is stale: run BASHIO_REGENERATE=1 cargo test --lib builtins"
        );
        assert_eq!(NAMES.len(), builtin_names().len());
        assert!(NAMES.len() <= MOST_NAMES);
    }

    #[test]
    fn every_name_resolves() {
        for name in NAMES {
            assert!(crate::functions::resolve(name).is_some(), "{name}");
        }
    }
}
