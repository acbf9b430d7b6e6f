//! `bashio SCRIPT ARGS`: bash exec'd as src/interpreter.rs execs it with the
//! builtins library beside the binary.

use crate::bytes::{after_last, before_last, c_bytes, has, same, value_of, Buffer, Pointers};
use crate::{sys, Plan, MOST_VARIABLES, PATH_MAX};

/// Execs bash for `ARGS` (the program's name, the script, its arguments)
/// with `VARIABLES` as the environment, when the binary would; returns
/// otherwise.
///
/// # Safety
/// Both hold NUL-terminated strings that live as long as the process.
pub unsafe fn exec(args: &[*const u8], variables: &[*const u8], plan: &Plan) {
    let (Some(&program), Some(&script)) = (args.first(), args.get(1)) else {
        return;
    };
    // The binary's choice (main.rs, cli.rs): any name but an applet's is
    // bashio, and a first argument with a slash is a script.
    let name = after_last(c_bytes(program), b'/');
    if name.is_empty()
        || same(name, b".")
        || same(name, b"..")
        || plan.applets.iter().any(|applet| same(name, applet))
        || !has(c_bytes(script), b'/')
    {
        return;
    }
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
    let Some(environment) = Environment::read(variables, plan) else {
        return;
    };
    // `__BASHIO_BIN=` and the binary's path, read after it; then one
    // buffer for each path the start tries in turn.
    let mut binary = Buffer::<{ PATH_MAX + 64 }>::new();
    if !binary.push(&[plan.binary_variable, b"="]) {
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
        || !path.push(&[before_last(exe, b'/'), b"/", plan.library, b"\0"])
    {
        return;
    }
    if !sys::is_file(path.pointer()) || !sys::is_file(script) {
        return;
    }
    // The binary reports a script it cannot open.
    let fd = sys::open(script, sys::O_RDONLY | sys::O_CLOEXEC);
    if fd < 0 {
        return;
    }
    sys::close(fd);
    if !binary.push(&[b"\0"]) {
        return;
    }

    let mut environ = Pointers::<{ MOST_VARIABLES + 2 }>::new();
    for (i, &entry) in variables.iter().enumerate() {
        let entry = if Some(i) == environment.binary_at {
            binary.pointer()
        } else {
            entry
        };
        if !environ.push(entry) {
            return;
        }
    }
    if environment.binary_at.is_none() && !environ.push(binary.pointer()) {
        return;
    }
    let mut argv = Pointers::<{ crate::MOST_ARGS + 8 }>::new();
    let shell_args = plan.shell_args.iter().map(|arg| arg.as_ptr());
    let all = [plan.shell.as_ptr()]
        .into_iter()
        .chain(shell_args)
        .chain(args.iter().skip(1).copied());
    for arg in all {
        if !argv.push(arg) {
            return;
        }
    }
    // As execvp: each PATH entry in turn, past those without the file.
    let (Some(search), Some((_, shell))) = (environment.path, plan.shell.split_last()) else {
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
    let (argv, environ) = (argv.terminated(), environ.terminated());
    for entry in search.split(|b| *b == b':') {
        path.length = 0;
        if !path.push(&[entry, b"/", shell, b"\0"]) {
            return;
        }
        let error = sys::execve(path.pointer(), argv, environ);
        if !matches!(-error, sys::ENOENT | sys::ENOTDIR | sys::EACCES) {
            return;
        }
    }
}

/// What the start needs of the environment.
struct Environment {
    path: Option<&'static [u8]>,
    binary_at: Option<usize>,
}

impl Environment {
    /// None when the start should decline: the builtins switched off.
    unsafe fn read(variables: &[*const u8], plan: &Plan) -> Option<Environment> {
        let mut found = Environment {
            path: None,
            binary_at: None,
        };
        let mut switch_seen = false;
        for (i, &entry) in variables.iter().enumerate() {
            let entry = c_bytes(entry);
            // The first entry of a name is its value, as getenv reads it.
            if let Some(value) = value_of(entry, plan.builtins_switch) {
                if !switch_seen && same(value, b"0") {
                    return None;
                }
                switch_seen = true;
            }
            if found.path.is_none() {
                found.path = value_of(entry, b"PATH");
            }
            if found.binary_at.is_none() && value_of(entry, plan.binary_variable).is_some() {
                found.binary_at = Some(i);
            }
        }
        Some(found)
    }
}
