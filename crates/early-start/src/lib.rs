//! `bashio SCRIPT ARGS` before the C library starts: the binary's entry
//! point (src/main.rs) comes here first, with the stack the kernel made, and
//! when the script's start is the plain one, execs bash from here, as the
//! binary would after its start (src/interpreter.rs). A static glibc's
//! start-up probes the processor with CPUID, which traps to the hypervisor
//! of a virtual machine: it took 0.39 ms of a script's start, a third of
//! bash's own. Here a start takes a dozen system calls and no library call.
//!
//! Nothing here may need what the C library sets up: no thread-local (no
//! `errno`), no call of its functions (its string functions are resolved
//! only during its start), no allocation, no panic. The crate is
//! `no_builtins` so the compiler does not turn its loops into calls of
//! `memcpy` or `memcmp`; it copies and compares byte by byte, and indexes
//! nothing it has not bounded. Any case it is not sure of (a closed standard
//! descriptor, an empty `PATH` entry, a script that is not a regular file,
//! more than a few thousand variables) it declines, and the binary starts as
//! usual and does the same work, or says what is wrong.

#![no_std]
#![no_builtins]
// Elsewhere the binary starts as usual (src/main.rs).
#![cfg_attr(
    not(all(target_os = "linux", target_arch = "x86_64")),
    allow(dead_code)
)]

#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
mod sys;

/// What the binary execs, from its own constants: each string
/// NUL-terminated.
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
    /// Set when bash refused the library: declines (no NUL).
    pub refused: &'static [u8],
    /// The variable that holds the binary's path for bash (no NUL).
    pub binary_variable: &'static [u8],
}

/// Most arguments and variables handled; more declines. Each 4 KB of the
/// stack the start uses is a page fault.
const MOST_ARGS: usize = 240;
const MOST_VARIABLES: usize = 500;
/// Linux's PATH_MAX, for the binary's path and each file tried.
const PATH_MAX: usize = 4096;

/// Execs bash as `plan` says when `stack` (the kernel's: argc, argv, NULL,
/// envp, NULL) is the start of a script by path and the builtins library is
/// beside the binary; returns otherwise, with nothing changed.
///
/// # Safety
/// `stack` is the process's initial stack, before anything ran.
#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
pub unsafe fn start_script(stack: *const usize, plan: &Plan) {
    let argc = *stack;
    let argv = stack.add(1).cast::<*const u8>();
    let envp = argv.add(argc + 1);
    if !(2..=MOST_ARGS).contains(&argc) {
        return;
    }
    let arg0 = c_bytes(*argv);
    let script = c_bytes(*argv.add(1));
    // The binary's choice (main.rs, cli.rs): any name but an applet's is
    // bashio, and a first argument with a slash is a script.
    let name = after_last(arg0, b'/');
    if name.is_empty()
        || same(name, b".")
        || same(name, b"..")
        || plan.applets.iter().any(|a| same(name, a))
    {
        return;
    }
    // Not `contains`: it calls core's memchr, which the binary's link-time
    // optimization keeps to itself.
    #[allow(clippy::manual_contains)]
    if !script.iter().any(|b| *b == b'/') {
        return;
    }
    let Some(environment) = Environment::read(envp, plan) else {
        return;
    };
    // The binary opens a closed standard descriptor on /dev/null, which
    // bash would then inherit.
    let mut fds = [0, 1, 2].map(|fd| sys::PollFd {
        fd,
        events: 0,
        revents: 0,
    });
    if sys::poll(&mut fds) < 0 || fds.iter().any(|f| f.revents & sys::POLLNVAL != 0) {
        return;
    }
    // `__BASHIO_BIN=` and the binary's path, read after it; then one
    // buffer for each path the start tries in turn.
    let mut binary = Buffer::<{ PATH_MAX + 64 }>::new();
    if !binary.push(plan.binary_variable) || !binary.push(b"=") {
        return;
    }
    let prefix = binary.length;
    let length = sys::readlink(c"/proc/self/exe".as_ptr().cast(), binary.room());
    if length <= 0 || length as usize >= PATH_MAX {
        return;
    }
    binary.length += length as usize;
    let exe = binary
        .bytes()
        .split_at_checked(prefix)
        .map_or(&[][..], |(_, exe)| exe);
    let mut path = Buffer::<{ PATH_MAX + 64 }>::new();
    if exe.first() != Some(&b'/')
        || !path.push(before_last(exe, b'/'))
        || !path.push(b"/")
        || !path.push(plan.library)
        || !path.push(b"\0")
    {
        return;
    }
    if sys::file_type(path.pointer()) != Some(sys::S_IFREG)
        || sys::file_type(*argv.add(1)) != Some(sys::S_IFREG)
    {
        return;
    }
    // The binary reports a script it cannot open.
    let fd = sys::open(*argv.add(1), sys::O_RDONLY | sys::O_CLOEXEC);
    if fd < 0 {
        return;
    }
    sys::close(fd);
    if !binary.push(b"\0") {
        return;
    }

    let mut variables = Pointers::<{ MOST_VARIABLES + 2 }>::new();
    for i in 0..environment.count {
        let entry = *envp.add(i);
        variables.push(if Some(i) == environment.binary_at {
            binary.pointer()
        } else {
            entry
        });
    }
    if environment.binary_at.is_none() {
        variables.push(binary.pointer());
    }
    variables.push(core::ptr::null());
    let mut arguments = Pointers::<{ MOST_ARGS + 16 }>::new();
    arguments.push(plan.shell.as_ptr());
    for arg in plan.shell_args {
        arguments.push(arg.as_ptr());
    }
    for i in 1..argc {
        arguments.push(*argv.add(i));
    }
    arguments.push(core::ptr::null());
    if variables.overflowed || arguments.overflowed {
        return;
    }
    // As execvp: each PATH entry in turn, past those without the file.
    let Some(search) = environment.path else {
        return;
    };
    let Some((_, shell)) = plan.shell.split_last() else {
        return;
    };
    let empty_entry = search.first() == Some(&b':')
        || search.last() == Some(&b':')
        || search
            .iter()
            .zip(search.iter().skip(1))
            .any(|(a, b)| *a == b':' && *b == b':');
    if search.is_empty() || empty_entry {
        return;
    }
    for entry in search.split(|b| *b == b':') {
        path.length = 0;
        if !path.push(entry) || !path.push(b"/") || !path.push(shell) || !path.push(b"\0") {
            return;
        }
        let error = sys::execve(path.pointer(), arguments.pointer(), variables.pointer());
        if !matches!(-error, sys::ENOENT | sys::ENOTDIR | sys::EACCES) {
            return;
        }
    }
}

/// What the start needs of the environment.
struct Environment {
    count: usize,
    path: Option<&'static [u8]>,
    binary_at: Option<usize>,
}

impl Environment {
    /// None when the start should decline: builtins switched off or refused,
    /// or too many variables.
    unsafe fn read(envp: *const *const u8, plan: &Plan) -> Option<Environment> {
        let mut found = Environment {
            count: 0,
            path: None,
            binary_at: None,
        };
        let mut switch_seen = false;
        loop {
            let entry = *envp.add(found.count);
            if entry.is_null() {
                return Some(found);
            }
            if found.count >= MOST_VARIABLES {
                return None;
            }
            let entry = c_bytes(entry);
            // The first entry of a name is its value, as getenv reads it.
            if let Some(value) = value_of(entry, plan.builtins_switch) {
                if !switch_seen && same(value, b"0") {
                    return None;
                }
                switch_seen = true;
            }
            if value_of(entry, plan.refused).is_some() {
                return None;
            }
            if found.path.is_none() {
                found.path = value_of(entry, b"PATH");
            }
            if found.binary_at.is_none() && value_of(entry, plan.binary_variable).is_some() {
                found.binary_at = Some(found.count);
            }
            found.count += 1;
        }
    }
}

/// The value of ENTRY (`NAME=value`) when its name is NAME.
fn value_of<'a>(entry: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let (head, rest) = entry.split_at_checked(name.len())?;
    // Not strip_prefix: it compares with memcmp.
    match rest.split_first() {
        Some((b'=', value)) if same(head, name) => Some(value),
        _ => None,
    }
}

/// The bytes of a NUL-terminated string, which lives as long as the process.
unsafe fn c_bytes(pointer: *const u8) -> &'static [u8] {
    let mut length = 0;
    while *pointer.add(length) != 0 {
        length += 1;
    }
    core::slice::from_raw_parts(pointer, length)
}

// Neither `==` on slices nor indexing: the one calls memcmp, the other
// may call core's panic, which the binary's link-time optimization keeps
// to itself (a link error here).
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

fn after_last(bytes: &[u8], byte: u8) -> &[u8] {
    match bytes.iter().rposition(|b| *b == byte) {
        Some(at) => bytes
            .split_at_checked(at + 1)
            .map_or(&[], |(_, after)| after),
        None => bytes,
    }
}

fn before_last(bytes: &[u8], byte: u8) -> &[u8] {
    match bytes.iter().rposition(|b| *b == byte) {
        Some(at) => bytes.split_at_checked(at).map_or(&[], |(before, _)| before),
        None => &[],
    }
}

/// Bytes on the stack, filled one by one.
struct Buffer<const N: usize> {
    bytes: core::mem::MaybeUninit<[u8; N]>,
    length: usize,
}

impl<const N: usize> Buffer<N> {
    fn new() -> Self {
        Buffer {
            bytes: core::mem::MaybeUninit::uninit(),
            length: 0,
        }
    }

    fn pointer(&self) -> *const u8 {
        self.bytes.as_ptr().cast()
    }

    /// The rest of the buffer, for the kernel to write in.
    fn room(&mut self) -> &mut [u8] {
        // SAFETY: within N; u8 has no invalid values, and the start reads
        // only the length the kernel says it wrote.
        unsafe {
            let start = self.bytes.as_mut_ptr().cast::<u8>().add(self.length);
            core::slice::from_raw_parts_mut(start, N - self.length)
        }
    }

    fn bytes(&self) -> &[u8] {
        // SAFETY: the first `length` bytes were written.
        unsafe { core::slice::from_raw_parts(self.pointer(), self.length) }
    }

    /// Appends MORE; false when it does not fit.
    fn push(&mut self, more: &[u8]) -> bool {
        if more.len() > N - self.length {
            return false;
        }
        let start = self.bytes.as_mut_ptr().cast::<u8>();
        for (i, byte) in more.iter().enumerate() {
            // SAFETY: within N, checked above.
            unsafe { start.add(self.length + i).write(*byte) };
        }
        self.length += more.len();
        true
    }
}

/// A NULL-terminated array of string pointers, on the stack.
struct Pointers<const N: usize> {
    items: core::mem::MaybeUninit<[*const u8; N]>,
    length: usize,
    overflowed: bool,
}

impl<const N: usize> Pointers<N> {
    fn new() -> Self {
        Pointers {
            items: core::mem::MaybeUninit::uninit(),
            length: 0,
            overflowed: false,
        }
    }

    fn push(&mut self, item: *const u8) {
        if self.length == N {
            self.overflowed = true;
            return;
        }
        // SAFETY: within N, checked above.
        unsafe {
            self.items
                .as_mut_ptr()
                .cast::<*const u8>()
                .add(self.length)
                .write(item)
        };
        self.length += 1;
    }

    fn pointer(&self) -> *const *const u8 {
        self.items.as_ptr().cast()
    }
}
