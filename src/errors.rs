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

/// A panic's message, when it carries one (`panic!` with a literal or with
/// formatting): the binary and the builtins both report it as one line.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> Option<&str> {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
}
