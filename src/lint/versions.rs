//! Which bashio each known base image installs, so that advice about bashio
//! names fits the image. The tables were read from the images' Dockerfiles
//! at each release tag (hassio-addons/addon-base, addon-debian-base and
//! home-assistant/docker-base): a row is the first release that moved to a
//! version. A tag after the last row, or a moving tag (`stable`, `3.23`,
//! `bookworm`), gets the last row's version. Every release to date installs
//! a bashio before 0.18.0, where the `bashio::app.*` names first exist.

#![forbid(unsafe_code)]

/// A bashio version: (major, minor, patch).
pub type Version = (u32, u32, u32);

/// The first bashio with the `bashio::app.*` and `bashio::apps.*` names.
pub const APP_NAMES: Version = (0, 18, 0);

/// What alexbelgium's `ha_automatic_packages.sh` installs when the base
/// image has no bashio.
pub const INSTALLER: Version = (0, 17, 5);

/// ghcr.io/hassio-addons/base (also base/ARCH): release -> bashio.
const COMMUNITY_BASE: &[(Version, Version)] = &[
    ((0, 0, 0), (0, 14, 3)),
    ((13, 1, 4), (0, 14, 3)),
    ((14, 0, 0), (0, 15, 0)),
    ((14, 3, 0), (0, 16, 0)),
    ((15, 0, 0), (0, 16, 2)),
    ((17, 2, 1), (0, 16, 3)),
    ((17, 2, 5), (0, 17, 0)),
    ((18, 0, 3), (0, 17, 1)),
    ((18, 1, 2), (0, 17, 3)),
    ((18, 1, 3), (0, 17, 4)),
    ((18, 2, 1), (0, 17, 5)),
];

/// ghcr.io/hassio-addons/debian-base: release -> bashio.
const COMMUNITY_DEBIAN_BASE: &[(Version, Version)] = &[
    ((0, 0, 0), (0, 14, 3)),
    ((6, 2, 7), (0, 15, 0)),
    ((7, 3, 0), (0, 16, 2)),
    ((7, 7, 1), (0, 16, 3)),
    ((7, 8, 3), (0, 17, 0)),
    ((8, 0, 0), (0, 17, 1)),
    ((8, 1, 1), (0, 17, 2)),
    ((8, 1, 2), (0, 17, 3)),
    ((8, 1, 3), (0, 17, 4)),
];

/// home-assistant/docker-base (ARCH-base, -base-debian, -base-python,
/// -base-ubuntu): release date YYYY.MM.N -> bashio.
const HOME_ASSISTANT_BASE: &[(Version, Version)] = &[
    ((0, 0, 0), (0, 13, 0)),
    ((2021, 6, 0), (0, 13, 1)),
    ((2021, 11, 0), (0, 14, 3)),
    ((2023, 5, 0), (0, 15, 0)),
    ((2023, 12, 0), (0, 16, 2)),
    ((2025, 5, 0), (0, 17, 0)),
    ((2025, 10, 0), (0, 17, 5)),
];

/// `v0.17.5`, `0.17.5`, `"v0.17"` as a version.
pub fn parse(text: &str) -> Option<Version> {
    let text = text.trim().trim_matches(['"', '\'']);
    let text = text.strip_prefix('v').unwrap_or(text);
    let mut parts = text.split('.');
    let mut next = || -> Option<u32> {
        match parts.next() {
            None => Some(0),
            Some(part) => part.parse().ok(),
        }
    };
    let version = (next()?, next()?, next()?);
    parts.next().is_none().then_some(version)
}

pub fn show(version: Version) -> String {
    format!("{}.{}.{}", version.0, version.1, version.2)
}

fn lookup(table: &[(Version, Version)], release: Option<Version>) -> Option<Version> {
    let last = table.last()?.1;
    let Some(release) = release else {
        return Some(last);
    };
    table
        .iter()
        .rev()
        .find(|(first, _)| *first <= release)
        .map(|(_, bashio)| *bashio)
}

/// The bashio a known base image installs; None for images not in the tables.
pub fn of_base_image(image: &str) -> Option<Version> {
    let (name, tag) = match image.rsplit_once(':') {
        Some((name, tag)) if !tag.contains('/') => (name, tag),
        _ => (image, "latest"),
    };
    let name = name.split('@').next().unwrap_or(name);
    let parts: Vec<&str> = name.split('/').collect();
    let owner_at = parts
        .iter()
        .position(|p| matches!(*p, "hassio-addons" | "home-assistant" | "homeassistant"))?;
    let owner = parts[owner_at];
    let repo = parts.get(owner_at + 1)?;
    if owner == "hassio-addons" {
        let release = parse(tag);
        return match *repo {
            "base" => lookup(COMMUNITY_BASE, release),
            "debian-base" => lookup(COMMUNITY_DEBIAN_BASE, release),
            "ubuntu-base" | "base-python" | "base-nodejs" => lookup(COMMUNITY_BASE, None),
            _ => None,
        };
    }
    let family = repo.split_once('-').map_or(*repo, |(_, rest)| rest);
    if !(family == "base" || family.starts_with("base-") || *repo == "base") {
        return None;
    }
    // A dated tag (`2025.12.2`, `trixie-2025.12.2`, `3.24-2026.06.1`).
    let release = tag
        .rsplit('-')
        .next()
        .and_then(parse)
        .filter(|v| v.0 >= 2000);
    lookup(HOME_ASSISTANT_BASE, release)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lint_versions_of_known_base_images() {
        let of = |image| of_base_image(image).map(show);
        assert_eq!(
            of("ghcr.io/hassio-addons/base:20.0.1").as_deref(),
            Some("0.17.5")
        );
        assert_eq!(
            of("ghcr.io/hassio-addons/base:17.2.0").as_deref(),
            Some("0.16.2")
        );
        assert_eq!(
            of("ghcr.io/hassio-addons/base/amd64:11.0.0").as_deref(),
            Some("0.14.3")
        );
        assert_eq!(
            of("ghcr.io/hassio-addons/base/amd64:stable").as_deref(),
            Some("0.17.5")
        );
        assert_eq!(
            of("ghcr.io/hassio-addons/debian-base:8.1.2").as_deref(),
            Some("0.17.3")
        );
        assert_eq!(
            of("ghcr.io/home-assistant/amd64-base:3.23").as_deref(),
            Some("0.17.5")
        );
        assert_eq!(
            of("ghcr.io/home-assistant/aarch64-base-debian:trixie-2025.05.1").as_deref(),
            Some("0.17.0")
        );
        assert_eq!(
            of("homeassistant/amd64-base:2022.01.0").as_deref(),
            Some("0.14.3")
        );
        assert_eq!(
            of("ghcr.io/home-assistant/amd64-base-python:3.13-alpine3.23").as_deref(),
            Some("0.17.5")
        );
        assert_eq!(of("ghcr.io/linuxserver/baseimage-debian:bookworm"), None);
        assert_eq!(
            of("ghcr.io/home-assistant/amd64-homeassistant:2025.1"),
            None
        );
        assert_eq!(parse("v0.17.5"), Some((0, 17, 5)));
        assert_eq!(parse("\"1.2\""), Some((1, 2, 0)));
        assert_eq!(parse("x"), None);
    }
}
