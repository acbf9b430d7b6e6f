//! s6-overlay's container-environment programs: `with-contenv` and `printcontenv`.

pub mod envdir;
pub mod printcontenv;
pub mod with_contenv;
