//! Link settings of the binary. Built static with `panic=abort`, as images
//! ship it (README, Install), it keeps no unwind tables: nothing in it
//! unwinds (a panic prints one line and exits), yet the prebuilt standard
//! library brings tables for every function, 0.7 MB of the 6 MB file that no
//! compiler flag leaves out. A linker script drops them, but for the C start
//! files' own: crtbegin's frame registration points into them.

use std::path::PathBuf;

/// Added to the linker's own script, after `.text`.
const DROP_UNWIND_TABLES: &str = "SECTIONS {\n\
    \x20   /DISCARD/ : { EXCLUDE_FILE(*crtbegin.o *crtbeginT.o *crtend.o) *(.eh_frame .eh_frame_hdr) }\n\
    } INSERT AFTER .text;\n";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let cfg = |name: &str| std::env::var(format!("CARGO_CFG_{name}")).unwrap_or_default();
    let static_crt = cfg("TARGET_FEATURE").split(',').any(|f| f == "crt-static");
    // glibc's start files only: musl's are not measured here.
    let glibc = cfg("TARGET_OS") == "linux" && cfg("TARGET_ENV") == "gnu";
    if !(static_crt && cfg("PANIC") == "abort" && glibc) {
        return;
    }
    let Some(out) = std::env::var_os("OUT_DIR").map(PathBuf::from) else {
        return;
    };
    let script = out.join("drop-unwind-tables.ld");
    if std::fs::write(&script, DROP_UNWIND_TABLES).is_ok() {
        println!("cargo:rustc-link-arg-bins=-Wl,-T,{}", script.display());
    }
}
