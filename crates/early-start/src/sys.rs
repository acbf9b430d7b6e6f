//! The few system calls the start makes, as bare instructions: the C
//! library's wrappers set `errno`, a thread-local that does not exist yet.
//! Each returns the kernel's answer: a negative errno on failure.

use core::arch::asm;

const AT_FDCWD: isize = -100;
pub const O_RDONLY: usize = 0;
pub const O_NONBLOCK: usize = 0o4_000;
pub const O_DIRECTORY: usize = 0o200_000;
pub const O_CLOEXEC: usize = 0o2_000_000;
pub const S_IFMT: u16 = 0o170_000;
pub const S_IFREG: u16 = 0o100_000;
pub const POLLNVAL: i16 = 0x20;
pub const ENOENT: isize = 2;
pub const EACCES: isize = 13;
pub const ENOTDIR: isize = 20;
/// A directory entry's type: a regular file.
pub const DT_REG: u8 = 8;

const SYS_READ: usize = 0;
const SYS_CLOSE: usize = 3;
const SYS_POLL: usize = 7;
const SYS_MMAP: usize = 9;
const SYS_MUNMAP: usize = 11;
const SYS_EXECVE: usize = 59;
const SYS_GETDENTS64: usize = 217;
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

/// `struct statx`, whose layout is the same on every architecture.
#[repr(C)]
struct Statx {
    head: [u32; 7],
    mode: u16,
    spare: u16,
    ino: u64,
    sizes: [u64; 3],
    times: [u64; 8],
    rdev: [u32; 2],
    dev_major: u32,
    dev_minor: u32,
    rest: [u64; 14],
}

/// What the start asks of a file: its type and permissions, and which
/// file it is.
#[derive(PartialEq, Eq, Clone, Copy)]
pub struct FileId {
    pub mode: u16,
    pub device: (u32, u32),
    pub inode: u64,
}

unsafe fn call6(number: usize, args: [usize; 6]) -> isize {
    let ret: isize;
    // SAFETY (caller's): the arguments are what system call NUMBER takes.
    asm!("syscall", inlateout("rax") number as isize => ret, in("rdi") args[0],
         in("rsi") args[1], in("rdx") args[2], in("r10") args[3], in("r8") args[4],
         in("r9") args[5], lateout("rcx") _, lateout("r11") _, options(nostack));
    ret
}

/// # Safety
/// `path` is NUL-terminated.
pub unsafe fn open(path: *const u8, flags: usize) -> isize {
    call6(
        SYS_OPENAT,
        [AT_FDCWD as usize, path as usize, flags, 0, 0, 0],
    )
}

pub fn close(fd: isize) {
    // SAFETY: closing a descriptor this start opened.
    unsafe { call6(SYS_CLOSE, [fd as usize, 0, 0, 0, 0, 0]) };
}

pub fn read(fd: isize, buf: &mut [u8]) -> isize {
    // SAFETY: the kernel writes within the slice.
    unsafe {
        call6(
            SYS_READ,
            [fd as usize, buf.as_mut_ptr() as usize, buf.len(), 0, 0, 0],
        )
    }
}

/// Directory entries (`struct linux_dirent64`) into `buf`.
pub fn getdents(fd: isize, buf: &mut [u8]) -> isize {
    // SAFETY: the kernel writes within the slice.
    unsafe {
        call6(
            SYS_GETDENTS64,
            [fd as usize, buf.as_mut_ptr() as usize, buf.len(), 0, 0, 0],
        )
    }
}

pub fn poll(fds: &mut [PollFd]) -> isize {
    // SAFETY: the kernel writes within the slice.
    unsafe { call6(SYS_POLL, [fds.as_mut_ptr() as usize, fds.len(), 0, 0, 0, 0]) }
}

/// LENGTH bytes of zeroed memory the start keeps until it execs (only the
/// pages written are ever allocated), or None.
pub fn reserve(length: usize) -> Option<*mut u8> {
    const PROT_READ_WRITE: usize = 0x1 | 0x2;
    const MAP_PRIVATE_ANONYMOUS_NORESERVE: usize = 0x02 | 0x20 | 0x4000;
    // SAFETY: a new anonymous mapping, which nothing else uses.
    let ret = unsafe {
        call6(
            SYS_MMAP,
            [
                0,
                length,
                PROT_READ_WRITE,
                MAP_PRIVATE_ANONYMOUS_NORESERVE,
                usize::MAX,
                0,
            ],
        )
    };
    (ret > 0).then_some(ret as *mut u8)
}

/// Gives back what [`reserve`] gave.
///
/// # Safety
/// Nothing uses the mapping any more.
pub unsafe fn release(start: *mut u8, length: usize) {
    call6(SYS_MUNMAP, [start as usize, length, 0, 0, 0, 0]);
}

/// # Safety
/// `path` is NUL-terminated.
pub unsafe fn readlink(path: *const u8, buf: &mut [u8]) -> isize {
    call6(
        SYS_READLINKAT,
        [
            AT_FDCWD as usize,
            path as usize,
            buf.as_mut_ptr() as usize,
            buf.len(),
            0,
            0,
        ],
    )
}

/// What stat says of the file at `path` (following links), or None.
///
/// # Safety
/// `path` is NUL-terminated.
pub unsafe fn stat(path: *const u8) -> Option<FileId> {
    const STATX_TYPE_MODE_INO: usize = 0x1 | 0x2 | 0x100;
    let mut answer = core::mem::MaybeUninit::<Statx>::uninit();
    let ret = call6(
        SYS_STATX,
        [
            AT_FDCWD as usize,
            path as usize,
            0,
            STATX_TYPE_MODE_INO,
            answer.as_mut_ptr() as usize,
            0,
        ],
    );
    if ret != 0 {
        return None;
    }
    // Field by field: a copy of the whole would be a call of memcpy.
    let answer = answer.as_ptr();
    Some(FileId {
        mode: (*answer).mode,
        device: ((*answer).dev_major, (*answer).dev_minor),
        inode: (*answer).ino,
    })
}

/// Whether `path` names a regular file (following links).
///
/// # Safety
/// `path` is NUL-terminated.
pub unsafe fn is_file(path: *const u8) -> bool {
    stat(path).is_some_and(|s| s.mode & S_IFMT == S_IFREG)
}

/// Returns only on failure, with the negative errno.
///
/// # Safety
/// Each array is NULL-terminated and holds NUL-terminated strings.
pub unsafe fn execve(path: *const u8, argv: *const *const u8, envp: *const *const u8) -> isize {
    call6(
        SYS_EXECVE,
        [path as usize, argv as usize, envp as usize, 0, 0, 0],
    )
}
