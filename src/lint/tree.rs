//! The directory being linted, read defensively: where its rootfs and config
//! file are, container paths (`/etc/s6-overlay/...`) resolved inside the rootfs
//! without ever following a link out of it, and bounded reads. Nothing here
//! opens anything but a regular file (a FIFO would block), reads more than
//! `MAX_READ` bytes of one file, or walks more than `MAX_ENTRIES` entries.

#![forbid(unsafe_code)]

use super::image::Image;
use std::collections::VecDeque;
use std::ffi::OsString;
use std::fs::{self, Metadata};
use std::io::Read;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Component, Path, PathBuf};

/// The most read of any one file: scripts are small, a 2 GiB "script" is not.
pub const MAX_READ: u64 = 1 << 20;
/// The most directory entries one run looks at, and how deep it goes.
pub const MAX_ENTRIES: usize = 50_000;
pub const MAX_DEPTH: usize = 32;

pub const CONFIG_NAMES: [&str; 3] = ["config.yaml", "config.yml", "config.json"];

/// What PATH is.
#[derive(Debug, PartialEq, Eq)]
pub enum PathKind {
    /// An add-on directory or a rootfs: one tree.
    Tree,
    /// A repository: its add-on directories, sorted.
    Repository(Vec<PathBuf>),
}

const REPOSITORY_NAMES: [&str; 3] = ["repository.yaml", "repository.yml", "repository.json"];

/// Whether PATH is an add-on, a repository of add-ons, or a rootfs; an error
/// for anything else, since linting a repository as one rootfs would report
/// nonsense.
pub fn kind_of(path: &Path) -> Result<PathKind, String> {
    let meta = fs::metadata(path).map_err(|e| crate::errors::plain(&e))?;
    if !meta.is_dir() {
        return Err(
            "Not a directory: PATH is an add-on directory, a repository of add-ons or a rootfs"
                .to_string(),
        );
    }
    fs::read_dir(path).map_err(|e| crate::errors::plain(&e))?;
    let has_config = CONFIG_NAMES.iter().any(|name| path.join(name).is_file());
    if has_config || path.join("rootfs").is_dir() {
        return Ok(PathKind::Tree);
    }
    let addons: Vec<PathBuf> = entries(path)
        .into_iter()
        .filter(|(name, _, meta)| meta.is_dir() && !name.as_bytes().starts_with(b"."))
        .map(|(_, dir, _)| dir)
        .filter(|dir| CONFIG_NAMES.iter().any(|name| dir.join(name).is_file()))
        .collect();
    let repository = REPOSITORY_NAMES
        .iter()
        .any(|name| path.join(name).is_file());
    if !addons.is_empty() {
        return Ok(PathKind::Repository(addons));
    }
    if repository {
        return Err(
            "a repository of add-ons without any add-on (no DIR/config.yaml): nothing to lint"
                .to_string(),
        );
    }
    let rootfs = ["etc", "usr", "command", "bin", "opt"]
        .iter()
        .any(|dir| path.join(dir).is_dir());
    if !rootfs {
        return Err("neither an add-on (config.yaml, rootfs/), a repository of add-ons, nor a rootfs (etc/, usr/)".to_string());
    }
    Ok(PathKind::Tree)
}

pub struct Tree {
    /// PATH as given.
    pub base: PathBuf,
    /// The rootfs on disk: `PATH/rootfs` for an add-on, else PATH itself.
    pub rootfs: Option<PathBuf>,
    /// The add-on's config file (name, path), when PATH is an add-on.
    pub config: Option<(String, PathBuf)>,
    /// What the Dockerfile and build file say the image holds.
    pub image: Image,
    /// The base image, when it is not one of Home Assistant's add-on base
    /// images (linuxserver.io images bring services and programs of their own).
    pub foreign_base: Option<String>,
    pub is_addon: bool,
}

impl Tree {
    pub fn open(base: &Path) -> Result<Tree, String> {
        let meta = fs::metadata(base).map_err(|e| crate::errors::plain(&e))?;
        if !meta.is_dir() {
            return Err("Not a directory".to_string());
        }
        fs::read_dir(base).map_err(|e| crate::errors::plain(&e))?;
        let config = CONFIG_NAMES
            .iter()
            .map(|name| (name.to_string(), base.join(name)))
            .find(|(_, path)| path.is_file());
        let rootfs_dir = base.join("rootfs");
        let has_rootfs = rootfs_dir.is_dir();
        let is_addon = config.is_some() || has_rootfs;
        let rootfs = if is_addon {
            has_rootfs.then_some(rootfs_dir)
        } else {
            Some(base.to_path_buf())
        };
        let image = if is_addon {
            let dockerfile = read_text(&base.join("Dockerfile")).unwrap_or_default();
            Image::read(&dockerfile, build_from(base))
        } else {
            Image::default()
        };
        let foreign_base = image
            .bases
            .iter()
            .find(|image| !is_home_assistant_image(image))
            .cloned();
        Ok(Tree {
            base: base.to_path_buf(),
            rootfs,
            config,
            image,
            foreign_base,
            is_addon,
        })
    }

    /// A path on disk as printed: relative to PATH.
    pub fn rel(&self, path: &Path) -> String {
        path.strip_prefix(&self.base)
            .unwrap_or(path)
            .to_string_lossy()
            .into_owned()
    }

    /// A directory of the rootfs by its container path (`etc/services.d`).
    pub fn rootfs_dir(&self, container: &str) -> Option<PathBuf> {
        let (path, meta) = self.resolve(container)?;
        meta.is_dir().then_some(path)
    }

    /// A container path resolved inside the rootfs, following links the way
    /// the container would (an absolute target is relative to the rootfs),
    /// never out of it: the file on disk and its metadata, if it exists.
    pub fn resolve(&self, container: &str) -> Option<(PathBuf, Metadata)> {
        let root = self.rootfs.as_ref()?;
        let mut queue: VecDeque<OsString> = normal_parts(Path::new(container)).collect();
        let mut current: Vec<OsString> = Vec::new();
        let mut hops = 0;
        while let Some(part) = queue.pop_front() {
            if part == ".." {
                current.pop();
                continue;
            }
            let path = join(root, &current).join(&part);
            let meta = fs::symlink_metadata(&path).ok()?;
            if meta.file_type().is_symlink() {
                hops += 1;
                if hops > 40 {
                    return None;
                }
                let target = fs::read_link(&path).ok()?;
                if target.is_absolute() {
                    current.clear();
                }
                for part in normal_parts(&target).collect::<Vec<_>>().into_iter().rev() {
                    queue.push_front(part);
                }
            } else {
                if !meta.is_dir() && !queue.is_empty() {
                    return None;
                }
                current.push(part);
            }
        }
        let path = join(root, &current);
        let meta = fs::symlink_metadata(&path).ok()?;
        Some((path, meta))
    }

    /// The name as a container path (`/etc/...`) of a file of the rootfs.
    pub fn container_path(&self, path: &Path) -> Option<String> {
        let root = self.rootfs.as_ref()?;
        let inside = path.strip_prefix(root).ok()?;
        Some(format!("/{}", inside.to_string_lossy()))
    }
}

/// The images an add-on builds from by its build file (`build_from` of
/// build.yaml, build.yml or build.json).
fn build_from(base: &Path) -> Vec<String> {
    for name in ["build.yaml", "build.yml", "build.json"] {
        let Some(text) = read_text(&base.join(name)) else {
            continue;
        };
        let Ok(value) = serde_yaml_ng::from_str::<serde_yaml_ng::Value>(&text) else {
            return Vec::new();
        };
        return match value.get("build_from") {
            Some(serde_yaml_ng::Value::String(image)) => vec![image.clone()],
            Some(serde_yaml_ng::Value::Mapping(images)) => images
                .values()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            _ => Vec::new(),
        };
    }
    Vec::new()
}

fn is_home_assistant_image(image: &str) -> bool {
    ["home-assistant/", "homeassistant/", "hassio-addons/"]
        .iter()
        .any(|owner| image.contains(owner))
}

/// `a/./b/../c` as its parts, `..` kept (resolved by the caller), `.` and `/` dropped.
fn normal_parts(path: &Path) -> impl Iterator<Item = OsString> + '_ {
    path.components().filter_map(|c| match c {
        Component::Normal(part) => Some(part.to_os_string()),
        Component::ParentDir => Some(OsString::from("..")),
        _ => None,
    })
}

fn join(root: &Path, parts: &[OsString]) -> PathBuf {
    let mut path = root.to_path_buf();
    path.extend(parts);
    path
}

pub fn is_executable(meta: &Metadata) -> bool {
    meta.permissions().mode() & 0o111 != 0
}

/// A directory's entries, not followed, sorted by name; empty when unreadable.
pub fn entries(dir: &Path) -> Vec<(OsString, PathBuf, Metadata)> {
    let Ok(reader) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut list: Vec<(OsString, PathBuf, Metadata)> = reader
        .take(MAX_ENTRIES)
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let path = entry.path();
            let meta = fs::symlink_metadata(&path).ok()?;
            Some((entry.file_name(), path, meta))
        })
        .collect();
    list.sort_by(|a, b| a.0.cmp(&b.0));
    list
}

/// Every regular file under `root` (links not followed), bounded in count and
/// depth, on root's filesystem only (`lint /` must not wander into /proc).
pub fn walk(root: &Path) -> Vec<PathBuf> {
    let device = fs::metadata(root).map(|m| m.dev()).ok();
    let mut files = Vec::new();
    let mut seen = 0;
    let mut stack = vec![(root.to_path_buf(), 0)];
    while let Some((dir, depth)) = stack.pop() {
        let mut subdirs = Vec::new();
        for (_, path, meta) in entries(&dir) {
            seen += 1;
            if seen > MAX_ENTRIES {
                return files;
            }
            if meta.is_dir() {
                if depth < MAX_DEPTH && Some(meta.dev()) == device {
                    subdirs.push((path, depth + 1));
                }
            } else if meta.is_file() {
                files.push(path);
            }
        }
        stack.extend(subdirs.into_iter().rev());
    }
    files.sort();
    files
}

/// The first `MAX_READ` bytes of a regular file (not followed if a link).
pub fn read_head(path: &Path) -> Option<Vec<u8>> {
    let meta = fs::symlink_metadata(path).ok()?;
    if !meta.is_file() {
        return None;
    }
    let file = fs::File::open(path).ok()?;
    let mut buffer = Vec::new();
    file.take(MAX_READ).read_to_end(&mut buffer).ok()?;
    Some(buffer)
}

/// The first `n` bytes of a regular file (not followed if a link).
pub fn read_prefix(path: &Path, n: u64) -> Option<Vec<u8>> {
    let meta = fs::symlink_metadata(path).ok()?;
    if !meta.is_file() {
        return None;
    }
    let mut buffer = Vec::new();
    fs::File::open(path)
        .ok()?
        .take(n)
        .read_to_end(&mut buffer)
        .ok()?;
    Some(buffer)
}

/// `read_head` as text, invalid UTF-8 replaced.
pub fn read_text(path: &Path) -> Option<String> {
    read_head(path).map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
}

/// Whether bytes look like text (no NUL in the first 8 KiB).
pub fn is_text(bytes: &[u8]) -> bool {
    !bytes[..bytes.len().min(8192)].contains(&0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn lint_tree_resolves_links_inside_the_rootfs_only() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("usr/bin")).unwrap();
        fs::write(root.join("usr/bin/tool"), "#!/bin/sh\n").unwrap();
        symlink("/usr/bin", root.join("bin")).unwrap();
        symlink("../bin/tool", root.join("usr/bin/rel")).unwrap();
        symlink("loop", root.join("loop")).unwrap();
        let tree = Tree::open(root).unwrap();
        assert!(!tree.is_addon);
        let (path, _) = tree.resolve("/bin/tool").expect("through an absolute link");
        assert_eq!(path, root.join("usr/bin/tool"));
        assert!(tree.resolve("/usr/bin/rel").is_some());
        assert!(tree.resolve("/loop").is_none());
        assert!(tree.resolve("/usr/bin/tool/x").is_none());
        // `..` never climbs above the rootfs.
        assert_eq!(
            tree.resolve("/../../usr/bin/tool").map(|(p, _)| p),
            Some(root.join("usr/bin/tool"))
        );
        assert_eq!(
            tree.container_path(&root.join("usr/bin/tool")).as_deref(),
            Some("/usr/bin/tool")
        );
    }

    #[test]
    fn lint_tree_reads_only_regular_files_and_only_so_much() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big");
        fs::write(&big, vec![b'x'; MAX_READ as usize + 10]).unwrap();
        assert_eq!(read_head(&big).unwrap().len(), MAX_READ as usize);
        assert!(read_head(dir.path()).is_none());
        symlink(&big, dir.path().join("link")).unwrap();
        assert!(read_head(&dir.path().join("link")).is_none());
    }
}
