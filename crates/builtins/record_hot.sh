#!/usr/bin/env bash
# Records hot.txt: the library's functions that a typical script's calls run,
# in the order the link places them (build.rs): first those the most
# `$(...)` children run, then those only the script's own bash runs (its
# start and its direct calls). Only the order of the code changes; a name
# that no longer matches anything is ignored by the link.
#
# Also records the binary's: hot.txt at the top, the functions a script's
# start runs in it (up to its exec of bash) and a few calls of the exec path.
#
#   crates/builtins/record_hot.sh
#
# Needs valgrind. Runs benches/typical.sh and a loop of cached calls under
# callgrind against the mock Supervisor, with unstripped builds.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=$(mktemp -d)
# shellcheck source=benches/mock.sh
source "${here}/benches/mock.sh"
trap 'cleanup; rm -rf "${build}"' EXIT

CARGO_PROFILE_RELEASE_STRIP=false cargo build --release --quiet \
    --manifest-path "${here}/Cargo.toml" --target-dir "${build}" -p bashio -p bashio-builtins
export __BASHIO_BIN="${build}/release/bashio"
# shellcheck disable=SC2016 # the script's own expansions
{
    echo "source ${here}/shims/bashio.sh"
    echo '[[ ${__BASHIO_MODE} == builtins ]] || { echo "record_hot.sh: no builtins" >&2; exit 1; }'
    cat "${here}/benches/typical.sh"
    echo 'for i in 1 2 3; do x=$(bashio::config database.host); bashio::config.true ssl; done'
} >"${work}/script.sh"
mkdir "${work}/profile"
bash "${work}/script.sh" >/dev/null # the cache, and a check that it runs
valgrind --tool=callgrind --demangle=no --callgrind-out-file="${work}/profile/%p" \
    bash "${work}/script.sh" >/dev/null 2>&1

# The binary, built as images ship it (README, Install), whose inlining the
# order must match: a start (its profile ends as it execs bash) and
# exec-path calls.
host=$(rustc -vV | sed -n 's/^host: //p')
CARGO_PROFILE_RELEASE_STRIP=false \
    RUSTFLAGS="-C target-feature=+crt-static -C relocation-model=static -C panic=abort" \
    cargo build --release --quiet --manifest-path "${here}/Cargo.toml" \
    --target-dir "${build}" --target "${host}" --bin bashio
cp "${build}/release/libbashio_builtins.so" "${build}/${host}/release/"
export __BASHIO_BIN="${build}/${host}/release/bashio"
mkdir "${work}/binary" "${work}/contenv"
echo ':' >"${work}/empty.sh"
for call in "${work}/empty.sh" "var.true true" "config database.host" "log.info hot"; do
    # shellcheck disable=SC2086 # a call is a name and its arguments
    valgrind --tool=callgrind --demangle=no --dump-before=execve \
        --callgrind-out-file="${work}/binary/%p" "${__BASHIO_BIN}" ${call} >/dev/null 2>&1 || true
done
# And the start of most add-on scripts: `#!/usr/bin/with-contenv bashio`.
ln -s "${__BASHIO_BIN}" "${work}/with-contenv"
printf '%s' "${__BASHIO_BIN%/*}:/usr/bin:/bin" >"${work}/contenv/PATH"
BASHIO_CONTENV_DIR="${work}/contenv" valgrind --tool=callgrind --demangle=no --dump-before=execve \
    --callgrind-out-file="${work}/binary/%p" "${work}/with-contenv" bashio "${work}/empty.sh" >/dev/null 2>&1 || true

record() { # PROFILES OUT BINARY [parent] [ARCHIVE]: `parent` when the first
    # profile is the parent's; ARCHIVE, the C library the binary is linked with
    nm --defined-only "$3" >"${work}/symbols"
    : >"${work}/archive"
    if [[ -n "${5:-}" ]]; then nm -A --defined-only "$5" >"${work}/archive" 2>/dev/null || true; fi
    # The resolvers a static binary's start runs for each IFUNC (the C
    # library's string functions), which valgrind runs for it unprofiled.
    readelf -rW "$3" | awk '/IRELATIVE/ { print $NF }' >"${work}/resolvers"
    python3 - "$1" "$2" "${work}/symbols" "${4:-}" "${work}/archive" "${work}/resolvers" <<'EOF'
import collections, os, re, sys

profiles, out, symbols, with_parent, archive, resolvers = sys.argv[1:7]
# The library's functions by their symbols (callgrind does not always name
# the object a function ran in); LLVM keeps one body of identical functions,
# under a name another build may choose differently, so each body's every
# name goes in.
address, names = {}, collections.defaultdict(list)
for line in open(symbols):
    fields = line.split()
    if len(fields) == 3 and fields[1] in "tTwW":
        address[fields[2]] = fields[0]
        names[fields[0]].append(fields[2])
runs = collections.Counter()  # function -> the children that ran it
parent = set()
# The script's own bash, when the profiles are a script's.
first = min(os.listdir(profiles), key=lambda p: int(p.split(".")[0])) if with_parent else None
for pid in os.listdir(profiles):
    functions, seen = {}, set()
    for line in open(os.path.join(profiles, pid), errors="replace"):
        m = re.match(r"(c?)fn=\((\d+)\)(?: (.*))?", line.rstrip("\n"))
        if not m:
            continue
        if m.group(3):
            functions[m.group(2)] = m.group(3)
        name = functions.get(m.group(2), "")
        if not m.group(1) and name in address:
            seen.add(name)
    if pid == first:
        parent |= seen
    else:
        runs.update(seen)

def pattern(symbol):
    # A symbol's hashes change with the build (its profile, its target), and
    # with them the back-references of v0 names; the names do not. (`'N`
    # is callgrind's mark of a recursion, `.N` LLVM's of a local copy.)
    symbol = re.sub(r"'\d+$", "", symbol)
    symbol = re.sub(r"\.\d+$", "*", symbol)
    symbol = re.sub(r"17h[0-9a-f]{16}E", "17h*E", symbol)
    symbol = re.sub(r"Cs[0-9A-Za-z]+_", "Cs*_", symbol)
    return re.sub(r"B[0-9A-Za-z]*_", "B*_", symbol) if symbol.startswith("_R") else symbol

ordered = sorted(runs, key=lambda f: (-runs[f], f)) + sorted(parent - set(runs))
aliased = [a for f in ordered for a in [f] + names.get(address.get(f), [])]
lines = list(dict.fromkeys(pattern(f) for f in aliased if f.startswith(("_ZN", "_R"))))
# The C library's functions that ran, by the archive member that holds each
# (a name two members define is left out): its start-up code and the
# resolvers of its string functions are spread over a megabyte.
members = collections.defaultdict(set)
for line in open(archive):
    fields = line.split()
    if len(fields) == 3 and fields[1] in "tTwWi":
        members[fields[2]].add(fields[0].rsplit(":", 2)[1])
by_address = {int(a, 16): names[a] for a in names}
ran = ordered + [n for a in open(resolvers).read().split() for n in by_address.get(int(a, 16), [])]
lines += dict.fromkeys(
    f"libc.a:{next(iter(members[f]))}" for f in ran if len(members.get(f, ())) == 1
)
if not lines:
    sys.exit(f"record_hot.sh: the profiles hold no function for {out}")
with open(out, "w") as f:
    f.write("\n".join(lines) + "\n")
print(f"{len(lines)} functions into {out}")
EOF
}
record "${work}/profile" "${here}/crates/builtins/hot.txt" "${build}/release/libbashio_builtins.so" parent
record "${work}/binary" "${here}/hot.txt" "${__BASHIO_BIN}" "" "$(gcc -print-file-name=libc.a)"
