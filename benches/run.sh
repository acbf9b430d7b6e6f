#!/usr/bin/env bash
# Benchmarks: ours in both modes (builtins inside bash, and functions that
# run the binary), beside `bash -c :`, the bash floor of the typical script
# (benches/floor.sh) and, given a bashio checkout, the reference bashio, all
# measured in the same run. Not part of the test run.
#
#   benches/run.sh [BASHIO_CHECKOUT]
#
# Needs hyperfine (and /usr/bin/time for memory); the reference needs curl
# and a jq on PATH (JQ=/path/to/jq to pick one). Every scenario runs against
# the mock Supervisor on loopback. RUNS sets hyperfine's runs (default 100).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
reference=${1:-}
runs=${RUNS:-100}

# What images ship (README, Install): the binary static and at a fixed
# address, the builtins library beside it.
host=$(rustc -vV | sed -n 's/^host: //p')
RUSTFLAGS="-C target-feature=+crt-static -C relocation-model=static -C panic=abort" \
    cargo build --release --quiet --target "${host}" --bin bashio --manifest-path "${here}/Cargo.toml" 2>/dev/null
cargo build --release --quiet -p bashio-builtins --manifest-path "${here}/Cargo.toml"
ship="${here}/target/${host}/release"
cp "${here}/target/release/libbashio_builtins.so" "${ship}/libbashio_builtins.so"
binary="${ship}/bashio"
# As Alpine images build it (README, Install): the same static binary for
# musl, when that target and a musl C compiler are installed (rustup target
# add x86_64-unknown-linux-musl; Debian's musl-tools). bash here is still
# glibc's, and so is the library beside it.
musl="$(uname -m)-unknown-linux-musl"
musl_binary=
if rustup target list --installed 2>/dev/null | grep -qx "${musl}" &&
    command -v "$(uname -m)-linux-musl-gcc" >/dev/null; then
    RUSTFLAGS="-C target-feature=+crt-static -C relocation-model=static -C panic=abort" \
        cargo build --release --quiet --target "${musl}" --bin bashio --manifest-path "${here}/Cargo.toml"
    cp "${here}/target/release/libbashio_builtins.so" "${here}/target/${musl}/release/"
    musl_binary="${here}/target/${musl}/release/bashio"
fi

# shellcheck source=benches/mock.sh
source "${here}/benches/mock.sh"

mkdir -p "${work}/bin"
ln -s "${binary}" "${work}/bin/bashio"
if [[ -n "${JQ:-}" ]]; then ln -s "$(command -v "${JQ}")" "${work}/bin/jq"; fi
export PATH="${work}/bin:${PATH}"

# Each scenario as a script, once per interpreter.
loop50='for i in {1..50}; do x=$(bashio::config database.host); done'
loop50_floor='f() { echo core-mariadb; }; for i in {1..50}; do x=$(f); done'
bare1000='for i in {1..1000}; do bashio::config.true ssl; done'
bare0='for i in {1..1000}; do :; done'
write_scripts() { # $1: name, $2: shebang
    printf '#!%s\n' "$2" >"${work}/$1-empty.sh"
    printf '#!%s\n' "$2" >"${work}/$1-typical.sh"
    cat "${here}/benches/typical.sh" >>"${work}/$1-typical.sh"
    printf '#!%s\nbashio::config database.host >/dev/null\n' "$2" >"${work}/$1-config.sh"
    printf '#!%s\n%s\n' "$2" "${loop50}" >"${work}/$1-loop50.sh"
    printf '#!%s\n%s\n' "$2" "${bare1000}" >"${work}/$1-bare1000.sh"
    printf '#!%s\n%s\n' "$2" "${bare0}" >"${work}/$1-bare0.sh"
    chmod +x "${work}/$1-"*.sh
}
write_scripts ours "${binary}"
[[ -n "${musl_binary}" ]] && write_scripts musl "${musl_binary}"
[[ -n "${reference}" ]] && write_scripts ref "${reference}/lib/bashio"
printf '#!/usr/bin/env bash\n%s\n' "${loop50_floor}" >"${work}/floor-loop50.sh"
chmod +x "${work}/floor-loop50.sh"

"${work}/ours-config.sh" >/dev/null # warm the cache

# hyperfine medians of its commands, each beside the first command.
bench() { # $1: name, then commands
    local out=$1
    shift
    hyperfine -N --warmup 5 --runs "${runs}" --export-json "${work}/${out}.json" "$@" >/dev/null 2>&1 ||
        hyperfine --warmup 5 --runs "${runs}" --export-json "${work}/${out}.json" "$@" >/dev/null
    python3 - "${work}/${out}.json" <<'EOF'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
floor = results[0]["median"]
for r in results:
    print(f"  {r['command'][-70:]:70s} {r['median']*1000:8.2f} ms  {r['median']/floor:6.2f}x")
EOF
}

# Each row in both modes: builtins (the default) and functions.
modes() { # $1: name, then commands run in both modes
    local name=$1
    shift
    echo "  builtins:"
    bench "${name}-builtins" "$@"
    echo "  functions (BASHIO_BUILTINS=0):"
    BASHIO_BUILTINS=0 bench "${name}-functions" "$@"
}

with_ref() { # $1: script kind
    [[ -n "${reference}" ]] && echo "${work}/ref-$1.sh" || true
}

echo "empty script start (first line: bash -c :)"
modes empty "bash -c :" "${work}/ours-empty.sh" $(with_ref empty)

if [[ -n "${musl_binary}" ]]; then
    # Two builds of one program, a few tenths of a millisecond apart: timed
    # in turn, so both meet the same moments of the machine.
    echo "empty script start, the binary built for glibc and for musl, in turn (first line: bash -c :)"
    python3 "${here}/benches/interleaved.py" -n $((runs * 5)) "bash -c :" "${work}/ours-empty.sh" "${work}/musl-empty.sh"
fi

echo "typical cont-init script, 19 calls (first line: its bash floor, benches/floor.sh)"
RUNS=$((runs / 2 > 10 ? runs / 2 : 10)) modes typical "${here}/benches/floor.sh" "${work}/ours-typical.sh" $(with_ref typical)

echo "50 cached x=\$(bashio::config k) in a loop (first line: the same loop calling a shell function)"
RUNS=$((runs / 2 > 10 ? runs / 2 : 10)) modes loop50 "${work}/floor-loop50.sh" "${work}/ours-loop50.sh" $(with_ref loop50)

echo "1,000 bare calls of bashio::config.true (first line: the same script with an empty loop)"
RUNS=10 modes bare "${work}/ours-bare0.sh" "${work}/ours-bare1000.sh"
for mode in builtins functions; do
    python3 - "${work}/bare-${mode}.json" "${mode}" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print(f"  one bare call ({sys.argv[2]}): {(r[1]['median'] - r[0]['median']) * 1000:.1f} us")
EOF
done

echo "one cached bashio::config from another shell (the exec path: bashio NAME)"
bench exec "bash -c :" "${binary} config database.host" ${musl_binary:+"${musl_binary} config database.host"}

echo "one uncached call (an HTTP round trip to the mock), exec path"
bench uncached "bash -c :" "env CACHE_DIR=${work}/nocache ${binary} supervisor.ping"

if [[ -x /usr/bin/time ]]; then
    rss=$(/usr/bin/time -f '%M' "${binary}" config database.host 2>&1 >/dev/null | tail -n 1)
    echo "peak RSS of one cached call (exec path): ${rss} KiB"
fi
printf '#!%s\nrss() { awk "/^VmRSS/ {print \\$2}" /proc/$$/status; }\nfor i in {1..200}; do bashio::config database.host >/dev/null; done\na=$(rss)\nfor ((i = 0; i < 10000; i++)); do bashio::config database.host >/dev/null; done\nb=$(rss)\necho "bash RSS over 10,000 builtin calls: ${a} KiB -> ${b} KiB"\n' "${binary}" >"${work}/rss.sh"
chmod +x "${work}/rss.sh"
"${work}/rss.sh"

prefix="${work}/image"
"${binary}" install --prefix "${prefix}"
echo "static binary: $(stat -c %s "${binary}") bytes; libbashio_builtins.so: $(stat -c %s "${ship}/libbashio_builtins.so") bytes"
[[ -n "${musl_binary}" ]] && echo "static binary for musl: $(stat -c %s "${musl_binary}") bytes"
echo "everything bashio install lays out: $(du -sb --apparent-size "${prefix}" | cut -f1) bytes"
