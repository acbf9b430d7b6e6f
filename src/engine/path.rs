//! Plain dotted keys (provisional).
pub fn print_raw(value: &serde_json::Value, out: &mut Vec<u8>) {
    match value {
        serde_json::Value::String(s) => out.extend_from_slice(s.as_bytes()),
        other => out.extend_from_slice(other.to_string().as_bytes()),
    }
}
