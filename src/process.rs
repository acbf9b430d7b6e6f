//! What the binary's process sets up before anything else runs. The binary
//! starts from C's `main` (main.rs), not from Rust's start-up, which installs
//! a stack-overflow guard: it reads /proc/self/maps and maps a signal stack,
//! a dozen system calls and about 50 µs of a process that lives a
//! millisecond (a script's start, every call of the function library). What
//! of that start-up the binary relies on is done here instead, as Rust does
//! it: SIGPIPE ignored (a write to a closed pipe fails instead of ending the
//! process), and a standard descriptor that is closed opened on /dev/null
//! (so that no file the binary opens takes its number).

use std::ffi::{c_char, c_int, CStr, OsString};
use std::os::unix::ffi::OsStringExt;
use std::sync::atomic::{AtomicBool, Ordering};

/// The program's arguments, from C's `main`.
///
/// # Safety
/// `argv` must hold `argc` pointers to NUL-terminated strings, as C's
/// `main` is given them.
pub unsafe fn arguments(argc: c_int, argv: *const *const c_char) -> Vec<OsString> {
    let count = usize::try_from(argc).unwrap_or(0);
    (0..count)
        .filter_map(|i| {
            // SAFETY: within the argc entries the caller vouches for.
            let arg = unsafe { *argv.add(i) };
            // SAFETY: as above, each non-null entry is a C string.
            (!arg.is_null())
                .then(|| OsString::from_vec(unsafe { CStr::from_ptr(arg) }.to_bytes().to_vec()))
        })
        .collect()
}

/// Prepares the process as Rust's start-up would, but for the guard.
/// Only the binary's `main` calls it.
pub fn prepare() {
    let mut fds = [0, 1, 2].map(|fd| libc::pollfd {
        fd,
        events: 0,
        revents: 0,
    });
    // SAFETY: poll reads and writes the three entries of a live array;
    // open takes valid arguments.
    unsafe {
        if libc::poll(fds.as_mut_ptr(), 3, 0) >= 0 {
            for entry in fds {
                if entry.revents & libc::POLLNVAL != 0 {
                    libc::open(c"/dev/null".as_ptr(), libc::O_RDWR);
                }
            }
        }
    }
    let previous = ignore_sigpipe();
    SIGPIPE_IGNORED.store(previous == libc::SIG_IGN, Ordering::Relaxed);
}

/// Whether SIGPIPE was ignored when the process started.
static SIGPIPE_IGNORED: AtomicBool = AtomicBool::new(false);

/// Ignores SIGPIPE (again, after an exec failed); returns the disposition
/// it had.
pub fn ignore_sigpipe() -> libc::sighandler_t {
    // SAFETY: setting a disposition; the binary has one thread.
    unsafe { libc::signal(libc::SIGPIPE, libc::SIG_IGN) }
}

/// Gives SIGPIPE back the disposition the process started with, for a
/// program it is about to exec: bash ignores it only when it was ignored
/// for bashio (a bash script) too, as a program s6's with-contenv execs.
pub fn restore_sigpipe() {
    let inherited = if SIGPIPE_IGNORED.load(Ordering::Relaxed) {
        libc::SIG_IGN
    } else {
        libc::SIG_DFL
    };
    // SAFETY: setting a disposition; the binary has one thread.
    unsafe { libc::signal(libc::SIGPIPE, inherited) };
}
