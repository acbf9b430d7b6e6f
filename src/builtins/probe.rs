//! Whether errexit applies where a builtin was called. bash ignores it for
//! a command inside `if`, `while`, before `||` or `&&`, after `!`, and
//! everywhere inside a function called there; bashio's functions then run on
//! past a failing command. A builtin cannot see that (it is a flag on the
//! command bash is running), so this asks only when the answer matters: the
//! first time a failing command would stop the call.
//!
//! It forks. The copy returns the failure to bash with traps set and every
//! output sent to /dev/null: if errexit applies, bash runs the ERR trap;
//! if not, it goes on to its next command, whose DEBUG trap (or the RETURN
//! trap, or the EXIT trap when nothing follows) fires instead. Each trap
//! ends the copy at once with its own status. The original waits for it,
//! with SIGCHLD held so that bash does not collect the copy first.

use super::bash;
use std::sync::atomic::{AtomicBool, Ordering};

/// The name of the builtin the probe's traps run.
pub const EXIT_BUILTIN: &str = "__bashio_probe_exit";

const APPLIES: i32 = 7;
const IGNORED: i32 = 8;
const ENDED: i32 = 9;

/// The status the copy hands back to bash: rare enough that an EXIT trap
/// seeing it knows the shell is leaving because of it.
const MARK: &[u8] = b"213";
const MARK_STATUS: i32 = 213;

static IN_PROBE: AtomicBool = AtomicBool::new(false);

/// Whether this process is the probe's copy (which must leave no trace).
pub fn in_probe() -> bool {
    IN_PROBE.load(Ordering::Relaxed)
}

/// Whether errexit applies where the current builtin was called.
pub fn errexit_applies() -> bool {
    // SAFETY: plain system calls on this process; the child only returns to
    // bash, which never writes through the descriptors sent to /dev/null.
    unsafe {
        let mut held: libc::sigset_t = std::mem::zeroed();
        let mut previous: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut held);
        libc::sigaddset(&mut held, libc::SIGCHLD);
        libc::sigprocmask(libc::SIG_BLOCK, &held, &mut previous);
        let pid = libc::fork();
        if pid == 0 {
            libc::sigprocmask(libc::SIG_SETMASK, &previous, std::ptr::null_mut());
            become_probe();
            return true;
        }
        let mut status = 0;
        let answer = if pid < 0 {
            true
        } else {
            loop {
                if libc::waitpid(pid, &mut status, 0) >= 0 {
                    break decide(status);
                }
                if std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
                    break true;
                }
            }
        };
        libc::sigprocmask(libc::SIG_SETMASK, &previous, std::ptr::null_mut());
        answer
    }
}

fn decide(status: i32) -> bool {
    if !libc::WIFEXITED(status) {
        return true;
    }
    libc::WEXITSTATUS(status) != IGNORED
}

/// Turns this process into the probe's copy: silent, with the traps set.
fn become_probe() {
    IN_PROBE.store(true, Ordering::Relaxed);
    // SAFETY: opens /dev/null and puts it over every descriptor a log line
    // or bash could write to; the log descriptor is whatever LOG_FD names.
    unsafe {
        let null = libc::open(c"/dev/null".as_ptr(), libc::O_RDWR);
        if null >= 0 {
            for fd in [0, 1, 2] {
                libc::dup2(null, fd);
            }
            if let Some(fd) = crate::env::var("LOG_FD").and_then(|v| v.parse::<i32>().ok()) {
                if fd > 2 {
                    libc::dup2(null, fd);
                }
            }
        }
    }
    bash::set_probe_traps(
        c"__bashio_probe_exit err",
        c"__bashio_probe_exit debug \"$?\" \"$BASH_COMMAND\"",
        c"__bashio_probe_exit return \"$?\"",
        c"__bashio_probe_exit exit \"$?\"",
    );
}

/// The status the probe's copy returns to bash.
pub fn mark_status() -> i32 {
    MARK_STATUS
}

/// The probe's traps: `__bashio_probe_exit TRAP [STATUS [COMMAND]]` ends the
/// copy with what the trap tells, running nothing else (no EXIT trap, no
/// buffers flushed).
pub fn exit_now(args: &[Vec<u8>]) -> ! {
    let word = |i: usize| args.get(i).map(Vec::as_slice).unwrap_or_default();
    let code = match word(0) {
        b"err" => APPLIES,
        // The DEBUG trap fires before the EXIT trap's own command, too.
        b"debug" if !bash::exit_trap_pending() => ended_by(word(1)),
        b"exit" => ended_by(word(1)),
        _ => IGNORED,
    };
    // SAFETY: ends the process at once; it is the probe's copy.
    unsafe { libc::_exit(code) }
}

/// The shell is ending: because errexit stopped it at the copy's status, or
/// because nothing came after the call (its status is then another).
fn ended_by(status: &[u8]) -> i32 {
    if status == MARK {
        ENDED
    } else {
        IGNORED
    }
}
