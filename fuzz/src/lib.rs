//! The fuzz targets' checks, over the bashio library itself. The same checks
//! run in the library's unit tests on every input that once failed them.

pub use ::bashio::{bashio, engine, s6};

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
