//! The few system calls the start makes, as bare instructions: the C
//! library's wrappers set `errno`, a thread-local that does not exist yet.
//! Each returns the kernel's answer: a negative errno on failure.

use core::arch::asm;

pub const AT_FDCWD: isize = -100;
pub const O_RDONLY: usize = 0;
pub const O_CLOEXEC: usize = 0o2_000_000;
pub const STATX_TYPE: usize = 1;
pub const S_IFMT: u16 = 0o170_000;
pub const S_IFREG: u16 = 0o100_000;
pub const POLLNVAL: i16 = 0x20;
pub const ENOENT: isize = 2;
pub const EACCES: isize = 13;
pub const ENOTDIR: isize = 20;

const SYS_CLOSE: usize = 3;
const SYS_POLL: usize = 7;
const SYS_EXECVE: usize = 59;
const SYS_OPENAT: usize = 257;
const SYS_READLINKAT: usize = 267;
const SYS_STATX: usize = 332;

/// `struct pollfd`.
#[repr(C)]
pub struct PollFd {
    pub fd: i32,
    pub events: i16,
    pub revents: i16,
}

/// `struct statx`, whose layout is the same on every architecture: only
/// the file's type is read.
#[repr(C)]
pub struct Statx {
    head: [u32; 7],
    pub mode: u16,
    rest: [u8; 226],
}

unsafe fn call3(number: usize, a: usize, b: usize, c: usize) -> isize {
    let ret: isize;
    // SAFETY (caller's): the arguments are what system call NUMBER takes.
    asm!("syscall", inlateout("rax") number as isize => ret, in("rdi") a, in("rsi") b,
         in("rdx") c, lateout("rcx") _, lateout("r11") _, options(nostack));
    ret
}

unsafe fn call5(number: usize, a: usize, b: usize, c: usize, d: usize, e: usize) -> isize {
    let ret: isize;
    asm!("syscall", inlateout("rax") number as isize => ret, in("rdi") a, in("rsi") b,
         in("rdx") c, in("r10") d, in("r8") e, lateout("rcx") _, lateout("r11") _,
         options(nostack));
    ret
}

/// # Safety
/// `path` is NUL-terminated.
pub unsafe fn open(path: *const u8, flags: usize) -> isize {
    call5(SYS_OPENAT, AT_FDCWD as usize, path as usize, flags, 0, 0)
}

pub fn close(fd: isize) {
    // SAFETY: closing a descriptor this start opened.
    unsafe { call3(SYS_CLOSE, fd as usize, 0, 0) };
}

pub fn poll(fds: &mut [PollFd]) -> isize {
    // SAFETY: the kernel writes within the slice.
    unsafe { call3(SYS_POLL, fds.as_mut_ptr() as usize, fds.len(), 0) }
}

/// # Safety
/// `path` is NUL-terminated.
pub unsafe fn readlink(path: *const u8, buf: &mut [u8]) -> isize {
    call5(
        SYS_READLINKAT,
        AT_FDCWD as usize,
        path as usize,
        buf.as_mut_ptr() as usize,
        buf.len(),
        0,
    )
}

/// The type of the file at `path` (following links), or None.
///
/// # Safety
/// `path` is NUL-terminated.
pub unsafe fn file_type(path: *const u8) -> Option<u16> {
    let mut answer = core::mem::MaybeUninit::<Statx>::uninit();
    let ret = call5(
        SYS_STATX,
        AT_FDCWD as usize,
        path as usize,
        0,
        STATX_TYPE,
        answer.as_mut_ptr() as usize,
    );
    (ret == 0).then(|| (*answer.as_ptr()).mode & S_IFMT)
}

/// Returns only on failure, with the negative errno.
///
/// # Safety
/// Each array is NULL-terminated and holds NUL-terminated strings.
pub unsafe fn execve(path: *const u8, argv: *const *const u8, envp: *const *const u8) -> isize {
    call3(SYS_EXECVE, path as usize, argv as usize, envp as usize)
}
