//! The integration tests, as one test binary: every module below is a file
//! beside this one, and `util` is what they share (a sandbox laid out as a
//! container, a mock Supervisor, scripts run as files under a timeout).
//!
//! One binary links the crate once instead of once per file. The conformance
//! suite (`tests/conformance/`) is a separate target: it runs each recorded
//! case as its own test through its own harness (`harness = false`).
//!
//! Run one module's tests with `cargo test --test integration MODULE::`.

mod util;

mod bad_input;
mod builtins;
mod case_mapping;
mod cli;
mod completions;
mod contenv;
mod envsubst;
mod example;
mod faults;
mod http;
mod install;
mod lint;
mod lint_fix;
mod lint_seeded;
mod load;
mod module_graph;
mod options_agree;
mod scripts;
mod secrets;
mod tempio;
mod validate;
mod validate_oracle;
mod with_contenv;
