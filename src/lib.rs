//! bashio as a library: the function table and the modules behind it, the jq
//! engine, the Supervisor client, the log and redaction rules, s6's envdir,
//! and the author tools. The binary (`main.rs`), the bash builtins and the
//! fuzzers are thin layers over it.

// Every public item says why it is there. Public are only the modules the
// binary (cli, interpreter, s6, tempio, envsubst), the builtins' shared object, the
// tests (http, validate) and the fuzz crate (fuzzing) use; the rest is
// crate-private, so an item nothing calls is found as dead code.
#![deny(missing_docs)]

pub(crate) mod arith;
pub(crate) mod atomic;
pub(crate) mod bashio;
pub mod builtins;
pub(crate) mod call;
pub mod cli;
pub(crate) mod completions;
pub(crate) mod ctx;
pub(crate) mod defaults;
pub(crate) mod engine;
pub(crate) mod env;
pub mod envsubst;
pub(crate) mod errors;
pub(crate) mod functions;
pub mod http;
pub(crate) mod install;
pub mod interpreter;
pub(crate) mod lint;
pub(crate) mod mode;
pub mod process;
pub mod s6;
pub(crate) mod shim;
pub(crate) mod subcommands;
pub(crate) mod supervisor;
pub(crate) mod table;
pub mod tempio;
pub mod validate;

/// The programs the binary is besides bashio, by the name it runs under
/// (main.rs).
pub const APPLETS: [&str; 4] = ["with-contenv", "printcontenv", "tempio", "envsubst"];

/// Links in the three rare paths whose dependencies are most of the code's
/// size: TLS (https: Have I Been Pwned), JSONPath config keys, and an
/// add-on's config read and checked without a Supervisor (YAML, the option
/// rules' Python patterns). The binary calls this first; the builtins
/// library does not, so the linker leaves that code out of it (4.6 MB to
/// 2.8 MB), and a call that may need it runs the binary
/// (builtins::delegate).
pub fn link_rare_paths() {
    http::link_tls();
    engine::jsonpath::link();
    bashio::local::link_addon_config();
}

// The fuzz targets' checks: for the fuzz crate (feature `fuzzing`) and the
// tests, which replay every input that once failed them.
#[cfg(any(test, feature = "fuzzing"))]
#[doc(hidden)]
pub mod fuzzing;
