//! `bashio lint`: not written yet.

use std::ffi::OsString;

pub fn main(_args: &[OsString]) -> i32 {
    eprintln!("bashio lint: not available yet");
    100
}
