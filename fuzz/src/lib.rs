//! The fuzz targets' checks, over the bashio library itself. The same checks
//! run in the library's unit tests on every input that once failed them.

pub use ::bashio::{bashio, engine, lint, s6, tempio, validate};

pub mod checks;
