//! The secret-hiding rules of debug and trace lines: JSON anywhere in a
//! line, secret keys' values hidden in place, known values hidden wherever
//! they recur.
//!
//! Input: KNOWN, NUL, LINE.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| bashio::fuzzing::redact(data));
