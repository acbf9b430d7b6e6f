//! `bashio install [--prefix DIR]` and `bashio uninstall [--prefix DIR]`: the
//! layout add-on images expect, so existing shebangs and links keep working:
//! the binary at /usr/lib/bashio/bashio (where /usr/bin/bashio links point),
//! the sourceable library beside it, the builtins (libbashio_builtins.so, when the
//! binary has one beside it), s6-overlay's program names and `tempio`
//! (replacing the base image's). `envsubst` is linked where none is present,
//! or over gettext's with `--with-envsubst`. Installing again replaces
//! everything in place; nothing else is touched.

#![forbid(unsafe_code)]

use std::os::unix::fs::symlink;
use std::path::Path;

const BINARY: &str = "usr/lib/bashio/bashio";
const LIBRARY: &str = "usr/lib/bashio/bashio.sh";
/// Each link and what it points at, relative to the link's own directory.
const LINKS: &[(&str, &str)] = &[
    ("usr/bin/bashio", "../lib/bashio/bashio"),
    ("usr/bin/with-contenv", "../lib/bashio/bashio"),
    ("usr/bin/printcontenv", "../lib/bashio/bashio"),
    ("command/with-contenv", "../usr/lib/bashio/bashio"),
    ("usr/bin/tempio", "../lib/bashio/bashio"),
];
/// Linked only where no envsubst is present, unless asked to replace it.
const ENVSUBST: (&str, &str) = ("usr/bin/envsubst", "../lib/bashio/bashio");

fn replace_link(link: &Path, points_at: &str) -> std::io::Result<()> {
    let temporary = link.with_extension(format!("new.{}", std::process::id()));
    let _ = std::fs::remove_file(&temporary);
    symlink(points_at, &temporary)?;
    std::fs::rename(&temporary, link)
}

fn install(prefix: &Path, with_envsubst: bool) -> Result<(), String> {
    let fail = |what: &Path, e: std::io::Error| {
        format!("{}: {}", what.display(), crate::errors::plain(&e))
    };
    let me = std::env::current_exe().map_err(|e| format!("cannot find this binary: {e}"))?;
    let binary = std::fs::read(&me).map_err(|e| fail(&me, e))?;
    for (relative, bytes, mode) in [
        (BINARY, binary.as_slice(), 0o755),
        (LIBRARY, crate::shim::generate().as_bytes(), 0o644),
    ] {
        let target = prefix.join(relative);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).map_err(|e| fail(dir, e))?;
        }
        crate::atomic::write(&target, bytes, mode).map_err(|e| fail(&target, e))?;
    }
    // The builtins go with the binary they were built with; without them,
    // none from an earlier install may stay (scripts use functions then).
    let builtins = crate::mode::library_beside(&me);
    let target = prefix.join(builtins_path());
    if builtins.is_file() {
        let bytes = std::fs::read(&builtins).map_err(|e| fail(&builtins, e))?;
        crate::atomic::write(&target, &bytes, 0o755).map_err(|e| fail(&target, e))?;
    } else {
        match std::fs::remove_file(&target) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(fail(&target, e)),
            _ => {}
        }
    }
    for (relative, points_at) in LINKS {
        let link = prefix.join(relative);
        if let Some(dir) = link.parent() {
            std::fs::create_dir_all(dir).map_err(|e| fail(dir, e))?;
        }
        replace_link(&link, points_at).map_err(|e| fail(&link, e))?;
    }
    let (relative, points_at) = ENVSUBST;
    let link = prefix.join(relative);
    let ours = std::fs::read_link(&link).is_ok_and(|target| target == Path::new(points_at));
    if with_envsubst || ours || std::fs::symlink_metadata(&link).is_err() {
        replace_link(&link, points_at).map_err(|e| fail(&link, e))?;
    }
    Ok(())
}

/// Where the builtins go: beside the binary, under the name it looks for.
fn builtins_path() -> std::path::PathBuf {
    Path::new(BINARY).with_file_name(crate::mode::LIBRARY)
}

/// Removes what `install` laid out: the links only while they still point
/// at the binary, so a program installed over them stays.
fn uninstall(prefix: &Path) -> Result<(), String> {
    for (relative, points_at) in LINKS.iter().chain([&ENVSUBST]) {
        let link = prefix.join(relative);
        if std::fs::read_link(&link).is_ok_and(|target| target == Path::new(points_at)) {
            std::fs::remove_file(&link).map_err(|e| format!("{}: {e}", link.display()))?;
        }
    }
    for relative in [Path::new(LIBRARY), &builtins_path(), Path::new(BINARY)] {
        match std::fs::remove_file(prefix.join(relative)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(format!(
                    "{}: {}",
                    prefix.join(relative).display(),
                    crate::errors::plain(&e)
                ))
            }
            _ => {}
        }
    }
    let _ = std::fs::remove_dir(prefix.join("usr/lib/bashio"));
    Ok(())
}

/// `bashio install ...` (when `installing`) or `bashio uninstall ...`.
/// `bashio install` (`installing`) or `bashio uninstall`, under `prefix`.
pub fn main(installing: bool, prefix: &Path, with_envsubst: bool) -> i32 {
    let result = if installing {
        install(prefix, with_envsubst)
    } else {
        uninstall(prefix)
    };
    match result {
        Ok(()) => 0,
        Err(message) => {
            eprintln!(
                "bashio: fatal: unable to {}: {message}",
                if installing { "install" } else { "uninstall" }
            );
            111
        }
    }
}
