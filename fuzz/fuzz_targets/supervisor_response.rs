//! The Supervisor answer as bashio reads it: the body (with the newline that
//! follows it in curl's output) through the envelope filters and a user
//! filter, the way `bashio::api.supervisor` runs them.
//!
//! Input: a selector byte, then USER_FILTER, NUL, BODY.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| bashio::fuzzing::supervisor_response(data));
