//! The YAML 1.1 config reader of `bashio validate`, then the Supervisor's
//! rules on what it read.
//!
//! Input: the YAML text.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| bashio::fuzzing::yaml_schema(data));
