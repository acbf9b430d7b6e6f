//! bashio as a library: the function table and the modules behind it, the jq
//! engine, the Supervisor client, the log and redaction rules, s6's envdir,
//! and the author tools. The binary (`main.rs`), the bash builtins and the
//! fuzzers are thin layers over it.

pub mod arith;
pub mod atomic;
pub mod bashio;
pub mod builtins;
pub mod call;
pub mod cli;
pub mod completions;
pub mod ctx;
pub mod defaults;
pub mod engine;
pub mod env;
pub mod envsubst;
pub mod errors;
pub mod functions;
pub mod http;
pub mod install;
pub mod interpreter;
pub mod lint;
pub mod mode;
pub mod s6;
pub mod shim;
pub mod supervisor;
pub mod table;
pub mod tempio;
pub mod validate;

// The fuzz targets' checks: for the fuzz crate (feature `fuzzing`) and the
// tests, which replay every input that once failed them.
#[cfg(any(test, feature = "fuzzing"))]
#[doc(hidden)]
pub mod fuzzing;
