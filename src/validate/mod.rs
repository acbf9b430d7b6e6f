//! `bashio validate`: not written yet.

use std::ffi::OsString;

pub fn main(_args: &[OsString]) -> i32 {
    eprintln!("bashio validate: not available yet");
    100
}
