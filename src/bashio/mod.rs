//! bashio's functions, one module per file of bashio's lib/ (apps.rs is
//! lib/apps.sh, config.rs is lib/config.sh, ...), each listing its rows of the
//! function table. Shared helpers (printf's %b, local mode) sit beside them.

pub mod api;
pub mod apps;
pub mod blob;
pub mod cache;
pub mod color;
pub mod config;
pub mod debug;
pub mod exit;
pub mod fs;
pub mod info;
pub mod jq;
pub mod local;
pub mod log;
pub mod printf;
pub mod pwned;
pub mod services;
pub mod string;
pub mod supervisor;
pub mod trace;
pub mod try_;
pub mod var;
