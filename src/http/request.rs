//! Writing a request: the request line, `Host`, the caller's headers, a
//! `Content-Length` when there is a body, then the body, in one write where
//! it fits (the Supervisor's requests are small).

#![forbid(unsafe_code)]

use super::url::Url;

/// The bytes of METHOD URL with HEADERS and BODY.
pub fn encode(method: &str, url: &Url, headers: &[(&str, &str)], body: Option<&[u8]>) -> Vec<u8> {
    let mut out = Vec::with_capacity(256 + body.map_or(0, <[u8]>::len));
    let mut line = |text: &str| {
        out.extend_from_slice(text.as_bytes());
        out.extend_from_slice(b"\r\n");
    };
    line(&format!("{method} {} HTTP/1.1", url.target));
    line(&format!("Host: {}", url.authority));
    line(concat!("User-Agent: bashio/", env!("CARGO_PKG_VERSION")));
    line("Accept: */*");
    for (name, value) in headers {
        line(&format!("{name}: {value}"));
    }
    if let Some(body) = body {
        line(&format!("Content-Length: {}", body.len()));
    }
    line("");
    if let Some(body) = body {
        out.extend_from_slice(body);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_and_body() {
        let url = Url::parse("http://127.0.0.1:8/addons/self/info").unwrap();
        let bytes = encode(
            "GET",
            &url,
            &[
                ("Authorization", "Bearer t"),
                ("Content-Type", "application/json"),
            ],
            Some(b"{}"),
        );
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            format!(
                "GET /addons/self/info HTTP/1.1\r\nHost: 127.0.0.1:8\r\nUser-Agent: bashio/{}\r\n\
                 Accept: */*\r\nAuthorization: Bearer t\r\nContent-Type: application/json\r\n\
                 Content-Length: 2\r\n\r\n{{}}",
                env!("CARGO_PKG_VERSION")
            )
        );
        let plain = encode(
            "GET",
            &Url::parse("https://h/range/ABCDE").unwrap(),
            &[],
            None,
        );
        assert!(String::from_utf8(plain)
            .unwrap()
            .ends_with("Accept: */*\r\n\r\n"));
    }
}
