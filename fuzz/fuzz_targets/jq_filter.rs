//! The key/filter front end: jq filters through the engine, jq command lines,
//! plain config keys (checked against the engine running bashio's config
//! query) and JSONPath keys, over arbitrary input text.
//!
//! Input: a mode byte, then FILTER, NUL, INPUT[, NUL, ARG]...

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| bashio::fuzzing::jq_filter(data));
