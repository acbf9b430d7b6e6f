//! Link settings of the binary:
//! - the functions a script's start and a call of the exec path run (hot.txt,
//!   recorded by crates/builtins/record_hot.sh) placed together, first, and
//!   after them the C library's archive members that hold what its start
//!   runs (a static glibc's start-up and the resolvers of its string
//!   functions, spread over a megabyte): the binary runs for a millisecond,
//!   and each 64 KB of code it touches is a page fault (a start 62 -> 36 of
//!   them);
//! - built static with `panic=abort`, as images ship it (README, Install),
//!   no unwind tables: nothing in it unwinds (a panic prints one line and
//!   exits), yet the prebuilt standard library brings tables for every
//!   function, 0.7 MB of the 6 MB file that no compiler flag leaves out. A
//!   linker script drops them, but for the C start files' own: crtbegin's
//!   frame registration points into them.

#[path = "crates/builtins/hot_order.rs"]
mod hot_order;

use std::path::{Path, PathBuf};

/// Added to the linker's own script, after `.text`.
const DROP_UNWIND_TABLES: &str = "SECTIONS {\n\
    \x20   /DISCARD/ : { EXCLUDE_FILE(*crtbegin.o *crtbeginT.o *crtbeginS.o *crtend.o *crtendS.o) *(.eh_frame .eh_frame_hdr) }\n\
    } INSERT AFTER .text;\n";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rustc-check-cfg=cfg(bashio_entry)");
    println!("cargo:rerun-if-changed=hot.txt");
    println!("cargo:rerun-if-changed=crates/builtins/hot_order.rs");
    let cfg = |name: &str| std::env::var(format!("CARGO_CFG_{name}")).unwrap_or_default();
    let Some(out) = std::env::var_os("OUT_DIR").map(PathBuf::from) else {
        return;
    };
    if cfg("TARGET_OS") != "linux" {
        return;
    }
    // The entry point before the C library's start (src/main.rs), where
    // early-start is written for (crates/early-start/build.rs): compiled
    // exactly where it is linked as the entry.
    if cfg("TARGET_ARCH") == "x86_64" && cfg("TARGET_POINTER_WIDTH") == "64" {
        println!("cargo:rustc-cfg=bashio_entry");
        println!("cargo:rustc-link-arg-bins=-Wl,--entry=bashio_entry");
    }
    if let Some(script) = hot_order::linker_script(Path::new("hot.txt"), ".text.start", &out) {
        println!("cargo:rustc-link-arg-bins=-Wl,-T,{}", script.display());
    }
    let static_crt = cfg("TARGET_FEATURE").split(',').any(|f| f == "crt-static");
    // The C libraries whose start files were measured with it: glibc's and
    // musl's (Rust's own copy of them, with LLVM's unwinder).
    let measured = matches!(cfg("TARGET_ENV").as_str(), "gnu" | "musl");
    if !(static_crt && cfg("PANIC") == "abort" && measured) {
        return;
    }
    let script = out.join("drop-unwind-tables.ld");
    if std::fs::write(&script, DROP_UNWIND_TABLES).is_ok() {
        println!("cargo:rustc-link-arg-bins=-Wl,-T,{}", script.display());
    }
}
