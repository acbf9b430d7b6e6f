#!/usr/bin/env bash
# Checks that the code of the start before the C library's (this crate)
# refers to no symbol outside itself: no C library function (memcpy, memcmp,
# memset, which the compiler may call for a copy or a comparison) and no
# function of Rust's core. At that point the C library has resolved nothing.
# It reads the crate's own object, which the binary's link-time optimization
# leaves as it is (the crate is no_builtins); the entry point in src/main.rs
# is a few instructions of assembly.
#
#   crates/early-start/check.sh TARGET/release/deps
set -euo pipefail
# The newest, if several builds left one.
rlib=$(find "$1" -maxdepth 1 -name 'libearly_start-*.rlib' -printf '%T@ %p\n' | sort -n | tail -n 1 | cut -d' ' -f2-)
objects=$(mktemp -d)
trap 'rm -rf "${objects}"' EXIT
rlib=$(realpath "${rlib}")
(cd "${objects}" && ar x "${rlib}")
undefined=$(readelf -sW "${objects}"/*.o | awk '$7 == "UND" && $8 != ""')
if [[ -n "${undefined}" ]]; then
    printf 'early-start: %s calls outside its crate:\n%s\n' "${rlib}" "${undefined}" >&2
    exit 1
fi
echo "early-start: ${rlib##*/} refers to nothing outside itself"
