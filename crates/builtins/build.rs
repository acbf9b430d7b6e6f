//! Link settings of the builtins library (`libbashio_builtins.so`), which
//! bash loads at every script start:
//! - its ~27,000 relative relocations packed as RELR (a bitmap instead of 24
//!   bytes each), so the file is ~650 KB smaller and the loader applies them
//!   faster;
//! - the unwinder (which turns a panic into one line and status 1) linked in,
//!   not loaded as libgcc_s.so.1: that is one library fewer for bash to load
//!   at each start, and one fewer finaliser for every child bash forks to run
//!   as it exits (a page fault or more in each).

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os != "linux" {
        return;
    }
    println!("cargo:rustc-cdylib-link-arg=-Wl,-z,pack-relative-relocs");
    if env == "gnu" {
        // Rust asks for `-lgcc_s` by name, which gcc's -static-libgcc does
        // not override; a linker script of that name, found first, links
        // gcc's static unwinder (libgcc_eh.a) in its place.
        let Some(out) = std::env::var_os("OUT_DIR").map(PathBuf::from) else {
            return;
        };
        if std::fs::write(out.join("libgcc_s.so"), "INPUT(-lgcc_eh)\n").is_ok() {
            println!("cargo:rustc-link-search=native={}", out.display());
        }
    }
}
