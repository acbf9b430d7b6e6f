//! What the builtins need from the bash they run in: its structures for
//! arguments and builtins, and the few functions and variables it exports.
//! Symbols are looked up in the running bash when the library is enabled,
//! so a bash that does not export one makes enabling fail (and the library
//! falls back to functions) instead of failing at a call.

use std::ffi::{c_char, c_int, CStr};
use std::sync::OnceLock;

/// bash's `WORD_DESC`.
#[repr(C)]
pub struct WordDesc {
    pub word: *const c_char,
    pub flags: c_int,
}

/// bash's `WORD_LIST`: a builtin's arguments.
#[repr(C)]
pub struct WordList {
    pub next: *const WordList,
    pub word: *const WordDesc,
}

/// A builtin's entry point.
pub type BuiltinFn = extern "C" fn(*const WordList) -> c_int;

/// bash's `struct builtin`, which `enable -f FILE NAME` finds as `NAME_struct`
/// and which bash keeps in its table of builtins (`shell_builtins`).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Builtin {
    pub name: *const c_char,
    /// None only in the entry that ends bash's table.
    pub function: Option<BuiltinFn>,
    pub flags: c_int,
    pub long_doc: *const *const c_char,
    pub short_doc: *const c_char,
    pub handle: *const c_char,
}

/// A `struct builtin` as the library exports it: bash writes into it when it
/// enables the name (its flags and the library's handle), so it lives in
/// writable memory.
#[repr(transparent)]
pub struct Slot(std::cell::UnsafeCell<Builtin>);

impl Slot {
    pub const fn new(builtin: Builtin) -> Slot {
        Slot(std::cell::UnsafeCell::new(builtin))
    }

    /// The entry, for bash's table.
    pub fn get(&self) -> *const Builtin {
        self.0.get()
    }
}

// SAFETY: only bash touches a Slot, from its one thread, while enabling.
unsafe impl Sync for Slot {}

/// `BUILTIN_ENABLED`.
pub const ENABLED: c_int = 1;

/// A NULL-terminated array of strings (`long_doc`).
#[repr(transparent)]
pub struct Doc(pub [*const c_char; 2]);

// SAFETY: pointers to static strings, never written.
unsafe impl Sync for Doc {}

/// bash's `SHELL_VAR`, as far as the builtins read it.
#[repr(C)]
struct ShellVar {
    name: *const c_char,
    value: *const c_char,
    exportstr: *const c_char,
    dynamic_value: *const u8,
    assign_func: *const u8,
    attributes: c_int,
    context: c_int,
}

/// `att_exported`.
pub const ATT_EXPORTED: c_int = 0x1;
/// `att_readonly`.
pub const ATT_READONLY: c_int = 0x2;
const ATT_ARRAY: c_int = 0x4;
const ATT_ASSOC: c_int = 0x40;
const ATT_INVISIBLE: c_int = 0x1000;

/// bash's exports, resolved once.
struct Symbols {
    find_variable: unsafe extern "C" fn(*const c_char) -> *const ShellVar,
    bind_variable: unsafe extern "C" fn(*const c_char, *const c_char, c_int) -> *mut ShellVar,
    array_needs_making: *mut c_int,
    variable_context: *const c_int,
    maybe_make_export_env: unsafe extern "C" fn(),
    export_env: *const *const *const c_char,
    exit_immediately_on_error: *const c_int,
    subshell_environment: *const c_int,
    comsub_ignore_return: *const c_int,
    the_printed_command_except_trap: *const *const c_char,
    pending_traps: *mut c_int,
    trapped_signal_received: *mut c_int,
    exit_builtin: unsafe extern "C" fn(*const WordList) -> c_int,
    set_error_trap: unsafe extern "C" fn(*const c_char),
    set_debug_trap: unsafe extern "C" fn(*const c_char),
    set_return_trap: unsafe extern "C" fn(*const c_char),
    set_signal: unsafe extern "C" fn(c_int, *const c_char),
    signal_is_trapped: unsafe extern "C" fn(c_int) -> c_int,
    error_trace_mode: *mut c_int,
    function_trace_mode: *mut c_int,
    interrupt_state: *const c_int,
    terminating_signal: *const c_int,
    shell_builtins: *mut *mut Builtin,
    num_shell_builtins: *mut c_int,
    static_shell_builtins: *mut Builtin,
    xmalloc: unsafe extern "C" fn(usize) -> *mut libc::c_void,
    xfree: unsafe extern "C" fn(*mut libc::c_void),
    parse_and_execute: unsafe extern "C" fn(*mut c_char, *const c_char, c_int) -> c_int,
    find_function: unsafe extern "C" fn(*const c_char) -> *mut ShellVar,
    execute_shell_function: unsafe extern "C" fn(*mut ShellVar, *mut WordList) -> c_int,
    make_bare_word: unsafe extern "C" fn(*const c_char) -> *mut WordDesc,
    make_word_list: unsafe extern "C" fn(*mut WordDesc, *mut WordList) -> *mut WordList,
    copy_word_list: unsafe extern "C" fn(*const WordList) -> *mut WordList,
    dispose_words: unsafe extern "C" fn(*mut WordList),
    /// For the library's associative arrays; without them bash makes the
    /// arrays itself, from the library's text.
    assoc: Option<AssocSymbols>,
}

/// `make_new_assoc_variable` and `assoc_insert`.
struct AssocSymbols {
    make: unsafe extern "C" fn(*const c_char) -> *mut ShellVar,
    insert: unsafe extern "C" fn(*mut libc::c_void, *mut c_char, *const c_char) -> c_int,
}

// SAFETY: addresses inside the bash process, which has a single thread.
unsafe impl Send for Symbols {}
// SAFETY: as above.
unsafe impl Sync for Symbols {}

static SYMBOLS: OnceLock<Option<Symbols>> = OnceLock::new();

fn lookup(name: &CStr) -> Option<*mut libc::c_void> {
    // SAFETY: dlsym with a valid C string; RTLD_DEFAULT searches the
    // executable (bash) and what it loaded.
    let address = unsafe { libc::dlsym(libc::RTLD_DEFAULT, name.as_ptr()) };
    (!address.is_null()).then_some(address)
}

/// A function of bash's, by name.
///
/// # Safety
/// `F` must be the function pointer type of the symbol `name`.
unsafe fn function<F: Copy>(name: &CStr) -> Option<F> {
    let address = lookup(name)?;
    if std::mem::size_of::<F>() != std::mem::size_of_val(&address) {
        return None;
    }
    // SAFETY: the caller names the symbol's type; sizes are checked above.
    Some(unsafe { std::mem::transmute_copy::<*mut libc::c_void, F>(&address) })
}

fn resolve() -> Option<Symbols> {
    // SAFETY: each symbol is bash's own, with the type bash 4.4 to 5.3
    // declare for it (builtins.h, variables.h, trap.h, flags.h, sig.h).
    unsafe {
        Some(Symbols {
            find_variable: function(c"find_variable")?,
            bind_variable: function(c"bind_variable")?,
            array_needs_making: lookup(c"array_needs_making")?.cast(),
            variable_context: lookup(c"variable_context")?.cast(),
            maybe_make_export_env: function(c"maybe_make_export_env")?,
            export_env: lookup(c"export_env")?.cast(),
            exit_immediately_on_error: lookup(c"exit_immediately_on_error")?.cast(),
            subshell_environment: lookup(c"subshell_environment")?.cast(),
            comsub_ignore_return: lookup(c"comsub_ignore_return")?.cast(),
            the_printed_command_except_trap: lookup(c"the_printed_command_except_trap")?.cast(),
            pending_traps: lookup(c"pending_traps")?.cast(),
            trapped_signal_received: lookup(c"trapped_signal_received")?.cast(),
            shell_builtins: lookup(c"shell_builtins")?.cast(),
            num_shell_builtins: lookup(c"num_shell_builtins")?.cast(),
            static_shell_builtins: lookup(c"static_shell_builtins")?.cast(),
            xmalloc: function(c"xmalloc")?,
            xfree: function(c"xfree")?,
            parse_and_execute: function(c"parse_and_execute")?,
            find_function: function(c"find_function")?,
            execute_shell_function: function(c"execute_shell_function")?,
            make_bare_word: function(c"make_bare_word")?,
            make_word_list: function(c"make_word_list")?,
            copy_word_list: function(c"copy_word_list")?,
            dispose_words: function(c"dispose_words")?,
            exit_builtin: function(c"exit_builtin")?,
            set_error_trap: function(c"set_error_trap")?,
            set_debug_trap: function(c"set_debug_trap")?,
            set_return_trap: function(c"set_return_trap")?,
            set_signal: function(c"set_signal")?,
            signal_is_trapped: function(c"signal_is_trapped")?,
            error_trace_mode: lookup(c"error_trace_mode")?.cast(),
            function_trace_mode: lookup(c"function_trace_mode")?.cast(),
            interrupt_state: lookup(c"interrupt_state")?.cast(),
            terminating_signal: lookup(c"terminating_signal")?.cast(),
            assoc: function(c"make_new_assoc_variable").and_then(|make| {
                Some(AssocSymbols {
                    make,
                    insert: function(c"assoc_insert")?,
                })
            }),
        })
    }
}

fn symbols() -> Option<&'static Symbols> {
    SYMBOLS.get_or_init(resolve).as_ref()
}

/// Whether the running bash exports everything the builtins use.
pub fn available() -> bool {
    symbols().is_some()
}

/// Adds `entries` to bash's table of builtins at once, as `enable -f` would
/// one by one, so that a script's start does not parse, expand and look up
/// ~600 names. bash looks names up by binary search, so the new table keeps
/// its order: `entries` come sorted by name (`name` with its NUL, whose
/// order is strcmp's), and one merge with bash's own table writes the new
/// one in place (a copy through a vector first was 33 KB more of heap, a
/// page fault each 4 KB, at every start).
/// Returns false when bash's table cannot be had; names already there stay.
pub fn install(entries: &[(&'static [u8], Builtin)]) -> bool {
    let Some(s) = symbols() else {
        return false;
    };
    // SAFETY: bash's table is an array of `num_shell_builtins` entries and a
    // terminating one; the new table is allocated with bash's own allocator
    // (bash frees it when it grows it again), has room for both tables and
    // the terminating entry, and is fully written before bash sees it, from
    // bash's single thread.
    unsafe {
        let old = *s.shell_builtins;
        let count = usize::try_from(*s.num_shell_builtins).unwrap_or(0);
        if old.is_null() {
            return false;
        }
        let mut theirs: Vec<(&[u8], Builtin)> = std::slice::from_raw_parts(old, count)
            .iter()
            .filter(|b| !b.name.is_null())
            .map(|b| (CStr::from_ptr(b.name).to_bytes_with_nul(), *b))
            .collect();
        // Sorted already, unless something else has added names unsorted.
        if !theirs.is_sorted_by(|a, b| a.0 <= b.0) {
            theirs.sort_by(|a, b| a.0.cmp(b.0));
        }
        let room = theirs.len() + entries.len();
        let new = (s.xmalloc)((room + 1) * std::mem::size_of::<Builtin>()).cast::<Builtin>();
        if new.is_null() {
            return false;
        }
        let (mut i, mut j, mut written) = (0, 0, 0);
        loop {
            let next = match (theirs.get(i), entries.get(j)) {
                (Some(t), Some(o)) => match t.0.cmp(o.0) {
                    std::cmp::Ordering::Less => {
                        i += 1;
                        t.1
                    }
                    std::cmp::Ordering::Equal => {
                        i += 1;
                        j += 1;
                        t.1
                    }
                    std::cmp::Ordering::Greater => {
                        j += 1;
                        o.1
                    }
                },
                (Some(t), None) => {
                    i += 1;
                    t.1
                }
                (None, Some(o)) => {
                    j += 1;
                    o.1
                }
                (None, None) => break,
            };
            new.add(written).write(next);
            written += 1;
        }
        new.add(written).write(Builtin {
            name: std::ptr::null(),
            function: None,
            flags: 0,
            long_doc: std::ptr::null(),
            short_doc: std::ptr::null(),
            handle: std::ptr::null(),
        });
        if old != s.static_shell_builtins {
            (s.xfree)(old.cast());
        }
        *s.shell_builtins = new;
        *s.num_shell_builtins = c_int::try_from(written).unwrap_or(c_int::MAX);
    }
    true
}

/// The arguments of a call, as bytes.
pub fn arguments(mut list: *const WordList) -> Vec<Vec<u8>> {
    let mut items = Vec::new();
    // SAFETY: bash hands a valid, NULL-terminated list of words.
    unsafe {
        while !list.is_null() {
            let word = (*list).word;
            if !word.is_null() && !(*word).word.is_null() {
                items.push(CStr::from_ptr((*word).word).to_bytes().to_vec());
            }
            list = (*list).next;
        }
    }
    items
}

/// A shell variable's value: exported ones, as a child process would see
/// them, and the library's own `__BASHIO_*` settings, which are not exported.
pub fn variable(name: &str) -> Option<Vec<u8>> {
    let found = find(&std::ffi::CString::new(name).ok()?)?;
    let internal = name.starts_with("__BASHIO_");
    if found.attributes & ATT_INVISIBLE != 0 || (!internal && found.attributes & ATT_EXPORTED == 0)
    {
        return None;
    }
    found.value
}

/// What bash holds for a variable, as far as the builtins read it.
struct Found {
    attributes: c_int,
    /// Whether bash computes its value (`RANDOM`, `SECONDS`...).
    dynamic: bool,
    /// Its value, for a string variable that has one.
    value: Option<Vec<u8>>,
}

/// A variable by name, when bash has it (or can run the builtins at all).
fn find(name: &CStr) -> Option<Found> {
    let symbols = symbols()?;
    // SAFETY: find_variable takes a C string and returns bash's variable or NULL.
    let var = unsafe { (symbols.find_variable)(name.as_ptr()) };
    if var.is_null() {
        return None;
    }
    // SAFETY: a live SHELL_VAR; its value is a C string for string variables
    // (an array's is not, and is not read).
    unsafe {
        let attributes = (*var).attributes;
        let string = attributes & (ATT_ARRAY | ATT_ASSOC) == 0 && !(*var).value.is_null();
        Some(Found {
            attributes,
            dynamic: !(*var).dynamic_value.is_null(),
            value: string.then(|| CStr::from_ptr((*var).value).to_bytes().to_vec()),
        })
    }
}

/// A shell variable as `${NAME:-...}` sees it, whether exported or not.
pub enum Shell {
    /// Unset, or declared without a value.
    Unset,
    /// A string variable's value, and whether it is read-only.
    Scalar(Vec<u8>, bool),
    /// An array, or a variable bash computes: left to bash to read.
    Other,
}

/// Any shell variable, exported or not.
pub fn shell_variable(name: &CStr) -> Shell {
    if symbols().is_none() {
        return Shell::Other;
    }
    let Some(found) = find(name) else {
        return Shell::Unset;
    };
    if found.attributes & (ATT_ARRAY | ATT_ASSOC) != 0 || found.dynamic {
        return Shell::Other;
    }
    match found.value {
        Some(value) if found.attributes & ATT_INVISIBLE == 0 => {
            Shell::Scalar(value, found.attributes & ATT_READONLY != 0)
        }
        _ => Shell::Unset,
    }
}

/// Whether a function is running (where `declare` makes local variables).
pub fn in_function() -> bool {
    // SAFETY: reads an int bash exports.
    symbols().is_none_or(|s| unsafe { *s.variable_context } != 0)
}

/// Sets a shell variable as an assignment would (in the innermost scope
/// that has it, else globally) and adds `attributes` (ATT_READONLY,
/// ATT_EXPORTED). False when bash refuses (a read-only variable).
pub fn set_variable(name: &CStr, value: &CStr, attributes: c_int) -> bool {
    let Some(symbols) = symbols() else {
        return false;
    };
    // SAFETY: bind_variable copies both strings and returns the variable, or
    // NULL when it cannot assign; attributes are an int bash reads as flags,
    // and a change of exports tells bash to rebuild its environment, as
    // bash's own export does.
    unsafe {
        let var = (symbols.bind_variable)(name.as_ptr(), value.as_ptr(), 0);
        if var.is_null() {
            return false;
        }
        (*var).attributes |= attributes;
        if attributes & ATT_EXPORTED != 0 {
            *symbols.array_needs_making = 1;
        }
    }
    true
}

/// SIGCHLD held while a child of a builtin's lives, so that bash's handler
/// does not collect the child first; the mask is put back when this drops.
pub struct ChildSignalHeld {
    previous: libc::sigset_t,
}

impl ChildSignalHeld {
    pub fn new() -> ChildSignalHeld {
        // SAFETY: sigset_t is plain data, filled by sigemptyset and
        // sigprocmask before it is read.
        unsafe {
            let mut held: libc::sigset_t = std::mem::zeroed();
            let mut previous: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&mut held);
            libc::sigaddset(&mut held, libc::SIGCHLD);
            libc::sigprocmask(libc::SIG_BLOCK, &held, &mut previous);
            ChildSignalHeld { previous }
        }
    }

    /// Puts the mask back now: in a forked child, before it runs on (it
    /// calls only sigprocmask, safe after a fork).
    pub fn release(&self) {
        // SAFETY: restores a mask sigprocmask gave.
        unsafe { libc::sigprocmask(libc::SIG_SETMASK, &self.previous, std::ptr::null_mut()) };
    }
}

impl Drop for ChildSignalHeld {
    fn drop(&mut self) {
        self.release();
    }
}

/// Whether a shell function of this name is defined.
pub fn function_defined(name: &CStr) -> bool {
    // SAFETY: find_function only reads bash's table of functions.
    symbols().is_some_and(|s| unsafe { !(s.find_function)(name.as_ptr()).is_null() })
}

/// Runs TEXT as `eval` runs a string (here: function definitions).
pub fn evaluate(text: &str) -> bool {
    let Some(s) = symbols() else {
        return false;
    };
    // parse_and_execute's flags: not interactive, no history.
    const SEVAL_NONINT: c_int = 0x001;
    const SEVAL_NOHIST: c_int = 0x004;
    // SAFETY: parse_and_execute takes a NUL-terminated string allocated by
    // bash's allocator, which it frees.
    unsafe {
        let copy = (s.xmalloc)(text.len() + 1).cast::<u8>();
        std::ptr::copy_nonoverlapping(text.as_ptr(), copy, text.len());
        copy.add(text.len()).write(0);
        (s.parse_and_execute)(copy.cast(), c"bashio".as_ptr(), SEVAL_NONINT | SEVAL_NOHIST) == 0
    }
}

/// Calls the shell function RUNNER with NAME and then the builtin's
/// arguments LIST as its arguments, and returns its status. It need not
/// return: an `exit` in the function leaves the shell from here, so the
/// caller must hold nothing that needs dropping.
pub fn call_function(runner: &CStr, name: &CStr, list: *const WordList) -> c_int {
    let Some(s) = symbols() else {
        return 1;
    };
    // SAFETY: bash's own constructors build the words (the function's name
    // first, as bash hands a function its command), which are bash's to
    // dispose of; LIST is the builtin's valid argument list, copied.
    unsafe {
        let var = (s.find_function)(runner.as_ptr());
        if var.is_null() {
            return 1;
        }
        let words = (s.make_word_list)(
            (s.make_bare_word)(runner.as_ptr()),
            (s.make_word_list)((s.make_bare_word)(name.as_ptr()), (s.copy_word_list)(list)),
        );
        let status = (s.execute_shell_function)(var, words);
        (s.dispose_words)(words);
        status
    }
}

/// Whether bash has a variable of this name in any scope, set or not.
pub fn exists(name: &CStr) -> bool {
    find(name).is_some()
}

/// Whether bash lets the library make its associative arrays.
pub fn can_make_assoc() -> bool {
    symbols().is_some_and(|s| s.assoc.is_some())
}

/// Makes a new global associative array, as `declare -gA NAME=([KEY]=VALUE
/// ...)` does for a name bash has nowhere (which the caller checks: bash
/// would add a second variable of the same name), and adds `attributes`.
pub fn make_assoc(name: &CStr, entries: &[(&CStr, &CStr)], attributes: c_int) -> bool {
    let Some((symbols, assoc)) = symbols().and_then(|s| Some((s, s.assoc.as_ref()?))) else {
        return false;
    };
    // SAFETY: make_new_assoc_variable copies the name and returns the new
    // variable, whose value is its hash table; assoc_insert takes a key
    // allocated by bash's allocator (it keeps or frees it) and copies the
    // value.
    unsafe {
        let var = (assoc.make)(name.as_ptr());
        if var.is_null() {
            return false;
        }
        let table = (*var).value.cast_mut().cast::<libc::c_void>();
        for (key, value) in entries {
            let bytes = key.to_bytes_with_nul();
            let copy = (symbols.xmalloc)(bytes.len()).cast::<u8>();
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), copy, bytes.len());
            (assoc.insert)(table, copy.cast(), value.as_ptr());
        }
        (*var).attributes |= attributes;
    }
    true
}

/// Every exported variable, as a child process would get them.
pub fn exported() -> Vec<(Vec<u8>, Vec<u8>)> {
    let Some(symbols) = symbols() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    // SAFETY: maybe_make_export_env rebuilds export_env, a NULL-terminated
    // array of "NAME=value" C strings that stays valid until the next command.
    unsafe {
        (symbols.maybe_make_export_env)();
        let mut entry = *symbols.export_env;
        while !entry.is_null() && !(*entry).is_null() {
            let text = CStr::from_ptr(*entry).to_bytes();
            if let Some(at) = text.iter().position(|b| *b == b'=') {
                out.push((text[..at].to_vec(), text[at + 1..].to_vec()));
            }
            entry = entry.add(1);
        }
    }
    out
}

/// Whether `set -e` is on where the builtin runs (it is off inside `eval`,
/// `source` and `command` run as conditions; other conditions need the probe).
pub fn errexit_option() -> bool {
    // SAFETY: reads an int bash exports.
    symbols().is_some_and(|s| unsafe { *s.exit_immediately_on_error } != 0)
}

/// The command bash runs or last ran outside a trap (`$BASH_COMMAND`).
pub fn current_command() -> Vec<u8> {
    let Some(s) = symbols() else {
        return Vec::new();
    };
    // SAFETY: a C string bash keeps (or NULL).
    unsafe {
        let text = *s.the_printed_command_except_trap;
        if text.is_null() {
            Vec::new()
        } else {
            CStr::from_ptr(text).to_bytes().to_vec()
        }
    }
}

/// `SUBSHELL_COMSUB`: the shell is running a command substitution.
const SUBSHELL_COMSUB: c_int = 0x04;

/// Whether bash ignores errexit for every command of the command
/// substitution the builtin runs in (`if x=$(f)`): bash marks them so
/// itself, from these two variables.
pub fn comsub_ignores_errexit() -> bool {
    // SAFETY: reads ints bash exports.
    symbols().is_some_and(|s| unsafe {
        *s.subshell_environment & SUBSHELL_COMSUB != 0 && *s.comsub_ignore_return != 0
    })
}

/// Whether an INT or a terminating signal arrived and bash wants to act on it.
pub fn signal_pending() -> bool {
    // SAFETY: reads ints bash's signal handlers set.
    symbols().is_some_and(|s| unsafe { *s.interrupt_state != 0 || *s.terminating_signal != 0 })
}

/// Sets the ERR, DEBUG, RETURN and EXIT traps, with errtrace and functrace,
/// so that each is seen wherever the shell goes next (the errexit probe).
pub fn set_probe_traps(err: &CStr, debug: &CStr, ret: &CStr, exit: &CStr) {
    let Some(s) = symbols() else {
        return;
    };
    // SAFETY: bash copies each trap string; the modes are plain ints.
    unsafe {
        *s.error_trace_mode = 1;
        *s.function_trace_mode = 1;
        (s.set_error_trap)(err.as_ptr());
        (s.set_return_trap)(ret.as_ptr());
        (s.set_signal)(0, exit.as_ptr());
        (s.set_debug_trap)(debug.as_ptr());
    }
}

/// Whether the EXIT trap is still waiting: bash takes it off while it runs
/// it, so inside it (and in a DEBUG trap before its command) this is false.
pub fn exit_trap_pending() -> bool {
    // SAFETY: signal_is_trapped only reads bash's table of traps.
    symbols().is_some_and(|s| unsafe { (s.signal_is_trapped)(0) } != 0)
}

/// Signals on Linux (`_NSIG`, glibc and musl): the length of bash's
/// `pending_traps` array.
const SIGNALS: usize = 65;

/// Forgets the traps of signals that arrived but have not run yet: they
/// belong to the shell that received them, not to a copy of it.
pub fn forget_pending_traps() {
    let Some(s) = symbols() else {
        return;
    };
    // SAFETY: pending_traps is bash's int array of one count per signal.
    unsafe {
        std::ptr::write_bytes(s.pending_traps, 0, SIGNALS);
        *s.trapped_signal_received = 0;
    }
}

/// Exits the current (sub)shell with `status` as the `exit` builtin does:
/// the EXIT trap runs. Does not return when bash is there to exit.
pub fn exit_shell(status: i32) -> c_int {
    let Some(symbols) = symbols() else {
        return status;
    };
    let mut digits = [0u8; 16];
    let text = format_status(status, &mut digits);
    let word = WordDesc {
        word: text.as_ptr().cast(),
        flags: 0,
    };
    let list = WordList {
        next: std::ptr::null(),
        word: &word,
    };
    // SAFETY: exit_builtin reads the one word and jumps to bash's top level;
    // nothing of ours that needs dropping is alive in this frame.
    unsafe { (symbols.exit_builtin)(&list) }
}

/// `status` as a NUL-terminated decimal in `buffer`, without allocating.
fn format_status(status: i32, buffer: &mut [u8; 16]) -> &[u8] {
    let mut n = i64::from(status).unsigned_abs();
    let mut at = buffer.len() - 1;
    buffer[at] = 0;
    loop {
        at -= 1;
        buffer[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if status < 0 {
        at -= 1;
        buffer[at] = b'-';
    }
    &buffer[at..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_written_as_bash_reads_them() {
        let mut buffer = [0u8; 16];
        assert_eq!(format_status(0, &mut buffer), b"0\0");
        assert_eq!(format_status(255, &mut buffer), b"255\0");
        assert_eq!(format_status(-1, &mut buffer), b"-1\0");
        assert_eq!(format_status(i32::MIN, &mut buffer), b"-2147483648\0");
    }
}
