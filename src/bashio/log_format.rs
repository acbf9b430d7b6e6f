//! The text of a bashio log line: LOG_FORMAT with its placeholders filled in
//! and LOG_TIMESTAMP rendered by strftime, through `printf '%b\n'`.

use super::printf::expand_b;

/// The name bashio prints for a level (`__BASHIO_LOG_LEVELS`).
pub fn level_name(level: i32) -> &'static str {
    match level {
        0 => "OFF",
        1 => "FATAL",
        2 => "ERROR",
        3 => "WARNING",
        4 => "NOTICE",
        5 => "INFO",
        6 => "DEBUG",
        7 => "TRACE",
        8 => "ALL",
        _ => "",
    }
}

/// `date +FORMAT`, in local time.
pub fn timestamp(format: &[u8]) -> Vec<u8> {
    let Ok(format) = std::ffi::CString::new(format.to_vec()) else {
        return Vec::new();
    };
    // SAFETY: time/localtime_r/strftime write only into the buffers given.
    unsafe {
        let now = libc::time(std::ptr::null_mut());
        let mut tm: libc::tm = std::mem::zeroed();
        if libc::localtime_r(&now, &mut tm).is_null() {
            return Vec::new();
        }
        let mut buffer = vec![0u8; 512];
        let n = libc::strftime(
            buffer.as_mut_ptr().cast(),
            buffer.len(),
            format.as_ptr(),
            &tm,
        );
        buffer.truncate(n);
        buffer
    }
}

fn replace_all(haystack: &[u8], needle: &[u8], replacement: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(haystack.len());
    let mut i = 0;
    while i < haystack.len() {
        if haystack[i..].starts_with(needle) {
            out.extend_from_slice(replacement);
            i += needle.len();
        } else {
            out.push(haystack[i]);
            i += 1;
        }
    }
    out
}

/// What `printf '%b\n' LINE` writes.
pub fn expand_line(line: &[u8]) -> Vec<u8> {
    let (mut bytes, stopped) = expand_b(line);
    if !stopped {
        bytes.push(b'\n');
    }
    bytes
}

/// The bytes a log line at LEVEL writes: FORMAT with its `{TIMESTAMP}`,
/// `{MESSAGE}` and `{LEVEL}` filled in, through `printf '%b\n'`.
pub fn render(format: &[u8], stamp: &[u8], level: i32, message: &[u8]) -> Vec<u8> {
    // Same order as bashio: a {LEVEL} inside the message is replaced too.
    let line = replace_all(format, b"{TIMESTAMP}", stamp);
    let line = replace_all(&line, b"{MESSAGE}", message);
    let line = replace_all(&line, b"{LEVEL}", level_name(level).as_bytes());
    expand_line(&line)
}
