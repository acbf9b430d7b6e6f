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

pub mod s6 {
    pub use crate::envdir;
}

pub mod bashio {
    pub use crate::{log_format, printf, redact};
}

#[path = "../../src/errors.rs"]
pub mod errors;

// The lint's readers and `--fix` with the modules they lean on, and the
// config reader and rules of `bashio validate`, named as in the main crate
// (`crate::lint::fix`, `crate::validate::yaml11`); among themselves they use
// `super::NAME`, which resolves to this crate's root.
#[path = "../../src/lint/fix.rs"]
pub mod fix;
#[path = "../../src/lint/image.rs"]
pub mod image;
#[path = "../../src/validate/rules/mod.rs"]
pub mod rules;
#[path = "../../src/lint/shell/mod.rs"]
pub mod shell;
#[path = "../../src/lint/tree.rs"]
pub mod tree;
#[path = "../../src/lint/versions.rs"]
pub mod versions;
#[path = "../../src/validate/yaml11.rs"]
pub mod yaml11;

pub mod lint {
    pub use crate::{fix, image, shell, tree, versions};
}

pub mod validate {
    pub use crate::{rules, yaml11};
}

pub mod checks;
