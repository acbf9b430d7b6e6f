//! `bashio lint --fix PATH`: turns the legacy `services.d` services of a
//! rootfs into s6-rc longruns, which s6-overlay v3 starts in dependency order
//! (services.d services all start at once, whatever a `dependencies` file
//! in their directory says). For each `services.d/NAME` with a `run`:
//!
//! - `s6-rc.d/NAME/type` (`longrun`), `run` and `finish` copied with their
//!   modes, and the settings files s6 reads (`notification-fd`,
//!   `timeout-finish`, `down-signal`, ...);
//! - `dependencies.d/base`, plus one entry per name the service's
//!   `dependencies` file or `dependencies.d/` listed;
//! - `user/contents.d/NAME`, so the `user` bundle starts it;
//! - a `log/` service becomes `NAME-log`, a longrun fed by NAME's output
//!   (`producer-for` / `consumer-for`), in the bundle too.
//!
//! Nothing is half-done: everything is written into a staging directory
//! first, a name already taken in s6-rc.d refuses the whole conversion before
//! anything moves, and the moves are renames, undone if one fails.

#![forbid(unsafe_code)]

use super::tree::{entries, read_head, Tree};
use std::fs;
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// Files of a service directory that s6-supervise reads, copied as they are.
const SETTINGS: &[&str] = &[
    "notification-fd",
    "timeout-finish",
    "timeout-kill",
    "down-signal",
    "max-death-tally",
    "lock-fd",
];

/// One converted service: its name and what it now depends on.
#[derive(Debug, PartialEq, Eq)]
pub struct Converted {
    pub name: String,
    pub dependencies: Vec<String>,
    pub logger: bool,
}

/// A service directory, read: everything needed to write its s6-rc form.
struct Legacy {
    name: String,
    dir: PathBuf,
    dependencies: Vec<String>,
    logger: bool,
}

/// Converts the services.d services of the tree. Returns what was converted,
/// or one line saying why nothing was.
pub fn services(tree: &Tree) -> Result<Vec<Converted>, String> {
    let Some(legacy_dir) = tree.rootfs_dir("etc/services.d") else {
        return Ok(Vec::new());
    };
    let root = tree
        .rootfs
        .as_ref()
        .ok_or_else(|| "no rootfs".to_string())?;
    let legacy = read_services(&legacy_dir)?;
    if legacy.is_empty() {
        return Ok(Vec::new());
    }
    let rc = root.join("etc/s6-overlay/s6-rc.d");
    for service in &legacy {
        let mut names = vec![service.name.clone()];
        if service.logger {
            names.push(format!("{}-log", service.name));
        }
        for name in names {
            if fs::symlink_metadata(rc.join(&name)).is_ok() {
                return Err(format!(
                    "s6-rc.d/{name} exists already: nothing converted (rename services.d/{} first)",
                    service.name
                ));
            }
        }
    }
    fs::create_dir_all(&rc)
        .map_err(|e| format!("cannot create {}: {}", rc.display(), plain(&e)))?;
    let staging = Staging::new(&rc)?;
    for service in &legacy {
        stage(service, &staging.0)
            .map_err(|e| format!("{}: {e}: nothing converted", service.name))?;
    }
    commit(&legacy, &staging.0, &rc)?;
    drop(staging);
    Ok(legacy
        .into_iter()
        .map(|s| Converted {
            name: s.name,
            dependencies: s.dependencies,
            logger: s.logger,
        })
        .collect())
}

/// A directory beside the services being written (dot-named, so s6-rc-compile
/// and lint skip it), removed with whatever is left in it.
struct Staging(PathBuf);

impl Staging {
    fn new(rc: &Path) -> Result<Staging, String> {
        let path = rc.join(format!(".bashio-fix-{}", std::process::id()));
        fs::create_dir(&path).map(|_| Staging(path)).map_err(|e| {
            format!(
                "cannot create a staging directory in {}: {}",
                rc.display(),
                plain(&e)
            )
        })
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn plain(e: &std::io::Error) -> String {
    crate::errors::plain(e)
}

fn read_services(dir: &Path) -> Result<Vec<Legacy>, String> {
    let mut out = Vec::new();
    for (name, path, meta) in entries(dir) {
        if name.as_bytes().starts_with(b".") || !meta.is_dir() {
            continue;
        }
        let Some(name) = name.to_str().filter(|n| valid_name(n)) else {
            return Err(format!(
                "services.d/{}: not a name s6-rc accepts (letters, digits, - _ . @ only): nothing converted",
                name.to_string_lossy()
            ));
        };
        if !regular(&path.join("run")) {
            // Nothing to start; lint reports it.
            continue;
        }
        let mut dependencies = names_listed(&path.join("dependencies"));
        let listing = path.join("dependencies.d");
        if listing.is_dir() {
            dependencies.extend(
                entries(&listing)
                    .into_iter()
                    .filter_map(|(n, _, _)| n.to_str().map(str::to_string))
                    .filter(|n| !n.starts_with('.')),
            );
        }
        dependencies.retain(|d| d != "base" && d != name && valid_name(d));
        dependencies.sort();
        dependencies.dedup();
        out.push(Legacy {
            name: name.to_string(),
            logger: regular(&path.join("log/run")),
            dir: path,
            dependencies,
        });
    }
    Ok(out)
}

/// A name as s6-rc takes it, and safe as a file name.
fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && !name.starts_with("s6rc-")
        && !name.starts_with("s6-rc-")
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.@".contains(c))
}

fn regular(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.is_file())
}

/// A `dependencies` file's names, one a line, blanks and `#` lines skipped.
fn names_listed(path: &Path) -> Vec<String> {
    let Some(bytes) = read_head(path) else {
        return Vec::new();
    };
    String::from_utf8_lossy(&bytes)
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_string)
        .collect()
}

fn write(path: &Path, text: &[u8]) -> Result<(), String> {
    let mut file =
        fs::File::create(path).map_err(|e| format!("{}: {}", path.display(), plain(&e)))?;
    file.write_all(text)
        .and_then(|_| file.sync_all())
        .map_err(|e| format!("{}: {}", path.display(), plain(&e)))
}

fn mkdir(path: &Path) -> Result<(), String> {
    fs::create_dir_all(path).map_err(|e| format!("{}: {}", path.display(), plain(&e)))
}

/// Copies a script or settings file with its mode; refuses links and
/// anything but a regular file.
fn copy(from: &Path, to: &Path) -> Result<(), String> {
    let meta =
        fs::symlink_metadata(from).map_err(|e| format!("{}: {}", from.display(), plain(&e)))?;
    if !meta.is_file() {
        return Err(format!("{}: not a regular file", from.display()));
    }
    let bytes = fs::read(from).map_err(|e| format!("{}: {}", from.display(), plain(&e)))?;
    write(to, &bytes)?;
    let mode = meta.permissions().mode() & 0o7777;
    fs::set_permissions(to, fs::Permissions::from_mode(mode))
        .map_err(|e| format!("{}: {}", to.display(), plain(&e)))
}

/// Writes one longrun's directory into `into/NAME`.
fn longrun(
    from: &Path,
    into: &Path,
    dependencies: &[String],
    link: Option<(&str, &str)>,
) -> Result<(), String> {
    mkdir(&into.join("dependencies.d"))?;
    write(&into.join("type"), b"longrun\n")?;
    for file in ["run", "finish"].iter().chain(SETTINGS) {
        if regular(&from.join(file)) {
            copy(&from.join(file), &into.join(file))?;
        }
    }
    write(&into.join("dependencies.d/base"), b"")?;
    for dependency in dependencies {
        write(&into.join("dependencies.d").join(dependency), b"")?;
    }
    if let Some((list, name)) = link {
        write(&into.join(list), format!("{name}\n").as_bytes())?;
    }
    Ok(())
}

fn stage(service: &Legacy, staging: &Path) -> Result<(), String> {
    let name = service.name.as_str();
    let log_name = format!("{name}-log");
    let producer = service
        .logger
        .then_some(("producer-for", log_name.as_str()));
    longrun(
        &service.dir,
        &staging.join(name),
        &service.dependencies,
        producer,
    )?;
    if service.logger {
        let consumer = Some(("consumer-for", name));
        longrun(
            &service.dir.join("log"),
            &staging.join(&log_name),
            &[],
            consumer,
        )?;
    }
    Ok(())
}

/// Moves the staged services into s6-rc.d, adds them to the user bundle and
/// removes the services.d directories; a failed move undoes the earlier ones.
fn commit(legacy: &[Legacy], staging: &Path, rc: &Path) -> Result<(), String> {
    let staged: Vec<PathBuf> = fs::read_dir(staging)
        .map_err(|e| plain(&e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    let contents = rc.join("user/contents.d");
    mkdir(&contents)?;
    let mut moved: Vec<(PathBuf, PathBuf)> = Vec::new();
    for from in staged {
        let Some(name) = from.file_name().map(|n| n.to_os_string()) else {
            continue;
        };
        let to = rc.join(&name);
        let bundled = contents.join(&name);
        let done = fs::rename(&from, &to).and_then(|_| fs::File::create(&bundled).map(drop));
        if let Err(e) = done {
            for (from, to) in moved.into_iter().rev() {
                let _ = fs::rename(&to, &from);
                if let Some(name) = to.file_name() {
                    let _ = fs::remove_file(contents.join(name));
                }
            }
            let _ = fs::rename(&to, &from);
            let _ = fs::remove_file(&bundled);
            return Err(format!(
                "cannot move {} into s6-rc.d: {}: nothing converted",
                name.to_string_lossy(),
                plain(&e)
            ));
        }
        moved.push((from, to));
    }
    // The old directories go last, once the new ones are in place: first
    // out of services.d (a rename), then away.
    for service in legacy {
        let aside = staging.join(format!("old-{}", service.name));
        if fs::rename(&service.dir, &aside).is_ok() {
            let _ = fs::remove_dir_all(&aside);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lint_fix_takes_only_names_s6_rc_takes() {
        assert!(valid_name("web-server_2.x@1"));
        for bad in ["", ".x", "a b", "a/b", "s6rc-x", "s6-rc-x", "é"] {
            assert!(!valid_name(bad), "{bad}");
        }
    }
}
