//! Whether errexit applies where a builtin was called. bash ignores it for
//! a command inside `if`, `while`, before `||` or `&&`, after `!`, and
//! everywhere inside a function called there; bashio's functions then run on
//! past a failing command. A builtin cannot see that (it is a flag on the
//! command bash is running), so this asks only when the answer matters: the
//! first time a failing command would stop the call.
//!
//! It forks. The copy returns the failure to bash with traps set and every
//! output sent to /dev/null: if errexit applies, bash runs the ERR trap (or,
//! when no ERR trap was set before the call, leaves the shell: the EXIT trap
//! then sees the copy's own status); if not, it goes on to its next command,
//! whose DEBUG trap (or the RETURN trap) fires instead. The first trap writes
//! its verdict down a pipe and ends the copy at once; the original reads it.

use super::bash;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::Mutex;

/// The name of the builtin the probe's traps run.
pub const EXIT_BUILTIN: &str = "__bashio_probe_exit";

const APPLIES: u8 = b'y';
const IGNORED: u8 = b'n';

/// The status the copy hands back to bash: rare enough that an EXIT trap
/// seeing it knows the shell is leaving because of it.
const MARK: &[u8] = b"213";
const MARK_STATUS: i32 = 213;

static IN_PROBE: AtomicBool = AtomicBool::new(false);
/// The copy's end of the verdict pipe.
static VERDICT_FD: AtomicI32 = AtomicI32::new(-1);
/// The command the call was made in, as bash shows it in `$BASH_COMMAND`.
static CALL_COMMAND: Mutex<Vec<u8>> = Mutex::new(Vec::new());

/// Whether this process is the probe's copy (which must leave no trace).
pub fn in_probe() -> bool {
    IN_PROBE.load(Ordering::Relaxed)
}

/// The status the probe's copy returns to bash.
pub fn mark_status() -> i32 {
    MARK_STATUS
}

/// Whether errexit applies where the current builtin was called. Any
/// failure to ask answers yes: bashio's functions run under errexit at a
/// script's top level, the common case.
pub fn errexit_applies() -> bool {
    let mut fds = [-1; 2];
    // SAFETY: pipe2 fills the two descriptors of a new pipe.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return true;
    }
    let [read_end, write_end] = fds;
    let held = bash::ChildSignalHeld::new();
    // SAFETY: fork duplicates this single-threaded process; SIGCHLD is held
    // while the copy lives, so that bash's handler does not run in the middle.
    unsafe {
        let pid = libc::fork();
        if pid == 0 {
            libc::close(read_end);
            held.release();
            become_probe(write_end);
            return true;
        }
        libc::close(write_end);
        let answer = pid < 0 || read_verdict(read_end) != IGNORED;
        libc::close(read_end);
        if pid > 0 {
            // Collect the copy, unless bash already has.
            let mut status = 0;
            while libc::waitpid(pid, &mut status, 0) < 0
                && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted
            {
            }
        }
        answer
    }
}

/// The first byte the copy writes; APPLIES when it ends without one.
fn read_verdict(fd: i32) -> u8 {
    let mut byte = [APPLIES];
    loop {
        // SAFETY: reads into a one-byte buffer from our pipe.
        let n = unsafe { libc::read(fd, byte.as_mut_ptr().cast(), 1) };
        if n >= 0 || std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
            return if n == 1 { byte[0] } else { APPLIES };
        }
    }
}

/// Turns this process into the probe's copy: silent, with the traps set.
fn become_probe(verdict_fd: i32) {
    IN_PROBE.store(true, Ordering::Relaxed);
    VERDICT_FD.store(verdict_fd, Ordering::Relaxed);
    *CALL_COMMAND.lock().unwrap_or_else(|e| e.into_inner()) = bash::current_command();
    // SAFETY: opens /dev/null and puts it over every descriptor a log line
    // or bash could write to; the log descriptor is whatever LOG_FD names.
    unsafe {
        let null = libc::open(c"/dev/null".as_ptr(), libc::O_RDWR);
        if null >= 0 {
            for fd in [0, 1, 2] {
                libc::dup2(null, fd);
            }
            if let Some(fd) = crate::env::var("LOG_FD").and_then(|v| v.parse::<i32>().ok()) {
                if fd > 2 && fd != verdict_fd {
                    libc::dup2(null, fd);
                }
            }
        }
    }
    bash::forget_pending_traps();
    bash::set_probe_traps(
        c"__bashio_probe_exit err",
        c"__bashio_probe_exit debug \"$?\"",
        c"__bashio_probe_exit return",
        c"__bashio_probe_exit exit \"$?\"",
    );
}

/// The probe's traps: `__bashio_probe_exit TRAP [STATUS]` writes what the
/// trap tells and ends the copy at once, running nothing else (no EXIT trap,
/// no buffers flushed).
pub fn exit_now(args: &[Vec<u8>]) -> ! {
    let word = |i: usize| args.get(i).map(Vec::as_slice).unwrap_or_default();
    let verdict = match word(0) {
        b"err" => APPLIES,
        // The DEBUG trap fires before a trap's own command too: before the
        // ERR or EXIT trap right after the call, `$BASH_COMMAND` is still
        // the call's; inside the EXIT trap, bash has taken that trap off.
        b"debug" if after_the_call() || !bash::exit_trap_pending() => ended_by(word(1)),
        b"exit" => ended_by(word(1)),
        _ => IGNORED,
    };
    let fd = VERDICT_FD.load(Ordering::Relaxed);
    // SAFETY: writes one byte to the pipe, then ends the process at once;
    // it is the probe's copy.
    unsafe {
        libc::write(fd, [verdict].as_ptr().cast(), 1);
        libc::_exit(0)
    }
}

/// Whether bash is still at the command the call was made in.
fn after_the_call() -> bool {
    *CALL_COMMAND.lock().unwrap_or_else(|e| e.into_inner()) == bash::current_command()
}

/// The shell is ending: because errexit stopped it at the copy's status, or
/// because nothing came after the call (its status is then another).
fn ended_by(status: &[u8]) -> u8 {
    if status == MARK {
        APPLIES
    } else {
        IGNORED
    }
}
