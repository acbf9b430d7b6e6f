//! Reading an HTTP/1.x answer: the status line and headers (interim 1xx
//! answers skipped), then the body framed by `Transfer-Encoding: chunked`,
//! `Content-Length`, or the connection's end. When it breaks off, what came
//! so far is kept: bashio logs curl's output, the partial body and status.

#![forbid(unsafe_code)]

use super::error::{os_text, Error};
use super::socket::is_stopped;
use std::io::{self, Read};
use std::time::Instant;

/// curl's limits: one header line, and the whole head.
const MAX_LINE: usize = 100 * 1024;
const MAX_HEAD: usize = 300 * 1024;

/// A whole answer.
#[derive(Debug)]
pub struct Response {
    /// The status code, which bashio's checks (401, 404, ...) read.
    pub status: u16,
    /// The body, decoded from chunks when it came chunked.
    pub body: Vec<u8>,
}

/// An answer that broke off: why, the status if its line came (else 0),
/// and the body bytes read.
#[derive(Debug)]
pub struct Broken {
    pub error: Error,
    pub status: u16,
    pub partial: Vec<u8>,
}

/// How the body ends.
enum Framing {
    None,
    Length(u64),
    Chunked,
    Close,
}

struct Reader<'a, S: Read> {
    stream: &'a mut S,
    buffer: Vec<u8>,
    start: usize,
    /// Whether any byte arrived at all (else the reply is empty).
    any: bool,
    /// When the request began, for curl's "after N milliseconds".
    began: Instant,
    /// Body bytes read, and the whole body's length when known.
    received: u64,
    expected: Option<u64>,
}

impl<S: Read> Reader<'_, S> {
    /// Reads more into the buffer: Ok(false) at the end of the stream.
    fn fill(&mut self) -> Result<bool, Error> {
        if self.start > 0 && self.start == self.buffer.len() {
            self.buffer.clear();
            self.start = 0;
        }
        let mut chunk = [0u8; 16 * 1024];
        match self.stream.read(&mut chunk) {
            Ok(0) => Ok(false),
            Ok(n) => {
                self.any = true;
                self.buffer.extend_from_slice(&chunk[..n]);
                Ok(true)
            }
            // A TLS peer that closes without close_notify: its end, as
            // curl takes it; the framing still tells a short body.
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => Ok(false),
            Err(e) => Err(self.io_error(e)),
        }
    }

    fn io_error(&self, error: io::Error) -> Error {
        if is_stopped(&error) {
            return Error::Stopped;
        }
        if error.kind() == io::ErrorKind::TimedOut {
            return Error::Deadline {
                took: self.began.elapsed(),
                received: self.received,
                expected: self.expected,
            };
        }
        match super::describe_tls_error(&error) {
            Some(text) => Error::Recv(text),
            None => Error::Recv(os_text(&error)),
        }
    }

    fn pending(&self) -> &[u8] {
        &self.buffer[self.start..]
    }

    /// One line without its CR LF (a bare LF ends one too), or None at the
    /// end of the stream.
    fn line(&mut self) -> Result<Option<Vec<u8>>, Error> {
        loop {
            if let Some(at) = self.pending().iter().position(|&b| b == b'\n') {
                let mut line = self.pending()[..at].to_vec();
                self.start += at + 1;
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
                return Ok(Some(line));
            }
            if self.pending().len() > MAX_LINE {
                return Err(Error::TooLarge);
            }
            if !self.fill()? {
                return Ok(None);
            }
        }
    }

    /// Up to LIMIT body bytes into BODY: how many, 0 at the end of the stream.
    fn body_bytes(&mut self, body: &mut Vec<u8>, limit: u64) -> Result<u64, Error> {
        if self.pending().is_empty() && !self.fill()? {
            return Ok(0);
        }
        let take = self
            .pending()
            .len()
            .min(usize::try_from(limit).unwrap_or(usize::MAX));
        body.extend_from_slice(&self.pending()[..take]);
        self.start += take;
        self.received += take as u64;
        Ok(take as u64)
    }
}

/// The status line: `HTTP/1.x NNN reason`.
fn status_of(line: &[u8]) -> Result<u16, Error> {
    if !line.starts_with(b"HTTP/") {
        return Err(Error::Http09);
    }
    let text = String::from_utf8_lossy(line);
    let mut words = text.splitn(3, ' ');
    let version = words.next().unwrap_or_default();
    let code = words.next().unwrap_or_default();
    if !matches!(version, "HTTP/1.0" | "HTTP/1.1")
        || code.len() != 3
        || !code.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(Error::BadVersion);
    }
    code.parse().map_err(|_| Error::BadVersion)
}

/// Reads one answer from STREAM.
pub fn read<S: Read>(stream: &mut S, began: Instant) -> Result<Response, Broken> {
    let mut reader = Reader {
        stream,
        buffer: Vec::new(),
        start: 0,
        any: false,
        began,
        received: 0,
        expected: None,
    };
    let mut status = 0;
    let mut body = Vec::new();
    let result = read_into(&mut reader, &mut status, &mut body);
    match result {
        Ok(()) => Ok(Response { status, body }),
        Err(error) => Err(Broken {
            error,
            status,
            partial: body,
        }),
    }
}

fn read_into<S: Read>(
    reader: &mut Reader<'_, S>,
    status: &mut u16,
    body: &mut Vec<u8>,
) -> Result<(), Error> {
    let framing = loop {
        let framing = read_head(reader, status)?;
        // Interim answers (100 Continue, 103 Early Hints) precede the real one.
        if (100..200).contains(status) && *status != 101 {
            *status = 0;
            continue;
        }
        break framing;
    };
    match framing {
        Framing::None => Ok(()),
        Framing::Length(length) => {
            reader.expected = Some(length);
            let mut left = length;
            while left > 0 {
                match reader.body_bytes(body, left)? {
                    0 => return Err(Error::CutShort { remaining: left }),
                    n => left -= n,
                }
            }
            Ok(())
        }
        Framing::Close => {
            while reader.body_bytes(body, u64::MAX)? > 0 {}
            Ok(())
        }
        Framing::Chunked => read_chunks(reader, body),
    }
}

/// The status line and headers, and how the body is framed.
fn read_head<S: Read>(reader: &mut Reader<'_, S>, status: &mut u16) -> Result<Framing, Error> {
    let first = match reader.line()? {
        Some(line) => line,
        None if !reader.any => return Err(Error::EmptyReply),
        None if reader.pending().starts_with(b"HTTP/") => return Err(Error::CutShortUnknown),
        None if b"HTTP/".starts_with(reader.pending()) => return Err(Error::CutShortUnknown),
        None => return Err(Error::Http09),
    };
    *status = status_of(&first)?;
    let mut length = None;
    let mut chunked = false;
    let mut head = first.len();
    loop {
        let Some(line) = reader.line()? else {
            return Err(Error::CutShortUnknown);
        };
        if line.is_empty() {
            break;
        }
        head += line.len();
        if head > MAX_HEAD {
            return Err(Error::TooLarge);
        }
        let text = String::from_utf8_lossy(&line);
        let Some((name, value)) = text.split_once(':') else {
            continue;
        };
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-length") {
            length = Some(value.parse::<u64>().map_err(|_| Error::BadContentLength)?);
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            chunked = value
                .rsplit(',')
                .next()
                .is_some_and(|last| last.trim().eq_ignore_ascii_case("chunked"));
        }
    }
    Ok(match (*status, chunked, length) {
        (100..=199 | 204 | 304, _, _) => Framing::None,
        (_, true, _) => Framing::Chunked,
        (_, false, Some(length)) => Framing::Length(length),
        (_, false, None) => Framing::Close,
    })
}

/// `SIZE[;ext] CRLF DATA CRLF` ... `0 CRLF [trailers] CRLF`.
fn read_chunks<S: Read>(reader: &mut Reader<'_, S>, body: &mut Vec<u8>) -> Result<(), Error> {
    loop {
        let line = reader.line()?.ok_or(Error::CutShortUnknown)?;
        let text = String::from_utf8_lossy(&line);
        let digits = text.split(';').next().unwrap_or_default().trim();
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(Error::BadChunk);
        }
        let size = u64::from_str_radix(digits, 16).map_err(|_| Error::BadChunk)?;
        if size == 0 {
            // Trailers, up to the empty line.
            while !reader.line()?.ok_or(Error::CutShortUnknown)?.is_empty() {}
            return Ok(());
        }
        let mut left = size;
        while left > 0 {
            match reader.body_bytes(body, left)? {
                0 => return Err(Error::CutShortUnknown),
                n => left -= n,
            }
        }
        if !reader.line()?.ok_or(Error::CutShortUnknown)?.is_empty() {
            return Err(Error::BadChunk);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(bytes: &[u8]) -> Result<(u16, String), (String, u16, String)> {
        let mut stream = bytes;
        match read(&mut stream, Instant::now()) {
            Ok(r) => Ok((r.status, String::from_utf8_lossy(&r.body).into_owned())),
            Err(b) => Err((
                b.error.curl_line().unwrap_or_default(),
                b.status,
                String::from_utf8_lossy(&b.partial).into_owned(),
            )),
        }
    }

    #[test]
    fn framings() {
        assert_eq!(
            parse(b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabcdef"),
            Ok((200, "abc".into()))
        );
        assert_eq!(
            parse(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n2\r\nde\r\n0\r\nT: 1\r\n\r\n"),
            Ok((200, "abcde".into()))
        );
        assert_eq!(
            parse(b"HTTP/1.0 404 Nope\n\nrest"),
            Ok((404, "rest".into()))
        );
        assert_eq!(
            parse(
                b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 1\r\n\r\nx"
            ),
            Ok((201, "x".into()))
        );
        assert_eq!(
            parse(b"HTTP/1.1 204 No Content\r\n\r\nignored"),
            Ok((204, "".into()))
        );
        assert_eq!(
            parse(b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd"),
            Ok((200, "abcd".into()))
        );
    }

    #[test]
    fn breaks_as_curl_words_them() {
        let line = |bytes: &[u8]| parse(bytes).err().map(|e| e.0).unwrap_or_default();
        assert_eq!(line(b""), "curl: (52) Empty reply from server");
        assert_eq!(
            parse(b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"),
            Err((
                "curl: (18) transfer closed with 7 bytes remaining to read".into(),
                200,
                "abc".into()
            ))
        );
        assert_eq!(
            line(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\na\r\n0123"),
            "curl: (18) transfer closed with outstanding read data remaining"
        );
        assert_eq!(
            line(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"),
            "curl: (56) Illegal or missing hexadecimal sequence in chunked-encoding"
        );
        assert_eq!(
            line(b"garbage\r\n\r\n"),
            "curl: (1) Received HTTP/0.9 when not allowed"
        );
        assert_eq!(
            line(b"HTTP/1.1 abc OK\r\n\r\n"),
            "curl: (1) Unsupported HTTP version in response"
        );
        assert_eq!(
            line(b"HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n"),
            "curl: (8) Invalid Content-Length: value"
        );
        assert_eq!(
            line(b"HTTP/1.1 200 OK\r\nContent-Len"),
            "curl: (18) transfer closed with outstanding read data remaining"
        );
        let mut huge = b"HTTP/1.1 200 OK\r\nX: ".to_vec();
        huge.resize(200_000, b'a');
        assert_eq!(line(&huge), "curl: (27) Out of memory");
    }
}
