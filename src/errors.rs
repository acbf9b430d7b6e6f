//! How failures read: one line in plain words, without Rust's decorations.

#![forbid(unsafe_code)]

/// An I/O error as a plain phrase: "No such file or directory", not
/// "No such file or directory (os error 2)".
pub fn plain(error: &std::io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error") {
        Some(end) => text[..end].to_string(),
        None => text,
    }
}
