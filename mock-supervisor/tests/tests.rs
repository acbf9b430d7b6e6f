//! The mock's integration tests, as one test binary: each module below is a
//! file beside this one, and `common` is what they share (a started mock and
//! a blocking HTTP client with bounded timeouts).

mod common;

mod admin;
mod api;
mod binary;
mod faults;
mod recording;
