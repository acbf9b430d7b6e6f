# shellcheck shell=bash
# What every benchmark starts from, sourced with `here` set to the checkout:
# a scratch directory `work`, removed at exit, and the mock Supervisor on
# loopback (the coprocess is the mock itself, so it ends with the run), its
# address and token exported as the Supervisor's, log lines without times
# and the cache in `work`.
cargo build --release --quiet -p mock-supervisor --manifest-path "${here}/Cargo.toml"
work=$(mktemp -d)
cleanup() {
    if [[ -n "${mock_pid:-}" ]]; then kill "${mock_pid}" 2>/dev/null || true; fi
    rm -rf "${work}"
}
trap cleanup EXIT
coproc MOCK { exec "${here}/target/release/mock-supervisor" --token bench-token; }
mock_pid=${MOCK_PID}
read -r url <&"${MOCK[0]}"
export SUPERVISOR_API="${url}" SUPERVISOR_TOKEN=bench-token LOG_TIMESTAMP=T
export CACHE_DIR="${work}/cache"
