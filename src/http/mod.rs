//! A small blocking HTTP/1.1 client for the Supervisor API (and https for
//! Have I Been Pwned), made for bashio's functions running inside bash's own
//! process: no thread, no connection pool, every descriptor closed when the
//! request ends, and every wait (connect, read, write, the pause before a
//! retry) in `poll(2)`, so a signal can end a request at once: a wait that
//! a signal interrupts asks the hook set with [`set_stop_hook`] whether to
//! stop (by default it goes on waiting).
//!
//! Failures are worded as curl words them ([`Error::curl_line`]), since
//! bashio shows curl's lines.
//!
//! TLS is linked only where [`link_tls`] is called: the binary does, the
//! builtins library does not (rustls and its roots are a fifth of its size),
//! and runs the binary for a call that needs https (builtins::delegate).

mod error;
mod request;
mod response;
pub(crate) mod socket;
#[cfg(test)]
mod tests;
mod tls;
mod url;

pub use error::Error;
pub use response::Response;
pub use url::Url;

use socket::{is_stopped, Socket};
use std::io::{self, Read, Write};
use std::sync::{Arc, OnceLock, RwLock};
use std::time::{Duration, Instant};

static STOP_HOOK: RwLock<fn() -> bool> = RwLock::new(go_on);

fn go_on() -> bool {
    false
}

/// Sets what a wait asks when a signal interrupts it: true ends the
/// request with [`Error::Stopped`], false waits on.
pub fn set_stop_hook(hook: fn() -> bool) {
    if let Ok(mut slot) = STOP_HOOK.write() {
        *slot = hook;
    }
}

pub(crate) fn should_stop() -> bool {
    STOP_HOOK.read().map(|hook| (*hook)()).unwrap_or(false)
}

/// A connection that reads and writes: over TLS, whatever its type.
trait Duplex: Read + Write {}
impl<T: Read + Write> Duplex for T {}

/// TLS, as [`link_tls`] provides it: a handshake over a connected socket
/// (the client's configuration made at its first use), and rustls's words
/// for an error it raised.
struct Tls {
    connect: TlsConnect,
    describe: fn(&io::Error) -> Option<String>,
}

type TlsConnect = fn(
    &mut Option<Arc<rustls::ClientConfig>>,
    &str,
    Socket,
    Instant,
) -> Result<Box<dyn Duplex>, Error>;

static TLS: OnceLock<Tls> = OnceLock::new();

/// Links TLS in: without it, an https request fails with one line.
pub fn link_tls() {
    let _ = TLS.set(Tls {
        connect: |config, host, socket, began| {
            let config = match config {
                Some(config) => config.clone(),
                None => config.insert(tls::config()?).clone(),
            };
            let stream = tls::connect(config, host, socket, began)?;
            Ok(Box::new(stream))
        },
        describe: tls::describe,
    });
}

/// rustls's own words for an error it raised, when TLS is linked.
fn describe_tls_error(error: &io::Error) -> Option<String> {
    (TLS.get()?.describe)(error)
}

/// Time limits and retries of one request.
#[derive(Debug, Clone, Copy, Default)]
pub struct Limits {
    /// For connecting to each address (None: no limit).
    pub connect: Option<Duration>,
    /// For the whole request, from its start to the body's end (None: no limit).
    pub total: Option<Duration>,
    /// Further tries of a GET whose connection could not be opened.
    pub retries: u32,
}

/// A request that got no whole answer.
#[derive(Debug)]
pub struct Failure {
    /// What went wrong, in words curl and our debug lines can both use.
    pub error: Error,
    /// The status, if its line came; else 0.
    pub status: u16,
    /// The body bytes that came.
    pub partial: Vec<u8>,
    /// How many times the request was tried.
    pub tries: u32,
}

impl Failure {
    fn of(error: Error) -> Failure {
        Failure {
            error,
            status: 0,
            partial: Vec::new(),
            tries: 1,
        }
    }

    /// What `curl --write-out '\n%{http_code}'` prints then: the body that
    /// came, a newline, the status (`000` when none).
    pub fn curl_output(&self) -> Vec<u8> {
        let mut out = self.partial.clone();
        out.extend_from_slice(format!("\n{:03}", self.status).as_bytes());
        out
    }
}

/// Whether a request failed before the server could see it.
fn unopened(error: &Error) -> bool {
    matches!(
        error,
        Error::Resolve { .. } | Error::Connect { .. } | Error::ConnectTimeout { .. }
    )
}

/// A client: nothing but the TLS configuration, built when first needed.
#[derive(Default)]
pub struct Client {
    tls: Option<Arc<rustls::ClientConfig>>,
}

enum Stream {
    Plain(Socket),
    Tls(Box<dyn Duplex>),
}

impl Read for Stream {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        match self {
            Stream::Plain(socket) => socket.read(buffer),
            Stream::Tls(stream) => stream.read(buffer),
        }
    }
}

impl Write for Stream {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        match self {
            Stream::Plain(socket) => socket.write(bytes),
            Stream::Tls(stream) => stream.write(bytes),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Stream::Plain(socket) => socket.flush(),
            Stream::Tls(stream) => stream.flush(),
        }
    }
}

fn earliest(a: Option<Instant>, b: Option<Instant>) -> Option<Instant> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

impl Client {
    /// A client with nothing set up yet: TLS is prepared only for the first
    /// https request, so plain calls to the Supervisor never pay for it.
    pub fn new() -> Client {
        Client::default()
    }

    /// Sends METHOD URL with HEADERS and BODY, and reads the whole answer.
    /// Only a GET whose connection could not be opened is tried again,
    /// after 0.5 s, then 1 s: nothing that reached the server is repeated.
    pub fn send(
        &mut self,
        method: &str,
        url: &str,
        headers: &[(&str, &str)],
        body: Option<&[u8]>,
        limits: &Limits,
    ) -> Result<Response, Failure> {
        let url = Url::parse(url).map_err(Failure::of)?;
        let retries = if method == "GET" { limits.retries } else { 0 };
        let mut tries = 0;
        loop {
            tries += 1;
            match self.once(method, &url, headers, body, limits) {
                Ok(response) => return Ok(response),
                Err(broken) if tries <= retries && unopened(&broken.error) => {
                    let delay = Duration::from_millis(250u64 << tries.min(16));
                    if socket::pause(delay).is_err() {
                        return Err(Failure {
                            tries,
                            ..Failure::of(Error::Stopped)
                        });
                    }
                }
                Err(broken) => {
                    return Err(Failure {
                        error: broken.error,
                        status: broken.status,
                        partial: broken.partial,
                        tries,
                    })
                }
            }
        }
    }

    fn once(
        &mut self,
        method: &str,
        url: &Url,
        headers: &[(&str, &str)],
        body: Option<&[u8]>,
        limits: &Limits,
    ) -> Result<Response, response::Broken> {
        let broken = |error| response::Broken {
            error,
            status: 0,
            partial: Vec::new(),
        };
        let began = Instant::now();
        let deadline = limits.total.map(|total| began + total);
        let mut stream = self.open(url, limits, began, deadline).map_err(broken)?;
        let bytes = request::encode(method, url, headers, body);
        if let Err(error) = stream.write_all(&bytes).and_then(|()| stream.flush()) {
            return Err(broken(if is_stopped(&error) {
                Error::Stopped
            } else if error.kind() == io::ErrorKind::TimedOut {
                Error::Deadline {
                    took: began.elapsed(),
                    received: 0,
                    expected: None,
                }
            } else {
                Error::Send(error)
            }));
        }
        response::read(&mut stream, began)
    }

    /// Resolves and connects (each address in turn), then the TLS handshake.
    fn open(
        &mut self,
        url: &Url,
        limits: &Limits,
        began: Instant,
        deadline: Option<Instant>,
    ) -> Result<Stream, Error> {
        let addresses = socket::resolve(&url.host, url.port).map_err(|e| Error::Resolve {
            host: url.host.clone(),
            cause: error::os_text(&e),
        })?;
        let mut last = Error::Resolve {
            host: url.host.clone(),
            cause: "no address".into(),
        };
        let mut connected = None;
        for address in addresses {
            let connect_by = earliest(limits.connect.map(|c| Instant::now() + c), deadline);
            match Socket::connect(&address, connect_by, deadline) {
                Ok(socket) => {
                    connected = Some(socket);
                    break;
                }
                Err(e) if is_stopped(&e) => return Err(Error::Stopped),
                Err(e) if e.kind() == io::ErrorKind::TimedOut => {
                    if deadline.is_some_and(|d| Instant::now() >= d) {
                        return Err(Error::ConnectDeadline {
                            took: began.elapsed(),
                        });
                    }
                    last = Error::ConnectTimeout {
                        host: url.host.clone(),
                        port: url.port,
                        took: began.elapsed(),
                    };
                }
                Err(cause) => {
                    last = Error::Connect {
                        host: url.host.clone(),
                        port: url.port,
                        took: began.elapsed(),
                        cause,
                    }
                }
            }
        }
        let Some(socket) = connected else {
            return Err(last);
        };
        if !url.tls {
            return Ok(Stream::Plain(socket));
        }
        let Some(tls) = TLS.get() else {
            return Err(Error::Tls {
                certificate: false,
                cause: "this build has no TLS (https is the bashio binary's)".into(),
            });
        };
        let stream = (tls.connect)(&mut self.tls, &url.host, socket, began)?;
        Ok(Stream::Tls(stream))
    }
}
