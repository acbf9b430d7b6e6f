//! The URLs bashio requests (`$SUPERVISOR_API$resource`, the HIBP range
//! endpoint): scheme, host, port and the request target, encoded as the
//! HTTP client before this one sent them (the WHATWG URL rules): characters
//! curl would send raw that a server may refuse (`"`, `<`, `{`, ...) and
//! bytes outside ASCII become `%xx` (lower case, as curl spells them), dot
//! segments are removed and a fragment is never sent.

#![forbid(unsafe_code)]

use super::error::Error;

/// A parsed `http://` or `https://` URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url {
    /// Whether the scheme is https, so the connection is wrapped in TLS.
    pub tls: bool,
    /// The host as the URL names it, without brackets around IPv6.
    pub host: String,
    /// The port, the scheme's own when the URL gives none.
    pub port: u16,
    /// What follows the method in the request line: path and query.
    pub target: String,
    /// The `Host` header's value.
    pub authority: String,
}

/// Characters the path may not hold raw (WHATWG's path percent-encode set,
/// controls and space aside, which are refused before).
const PATH_ESCAPED: &[u8] = b"\"<>`{}";
/// The same for the query of an http(s) URL.
const QUERY_ESCAPED: &[u8] = b"\"<>'";

impl Url {
    /// Reads a URL as curl would send it, or refuses it with curl's (3) or
    /// (1), before any connection is tried.
    pub fn parse(text: &str) -> Result<Url, Error> {
        if text.bytes().any(|b| b <= b' ' || b == 0x7f) {
            return Err(Error::BadUrl(
                "the URL holds whitespace or control characters".into(),
            ));
        }
        let Some((scheme, rest)) = text.split_once("://") else {
            return Err(Error::BadUrl("the URL has no scheme".into()));
        };
        let tls = match scheme.to_ascii_lowercase().as_str() {
            "http" => false,
            "https" => true,
            _ => return Err(Error::Scheme(scheme.to_string())),
        };
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, target) = rest.split_at(end);
        // Credentials in the URL are not something bashio's URLs carry.
        if authority.contains('@') {
            return Err(Error::BadUrl("credentials in the URL".into()));
        }
        let (host, port) = split_port(authority)?;
        if host.is_empty() {
            return Err(Error::BadUrl("the URL has no host".into()));
        }
        let port = match port {
            Some(port) => port,
            None if tls => 443,
            None => 80,
        };
        let default = if tls { 443 } else { 80 };
        let bracketed = if host.contains(':') {
            format!("[{host}]")
        } else {
            host.to_string()
        };
        let authority = if port == default {
            bracketed
        } else {
            format!("{bracketed}:{port}")
        };
        Ok(Url {
            tls,
            host: host.to_ascii_lowercase(),
            port,
            target: encode_target(target),
            authority: authority.to_ascii_lowercase(),
        })
    }
}

/// `host[:port]` or `[v6][:port]`.
fn split_port(authority: &str) -> Result<(&str, Option<u16>), Error> {
    let bad = || Error::BadUrl(format!("bad host or port: {authority}"));
    let (host, port) = if let Some(inner) = authority.strip_prefix('[') {
        let (host, after) = inner.split_once(']').ok_or_else(bad)?;
        match after {
            "" => (host, None),
            _ => (host, Some(after.strip_prefix(':').ok_or_else(bad)?)),
        }
    } else {
        match authority.rsplit_once(':') {
            Some((host, port)) if !host.contains(':') => (host, Some(port)),
            Some(_) => return Err(bad()),
            None => (authority, None),
        }
    };
    let port = match port {
        None | Some("") => None,
        Some(digits) if digits.bytes().all(|b| b.is_ascii_digit()) => {
            Some(digits.parse::<u16>().map_err(|_| bad())?)
        }
        Some(_) => return Err(bad()),
    };
    Ok((host, port))
}

/// The path and query as sent: the fragment dropped, dot segments removed,
/// `\` read as `/`, and the characters above percent-encoded.
fn encode_target(target: &str) -> String {
    let target = target.split('#').next().unwrap_or_default();
    let (path, query) = match target.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (target, None),
    };
    let path = path.replace('\\', "/");
    let mut out = escape(&remove_dot_segments(&path), PATH_ESCAPED);
    if out.is_empty() {
        out.push('/');
    }
    if let Some(query) = query {
        out.push('?');
        out.push_str(&escape(query, QUERY_ESCAPED));
    }
    out
}

fn escape(text: &str, escaped: &[u8]) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte >= 0x80 || escaped.contains(&byte) {
            out.push('%');
            out.push(char::from(b"0123456789abcdef"[usize::from(byte >> 4)]));
            out.push(char::from(b"0123456789abcdef"[usize::from(byte & 15)]));
        } else {
            out.push(char::from(byte));
        }
    }
    out
}

/// RFC 3986's remove_dot_segments, on a path starting with `/` (or empty).
fn remove_dot_segments(path: &str) -> String {
    let mut segments: Vec<&str> = Vec::new();
    let parts: Vec<&str> = path.split('/').skip(1).collect();
    let last = parts.len().saturating_sub(1);
    for (i, part) in parts.iter().enumerate() {
        match *part {
            "." | ".." => {
                if *part == ".." {
                    segments.pop();
                }
                // A trailing dot segment leaves the directory: `/a/..` is `/`.
                if i == last {
                    segments.push("");
                }
            }
            other => segments.push(other),
        }
    }
    if path.is_empty() {
        return String::new();
    }
    let mut out = String::with_capacity(path.len());
    for segment in segments {
        out.push('/');
        out.push_str(segment);
    }
    if out.is_empty() {
        out.push('/');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(text: &str) -> String {
        match Url::parse(text) {
            Ok(url) => url.target,
            Err(e) => panic!("{text}: {e:?}"),
        }
    }

    #[test]
    fn parts() {
        let url = Url::parse("http://127.0.0.1:8123/addons/self/info?x=1").unwrap();
        assert_eq!(url.host, "127.0.0.1");
        assert_eq!(url.port, 8123);
        assert!(!url.tls);
        assert_eq!(url.target, "/addons/self/info?x=1");
        assert_eq!(url.authority, "127.0.0.1:8123");
        let url = Url::parse("https://Api.PwnedPasswords.com/range/ABCDE").unwrap();
        assert_eq!(
            (url.host.as_str(), url.port),
            ("api.pwnedpasswords.com", 443)
        );
        assert_eq!(url.authority, "api.pwnedpasswords.com");
        let url = Url::parse("http://[::1]:80").unwrap();
        assert_eq!((url.host.as_str(), url.port), ("::1", 80));
        assert_eq!(
            (url.authority.as_str(), url.target.as_str()),
            ("[::1]", "/")
        );
        assert_eq!(
            Url::parse("http://supervisor").unwrap().authority,
            "supervisor"
        );
    }

    #[test]
    fn encoding_as_before() {
        assert_eq!(
            target("http://h/addons/café/info"),
            "/addons/caf%c3%a9/info"
        );
        assert_eq!(
            target("http://h/a\"b<c>d`e{f}g"),
            "/a%22b%3cc%3ed%60e%7bf%7dg"
        );
        assert_eq!(target("http://h/x?q='a'\"&b={c}"), "/x?q=%27a%27%22&b={c}");
        assert_eq!(target("http://h/a/./b/../c"), "/a/c");
        assert_eq!(target("http://h/a/.."), "/");
        assert_eq!(target("http://h/a/b/.."), "/a/");
        assert_eq!(target("http://h/a\\b"), "/a/b");
        assert_eq!(target("http://h/info#frag"), "/info");
        assert_eq!(target("http://h/%2F"), "/%2F");
    }

    #[test]
    fn refusals() {
        for bad in [
            "http://h/a b",
            "http://h/a\tb",
            "nothing",
            "http://:80/",
            "http://h:x/",
            "http://h:99999/",
            "http://u:p@h/",
        ] {
            assert!(matches!(Url::parse(bad), Err(Error::BadUrl(_))), "{bad}");
        }
        assert!(matches!(Url::parse("ftp://h/"), Err(Error::Scheme(s)) if s == "ftp"));
    }
}
