//! The bashio modules under fuzzing, compiled from the main crate's sources
//! unchanged: each is self-contained apart from its `crate::`/`super::` paths,
//! which resolve here to modules of the same names.

#[path = "../../src/engine/mod.rs"]
pub mod engine;

#[path = "../../src/s6/envdir.rs"]
pub mod envdir;

// The bashio modules refer to each other as `super::NAME`, which resolves
// to this crate's root.
#[path = "../../src/bashio/printf.rs"]
pub mod printf;

#[path = "../../src/bashio/log_format.rs"]
pub mod log_format;

#[path = "../../src/bashio/redact.rs"]
pub mod redact;

#[path = "../../src/tempio/mod.rs"]
pub mod tempio;

#[path = "../../src/errors.rs"]
pub mod errors;

#[path = "../../src/atomic.rs"]
pub mod atomic;

pub mod s6 {
    pub use crate::envdir;
}

pub mod bashio {
    pub use crate::{log_format, printf, redact};
}

pub mod checks;
