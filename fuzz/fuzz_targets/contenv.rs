//! The container-environment loader: a directory of variable files, read as
//! `s6-envdir -Lf` reads it, applied over an environment.
//!
//! Input: entries separated by NUL NUL; each is NAME, NUL, CONTENTS for a
//! file, or `=ENTRY` for a variable already in the environment.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| bashio::fuzzing::contenv(data));
