//! The template engine of the `tempio` applet: lexer, parser and executor
//! with sprig's functions, over any template text and JSON data.
//!
//! Input: TEMPLATE, NUL, JSON.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| bashio::fuzzing::tempio_template(data));
