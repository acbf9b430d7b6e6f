//! Link settings of the builtins library (`libbashio_builtins.so`), which
//! bash loads at every script start:
//! - its ~9,000 relative relocations packed as RELR (a bitmap instead of 24
//!   bytes each), so the file is ~200 KB smaller and the loader applies them
//!   faster; its references to its own symbols bound as it is linked;
//! - the unwinder (which turns a panic into one line and status 1) linked in,
//!   not loaded as libgcc_s.so.1: that is one library fewer for bash to load
//!   at each start, and one fewer finaliser for every child bash forks to run
//!   as it exits (a page fault or more in each);
//! - the functions a call runs (hot.txt, recorded by record_hot.sh) placed
//!   together, first: a `$(...)` child pages in the code it runs again (the
//!   kernel copies no page tables of a file's mappings at fork), 64 KB a
//!   fault, so code spread over the whole library costs faults in every one.

#[path = "hot_order.rs"]
mod hot_order;

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=hot.txt");
    println!("cargo:rerun-if-changed=hot_order.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os != "linux" {
        return;
    }
    println!("cargo:rustc-cdylib-link-arg=-Wl,-z,pack-relative-relocs");
    // The library's references to its own exported symbols (the table of
    // each name's `struct builtin`) bound as it is linked, not looked up by
    // name at every load: 611 lookups were half of what loading it cost.
    println!("cargo:rustc-cdylib-link-arg=-Wl,-Bsymbolic");
    // No C start files: their finaliser (and the unwinder's frame
    // registration it undoes) would run in every child bash forks as it
    // exits, for nothing; Rust's code needs neither _init nor _fini.
    println!("cargo:rustc-cdylib-link-arg=-nostartfiles");
    let Some(out) = std::env::var_os("OUT_DIR").map(PathBuf::from) else {
        return;
    };
    if let Some(script) = hot_order::linker_script(Path::new("hot.txt"), ".text.calls", &out) {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-T,{}", script.display());
    }
    if env == "gnu" {
        // Rust asks for `-lgcc_s` by name, which gcc's -static-libgcc does
        // not override; a linker script of that name, found first, links
        // gcc's static unwinder (libgcc_eh.a) in its place.
        if std::fs::write(out.join("libgcc_s.so"), "INPUT(-lgcc_eh)\n").is_ok() {
            println!("cargo:rustc-link-search=native={}", out.display());
        }
    }
}
