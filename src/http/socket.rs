//! A TCP connection that waits only in `poll(2)`, against a deadline, and
//! asks [`super::should_stop`] whenever a signal interrupts a wait.
//!
//! The functions may run inside bash's own process (a loadable builtin),
//! where a blocking call must end when INT or TERM arrives: `poll` is never
//! restarted after a signal handler, so every wait here sees the signal
//! (std's `connect_timeout` and `read_exact` retry EINTR themselves, which
//! is why they are not used). Writes use `MSG_NOSIGNAL`: a peer that closed
//! must not raise SIGPIPE in a shell that does not ignore it. The socket is
//! close-on-exec and closed when dropped.

use std::io;
use std::net::{SocketAddr, ToSocketAddrs};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::time::{Duration, Instant};

/// The error a wait returns when the embedding asked to stop.
#[derive(Debug)]
pub struct Stopped;

impl std::fmt::Display for Stopped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("stopped by a signal")
    }
}

impl std::error::Error for Stopped {}

pub fn stopped() -> io::Error {
    io::Error::other(Stopped)
}

pub fn is_stopped(error: &io::Error) -> bool {
    error.get_ref().is_some_and(|inner| inner.is::<Stopped>())
}

/// Time left until `deadline`, as poll's milliseconds (-1: no limit),
/// rounded up so a wait never ends before its deadline.
fn poll_timeout(deadline: Option<Instant>) -> Option<libc::c_int> {
    let Some(deadline) = deadline else {
        return Some(-1);
    };
    let left = deadline.saturating_duration_since(Instant::now());
    if left.is_zero() {
        return None;
    }
    let ms = left.as_nanos().div_ceil(1_000_000);
    Some(libc::c_int::try_from(ms).unwrap_or(libc::c_int::MAX))
}

/// Waits for EVENTS on FD until DEADLINE: `TimedOut` when it passes, the
/// stop error when a signal came and the embedding says stop.
fn wait(fd: libc::c_int, events: libc::c_short, deadline: Option<Instant>) -> io::Result<()> {
    loop {
        let Some(timeout) = poll_timeout(deadline) else {
            return Err(io::ErrorKind::TimedOut.into());
        };
        let mut entry = libc::pollfd {
            fd,
            events,
            revents: 0,
        };
        // SAFETY: one valid pollfd, for the length given.
        let n = unsafe { libc::poll(&mut entry, 1, timeout) };
        if n > 0 {
            return Ok(());
        }
        if n == 0 {
            return Err(io::ErrorKind::TimedOut.into());
        }
        interrupted(io::Error::last_os_error())?;
    }
}

/// After a failed call: Ok to try again (EINTR and the embedding says go
/// on), else the error to return.
fn interrupted(error: io::Error) -> io::Result<()> {
    if error.kind() != io::ErrorKind::Interrupted {
        return Err(error);
    }
    if super::should_stop() {
        return Err(stopped());
    }
    Ok(())
}

/// Sleeps for DURATION, a signal's stop request ending it early.
pub fn pause(duration: Duration) -> io::Result<()> {
    let deadline = Instant::now() + duration;
    loop {
        let Some(timeout) = poll_timeout(Some(deadline)) else {
            return Ok(());
        };
        // SAFETY: no descriptors: poll only sleeps.
        let n = unsafe { libc::poll(std::ptr::null_mut(), 0, timeout) };
        if n >= 0 {
            return Ok(());
        }
        interrupted(io::Error::last_os_error())?;
    }
}

/// The addresses HOST resolves to (std's getaddrinfo).
pub fn resolve(host: &str, port: u16) -> io::Result<Vec<SocketAddr>> {
    Ok((host, port).to_socket_addrs()?.collect())
}

/// A connected, non-blocking socket with the request's deadline.
pub struct Socket {
    fd: OwnedFd,
    pub deadline: Option<Instant>,
}

/// The C form of ADDRESS, for connect(2).
fn sockaddr(address: &SocketAddr) -> (libc::sockaddr_storage, libc::socklen_t) {
    // SAFETY: an all-zero sockaddr_storage is a valid value.
    let mut storage: libc::sockaddr_storage = unsafe { std::mem::zeroed() };
    let length = match address {
        SocketAddr::V4(v4) => {
            // SAFETY: sockaddr_storage is large and aligned enough for any sockaddr.
            let out = unsafe { &mut *(&mut storage as *mut _ as *mut libc::sockaddr_in) };
            out.sin_family = libc::AF_INET as libc::sa_family_t;
            out.sin_port = v4.port().to_be();
            out.sin_addr.s_addr = u32::from(*v4.ip()).to_be();
            std::mem::size_of::<libc::sockaddr_in>()
        }
        SocketAddr::V6(v6) => {
            // SAFETY: as above.
            let out = unsafe { &mut *(&mut storage as *mut _ as *mut libc::sockaddr_in6) };
            out.sin6_family = libc::AF_INET6 as libc::sa_family_t;
            out.sin6_port = v6.port().to_be();
            out.sin6_addr.s6_addr = v6.ip().octets();
            out.sin6_flowinfo = v6.flowinfo();
            out.sin6_scope_id = v6.scope_id();
            std::mem::size_of::<libc::sockaddr_in6>()
        }
    };
    (storage, length as libc::socklen_t)
}

impl Socket {
    /// Connects to ADDRESS, waiting until CONNECT_BY at most.
    pub fn connect(
        address: &SocketAddr,
        connect_by: Option<Instant>,
        deadline: Option<Instant>,
    ) -> io::Result<Socket> {
        let family = match address {
            SocketAddr::V4(_) => libc::AF_INET,
            SocketAddr::V6(_) => libc::AF_INET6,
        };
        // SAFETY: plain socket creation; the descriptor is owned at once.
        let raw = unsafe {
            libc::socket(
                family,
                libc::SOCK_STREAM | libc::SOCK_CLOEXEC | libc::SOCK_NONBLOCK,
                0,
            )
        };
        if raw < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: RAW is a fresh descriptor nothing else owns.
        let fd = unsafe { OwnedFd::from_raw_fd(raw) };
        let (storage, length) = sockaddr(address);
        // SAFETY: STORAGE holds a sockaddr of LENGTH bytes.
        let rc = unsafe {
            libc::connect(
                raw,
                (&storage as *const libc::sockaddr_storage).cast(),
                length,
            )
        };
        if rc != 0 {
            let error = io::Error::last_os_error();
            match error.raw_os_error() {
                Some(libc::EINPROGRESS) | Some(libc::EINTR) => {}
                _ => return Err(error),
            }
            // The connection goes on in the background; poll says when it
            // ends, and SO_ERROR how.
            wait(raw, libc::POLLOUT, connect_by)?;
            let mut code: libc::c_int = 0;
            let mut size = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
            // SAFETY: CODE is an int and SIZE its size.
            let rc = unsafe {
                libc::getsockopt(
                    raw,
                    libc::SOL_SOCKET,
                    libc::SO_ERROR,
                    (&mut code as *mut libc::c_int).cast(),
                    &mut size,
                )
            };
            if rc != 0 {
                return Err(io::Error::last_os_error());
            }
            if code != 0 {
                return Err(io::Error::from_raw_os_error(code));
            }
        }
        Ok(Socket { fd, deadline })
    }
}

impl io::Read for Socket {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let fd = self.fd.as_raw_fd();
        loop {
            // SAFETY: reads into BUFFER, at most its length.
            let n = unsafe { libc::recv(fd, buffer.as_mut_ptr().cast(), buffer.len(), 0) };
            if n >= 0 {
                return Ok(n as usize);
            }
            let error = io::Error::last_os_error();
            if error.kind() == io::ErrorKind::WouldBlock {
                wait(fd, libc::POLLIN, self.deadline)?;
                continue;
            }
            interrupted(error)?;
        }
    }
}

impl io::Write for Socket {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let fd = self.fd.as_raw_fd();
        loop {
            // SAFETY: sends from BYTES, at most its length.
            let n =
                unsafe { libc::send(fd, bytes.as_ptr().cast(), bytes.len(), libc::MSG_NOSIGNAL) };
            if n >= 0 {
                return Ok(n as usize);
            }
            let error = io::Error::last_os_error();
            if error.kind() == io::ErrorKind::WouldBlock {
                wait(fd, libc::POLLOUT, self.deadline)?;
                continue;
            }
            interrupted(error)?;
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
