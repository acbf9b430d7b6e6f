//! `bashio completions SHELL`: not written yet.

use std::ffi::OsString;

pub fn main(_args: &[OsString]) -> i32 {
    eprintln!("bashio completions: not available yet");
    100
}
