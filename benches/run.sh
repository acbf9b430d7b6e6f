#!/usr/bin/env bash
# Benchmarks of the bashio binary, with `bash -c :` as the floor and, when the
# path of a bashio checkout is given, the reference bashio measured in the same
# run. Not part of the test run.
#
#   benches/run.sh [BASHIO_CHECKOUT]
#
# Needs hyperfine (and strace, /usr/bin/time for the syscall and memory
# figures); the reference needs curl and a jq on PATH (JQ=/path/to/jq to pick one).
# Every scenario runs against the mock Supervisor on loopback.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
reference=${1:-}
runs=${RUNS:-100}

# The build images ship (README, Install): static and at a fixed address, so a
# call starts with no dynamic linking and no relocations to apply.
host=$(rustc -vV | sed -n 's/^host: //p')
RUSTFLAGS="-C target-feature=+crt-static -C relocation-model=static" \
    cargo build --release --quiet --target "${host}" --bin bashio --manifest-path "${here}/Cargo.toml"
cargo build --release --quiet -p mock-supervisor --manifest-path "${here}/Cargo.toml"
binary="${here}/target/${host}/release/bashio"
mock="${here}/target/release/mock-supervisor"

work=$(mktemp -d)
cleanup() {
    [[ -n "${mock_pid:-}" ]] && kill "${mock_pid}" 2>/dev/null || true
    rm -rf "${work}"
}
trap cleanup EXIT

# The mock Supervisor, printing its URL once it listens.
coproc MOCK { "${mock}" --token bench-token; }
mock_pid=${MOCK_PID}
read -r url <&"${MOCK[0]}"

mkdir -p "${work}/bin"
ln -s "${binary}" "${work}/bin/bashio"
if [[ -n "${JQ:-}" ]]; then ln -s "$(command -v "${JQ}")" "${work}/bin/jq"; fi
export PATH="${work}/bin:${PATH}"
export SUPERVISOR_API="${url}" SUPERVISOR_TOKEN=bench-token LOG_TIMESTAMP=T

# The scripts, once per interpreter.
typical_body='
bashio::log.info "Setting up..."
bashio::config.require "database.host"
if ! bashio::config.has_value "database.password"; then bashio::exit.nok "no password"; fi
host=$(bashio::config "database.host")
port=$(bashio::config "database.port")
user=$(bashio::config "database.username")
domains=$(bashio::config "domains | join(\",\")")
count=$(bashio::config "logins|length")
bashio::config.true "ssl" && bashio::log.info "SSL on"
bashio::config.false "debug" && bashio::log.debug "no debug"
web=$(bashio::addon.port 80)
ingress=$(bashio::addon.ingress_port)
entry=$(bashio::addon.ingress_entry)
ip=$(bashio::addon.ip_address)
name=$(bashio::addon.name)
version=$(bashio::addon.version)
level=$(bashio::config "log_level")
bashio::var.has_value "${host}" && bashio::log.info "Database ${user}@${host}:${port}"
bashio::log.info "Done: ${name} ${version} on ${ip}:${web} (${ingress}${entry}) ${domains} ${count} ${level}"
'
write_scripts() { # $1: name, $2: shebang
    printf '#!%s\n' "$2" >"${work}/$1-empty.sh"
    printf '#!%s\n%s' "$2" "${typical_body}" >"${work}/$1-typical.sh"
    printf '#!%s\nbashio::config "database.host" >/dev/null\n' "$2" >"${work}/$1-config.sh"
    chmod +x "${work}/$1-"*.sh
}
write_scripts ours "${binary}"
[[ -n "${reference}" ]] && write_scripts ref "${reference}/lib/bashio"

export CACHE_DIR="${work}/cache"
# Warm the cache so "cached" calls are cached.
"${work}/ours-config.sh" >/dev/null

bench() { # $1: export file, then commands
    local out=$1
    shift
    hyperfine --shell=none --warmup 5 --runs "${runs}" --export-json "${work}/${out}.json" "$@" >/dev/null 2>&1 ||
        hyperfine --warmup 5 --runs "${runs}" --export-json "${work}/${out}.json" "$@" >/dev/null
    python3 - "${work}/${out}.json" <<'EOF'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
floor = results[0]["median"]
for r in results:
    print(f"  {r['command'][:60]:60s} median {r['median']*1000:8.2f} ms   {r['median']/floor:6.2f}x the first line")
EOF
}

echo "empty script start"
commands=("bash -c :" "${work}/ours-empty.sh")
[[ -n "${reference}" ]] && commands+=("${work}/ref-empty.sh")
bench empty "${commands[@]}"

echo "one cached bashio::config call (binary called directly; the shim adds bash's function call)"
commands=("bash -c :" "${binary} config database.host")
[[ -n "${reference}" ]] && commands+=("bash -c 'source ${reference}/lib/bashio.sh; bashio::config database.host'")
bench cached "${commands[@]}"

echo "one uncached call (an HTTP round trip to the mock)"
commands=("bash -c :" "env CACHE_DIR=${work}/nocache ${binary} supervisor.ping")
[[ -n "${reference}" ]] && commands+=("bash -c 'source ${reference}/lib/bashio.sh; bashio::supervisor.ping'")
bench uncached "${commands[@]}"

echo "a log line"
commands=("bash -c :" "${binary} log.info hello")
[[ -n "${reference}" ]] && commands+=("bash -c 'source ${reference}/lib/bashio.sh; bashio::log.info hello'")
bench logline "${commands[@]}"

echo "typical cont-init script (about 20 calls, cache warm after its first request)"
commands=("bash -c :" "${work}/ours-typical.sh")
[[ -n "${reference}" ]] && commands+=("${work}/ref-typical.sh")
RUNS=$((runs / 4 > 10 ? runs / 4 : 10)) bench typical "${commands[@]}"

# What bounds a script whatever the binary does: bash reading the library
# (defining ~700 functions), and the forks of the script's own `$(...)`
# (the typical script has 12; each call is a fork and an exec besides).
echo "bash's own costs"
"${binary}" shim >"${work}/bashio.sh"
bench bounds "bash -c :" "bash -c 'source ${work}/bashio.sh'" \
    "bash -c 'for i in {1..12}; do x=\$(:); done'" \
    "bash -c 'for i in {1..20}; do ${binary} log.trace x; done'"

if [[ -x /usr/bin/time ]]; then
    rss=$(/usr/bin/time -f '%M' "${binary}" config database.host 2>&1 >/dev/null | tail -n 1)
    echo "peak RSS of one cached call: ${rss} KiB"
    rss=$(env CACHE_DIR="${work}/nocache2" /usr/bin/time -f '%M' "${binary}" supervisor.ping 2>&1 >/dev/null | tail -n 1)
    echo "peak RSS of one uncached call: ${rss} KiB"
fi
echo "release binary: $(stat -c %s "${binary}") bytes"
if command -v strace >/dev/null; then
    calls=$(strace -f -c -o "${work}/strace.txt" "${binary}" config database.host >/dev/null && awk '/total/ {print $4}' "${work}/strace.txt")
    echo "syscalls per cached call: ${calls}"
fi
