//! Tests of the Dockerfile reader: versions, packages and chmod coverage.

#![forbid(unsafe_code)]

use super::*;

#[test]
fn lint_image_reads_the_bashio_version_from_base_or_dockerfile() {
    let image = Image::read(
        "ARG BUILD_FROM=ghcr.io/hassio-addons/base:20.0.1\nFROM ${BUILD_FROM}\n",
        Vec::new(),
    );
    let bashio = image.bashio.unwrap();
    assert_eq!(bashio.version, (0, 17, 5));
    assert_eq!(
        bashio.from,
        "the base image ghcr.io/hassio-addons/base:20.0.1"
    );
    let image = Image::read(
        "FROM debian:12\nENV BASHIO_VERSION=\"v0.18.1\"\nRUN curl -L https://github.com/hassio-addons/bashio/archive/${BASHIO_VERSION}.tar.gz | tar xz\n",
        Vec::new(),
    );
    assert_eq!(image.bashio.unwrap().version, (0, 18, 1));
    // A BASHIO_VERSION nothing uses says nothing.
    let image = Image::read("FROM debian:12\nENV BASHIO_VERSION=1.29.1\n", Vec::new());
    assert!(image.bashio.is_none());
    let image = Image::read(
        "ARG BUILD_FROM\nFROM $BUILD_FROM\nRUN /ha_autoapps.sh \"$PACKAGES\"\n",
        vec!["lscr.io/linuxserver/sonarr:latest".into()],
    );
    assert_eq!(image.bashio.unwrap().version, (0, 17, 5));
    assert!(Image::read("FROM alpine:3.20\n", Vec::new())
        .bashio
        .is_none());
}

#[test]
fn lint_image_reads_packages_and_base_images() {
    let image = Image::read(
        "FROM x\nRUN apk add --no-cache \\\n    python3=3.12.1-r0 \\\n    php82 \\\n  && apt-get -y install nodejs\nENV PACKAGES=\"perl jq\"\n",
        Vec::new(),
    );
    for program in ["python3", "python", "php", "node", "perl", "jq"] {
        assert!(image.has_program(program), "{program}");
    }
    assert!(!image.has_program("ruby"));
    let python = Image::read(
        "",
        vec!["ghcr.io/home-assistant/amd64-base-python:3.13".into()],
    );
    assert!(python.has_program("python3") && !python.has_program("node"));
}

#[test]
fn lint_image_knows_which_files_a_chmod_covers() {
    let image = Image::read(
        "FROM x\nCOPY rootfs /\nWORKDIR /\nRUN find . -type f \\( -name \"*.sh\" -o -name \"run\" -o -name \"finish\" \\) -print -exec chmod +x {} \\;\nRUN chmod 777 /etc/services.d/*/*\nRUN chmod -R a+x /opt/bin && chmod 644 /etc/x\n",
        Vec::new(),
    );
    assert!(image.chmod_covers("/etc/cont-init.d/20-config.sh"));
    assert!(image.chmod_covers("/etc/s6-overlay/s6-rc.d/app/run"));
    assert!(image.chmod_covers("/etc/services.d/app/log"));
    assert!(image.chmod_covers("/opt/bin/deep/tool"));
    assert!(!image.chmod_covers("/etc/cont-init.d/20-config"));
    assert!(!image.chmod_covers("/etc/x"));
    let image = Image::read(
        "WORKDIR /etc\nRUN find cont-init.d -exec chmod 755 {} +\nRUN chmod 0644 /usr/bin/*\n",
        Vec::new(),
    );
    assert!(image.chmod_covers("/etc/cont-init.d/anything"));
    assert!(!image.chmod_covers("/etc/services.d/a/run"));
    assert!(!image.chmod_covers("/usr/bin/x"));
    let image = Image::read(
        "RUN find /etc -type f \\( -name \"*.sh\" -o -path \"*/services.d/*/run\" \\) -exec chmod +x {} \\;\n",
        Vec::new(),
    );
    assert!(image.chmod_covers("/etc/services.d/api/run"));
    assert!(image.chmod_covers("/etc/cont-init.d/a.sh"));
    assert!(!image.chmod_covers("/etc/services.d/api/finish"));
    // A WORKDIR of an earlier stage does not carry over; -path sees paths
    // as find prints them.
    let image = Image::read(
        "FROM node AS build\nWORKDIR /src\nFROM base\nRUN find /etc -path \"*/services.d/*/run\" -exec chmod +x {} \\;\nWORKDIR /etc\nRUN find . -path ./cont-init.d/x -exec chmod +x {} +\n",
        Vec::new(),
    );
    assert!(image.chmod_covers("/etc/services.d/api/run"));
    assert!(image.chmod_covers("/etc/cont-init.d/x"));
    assert!(!image.chmod_covers("/etc/cont-init.d/y"));
    assert!(Image::read("COPY --chmod=755 rootfs /\n", Vec::new()).chmod_covers("/a/b"));
    assert!(!Image::read("COPY --chmod=644 rootfs /\n", Vec::new()).chmod_covers("/a/b"));
}

#[test]
fn lint_image_globs() {
    assert!(glob("/etc/*/run", "/etc/a/run"));
    assert!(!glob("/etc/*/run", "/etc/a/b/run"));
    assert!(glob_any("*.sh", "a/b.sh"));
    assert!(glob("[0-9][!x]?", "12y"));
    assert!(!glob("[0-9]", "a"));
    assert!(glob("a\\*", "a*"));
    assert!(!glob("[", "["));
}
