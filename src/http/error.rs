//! Why a request got no whole answer, in two voices: the line curl prints
//! for it (bashio runs curl with `--silent --show-error`, so an add-on's log
//! shows curl's words, and scripts or people may look for them), and our
//! own detail (the address, the OS error, the tries) for debug lines.

#![forbid(unsafe_code)]

use std::fmt::Write as _;
use std::io;
use std::time::Duration;

/// One transport failure, with what curl needs to word it.
#[derive(Debug)]
pub enum Error {
    /// curl's (3): a URL it cannot parse or will not send.
    BadUrl(String),
    /// curl's (1): a scheme other than http and https.
    Scheme(String),
    /// curl's (6): the name did not resolve.
    Resolve {
        /// The name, as curl's line quotes it.
        host: String,
        /// The resolver's reason, for the debug line.
        cause: String,
    },
    /// curl's (7): no address accepted the connection.
    Connect {
        /// The host, as curl's line names it.
        host: String,
        /// The port, as curl's line names it.
        port: u16,
        /// How long the tries took, in curl's "after N milliseconds".
        took: Duration,
        /// The last address's OS error, for the debug line.
        cause: io::Error,
    },
    /// curl's (28) for `--connect-timeout`: no address answered in time.
    ConnectTimeout {
        /// The host, as curl's line names it.
        host: String,
        /// The port, as curl's line names it.
        port: u16,
        /// How long it waited, in curl's "after N milliseconds".
        took: Duration,
    },
    /// curl's (28) for `--max-time` reached while connecting.
    ConnectDeadline {
        /// How long it waited, in curl's "after N milliseconds".
        took: Duration,
    },
    /// curl's (28) for `--max-time` reached after connecting.
    Deadline {
        /// How long it ran, in curl's "after N milliseconds".
        took: Duration,
        /// Body bytes that came, in curl's "N bytes received".
        received: u64,
        /// The body's announced length, curl's "out of N", when known.
        expected: Option<u64>,
    },
    /// curl's (35)/(60): the TLS handshake failed.
    Tls {
        /// Whether the certificate was refused (curl's 60) rather than
        /// the handshake failing (35).
        certificate: bool,
        /// rustls's reason, which curl's line ends with.
        cause: String,
    },
    /// curl's (55): the request could not be written.
    Send(io::Error),
    /// curl's (56): reading failed (a reset, a TLS alert).
    Recv(String),
    /// curl's (52): the connection closed before any byte of an answer.
    EmptyReply,
    /// curl's (18): the body broke off before its Content-Length.
    CutShort {
        /// Bytes still owed, in curl's "N bytes remaining to read".
        remaining: u64,
    },
    /// curl's (18): a chunked body, or the head, broke off.
    CutShortUnknown,
    /// curl's (56): a chunk size that is not hexadecimal.
    BadChunk,
    /// curl's (1): an answer that does not start with `HTTP/`.
    Http09,
    /// curl's (1): a status line curl does not read.
    BadVersion,
    /// curl's (8): a Content-Length that is not a number.
    BadContentLength,
    /// curl's (27): a header line or head beyond curl's limits.
    TooLarge,
    /// The embedding asked to stop (a signal arrived): curl would have
    /// died of the signal, printing nothing.
    Stopped,
}

/// `strerror`'s text for an OS error, without Rust's "(os error N)".
pub fn os_text(error: &io::Error) -> String {
    let text = error.to_string();
    match text.rfind(" (os error ") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

impl Error {
    /// curl's exit status for it.
    pub fn curl_code(&self) -> u8 {
        match self {
            Error::BadUrl(_) => 3,
            Error::Scheme(_) | Error::Http09 | Error::BadVersion => 1,
            Error::Resolve { .. } => 6,
            Error::Connect { .. } => 7,
            Error::ConnectTimeout { .. }
            | Error::ConnectDeadline { .. }
            | Error::Deadline { .. } => 28,
            Error::Tls { certificate, .. } => {
                if *certificate {
                    60
                } else {
                    35
                }
            }
            Error::Send(_) => 55,
            Error::Recv(_) | Error::BadChunk => 56,
            Error::EmptyReply => 52,
            Error::CutShort { .. } | Error::CutShortUnknown => 18,
            Error::BadContentLength => 8,
            Error::TooLarge => 27,
            Error::Stopped => 42,
        }
    }

    /// The line `curl --silent --show-error` prints on stderr (curl 7.88's
    /// wording), or nothing when curl would have been killed instead.
    pub fn curl_line(&self) -> Option<String> {
        let text = match self {
            Error::BadUrl(_) => "URL using bad/illegal format or missing URL".to_string(),
            Error::Scheme(scheme) => {
                format!("Protocol \"{scheme}\" not supported or disabled in libcurl")
            }
            Error::Resolve { host, .. } => format!("Could not resolve host: {host}"),
            Error::Connect {
                host, port, took, ..
            } => format!(
                "Failed to connect to {host} port {port} after {} ms: Couldn't connect to server",
                took.as_millis()
            ),
            Error::ConnectTimeout { host, port, took } => format!(
                "Failed to connect to {host} port {port} after {} ms: Timeout was reached",
                took.as_millis()
            ),
            Error::ConnectDeadline { took } => {
                format!(
                    "Connection timed out after {} milliseconds",
                    took.as_millis()
                )
            }
            Error::Deadline {
                took,
                received,
                expected,
            } => {
                let mut text = format!(
                    "Operation timed out after {} milliseconds with {received}",
                    took.as_millis()
                );
                if let Some(expected) = expected {
                    let _ = write!(text, " out of {expected}");
                }
                text.push_str(" bytes received");
                text
            }
            Error::Tls { certificate, cause } => match certificate {
                true => format!("SSL certificate problem: {cause}"),
                false => format!("TLS connect error: {cause}"),
            },
            Error::Send(cause) => format!("Send failure: {}", os_text(cause)),
            Error::Recv(cause) => format!("Recv failure: {cause}"),
            Error::EmptyReply => "Empty reply from server".to_string(),
            Error::CutShort { remaining } => {
                format!("transfer closed with {remaining} bytes remaining to read")
            }
            Error::CutShortUnknown => {
                "transfer closed with outstanding read data remaining".to_string()
            }
            Error::BadChunk => {
                "Illegal or missing hexadecimal sequence in chunked-encoding".to_string()
            }
            Error::Http09 => "Received HTTP/0.9 when not allowed".to_string(),
            Error::BadVersion => "Unsupported HTTP version in response".to_string(),
            Error::BadContentLength => "Invalid Content-Length: value".to_string(),
            Error::TooLarge => "Out of memory".to_string(),
            Error::Stopped => return None,
        };
        Some(format!("curl: ({}) {text}", self.curl_code()))
    }

    /// Our own account of it, for debug lines.
    pub fn detail(&self) -> String {
        match self {
            Error::BadUrl(why) => format!("bad URL: {why}"),
            Error::Scheme(scheme) => format!("{scheme}: is not http or https"),
            Error::Resolve { host, cause } => format!("cannot resolve {host}: {cause}"),
            Error::Connect {
                host, port, cause, ..
            } => format!("cannot connect to {host} port {port}: {}", os_text(cause)),
            Error::ConnectTimeout { host, port, took } => format!(
                "no address of {host} port {port} accepted a connection within {} ms",
                took.as_millis()
            ),
            Error::ConnectDeadline { took } => format!(
                "the time limit for the request ran out while connecting ({} ms)",
                took.as_millis()
            ),
            Error::Deadline { took, received, .. } => format!(
                "the time limit for the request ran out after {} ms, {received} bytes of the body read",
                took.as_millis()
            ),
            Error::Tls { cause, .. } => format!("TLS handshake failed: {cause}"),
            Error::Send(cause) => format!("sending the request failed: {}", os_text(cause)),
            Error::Recv(cause) => format!("reading the answer failed: {cause}"),
            Error::EmptyReply => "the connection closed before any answer".to_string(),
            Error::CutShort { remaining } => {
                format!("the connection closed {remaining} bytes before the end of the body")
            }
            Error::CutShortUnknown => "the connection closed before the answer ended".to_string(),
            Error::BadChunk => "the chunked body holds a chunk size that is not hexadecimal"
                .to_string(),
            Error::Http09 => "the answer does not start with an HTTP status line".to_string(),
            Error::BadVersion => "the answer's status line is not HTTP/1.x NNN".to_string(),
            Error::BadContentLength => "the answer's Content-Length is not a number".to_string(),
            Error::TooLarge => "the answer's head is larger than 300 KiB".to_string(),
            Error::Stopped => "stopped by a signal".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_curls() {
        let connect = Error::Connect {
            host: "127.0.0.1".into(),
            port: 9,
            took: Duration::from_millis(3),
            cause: io::Error::from_raw_os_error(libc::ECONNREFUSED),
        };
        assert_eq!(
            connect.curl_line().as_deref(),
            Some("curl: (7) Failed to connect to 127.0.0.1 port 9 after 3 ms: Couldn't connect to server")
        );
        assert_eq!(
            connect.detail(),
            "cannot connect to 127.0.0.1 port 9: Connection refused"
        );
        let deadline = Error::Deadline {
            took: Duration::from_millis(2001),
            received: 10,
            expected: Some(100),
        };
        assert_eq!(
            deadline.curl_line().as_deref(),
            Some("curl: (28) Operation timed out after 2001 milliseconds with 10 out of 100 bytes received")
        );
        assert_eq!(
            Error::CutShort { remaining: 266 }.curl_line().as_deref(),
            Some("curl: (18) transfer closed with 266 bytes remaining to read")
        );
        assert_eq!(
            Error::EmptyReply.curl_line().as_deref(),
            Some("curl: (52) Empty reply from server")
        );
        assert_eq!(Error::Stopped.curl_line(), None);
    }
}
