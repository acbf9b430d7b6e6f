#!/usr/bin/env bash
# Builds the fuzz targets on a stable toolchain (libFuzzer linked, without the
# coverage instrumentation `cargo fuzz` adds with nightly flags) and runs each
# once on every input kept for it, 60 s each at most: the inputs that once
# failed it (tests/data/fuzz/TARGET/), its corpus and artifacts when this
# checkout has them (fuzz/corpus/TARGET/, fuzz/artifacts/TARGET/: not in the
# repository), and the empty input. A target that panics, crashes or hangs on
# any of them fails the run, naming the target; nothing is fuzzed.
#
# Usage: fuzz/replay.sh   (from anywhere; builds into fuzz/target/, apart from
# the main target/: the library there, named without a hash for its .so, would
# be overwritten by a build with the fuzz crate's dependencies)
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --manifest-path fuzz/Cargo.toml --bins --locked --target-dir fuzz/target

scratch=$(mktemp -d)
trap 'rm -rf "${scratch}"' EXIT
: >"${scratch}/empty"

failed=()
count=0
for source in fuzz/fuzz_targets/*.rs; do
    target=$(basename "${source}" .rs)
    inputs=("${scratch}/empty")
    for dir in "tests/data/fuzz/${target}" "fuzz/corpus/${target}" "fuzz/artifacts/${target}"; do
        if [[ -d "${dir}" ]]; then
            while IFS= read -r -d '' file; do
                inputs+=("${file}")
            done < <(find "${dir}" -type f -print0 | sort -z)
        fi
    done
    # libFuzzer runs each file given as an argument once; a crash leaves its
    # input under the scratch directory, not in the checkout. xargs keeps
    # every command line within the system's limit.
    if printf '%s\0' "${inputs[@]}" |
        xargs -0 "fuzz/target/debug/${target}" -timeout=60 -artifact_prefix="${scratch}/" \
            >"${scratch}/${target}.log" 2>&1; then
        count=$((count + ${#inputs[@]}))
    else
        cat "${scratch}/${target}.log" >&2
        failed+=("${target}")
    fi
done

if ((${#failed[@]})); then
    echo "fuzz replay: failed: ${failed[*]}" >&2
    exit 1
fi
echo "fuzz replay: ${count} inputs, every target passed"
