//! `bashio lint --fix` on a rootfs made from the input: whole or not at all.
//!
//! Input: records split by NUL, each NAME, LF, DEP,DEP..., LF, RUN.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| bashio::fuzzing::lint_fix(data));
