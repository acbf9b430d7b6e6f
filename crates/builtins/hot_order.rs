//! The linker script that places the functions of a list (hot.txt, recorded
//! by record_hot.sh) together, first: code a process runs spread over the
//! whole file costs a page fault per 64 KB it touches. Shared by the build
//! scripts of the library and of the binary.

use std::path::{Path, PathBuf};

/// A linker script that adds to the default one an output section SECTION
/// before `.text`, holding the sections (`-ffunction-sections`: one per
/// function) of the PLT and then the functions in LIST, in its order, and
/// the archive members it names; written into OUT.
pub fn linker_script(list: &Path, section: &str, out: &Path) -> Option<PathBuf> {
    let list = std::fs::read_to_string(list).ok()?;
    // The PLT first (a shared library's every thread-local access calls
    // `__tls_get_addr` through it; a static binary's every call of the C
    // library's string functions goes through `.iplt`): the linker would
    // place it after all of `.text`, on a page of its own to fault in.
    let mut script = format!("SECTIONS\n{{\n  {section} :\n  {{\n    *(.plt .iplt)\n");
    for name in list.lines().filter(|line| !line.is_empty()) {
        // `libc.a:memcmp.o`: all the code of one member of a C archive,
        // which is not split a section per function.
        if name.contains(".a:") {
            script.push_str(&format!("    *{name}(.text .text.*)\n"));
        } else {
            script.push_str(&format!("    *(.text.{name} .text.unlikely.{name})\n"));
        }
    }
    script.push_str("  }\n}\nINSERT BEFORE .text;\n");
    let path = out.join(format!("{}.ld", section.trim_start_matches('.')));
    std::fs::write(&path, script).ok()?;
    Some(path)
}
