//! bashio's net.sh: waiting for a TCP port to accept connections. bashio
//! runs `timeout T bash -c 'until echo > /dev/tcp/HOST/PORT; do sleep 0.5;
//! done'`; this connects in-process the same way (every address the name
//! resolves to, a newline sent on success, a retry every half second) until
//! the same deadline, and like bashio it always succeeds. Its waits are the
//! HTTP client's (`poll`), so a signal the embedding asks to stop on ends
//! the wait at once.

use super::{actions, log};
use crate::ctx::{Args, Ctx, Ret, OK};
use crate::http::socket::{is_stopped, pause, Socket};
use crate::table::row::{Body::*, Function};
use std::io::Write;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};
use std::time::{Duration, Instant};

pub const FUNCTIONS: &[Function] = &[Function::new(
    "bashio::net.wait_for",
    Native(wait_for),
    "PORT [HOST=localhost] [TIMEOUT=60]: wait until HOST accepts connections on PORT, at most TIMEOUT seconds (0: for ever)",
)];

const RETRY: Duration = Duration::from_millis(500);

fn wait_for(ctx: &mut Ctx, args: &Args) -> Ret {
    actions::require("bashio::net.wait_for", args, 1)?;
    let port = args.str(0);
    let host = args.or(1, "localhost");
    let timeout = args.or(2, "60");
    log::trace(ctx, "bashio::net.wait_for", args);
    ctx.flush();

    // timeout(1) refuses a bad interval at once; bashio ignores its status.
    let Some(limit) = parse_interval(&timeout) else {
        return OK;
    };
    let deadline = limit.and_then(|limit| Instant::now().checked_add(limit));
    // `/dev/tcp/HOST/PORT`: bash takes the host up to the first slash.
    let path = format!("{host}/{port}");
    let (host, service) = path.split_once('/').unwrap_or((&path, ""));
    loop {
        match reachable(host, service, deadline) {
            Reach::Yes | Reach::Stopped => return OK,
            Reach::No => {}
        }
        let wait = match deadline {
            None => RETRY,
            Some(deadline) => {
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return OK;
                }
                RETRY.min(left)
            }
        };
        if pause(wait).is_err() {
            return OK;
        }
    }
}

enum Reach {
    Yes,
    No,
    /// A signal came and the embedding asked to stop.
    Stopped,
}

/// `echo > /dev/tcp/HOST/SERVICE`: connects to the first address that
/// accepts and writes a newline, within the deadline.
fn reachable(host: &str, service: &str, deadline: Option<Instant>) -> Reach {
    for address in resolve(host, service) {
        if deadline.is_some_and(|deadline| Instant::now() >= deadline) {
            return Reach::No;
        }
        match Socket::connect(&address, deadline, deadline) {
            Ok(mut socket) => {
                return match socket.write_all(b"\n") {
                    Ok(()) => Reach::Yes,
                    Err(e) if is_stopped(&e) => Reach::Stopped,
                    Err(_) => Reach::No,
                }
            }
            Err(e) if is_stopped(&e) => return Reach::Stopped,
            Err(_) => {}
        }
    }
    Reach::No
}

/// The addresses getaddrinfo gives for HOST and SERVICE (a port number or a
/// service name), as bash asks for them: any family, stream sockets.
fn resolve(host: &str, service: &str) -> Vec<SocketAddr> {
    let (Ok(host), Ok(service)) = (
        std::ffi::CString::new(host),
        std::ffi::CString::new(service),
    ) else {
        return Vec::new();
    };
    let mut addresses = Vec::new();
    // SAFETY: getaddrinfo gets valid C strings and hints; the list it returns
    // is only read (each sockaddr as the family it declares) and then freed.
    unsafe {
        let mut hints: libc::addrinfo = std::mem::zeroed();
        hints.ai_family = libc::AF_UNSPEC;
        hints.ai_socktype = libc::SOCK_STREAM;
        let mut list: *mut libc::addrinfo = std::ptr::null_mut();
        if libc::getaddrinfo(host.as_ptr(), service.as_ptr(), &hints, &mut list) != 0 {
            return addresses;
        }
        let mut entry = list;
        while !entry.is_null() {
            let info = &*entry;
            match info.ai_family {
                libc::AF_INET if !info.ai_addr.is_null() => {
                    let v4 = &*(info.ai_addr as *const libc::sockaddr_in);
                    addresses.push(SocketAddr::V4(SocketAddrV4::new(
                        Ipv4Addr::from(u32::from_be(v4.sin_addr.s_addr)),
                        u16::from_be(v4.sin_port),
                    )));
                }
                libc::AF_INET6 if !info.ai_addr.is_null() => {
                    let v6 = &*(info.ai_addr as *const libc::sockaddr_in6);
                    addresses.push(SocketAddr::V6(SocketAddrV6::new(
                        Ipv6Addr::from(v6.sin6_addr.s6_addr),
                        u16::from_be(v6.sin6_port),
                        v6.sin6_flowinfo,
                        v6.sin6_scope_id,
                    )));
                }
                _ => {}
            }
            entry = info.ai_next;
        }
        libc::freeaddrinfo(list);
    }
    addresses
}

/// An interval as timeout(1) reads it: a non-negative number (strtod's
/// grammar) with an optional unit `s`, `m`, `h` or `d`. `Some(None)` is no
/// limit (0, or too long to matter); `None` is an interval it refuses.
fn parse_interval(text: &str) -> Option<Option<Duration>> {
    // timeout(1) would take a leading dash as an option, and refuse it.
    if text.starts_with('-') {
        return None;
    }
    let (number, rest) = leading_number(text)?;
    let factor = match rest {
        "" | "s" => 1.0,
        "m" => 60.0,
        "h" => 3600.0,
        "d" => 86400.0,
        _ => return None,
    };
    if number.is_nan() || number < 0.0 {
        return None;
    }
    let seconds = number * factor;
    if seconds == 0.0 {
        return Some(None);
    }
    Some(Duration::try_from_secs_f64(seconds).ok())
}

/// The longest prefix of TEXT that strtod reads as a number, and the rest.
fn leading_number(text: &str) -> Option<(f64, &str)> {
    let body = text.trim_start_matches([' ', '\t', '\n', '\x0b', '\x0c', '\r']);
    let bytes = body.as_bytes();
    let mut end = 0;
    let negative = matches!(bytes.first(), Some(b'-'));
    if matches!(bytes.first(), Some(b'+' | b'-')) {
        end = 1;
    }
    let sign = if negative { -1.0 } else { 1.0 };
    let unsigned = &body[end..];
    let lower = unsigned.to_ascii_lowercase();
    for (word, value) in [
        ("infinity", f64::INFINITY),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        if lower.starts_with(word) {
            return Some((sign * value, &unsigned[word.len()..]));
        }
    }
    if let Some(hex) = lower.strip_prefix("0x") {
        if let Some((value, used)) = hex_number(hex) {
            return Some((sign * value, &unsigned[2 + used..]));
        }
    }
    let digits = |from: usize| {
        from + bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let whole_end = digits(end);
    let mut number_end = whole_end;
    let mut seen = whole_end > end;
    if bytes.get(number_end) == Some(&b'.') {
        let fraction_end = digits(number_end + 1);
        seen |= fraction_end > number_end + 1;
        number_end = fraction_end;
    }
    if !seen {
        return None;
    }
    if matches!(bytes.get(number_end), Some(b'e' | b'E')) {
        let mut exponent = number_end + 1;
        if matches!(bytes.get(exponent), Some(b'+' | b'-')) {
            exponent += 1;
        }
        let exponent_end = digits(exponent);
        if exponent_end > exponent {
            number_end = exponent_end;
        }
    }
    let value: f64 = body[..number_end].parse().ok()?;
    Some((value, &body[number_end..]))
}

/// A hexadecimal float after `0x` (`1f`, `1.8`, `1p4`): its value and length.
fn hex_number(text: &str) -> Option<(f64, usize)> {
    let bytes = text.as_bytes();
    let mut value = 0.0f64;
    let mut used = 0;
    let mut seen = false;
    while let Some(digit) = bytes.get(used).and_then(|b| (*b as char).to_digit(16)) {
        value = value * 16.0 + f64::from(digit);
        used += 1;
        seen = true;
    }
    if bytes.get(used) == Some(&b'.') {
        let mut scale = 1.0 / 16.0;
        let mut next = used + 1;
        while let Some(digit) = bytes.get(next).and_then(|b| (*b as char).to_digit(16)) {
            value += f64::from(digit) * scale;
            scale /= 16.0;
            next += 1;
            seen = true;
        }
        if seen {
            used = next;
        }
    }
    if !seen {
        return None;
    }
    if bytes.get(used) == Some(&b'p') {
        let mut next = used + 1;
        let negative = bytes.get(next) == Some(&b'-');
        if matches!(bytes.get(next), Some(b'+' | b'-')) {
            next += 1;
        }
        let start = next;
        while bytes.get(next).is_some_and(u8::is_ascii_digit) {
            next += 1;
        }
        if next > start {
            let power: i32 = text[start..next].parse().unwrap_or(i32::MAX);
            let power = if negative { -power } else { power };
            value *= 2f64.powi(power);
            used = next;
        }
    }
    Some((value, used))
}

#[cfg(test)]
mod tests {
    use super::parse_interval;
    use std::time::Duration;

    #[test]
    fn intervals_read_as_timeout_reads_them() {
        assert_eq!(parse_interval("60"), Some(Some(Duration::from_secs(60))));
        assert_eq!(
            parse_interval("0.5"),
            Some(Some(Duration::from_millis(500)))
        );
        assert_eq!(parse_interval("2m"), Some(Some(Duration::from_secs(120))));
        assert_eq!(parse_interval("1d"), Some(Some(Duration::from_secs(86400))));
        assert_eq!(parse_interval(" 3s"), Some(Some(Duration::from_secs(3))));
        assert_eq!(parse_interval("0x10"), Some(Some(Duration::from_secs(16))));
        assert_eq!(parse_interval(".5"), Some(Some(Duration::from_millis(500))));
        assert_eq!(parse_interval("1e1"), Some(Some(Duration::from_secs(10))));
        assert_eq!(parse_interval("0"), Some(None));
        assert_eq!(parse_interval("inf"), Some(None));
        assert_eq!(parse_interval("-1"), None);
        assert_eq!(parse_interval("abc"), None);
        assert_eq!(parse_interval("5x"), None);
        assert_eq!(parse_interval("5ss"), None);
        assert_eq!(parse_interval(""), None);
        assert_eq!(parse_interval("nan"), None);
        assert_eq!(parse_interval("-0"), None);
        assert_eq!(parse_interval(" -0"), Some(None));
    }
}
