//! What the add-on's image will hold, read from its Dockerfile and build
//! file without building anything: the base images, the bashio version the
//! image gets, the packages `apk add` / `apt-get install` put in, and which
//! files a `chmod` makes executable. Several checks judge a script by what
//! its image has: advice to rename `bashio::addon.*` to `bashio::app.*` is
//! wrong on an image whose bashio predates 0.18.0 (the new names do not
//! exist there), a missing execute bit is moot when the Dockerfile's chmod
//! covers the file, and `python3` is there when a package brings it.

#![forbid(unsafe_code)]

use super::shell::{self, Cmd};
use super::versions::{self, Version};
use std::collections::BTreeSet;

/// The bashio an image gets, and how we know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bashio {
    pub version: Version,
    /// Where the version comes from (`the base image ghcr.io/...:20.0.1`).
    pub from: String,
}

/// One `chmod` of the Dockerfile that sets an execute bit.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Chmod {
    /// `chmod +x PATTERN...` (absolute patterns; `-R` covers what is below).
    Paths {
        patterns: Vec<String>,
        recursive: bool,
    },
    /// `find ROOT... [\( -name PATTERN -o -path PATTERN ... \)] -exec chmod +x {} \;`:
    /// the tests are taken as alternatives.
    Find {
        /// Each root as written and as an absolute path.
        roots: Vec<(String, String)>,
        names: Vec<String>,
        /// `-path` patterns, matched against paths as find prints them
        /// (the root as written, then the rest).
        paths: Vec<String>,
    },
    /// `COPY --chmod=755 ...`: every file copied.
    Everything,
}

#[derive(Clone, Debug, Default)]
pub struct Image {
    /// The base images: build file `build_from`, `ARG BUILD_FROM=`, `FROM`.
    pub bases: Vec<String>,
    pub bashio: Option<Bashio>,
    /// Packages the Dockerfile installs (`apk add`, `apt-get install`, and
    /// the `PACKAGES` list alexbelgium's installer scripts read).
    pub packages: BTreeSet<String>,
    chmods: Vec<Chmod>,
    /// The Dockerfile's text.
    pub dockerfile: String,
    /// The image runs alexbelgium's `ha_entrypoint.sh` at boot, which rewrites
    /// the `#!` line of every cont-init.d script and service `run` file to a
    /// bashio one before s6 runs them.
    pub rewrites_shebangs: bool,
}

/// Joins continuation lines and drops comment lines, as Docker reads the file:
/// (instruction, arguments).
fn instructions(dockerfile: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in dockerfile.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with('#') {
            continue;
        }
        let (body, continued) = match line.trim_end().strip_suffix('\\') {
            Some(body) => (body, true),
            None => (line, false),
        };
        current.push_str(body);
        current.push(if continued { ' ' } else { '\n' });
        if !continued {
            let text = std::mem::take(&mut current);
            let text = text.trim();
            if let Some((word, rest)) = text.split_once(char::is_whitespace) {
                out.push((word.to_ascii_uppercase(), rest.trim().to_string()));
            } else if !text.is_empty() {
                out.push((text.to_ascii_uppercase(), String::new()));
            }
        }
    }
    out
}

/// `NAME=value` or `NAME value` of ARG and ENV, quotes removed.
fn assignments(args: &str) -> Vec<(String, String)> {
    let script = shell::words(args);
    if script.len() == 2 && !script[0].contains('=') {
        return vec![(script[0].clone(), script[1].clone())];
    }
    script
        .iter()
        .filter_map(|w| w.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

impl Image {
    /// Reads the Dockerfile text and the images of the build file.
    pub fn read(dockerfile: &str, build_from: Vec<String>) -> Image {
        let mut image = Image::default();
        let mut bases = build_from;
        let mut pinned: Option<Version> = None;
        let mut installer = false;
        let mut workdir = "/".to_string();
        for (instruction, args) in instructions(dockerfile) {
            match instruction.as_str() {
                "ARG" | "ENV" => {
                    for (name, value) in assignments(&args) {
                        match name.as_str() {
                            "BUILD_FROM"
                                if !value.is_empty()
                                    && !value.contains('$')
                                    && !bases.contains(&value) =>
                            {
                                bases.push(value)
                            }
                            "BASHIO_VERSION" => pinned = versions::parse(&value).or(pinned),
                            "PACKAGES" => image
                                .packages
                                .extend(value.split_whitespace().map(package_name)),
                            _ => {}
                        }
                    }
                }
                "FROM" => {
                    // A new stage starts in /.
                    workdir = "/".to_string();
                    let words: Vec<&str> = args
                        .split_whitespace()
                        .filter(|w| !w.starts_with("--"))
                        .collect();
                    if let Some(first) = words.first() {
                        if !first.contains('$') && !bases.iter().any(|b| b == first) {
                            bases.push(first.to_string());
                        }
                    }
                }
                "WORKDIR" => {
                    let dir = args.trim().trim_matches('"');
                    workdir = absolute(&workdir, dir);
                }
                "COPY" | "ADD" => {
                    let mode = args
                        .split_whitespace()
                        .find_map(|w| w.strip_prefix("--chmod="));
                    if mode.is_some_and(sets_exec) {
                        image.chmods.push(Chmod::Everything);
                    }
                    if args.contains("ha_automatic_packages.sh") || args.contains("ha_autoapps.sh")
                    {
                        installer = true;
                    }
                }
                "RUN" => {
                    let script = shell::parse(&args);
                    for cmd in &script.cmds {
                        image.run_command(cmd, &workdir);
                    }
                    if args.contains("ha_automatic_packages.sh") || args.contains("ha_autoapps.sh")
                    {
                        installer = true;
                    }
                }
                _ => {}
            }
        }
        // A BASHIO_VERSION counts only where the Dockerfile uses it to fetch bashio.
        let uses_pin = dockerfile.lines().any(|line| {
            line.contains("bashio")
                && (line.contains("${BASHIO_VERSION}") || line.contains("$BASHIO_VERSION"))
        });
        let pinned = pinned.filter(|_| uses_pin);
        image.bashio = match pinned {
            Some(version) => Some(Bashio {
                version,
                from: "the Dockerfile's BASHIO_VERSION".to_string(),
            }),
            None => bases
                .iter()
                .find_map(|base| {
                    versions::of_base_image(base).map(|version| Bashio {
                        version,
                        from: format!("the base image {base}"),
                    })
                })
                .or_else(|| {
                    installer.then(|| Bashio {
                        version: versions::INSTALLER,
                        from: "the installer script ha_automatic_packages.sh".to_string(),
                    })
                }),
        };
        image.bases = bases;
        image.dockerfile = dockerfile.to_string();
        image.rewrites_shebangs = dockerfile.contains("ha_entrypoint.sh");
        image
    }

    /// Whether the Dockerfile sets any execute bit.
    pub fn has_chmods(&self) -> bool {
        !self.chmods.is_empty()
    }

    fn run_command(&mut self, cmd: &Cmd, workdir: &str) {
        let words: Vec<&str> = cmd.words.iter().map(|w| w.text.as_str()).collect();
        match words.as_slice() {
            ["apk", "add", rest @ ..]
            | ["apt-get" | "apt", "install", rest @ ..]
            | ["apt-get" | "apt", _, "install", rest @ ..] => {
                let names = rest
                    .iter()
                    .filter(|w| !w.starts_with('-') && !w.contains('$'));
                self.packages.extend(names.map(|w| package_name(w)));
            }
            ["chmod", rest @ ..] => {
                let recursive = rest.iter().any(|w| {
                    *w == "--recursive"
                        || (w.starts_with('-') && !w.starts_with("--") && w.contains('R'))
                });
                let mut operands = rest.iter().filter(|w| !w.starts_with('-') || is_mode(w));
                let Some(mode) = operands.next() else {
                    return;
                };
                if sets_exec(mode) {
                    let patterns = operands.map(|p| absolute(workdir, p)).collect();
                    self.chmods.push(Chmod::Paths {
                        patterns,
                        recursive,
                    });
                }
            }
            ["find", rest @ ..] => self.find_command(rest, workdir),
            _ => {}
        }
    }

    fn find_command(&mut self, rest: &[&str], workdir: &str) {
        let Some(exec) = rest.iter().position(|w| *w == "-exec" || *w == "-execdir") else {
            return;
        };
        let command = &rest[exec + 1..];
        if command.first() != Some(&"chmod") {
            return;
        }
        let Some(mode) = command[1..]
            .iter()
            .find(|w| !w.starts_with('-') || is_mode(w))
        else {
            return;
        };
        if !sets_exec(mode) {
            return;
        }
        let roots: Vec<(String, String)> = rest
            .iter()
            .take_while(|w| !w.starts_with('-') && !matches!(**w, "(" | "!"))
            .map(|root| (root.to_string(), absolute(workdir, root)))
            .collect();
        let roots = if roots.is_empty() {
            vec![(".".to_string(), workdir.to_string())]
        } else {
            roots
        };
        let mut names = Vec::new();
        let mut paths = Vec::new();
        let mut words = rest[..exec].iter();
        while let Some(word) = words.next() {
            match *word {
                "-name" | "-iname" => names.extend(words.next().map(|w| w.to_string())),
                "-path" | "-wholename" => paths.extend(words.next().map(|w| w.to_string())),
                _ => {}
            }
        }
        self.chmods.push(Chmod::Find {
            roots,
            names,
            paths,
        });
    }

    /// Whether a chmod of the Dockerfile makes the file at this container
    /// path executable.
    pub fn chmod_covers(&self, container: &str) -> bool {
        let name = container.rsplit('/').next().unwrap_or(container);
        self.chmods.iter().any(|chmod| match chmod {
            Chmod::Everything => true,
            Chmod::Paths {
                patterns,
                recursive,
            } => patterns.iter().any(|pattern| {
                glob(pattern, container)
                    || (*recursive && ancestors(container).any(|dir| glob(pattern, dir)))
            }),
            Chmod::Find {
                roots,
                names,
                paths,
            } => {
                // The tests of `\( -name A -o -path B \)` are alternatives.
                roots.iter().any(|(given, root)| {
                    if !under(root, container) {
                        return false;
                    }
                    let printed = format!(
                        "{}{}",
                        given.trim_end_matches('/'),
                        container
                            .strip_prefix(root.trim_end_matches('/'))
                            .unwrap_or(container)
                    );
                    (names.is_empty() && paths.is_empty())
                        || names.iter().any(|p| glob_any(p, name))
                        || paths.iter().any(|p| glob_any(p, &printed))
                })
            }
        })
    }

    /// Whether the image has a program: a package of that name (`python3`,
    /// `php82` for `php`), or a Python or Node base image for those.
    pub fn has_program(&self, program: &str) -> bool {
        let stem = program.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
        let provided = |package: &str| {
            package == program
                || package.trim_end_matches(|c: char| c.is_ascii_digit()) == stem
                    && !stem.is_empty()
                || matches!(
                    (package, program),
                    ("nodejs", "node") | ("python3", "python") | ("python3-minimal", "python3")
                )
        };
        if self.packages.iter().any(|p| provided(p)) {
            return true;
        }
        let python = matches!(stem, "python" | "pip");
        let node = matches!(program, "node" | "nodejs" | "npm" | "npx");
        self.bases.iter().any(|base| {
            let name = base.rsplit('/').next().unwrap_or(base);
            let name = name.split(':').next().unwrap_or(name);
            (python && name.contains("python"))
                || (node && (name.contains("node") || name == "bun"))
        })
    }
}

/// The package name of `pkg=1.2-r0`, `pkg~1.2`, `pkg@edge`.
fn package_name(word: &str) -> String {
    let end = word.find(['=', '~', '@', '<', '>']).unwrap_or(word.len());
    word[..end].to_string()
}

fn is_mode(word: &str) -> bool {
    word.starts_with('-') && word[1..].chars().all(|c| "rwxXst".contains(c)) && word.len() > 1
}

/// Whether a chmod mode sets an execute bit (`+x`, `a+rx`, `755`, `u=rwx`).
fn sets_exec(mode: &str) -> bool {
    if !mode.is_empty() && mode.chars().all(|c| c.is_ascii_digit()) {
        return mode
            .chars()
            .rev()
            .take(3)
            .filter_map(|c| c.to_digit(8))
            .any(|d| d % 2 == 1);
    }
    mode.split(',')
        .any(|clause| (clause.contains('+') || clause.contains('=')) && clause.contains(['x', 'X']))
}

/// `dir` made absolute against the working directory, `.` and `..` resolved.
fn absolute(workdir: &str, path: &str) -> String {
    let joined = if path.starts_with('/') {
        path.to_string()
    } else {
        format!("{workdir}/{path}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    format!("/{}", parts.join("/"))
}

/// Whether `path` is `root` or below it.
fn under(root: &str, path: &str) -> bool {
    root == "/"
        || path == root
        || path
            .strip_prefix(root)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// The directories above a path, nearest first.
fn ancestors(path: &str) -> impl Iterator<Item = &str> {
    path.char_indices()
        .filter(|(_, c)| *c == '/')
        .map(move |(at, _)| if at == 0 { "/" } else { &path[..at] })
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
}

/// A shell glob against a path: `*` and `?` stay within one path part.
fn glob(pattern: &str, text: &str) -> bool {
    matches(pattern.as_bytes(), text.as_bytes(), false)
}

/// A `find -name`/`-path` pattern: `*` also matches `/`.
fn glob_any(pattern: &str, text: &str) -> bool {
    matches(pattern.as_bytes(), text.as_bytes(), true)
}

/// Glob matching without recursion (`*`, `?`, `[...]`, `[!...]`).
fn matches(pattern: &[u8], text: &[u8], star_crosses_slash: bool) -> bool {
    let (mut p, mut t) = (0, 0);
    let mut back: Option<(usize, usize)> = None;
    while t < text.len() {
        let step = match pattern.get(p) {
            Some(b'*') => {
                back = Some((p, t));
                p += 1;
                continue;
            }
            Some(b'?') if text[t] != b'/' || star_crosses_slash => Some(p + 1),
            Some(b'[') => class(&pattern[p..], text[t]).map(|len| p + len),
            Some(b'\\') if pattern.get(p + 1) == Some(&text[t]) => Some(p + 2),
            Some(&c) if c == text[t] && c != b'?' => Some(p + 1),
            _ => None,
        };
        match step {
            Some(next) => {
                p = next;
                t += 1;
            }
            None => match back {
                Some((star, from)) if star_crosses_slash || text[from] != b'/' => {
                    back = Some((star, from + 1));
                    p = star + 1;
                    t = from + 1;
                }
                _ => return false,
            },
        }
    }
    pattern[p..].iter().all(|&c| c == b'*')
}

/// A `[...]` class at the start of `pattern` against one byte: the class's
/// length when it matches.
fn class(pattern: &[u8], byte: u8) -> Option<usize> {
    let mut i = 1;
    let negate = matches!(pattern.get(i), Some(b'!' | b'^'));
    if negate {
        i += 1;
    }
    let mut found = false;
    let mut first = true;
    while let Some(&c) = pattern.get(i) {
        if c == b']' && !first {
            return (found != negate).then_some(i + 1);
        }
        first = false;
        if pattern.get(i + 1) == Some(&b'-') && pattern.get(i + 2).is_some_and(|&e| e != b']') {
            found |= (c..=pattern[i + 2]).contains(&byte);
            i += 3;
        } else {
            found |= c == byte;
            i += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests;
