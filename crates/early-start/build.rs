//! `cfg(linux_x86_64)`: the one target the start is written for, Linux on
//! 64-bit x86_64 (its system call numbers and registers). Elsewhere the
//! crate holds only what the binary names, and the binary starts as usual.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rustc-check-cfg=cfg(linux_x86_64)");
    let cfg = |name: &str| std::env::var(format!("CARGO_CFG_{name}")).unwrap_or_default();
    if cfg("TARGET_OS") == "linux"
        && cfg("TARGET_ARCH") == "x86_64"
        && cfg("TARGET_POINTER_WIDTH") == "64"
    {
        println!("cargo:rustc-cfg=linux_x86_64");
    }
}
