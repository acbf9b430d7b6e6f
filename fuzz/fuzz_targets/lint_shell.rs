//! The lint's shell and Dockerfile readers.
//!
//! Input: a selector byte (even: a script, odd: a Dockerfile), then the text.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| bashio::fuzzing::lint_shell(data));
