//! The log line renderer: LOG_FORMAT with {TIMESTAMP}, {MESSAGE} and {LEVEL}
//! filled in (the timestamp from an arbitrary LOG_TIMESTAMP through
//! strftime), then `printf '%b'` escapes, in UTF-8 and other locales.
//!
//! Input: a level byte, then FORMAT, NUL, TIMESTAMP_FORMAT, NUL, MESSAGE.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| bashio::fuzzing::log_format(data));
