//! Link settings of the builtins library (`libbashio_builtins.so`), which bash loads
//! at every script start: its ~27,000 relative relocations packed as RELR
//! (a bitmap instead of 24 bytes each), so the file is ~650 KB smaller and
//! the loader applies them faster.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if os == "linux" {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-z,pack-relative-relocs");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
