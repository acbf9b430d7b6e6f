//! s6-overlay's container-environment programs: `with-contenv` and `printcontenv`.

pub mod envdir;
pub mod printcontenv;
pub mod with_contenv;

/// Whether `name` is one of the s6 programs this binary also answers to.
pub fn is_program(name: &str) -> bool {
    matches!(name, "with-contenv" | "printcontenv")
}
